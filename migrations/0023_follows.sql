-- Residents who follow a report or a journey by e-mail, without an account (#20), and the outbox their notices go
-- through. Addresses live only in follow_addresses; a request waiting for its confirmation holds the address sealed
-- under a key that only its link carries, so nothing readable is kept before the link is used.

-- The key the unsubscribe and manage links are signed with: a link in any e-mail sent is checked against it, and none
-- of those tokens is stored. Made here, kept in the database (a backup keeps its links working).
CREATE TABLE notice_link_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key BLOB NOT NULL
);
INSERT INTO notice_link_keys (id, key) VALUES (1, randomblob(32));

CREATE TABLE follow_addresses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  -- The language of the address's digest and pages, the one of its latest confirmed follow.
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  -- Part of the manage link's signature: a new address row (after "delete all") never honours an old link.
  salt BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE follow_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  sealed_email BLOB NOT NULL,
  pain_point_id INTEGER REFERENCES pain_points(id) ON DELETE CASCADE,
  journey_id INTEGER REFERENCES journeys(id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  mode TEXT NOT NULL CHECK (mode IN ('immediate', 'weekly')),
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((pain_point_id IS NULL) <> (journey_id IS NULL))
);
CREATE INDEX follow_requests_expiry ON follow_requests (expires_at);

CREATE TABLE follows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  address_id INTEGER NOT NULL REFERENCES follow_addresses(id) ON DELETE CASCADE,
  pain_point_id INTEGER REFERENCES pain_points(id) ON DELETE CASCADE,
  journey_id INTEGER REFERENCES journeys(id) ON DELETE CASCADE,
  -- The resident who asked, when they had taken part from that browser: their erasure takes the follow with it, and
  -- only a reporter following their own report hears of its rejection.
  participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  mode TEXT NOT NULL CHECK (mode IN ('immediate', 'weekly')),
  salt BLOB NOT NULL,
  -- When what it follows was closed (solved, declined, rejected); the follow is deleted 30 days later.
  closed_at TEXT,
  created_at TEXT NOT NULL,
  CHECK ((pain_point_id IS NULL) <> (journey_id IS NULL)),
  UNIQUE (address_id, pain_point_id),
  UNIQUE (address_id, journey_id)
);
CREATE INDEX follows_pain_point ON follows (pain_point_id);
CREATE INDEX follows_journey ON follows (journey_id);
CREATE INDEX follows_participant ON follows (participant_id);
CREATE INDEX follows_closed ON follows (closed_at) WHERE closed_at IS NOT NULL;

-- An address is kept only while it follows something: the last follow to go, however it goes (unsubscribe, erasure,
-- a report deleted, the cleanup), takes the address with it.
CREATE TRIGGER follows_last_takes_address AFTER DELETE ON follows
WHEN NOT EXISTS (SELECT 1 FROM follows WHERE address_id = OLD.address_id)
BEGIN
  DELETE FROM follow_addresses WHERE id = OLD.address_id;
END;

-- The outbox: every e-mail, written in the same transaction as the change that causes it, sent by the sender
-- (src/modules/notices/notice-sender.ts). `recipient` holds an address only for a confirmation, until it is sent or
-- has failed; a notice's address is read from its follow when it is sent, so an unsubscribe before then sends nothing.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'answer', 'status', 'progress', 'merged', 'rejected')),
  follow_id INTEGER REFERENCES follows(id) ON DELETE CASCADE,
  request_id INTEGER REFERENCES follow_requests(id) ON DELETE SET NULL,
  recipient TEXT,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  -- Weekly notices wait for the address's digest; immediate ones and confirmations go alone.
  digest INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
  payload TEXT NOT NULL,
  -- One change never queues the same notice twice for one address.
  dedupe_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_follow ON outbox (follow_id);
