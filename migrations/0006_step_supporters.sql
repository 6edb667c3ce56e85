-- Distinct supporters per step (RANKING.md "Step and journey roll-ups"), maintained by triggers so that a journey map
-- reads one small count per step instead of every vote of the journey (at national scale a busy journey has 100 000+).
-- A person supports a step when they reported or voted on a public candidate on it, or on a pain point merged into one.
-- `acts` counts those acts, so a withdrawn vote removes the person only when it was their last act on the step.

CREATE TABLE step_supporters (
  step_id INTEGER NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  acts INTEGER NOT NULL CHECK (acts > 0),
  PRIMARY KEY (step_id, participant_id)
) WITHOUT ROWID;

-- Every act on a public candidate that sits on a step: the candidate's own report and votes, and those of its duplicates.
CREATE VIEW step_acts AS
  SELECT c.step_id, c.participant_id AS pid FROM pain_points c
   WHERE c.step_id IS NOT NULL AND c.moderation_status = 'published' AND c.hidden_by_flags = 0 AND c.participant_id IS NOT NULL
  UNION ALL
  SELECT c.step_id, v.participant_id FROM pain_points c JOIN votes v ON v.pain_point_id = c.id
   WHERE c.step_id IS NOT NULL AND c.moderation_status = 'published' AND c.hidden_by_flags = 0
  UNION ALL
  SELECT c.step_id, s.participant_id FROM pain_points c JOIN pain_points s ON s.merged_into_id = c.id AND s.moderation_status = 'merged'
   WHERE c.step_id IS NOT NULL AND c.moderation_status = 'published' AND c.hidden_by_flags = 0 AND s.participant_id IS NOT NULL
  UNION ALL
  SELECT c.step_id, v.participant_id FROM pain_points c JOIN pain_points s ON s.merged_into_id = c.id AND s.moderation_status = 'merged'
   JOIN votes v ON v.pain_point_id = s.id
   WHERE c.step_id IS NOT NULL AND c.moderation_status = 'published' AND c.hidden_by_flags = 0;

-- The public candidate (with a step) an act on pain point X counts for: X itself, or what X was merged into.
CREATE VIEW act_targets AS
  SELECT x.id AS pain_point_id, c.step_id FROM pain_points x
   JOIN pain_points c ON c.id = CASE WHEN x.moderation_status = 'merged' THEN x.merged_into_id ELSE x.id END
   WHERE c.step_id IS NOT NULL AND c.moderation_status = 'published' AND c.hidden_by_flags = 0;

-- The count per step, kept beside the set so that a map reads one row per step.
CREATE TABLE step_supporter_counts (
  step_id INTEGER PRIMARY KEY REFERENCES steps (id) ON DELETE CASCADE,
  supporters INTEGER NOT NULL CHECK (supporters >= 0)
);

INSERT INTO step_supporters (step_id, participant_id, acts) SELECT step_id, pid, count(*) FROM step_acts GROUP BY step_id, pid;
INSERT INTO step_supporter_counts (step_id, supporters) SELECT step_id, count(*) FROM step_supporters GROUP BY step_id;

CREATE TRIGGER step_supporter_counts_up AFTER INSERT ON step_supporters
BEGIN
  INSERT INTO step_supporter_counts (step_id, supporters) VALUES (NEW.step_id, 1)
    ON CONFLICT (step_id) DO UPDATE SET supporters = supporters + 1;
END;

CREATE TRIGGER step_supporter_counts_down AFTER DELETE ON step_supporters
BEGIN
  UPDATE step_supporter_counts SET supporters = supporters - 1 WHERE step_id = OLD.step_id;
END;

-- The frequent acts (a vote, a new report) are counted in and out one by one.
CREATE TRIGGER step_supporters_vote_added AFTER INSERT ON votes
BEGIN
  INSERT INTO step_supporters (step_id, participant_id, acts)
    SELECT step_id, NEW.participant_id, 1 FROM act_targets WHERE pain_point_id = NEW.pain_point_id
    ON CONFLICT (step_id, participant_id) DO UPDATE SET acts = acts + 1;
END;

CREATE TRIGGER step_supporters_vote_removed AFTER DELETE ON votes
BEGIN
  UPDATE step_supporters SET acts = acts - 1
   WHERE participant_id = OLD.participant_id AND step_id = (SELECT step_id FROM act_targets WHERE pain_point_id = OLD.pain_point_id) AND acts > 1;
  DELETE FROM step_supporters
   WHERE participant_id = OLD.participant_id AND step_id = (SELECT step_id FROM act_targets WHERE pain_point_id = OLD.pain_point_id) AND acts = 1;
END;

CREATE TRIGGER step_supporters_report_added AFTER INSERT ON pain_points WHEN NEW.participant_id IS NOT NULL
BEGIN
  INSERT INTO step_supporters (step_id, participant_id, acts)
    SELECT step_id, NEW.participant_id, 1 FROM act_targets WHERE pain_point_id = NEW.id
    ON CONFLICT (step_id, participant_id) DO UPDATE SET acts = acts + 1;
END;

-- The rare changes (moderation, merges, hiding, a step merged away, erasure) recount the steps they touch from scratch.
CREATE TRIGGER step_supporters_report_changed AFTER UPDATE OF moderation_status, merged_into_id, hidden_by_flags, step_id, participant_id ON pain_points
WHEN OLD.moderation_status IS NOT NEW.moderation_status OR OLD.merged_into_id IS NOT NEW.merged_into_id OR OLD.hidden_by_flags IS NOT NEW.hidden_by_flags
  OR OLD.step_id IS NOT NEW.step_id OR OLD.participant_id IS NOT NEW.participant_id
BEGIN
  DELETE FROM step_supporters WHERE step_id IN (OLD.step_id, NEW.step_id, (SELECT step_id FROM pain_points WHERE id = OLD.merged_into_id), (SELECT step_id FROM pain_points WHERE id = NEW.merged_into_id));
  INSERT INTO step_supporters (step_id, participant_id, acts)
    SELECT step_id, pid, count(*) FROM step_acts
     WHERE step_id IN (OLD.step_id, NEW.step_id, (SELECT step_id FROM pain_points WHERE id = OLD.merged_into_id), (SELECT step_id FROM pain_points WHERE id = NEW.merged_into_id))
     GROUP BY step_id, pid;
END;

CREATE TRIGGER step_supporters_report_removed AFTER DELETE ON pain_points
BEGIN
  DELETE FROM step_supporters WHERE step_id IN (OLD.step_id, (SELECT step_id FROM pain_points WHERE id = OLD.merged_into_id));
  INSERT INTO step_supporters (step_id, participant_id, acts)
    SELECT step_id, pid, count(*) FROM step_acts WHERE step_id IN (OLD.step_id, (SELECT step_id FROM pain_points WHERE id = OLD.merged_into_id))
     GROUP BY step_id, pid;
END;
