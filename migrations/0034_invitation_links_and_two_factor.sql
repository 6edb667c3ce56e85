-- Local staff accounts done right (#21.2): invitations by e-mail with a single-use link, and TOTP as a second factor.

-- An invitation's link: only a SHA-256 of its random token is kept, with when it stops working (72 hours) and when it
-- was used (once). Sending it again gives a new token, so the old link is dead. Invitations made before this migration
-- have no link: they count as expired, and the admin sends them again.
ALTER TABLE staff_invitations ADD COLUMN token_hash TEXT;
ALTER TABLE staff_invitations ADD COLUMN expires_at TEXT;
ALTER TABLE staff_invitations ADD COLUMN used_at TEXT;
UPDATE staff_invitations SET expires_at = created_at;
CREATE UNIQUE INDEX staff_invitations_token ON staff_invitations (token_hash) WHERE token_hash IS NOT NULL;

-- A staff member's TOTP: the secret (base32) from the start of enrolment, when one code confirmed it (NULL while
-- enrolment is under way), and the last time step a code was accepted at, so that no code is ever accepted twice.
CREATE TABLE user_totp (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  enrolled_at TEXT,
  last_step INTEGER,
  created_at TEXT NOT NULL
);

-- Recovery codes: shown once at enrolment, only their hashes kept; each works once.
CREATE TABLE user_recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at TEXT,
  UNIQUE (user_id, code_hash)
);

-- The invitation e-mail goes through the outbox as a kind of its own ('invitation'). SQLite cannot change a CHECK, so
-- the outbox is made again with the kind added, as 0031 did (no table refers to it; it has no triggers); rows and ids
-- are kept, and its indexes are made again.
CREATE TABLE outbox_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'answer', 'status', 'progress', 'merged', 'rejected', 'fixed', 'invitation')),
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
