-- Sign-in throttling (SECURITY.md 16), kept in the database so that a restart does not hand an attacker fresh guesses.
-- Every key is an HMAC under a key derived from the session secret: never a raw address or e-mail (SECURITY.md 21).

-- Failures of one account+address pair ('pair') or of one address across all accounts ('address'). A row is
-- forgotten once it has been quiet for the window after its wait ended; the service deletes older rows as it writes.
CREATE TABLE login_failures (
  scope TEXT NOT NULL CHECK (scope IN ('pair', 'address')),
  key_hash TEXT NOT NULL,
  failures INTEGER NOT NULL CHECK (failures > 0),
  last_failure_at TEXT NOT NULL,
  -- The failure count at which a refusal was last written to the audit log: one entry per wait, not per request.
  noted_failures INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, key_hash)
) WITHOUT ROWID;
CREATE INDEX login_failures_by_age ON login_failures (last_failure_at);

-- Failures across the whole portal in short buckets, summed over the window for the global failure budget.
CREATE TABLE login_failure_buckets (
  bucket_start TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  refusal_noted INTEGER NOT NULL DEFAULT 0 CHECK (refusal_noted IN (0, 1))
) WITHOUT ROWID;

-- Account+address pairs that signed in successfully: the owner's usual places, which spraying cannot slow down.
CREATE TABLE login_known_pairs (
  key_hash TEXT PRIMARY KEY,
  succeeded_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_known_pairs_by_age ON login_known_pairs (succeeded_at);
