-- #20.5: a resident adds their own story to an existing report, beside "me too". Stories go through the same check
-- step, redaction and moderation as reports; a published one shows on the report's page. The report's page is a kept
-- page, so stories move the data version like every table such a page reads (0013).
CREATE TABLE experiences (
  id INTEGER PRIMARY KEY,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  moderation_status TEXT NOT NULL CHECK (moderation_status IN ('pending', 'published', 'rejected')),
  rejection_reason TEXT,
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX experiences_by_pain_point ON experiences (pain_point_id, moderation_status);
CREATE INDEX experiences_waiting ON experiences (municipality_id, moderation_status, created_at);
CREATE INDEX experiences_by_participant ON experiences (participant_id);

CREATE TRIGGER ranking_version_experience_added AFTER INSERT ON experiences BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_experience_changed AFTER UPDATE ON experiences BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_experience_removed AFTER DELETE ON experiences BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;
