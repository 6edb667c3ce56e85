-- #20.3 "Is it fixed?": when an initiative is done, the followers of its reports are asked whether things are better
-- now, and answer yes, partly or no through a signed link (src/modules/notices/fix-answer-links.ts).

-- One answer per follow and report; answering again changes it. The answer outlives its follow (the follow of a
-- solved report goes 30 days later): it holds no address and says nothing of who gave it, only what residents found.
CREATE TABLE fix_answers (
  id INTEGER PRIMARY KEY,
  follow_id INTEGER REFERENCES follows (id) ON DELETE SET NULL,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (follow_id, pain_point_id)
);
CREATE INDEX fix_answers_by_pain_point ON fix_answers (pain_point_id);
CREATE INDEX fix_answers_by_municipality ON fix_answers (municipality_id);

-- The report's page and the insights table show the answers, so they move the data version like every table such a
-- page reads (0013, 0029).
CREATE TRIGGER ranking_version_fix_answer_added AFTER INSERT ON fix_answers BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_fix_answer_changed AFTER UPDATE ON fix_answers BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_fix_answer_removed AFTER DELETE ON fix_answers BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

-- The question goes through the outbox as a notice of its own kind ('fixed'). SQLite cannot change a CHECK, so the
-- outbox is made again with the kind added (no table refers to it); rows and ids are kept.
CREATE TABLE outbox_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'answer', 'status', 'progress', 'merged', 'rejected', 'fixed')),
  follow_id INTEGER REFERENCES follows(id) ON DELETE CASCADE,
  request_id INTEGER REFERENCES follow_requests(id) ON DELETE SET NULL,
  recipient TEXT,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  digest INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
  payload TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
INSERT INTO outbox_new SELECT id, kind, follow_id, request_id, recipient, language, digest, payload, dedupe_key, status, attempts,
  next_attempt_at, lease_until, last_error, created_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_follow ON outbox (follow_id);
