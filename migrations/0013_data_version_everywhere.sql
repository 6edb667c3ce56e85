-- #16: every table a cached page reads moves its municipality's data version (ranking_versions) on insert, update and
-- delete; test/http/data-version.test.ts finds those tables from the SQL the cached pages run. Before, inserts of
-- journeys, phases, steps and departments and every change to the portfolio left the version where it was, so a kept
-- insights page could list stale journeys and steps.
-- Derived municipality ids use INSERT … SELECT, which inserts nothing when the parent is already gone (a cascade).

CREATE TRIGGER ranking_version_municipality_added AFTER INSERT ON municipalities BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.id); END;

CREATE TRIGGER ranking_version_journey_added AFTER INSERT ON journeys BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_journey_removed AFTER DELETE ON journeys BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

CREATE TRIGGER ranking_version_department_added AFTER INSERT ON departments BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_department_removed AFTER DELETE ON departments BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

CREATE TRIGGER ranking_version_phase_added AFTER INSERT ON phases BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM journeys WHERE id = NEW.journey_id; END;
CREATE TRIGGER ranking_version_phase_changed AFTER UPDATE ON phases BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM journeys WHERE id = NEW.journey_id; END;
CREATE TRIGGER ranking_version_phase_removed AFTER DELETE ON phases BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM journeys WHERE id = OLD.journey_id; END;

CREATE TRIGGER ranking_version_step_added AFTER INSERT ON steps BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM journeys WHERE id = NEW.journey_id; END;
CREATE TRIGGER ranking_version_step_removed AFTER DELETE ON steps BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM journeys WHERE id = OLD.journey_id; END;

CREATE TRIGGER ranking_version_vote_added AFTER INSERT ON votes BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM pain_points WHERE id = NEW.pain_point_id; END;
CREATE TRIGGER ranking_version_vote_changed AFTER UPDATE ON votes BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM pain_points WHERE id = NEW.pain_point_id; END;

CREATE TRIGGER ranking_version_initiative_added AFTER INSERT ON initiatives BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_initiative_changed AFTER UPDATE ON initiatives BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_initiative_removed AFTER DELETE ON initiatives BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

CREATE TRIGGER ranking_version_initiative_candidate_added AFTER INSERT ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_candidate_changed AFTER UPDATE ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_candidate_removed AFTER DELETE ON initiative_candidates BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = OLD.initiative_id; END;

CREATE TRIGGER ranking_version_initiative_department_added AFTER INSERT ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_department_changed AFTER UPDATE ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = NEW.initiative_id; END;
CREATE TRIGGER ranking_version_initiative_department_removed AFTER DELETE ON initiative_departments BEGIN INSERT INTO ranking_version_bumps SELECT municipality_id FROM initiatives WHERE id = OLD.initiative_id; END;

CREATE TRIGGER ranking_version_step_count_added AFTER INSERT ON step_supporter_counts BEGIN INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = NEW.step_id; END;
CREATE TRIGGER ranking_version_step_count_changed AFTER UPDATE ON step_supporter_counts BEGIN INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = NEW.step_id; END;
CREATE TRIGGER ranking_version_step_count_removed AFTER DELETE ON step_supporter_counts BEGIN INSERT INTO ranking_version_bumps SELECT j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = OLD.step_id; END;

CREATE TRIGGER ranking_version_supporter_day_added AFTER INSERT ON supporter_days BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_supporter_day_changed AFTER UPDATE ON supporter_days BEGIN INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id); END;
CREATE TRIGGER ranking_version_supporter_day_removed AFTER DELETE ON supporter_days BEGIN INSERT INTO ranking_version_bumps SELECT id FROM municipalities WHERE id = OLD.municipality_id; END;

-- 0006's withdrawal lowered a count of 2 to 1 and then deleted every row at 1, so a voter with two acts on a step left
-- its supporters when they withdrew one. Delete the last act first, then lower the others; and count the steps anew.
DROP TRIGGER step_supporters_vote_removed;
CREATE TRIGGER step_supporters_vote_removed AFTER DELETE ON votes
BEGIN
  DELETE FROM step_supporters
   WHERE participant_id = OLD.participant_id AND step_id = (SELECT step_id FROM act_targets WHERE pain_point_id = OLD.pain_point_id) AND acts = 1;
  UPDATE step_supporters SET acts = acts - 1
   WHERE participant_id = OLD.participant_id AND step_id = (SELECT step_id FROM act_targets WHERE pain_point_id = OLD.pain_point_id) AND acts > 1;
END;

DELETE FROM step_supporter_counts;
DELETE FROM step_supporters;
INSERT INTO step_supporters (step_id, participant_id, acts) SELECT step_id, pid, count(*) FROM step_acts GROUP BY step_id, pid;
