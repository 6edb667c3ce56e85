-- Each supporter of each candidate with the time of their first act on it, kept by the ranking service beside
-- candidate_stats (a new supporter's vote adds one; anything that recomputes a candidate rewrites its rows). The staff
-- insights chart of new supporters per week used to find everyone's first act by grouping every act of the
-- municipality: 2 s for the largest one of the national benchmark, after every vote.
CREATE TABLE candidate_supporters (
  candidate_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  first_at TEXT NOT NULL,
  PRIMARY KEY (candidate_id, participant_id)
) WITHOUT ROWID;

-- New supporters per municipality and UTC day (the day of their first act), kept by the triggers below, so the chart
-- sums some 180 rows.
CREATE TABLE supporter_days (
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  supporters INTEGER NOT NULL CHECK (supporters >= 0),
  PRIMARY KEY (municipality_id, day)
) WITHOUT ROWID;

-- The candidates and their acts as ranking.repository.ts counts them: a published pain point, the report and votes on
-- it and on the pain points merged into it.
INSERT INTO candidate_supporters (candidate_id, participant_id, municipality_id, first_at)
  WITH counted AS (
    SELECT p.id, CASE WHEN p.moderation_status = 'merged' THEN p.merged_into_id ELSE p.id END AS c FROM pain_points p
     WHERE p.moderation_status IN ('published', 'merged')
  ), acts AS (
    SELECT k.c, p.participant_id AS pid, p.created_at AS at FROM counted k JOIN pain_points p ON p.id = k.id WHERE p.participant_id IS NOT NULL
    UNION ALL
    SELECT k.c, v.participant_id, v.created_at FROM counted k JOIN votes v ON v.pain_point_id = k.id
  )
  SELECT a.c, a.pid, cp.municipality_id, min(a.at) FROM acts a JOIN pain_points cp ON cp.id = a.c AND cp.moderation_status = 'published'
   GROUP BY a.c, a.pid;

INSERT INTO supporter_days (municipality_id, day, supporters)
  SELECT municipality_id, substr(first_at, 1, 10), count(*) FROM candidate_supporters GROUP BY municipality_id, substr(first_at, 1, 10);

CREATE TRIGGER supporter_days_up AFTER INSERT ON candidate_supporters
BEGIN
  INSERT INTO supporter_days (municipality_id, day, supporters) VALUES (NEW.municipality_id, substr(NEW.first_at, 1, 10), 1)
    ON CONFLICT (municipality_id, day) DO UPDATE SET supporters = supporters + 1;
END;

CREATE TRIGGER supporter_days_down AFTER DELETE ON candidate_supporters
BEGIN
  UPDATE supporter_days SET supporters = supporters - 1 WHERE municipality_id = OLD.municipality_id AND day = substr(OLD.first_at, 1, 10);
END;

CREATE TRIGGER supporter_days_moved AFTER UPDATE OF first_at, municipality_id ON candidate_supporters
BEGIN
  UPDATE supporter_days SET supporters = supporters - 1 WHERE municipality_id = OLD.municipality_id AND day = substr(OLD.first_at, 1, 10);
  INSERT INTO supporter_days (municipality_id, day, supporters) VALUES (NEW.municipality_id, substr(NEW.first_at, 1, 10), 1)
    ON CONFLICT (municipality_id, day) DO UPDATE SET supporters = supporters + 1;
END;
