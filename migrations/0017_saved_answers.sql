-- #18.5: moderators answer the same things again and again ("this is the wrong municipality", "a duplicate of…"):
-- a municipality keeps its own saved answers, to fill in a rejection's reason or an official answer. Staff texts,
-- never shown as such to residents, so they move no data version.
CREATE TABLE saved_answers (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (municipality_id, title)
);
