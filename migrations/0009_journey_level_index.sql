-- The map lists the pain points about a journey as a whole (no step); without this index that read walked every
-- pain point of the journey (11 000 on the busiest journey of the benchmark) to find the few hundred without a step.
CREATE INDEX pain_points_journey_level ON pain_points (journey_id, moderation_status, hidden_by_flags) WHERE step_id IS NULL;
