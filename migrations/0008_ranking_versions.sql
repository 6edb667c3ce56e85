-- A version per municipality that changes whenever anything a ranking or the staff insights read changes: the
-- maintained sums, a pain point or a vote withdrawn (also by cascade), a journey, step or department, the
-- municipality itself. Cached public pages (shared-pages.ts) are keyed by it too. Cached rankings
-- (ranking.service.ts) are keyed by it, so a cached ranking is never one a change has made wrong; only time decay may
-- be up to a minute old.
CREATE TABLE ranking_versions (
  municipality_id INTEGER PRIMARY KEY REFERENCES municipalities (id) ON DELETE CASCADE,
  version INTEGER NOT NULL
);

-- Inserting a municipality id here moves its version on; the triggers below say when.
CREATE VIEW ranking_version_bumps AS SELECT municipality_id FROM ranking_versions;
CREATE TRIGGER ranking_version_bump INSTEAD OF INSERT ON ranking_version_bumps
BEGIN
  INSERT INTO ranking_versions (municipality_id, version) VALUES (NEW.municipality_id, 1)
    ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ranking_version_stats_added AFTER INSERT ON candidate_stats BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_stats_changed AFTER UPDATE ON candidate_stats BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_stats_removed AFTER DELETE ON candidate_stats BEGIN INSERT INTO ranking_version_bumps VALUES (OLD.municipality_id); END;
CREATE TRIGGER ranking_version_vote_removed AFTER DELETE ON votes BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM pain_points WHERE id = OLD.pain_point_id; END;
CREATE TRIGGER ranking_version_pain_point_added AFTER INSERT ON pain_points BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_pain_point_changed AFTER UPDATE ON pain_points BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_pain_point_removed AFTER DELETE ON pain_points BEGIN INSERT INTO ranking_version_bumps VALUES (OLD.municipality_id); END;
CREATE TRIGGER ranking_version_journey_changed AFTER UPDATE ON journeys BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_step_changed AFTER UPDATE ON steps BEGIN INSERT INTO ranking_version_bumps VALUES ((SELECT municipality_id FROM journeys WHERE id = NEW.journey_id)); END;
CREATE TRIGGER ranking_version_department_changed AFTER UPDATE ON departments BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_municipality_changed AFTER UPDATE ON municipalities BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.id); END;
