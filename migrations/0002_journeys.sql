-- Journey maps: a working copy (journeys, phases, steps) edited by designers, and immutable published
-- snapshots (journey_versions) that residents read. Phases and steps are never deleted, only marked
-- removed, so an id that resident feedback points at stays valid for ever.

CREATE TABLE journeys (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  life_event TEXT NOT NULL,
  persona TEXT NOT NULL DEFAULT '',
  scenario TEXT NOT NULL DEFAULT '',
  trigger_text TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  -- The slug residents use: the one of the live version, which a draft may change before publishing.
  public_slug TEXT,
  current_version_id INTEGER REFERENCES journey_versions (id),
  copied_from_journey_id INTEGER REFERENCES journeys (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (municipality_id, slug)
);
CREATE UNIQUE INDEX journeys_public_slug ON journeys (municipality_id, public_slug) WHERE public_slug IS NOT NULL;
CREATE INDEX journeys_published ON journeys (status, municipality_id);

CREATE TABLE phases (
  id INTEGER PRIMARY KEY,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  removed_at TEXT
);
CREATE INDEX phases_by_journey ON phases (journey_id, position);

CREATE TABLE steps (
  id INTEGER PRIMARY KEY,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  phase_id INTEGER NOT NULL REFERENCES phases (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  resident_action TEXT NOT NULL DEFAULT '',
  touchpoint TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel IN ('digital', 'phone', 'in_person', 'letter', 'email', 'other')),
  department_id INTEGER REFERENCES departments (id),
  backstage TEXT NOT NULL DEFAULT '',
  systems TEXT NOT NULL DEFAULT '',
  emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -2 AND 2),
  duration TEXT NOT NULL DEFAULT '',
  removed_at TEXT,
  -- Set when a step with resident feedback is merged into another instead of being deleted.
  merged_into_step_id INTEGER REFERENCES steps (id)
);
CREATE INDEX steps_by_phase ON steps (phase_id, position);
CREATE INDEX steps_by_journey ON steps (journey_id);
CREATE INDEX steps_by_department ON steps (department_id);

CREATE TABLE journey_versions (
  id INTEGER PRIMARY KEY,
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (journey_id, version)
);

-- A published version is a record of what residents saw: it never changes.
CREATE TRIGGER journey_versions_immutable BEFORE UPDATE OF snapshot, version, journey_id, published_at ON journey_versions
BEGIN
  SELECT RAISE(ABORT, 'journey versions are immutable');
END;
