-- Resident feedback: anonymous participants, pain points on steps (or whole journeys), "me too" votes,
-- abuse flags, and the public history of official answers and status changes (the Atom feed).

CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  -- HMAC-SHA256 of the random value in the resident's cookie; the value itself is never stored.
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE pain_points (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  step_id INTEGER REFERENCES steps (id),
  participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
  channel TEXT CHECK (channel IN ('digital', 'phone', 'in_person', 'letter', 'email', 'other')),
  moderation_status TEXT NOT NULL CHECK (moderation_status IN ('pending', 'published', 'rejected', 'merged')),
  rejection_reason TEXT NOT NULL DEFAULT '',
  merged_into_id INTEGER REFERENCES pain_points (id),
  response_status TEXT NOT NULL DEFAULT 'received'
    CHECK (response_status IN ('received', 'under_review', 'planned', 'in_progress', 'solved', 'declined')),
  response_text TEXT NOT NULL DEFAULT '',
  response_at TEXT,
  -- A moderator's own answer wins over status that initiatives (a later feature) would set.
  response_by_moderator INTEGER NOT NULL DEFAULT 0 CHECK (response_by_moderator IN (0, 1)),
  flag_count INTEGER NOT NULL DEFAULT 0,
  hidden_by_flags INTEGER NOT NULL DEFAULT 0 CHECK (hidden_by_flags IN (0, 1)),
  created_at TEXT NOT NULL,
  published_at TEXT,
  CHECK ((moderation_status = 'merged') = (merged_into_id IS NOT NULL))
);
CREATE INDEX pain_points_public ON pain_points (step_id, moderation_status, hidden_by_flags);
CREATE INDEX pain_points_by_journey ON pain_points (journey_id, moderation_status);
CREATE INDEX pain_points_queue ON pain_points (municipality_id, moderation_status, id);
CREATE INDEX pain_points_by_participant ON pain_points (participant_id);
CREATE INDEX pain_points_merged ON pain_points (merged_into_id);

-- One vote per participant and pain point, enforced by the primary key.
CREATE TABLE votes (
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  severity INTEGER CHECK (severity BETWEEN 1 AND 5),
  created_at TEXT NOT NULL,
  PRIMARY KEY (pain_point_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX votes_by_participant ON votes (participant_id);

CREATE TABLE flags (
  id INTEGER PRIMARY KEY,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('offensive', 'personal_data', 'spam', 'other')),
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  UNIQUE (pain_point_id, participant_id)
);

-- What the journey's Atom feed carries: official answers and status changes, as they happened.
CREATE TABLE pain_point_events (
  id INTEGER PRIMARY KEY,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  response_status TEXT NOT NULL,
  response_text TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX pain_point_events_by_journey ON pain_point_events (journey_id, id);

-- Limits for residents' reports, votes and flags, per hour, per participant and per address.
ALTER TABLE municipalities ADD COLUMN report_limit_per_hour INTEGER NOT NULL DEFAULT 5 CHECK (report_limit_per_hour BETWEEN 1 AND 1000);
ALTER TABLE municipalities ADD COLUMN vote_limit_per_hour INTEGER NOT NULL DEFAULT 60 CHECK (vote_limit_per_hour BETWEEN 1 AND 10000);
ALTER TABLE municipalities ADD COLUMN flag_limit_per_hour INTEGER NOT NULL DEFAULT 10 CHECK (flag_limit_per_hour BETWEEN 1 AND 1000);
