-- #18: initiatives can be paused ("satt på vent"), so that a team can keep to its WIP limit without pretending that
-- paused work is done or still going on. The status CHECK of 0005 has to allow it, and SQLite changes a CHECK only by
-- rebuilding the table.
--
-- Migrations run in a transaction with foreign_keys on, so the pragma cannot be switched off here, and dropping
-- `initiatives` would cascade-delete its teams and linked candidates. So the two child tables are kept aside in
-- temporary copies and dropped first (a DROP TABLE fires no triggers), then all three tables are made again exactly
-- as in 0005, with the same ids, indexes and 0013's data-version triggers. The copies fire no triggers either (they
-- are created after the copy): the migration changes nothing a page shows, so the data version stays where it is.

CREATE TEMP TABLE initiatives_kept AS SELECT * FROM initiatives;
CREATE TEMP TABLE initiative_departments_kept AS SELECT * FROM initiative_departments;
CREATE TEMP TABLE initiative_candidates_kept AS SELECT * FROM initiative_candidates;

DROP TABLE initiative_departments;
DROP TABLE initiative_candidates;
DROP TABLE initiatives;

CREATE TABLE initiatives (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_department_id INTEGER NOT NULL REFERENCES departments (id),
  effort TEXT NOT NULL CHECK (effort IN ('S', 'M', 'L', 'XL')),
  confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'planned', 'in_progress', 'paused', 'done', 'declined')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  public_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX initiatives_by_municipality ON initiatives (municipality_id, status);

-- The other departments in the cross-functional team.
CREATE TABLE initiative_departments (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (initiative_id, department_id)
) WITHOUT ROWID;

CREATE TABLE initiative_candidates (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  PRIMARY KEY (initiative_id, pain_point_id)
) WITHOUT ROWID;
CREATE INDEX initiative_candidates_by_pain_point ON initiative_candidates (pain_point_id);

INSERT INTO initiatives (id, municipality_id, title, description, owner_department_id, effort, confidence, status, progress, public_note, created_at, updated_at)
  SELECT id, municipality_id, title, description, owner_department_id, effort, confidence, status, progress, public_note, created_at, updated_at
  FROM initiatives_kept;
INSERT INTO initiative_departments (initiative_id, department_id) SELECT initiative_id, department_id FROM initiative_departments_kept;
INSERT INTO initiative_candidates (initiative_id, pain_point_id) SELECT initiative_id, pain_point_id FROM initiative_candidates_kept;

DROP TABLE initiatives_kept;
DROP TABLE initiative_departments_kept;
DROP TABLE initiative_candidates_kept;

-- 0013's triggers, as they were: every change to the portfolio moves the municipality's data version.
CREATE TRIGGER ranking_version_initiative_added AFTER INSERT ON initiatives BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_initiative_changed AFTER UPDATE ON initiatives BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_initiative_removed AFTER DELETE ON initiatives BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

CREATE TRIGGER ranking_version_initiative_candidate_added AFTER INSERT ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_candidate_changed AFTER UPDATE ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_candidate_removed AFTER DELETE ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = OLD.initiative_id; END;

CREATE TRIGGER ranking_version_initiative_department_added AFTER INSERT ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_department_changed AFTER UPDATE ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_department_removed AFTER DELETE ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = OLD.initiative_id; END;
