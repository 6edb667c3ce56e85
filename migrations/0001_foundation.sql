-- Foundation: municipalities, staff accounts, sessions, departments, setup tokens, audit log.

CREATE TABLE municipalities (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kommunenummer TEXT NOT NULL UNIQUE CHECK (kommunenummer GLOB '[0-9][0-9][0-9][0-9]'),
  default_locale TEXT NOT NULL DEFAULT 'nb' CHECK (default_locale IN ('nb', 'nn', 'en')),
  premoderation INTEGER NOT NULL DEFAULT 1 CHECK (premoderation IN (0, 1)),
  half_life_days INTEGER NOT NULL DEFAULT 180 CHECK (half_life_days BETWEEN 1 AND 3650),
  severity_prior_weight REAL NOT NULL DEFAULT 5 CHECK (severity_prior_weight >= 0),
  wip_limit INTEGER NOT NULL DEFAULT 3 CHECK (wip_limit BETWEEN 1 AND 100),
  flag_hide_threshold INTEGER NOT NULL DEFAULT 3 CHECK (flag_hide_threshold BETWEEN 1 AND 100),
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_platform_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_platform_admin IN (0, 1)),
  disabled_at TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'designer', 'moderator', 'analyst')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, municipality_id, role)
);
CREATE INDEX memberships_by_municipality ON memberships (municipality_id, user_id);

-- Server-side sessions for express-session; user_id lets disabling a user end all their sessions.
CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  user_id INTEGER,
  expires_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- One-time tokens for creating the first platform admin; only a hash is kept.
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('municipal', 'state', 'private')),
  created_at TEXT NOT NULL,
  UNIQUE (municipality_id, name)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  municipality_id INTEGER REFERENCES municipalities (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id INTEGER,
  details TEXT
);
CREATE INDEX audit_log_by_municipality ON audit_log (municipality_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, id);
