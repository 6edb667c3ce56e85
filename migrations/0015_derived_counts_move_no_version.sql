-- Step supporter counts (0006) and supporters per day (0010) are derived tables: only triggers write them, and only
-- beside a write that moves the municipality's data version in the same statement or transaction (a vote, a pain
-- point, or the ranking service's candidate_stats beside candidate_supporters). Their own bumps (0013) moved the
-- version two more times for every vote, which made generating the benchmark's 2 million votes 36 s -> 50 s.
DROP TRIGGER ranking_version_step_count_added;
DROP TRIGGER ranking_version_step_count_changed;
DROP TRIGGER ranking_version_step_count_removed;
DROP TRIGGER ranking_version_supporter_day_added;
DROP TRIGGER ranking_version_supporter_day_changed;
DROP TRIGGER ranking_version_supporter_day_removed;
