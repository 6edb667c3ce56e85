-- #19.2: a handover between two steps is the designer's statement, not an inference from a change of department. It
-- belongs to the step the resident is handed over to: from which department, to which, what is handed over (the case,
-- documents or information) and a note. Existing journeys get none here: the editor suggests one wherever the
-- responsible department changes, and the public map shows only those a designer has stated and published.
CREATE TABLE step_handovers (
  step_id INTEGER PRIMARY KEY REFERENCES steps (id) ON DELETE CASCADE,
  from_department_id INTEGER REFERENCES departments (id),
  to_department_id INTEGER REFERENCES departments (id),
  what TEXT NOT NULL CHECK (what IN ('case', 'documents', 'information')),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX step_handovers_from ON step_handovers (from_department_id);
CREATE INDEX step_handovers_to ON step_handovers (to_department_id);
