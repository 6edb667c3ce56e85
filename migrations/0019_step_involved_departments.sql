-- #19.3: a step has one responsible department (steps.department_id) and may involve others: the units and agencies
-- that take part behind the scenes. The map shows them beside the responsible one; insights' silo figures count a
-- step for every department in it.
CREATE TABLE step_departments (
  step_id INTEGER NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (step_id, department_id)
) WITHOUT ROWID;
CREATE INDEX step_departments_by_department ON step_departments (department_id);

-- Insights (a kept page) read it to filter and sum by department: its changes move the data version, as 0013 does
-- for every table a kept page reads.
CREATE TRIGGER ranking_version_step_department_added AFTER INSERT ON step_departments BEGIN
  INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = NEW.step_id;
END;
CREATE TRIGGER ranking_version_step_department_changed AFTER UPDATE ON step_departments BEGIN
  INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = NEW.step_id;
END;
CREATE TRIGGER ranking_version_step_department_removed AFTER DELETE ON step_departments BEGIN
  INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = OLD.step_id;
END;
