-- #19.7: staff of the municipality comment on a draft's steps (or on the journey as a whole) before it is published;
-- the designer resolves them. Never part of a snapshot, so never shown to residents. The step's title is kept with
-- the comment, so a comment on a step later removed still says what it was about.
CREATE TABLE journey_comments (
  id INTEGER PRIMARY KEY,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  step_id INTEGER REFERENCES steps (id) ON DELETE SET NULL,
  step_title TEXT NOT NULL DEFAULT '',
  author_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX journey_comments_by_journey ON journey_comments (journey_id, resolved_at);
