-- The portfolio: improvement initiatives that answer candidates, owned by one department with others involved.
CREATE TABLE initiatives (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_department_id INTEGER NOT NULL REFERENCES departments (id),
  effort TEXT NOT NULL CHECK (effort IN ('S', 'M', 'L', 'XL')),
  confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'declined')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  public_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX initiatives_by_municipality ON initiatives (municipality_id, status);

-- The other departments in the cross-functional team.
CREATE TABLE initiative_departments (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (initiative_id, department_id)
) WITHOUT ROWID;

CREATE TABLE initiative_candidates (
  initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  pain_point_id INTEGER NOT NULL REFERENCES pain_points (id) ON DELETE CASCADE,
  PRIMARY KEY (initiative_id, pain_point_id)
) WITHOUT ROWID;
CREATE INDEX initiative_candidates_by_pain_point ON initiative_candidates (pain_point_id);
