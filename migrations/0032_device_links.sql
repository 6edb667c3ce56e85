-- "Your contributions on another device" (#20.4): a resident with a confirmed follow address asks for a single-use
-- sign-in link that joins their earlier participant to a new browser.

-- More than one browser can stand for one participant: besides the key hash in participants (the browser that first
-- took part), each browser joined by a sign-in link has its own. Erasing the participant takes its keys with it.
CREATE TABLE participant_keys (
  key_hash TEXT PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX participant_keys_participant ON participant_keys (participant_id);

-- The sign-in links: only a hash of the token is stored, with its expiry (15 minutes) and when it was used (once).
CREATE TABLE device_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX device_links_expiry ON device_links (expires_at);
