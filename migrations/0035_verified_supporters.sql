-- Verified supporters per candidate (#21.3): of a candidate's supporters (candidate_supporters), the distinct persons
-- (pseudonyms) verified with ID-porten in the candidate's municipality; one person from several browsers counts once.
-- Kept in candidate_stats beside n, so every ranked read, page and export reads a column instead of counting the
-- supporters of each row (the largest municipality of the national benchmark has 1.2 million supporter rows).
ALTER TABLE candidate_stats ADD COLUMN verified_n INTEGER NOT NULL DEFAULT 0;

-- A verification changes the counts of the candidates its participant supports: found through this index.
CREATE INDEX candidate_supporters_by_participant ON candidate_supporters (participant_id);

-- A candidate's verified supporters from scratch (the same expression in every trigger below).
UPDATE candidate_stats SET verified_n = (
  SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
  JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
  WHERE s.candidate_id = candidate_stats.pain_point_id
) WHERE pain_point_id IN (
  SELECT s.candidate_id FROM resident_verifications rv
  JOIN candidate_supporters s ON s.participant_id = rv.participant_id AND s.municipality_id = rv.municipality_id
);

-- A verification added, removed or changed: recount the candidates its participant supports there, and move the data
-- version even when they support nothing yet (whether a municipality has verifications decides what staff pages show).
CREATE TRIGGER verified_supporters_verification_added AFTER INSERT ON resident_verifications
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = candidate_stats.pain_point_id
  ) WHERE pain_point_id IN (SELECT candidate_id FROM candidate_supporters WHERE participant_id = NEW.participant_id AND municipality_id = NEW.municipality_id);
  INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id);
END;

CREATE TRIGGER verified_supporters_verification_removed AFTER DELETE ON resident_verifications
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = candidate_stats.pain_point_id
  ) WHERE pain_point_id IN (SELECT candidate_id FROM candidate_supporters WHERE participant_id = OLD.participant_id AND municipality_id = OLD.municipality_id);
  INSERT INTO ranking_version_bumps VALUES (OLD.municipality_id);
END;

CREATE TRIGGER verified_supporters_verification_changed AFTER UPDATE ON resident_verifications
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = candidate_stats.pain_point_id
  ) WHERE pain_point_id IN (
    SELECT candidate_id FROM candidate_supporters
    WHERE (participant_id = OLD.participant_id AND municipality_id = OLD.municipality_id) OR (participant_id = NEW.participant_id AND municipality_id = NEW.municipality_id)
  );
  INSERT INTO ranking_version_bumps VALUES (OLD.municipality_id);
  INSERT INTO ranking_version_bumps VALUES (NEW.municipality_id);
END;

-- A verified participant became or stopped being a supporter of a candidate. The WHEN clause is one primary-key
-- look-up, so a vote of an unverified resident (nearly all of them) costs nothing more.
CREATE TRIGGER verified_supporters_supporter_added AFTER INSERT ON candidate_supporters
WHEN EXISTS (SELECT 1 FROM resident_verifications WHERE participant_id = NEW.participant_id AND municipality_id = NEW.municipality_id)
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = candidate_stats.pain_point_id
  ) WHERE pain_point_id = NEW.candidate_id;
END;

CREATE TRIGGER verified_supporters_supporter_removed AFTER DELETE ON candidate_supporters
WHEN EXISTS (SELECT 1 FROM resident_verifications WHERE participant_id = OLD.participant_id AND municipality_id = OLD.municipality_id)
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = candidate_stats.pain_point_id
  ) WHERE pain_point_id = OLD.candidate_id;
END;

-- Sums written for a candidate before its supporters (a new candidate) start from its supporters as they are then.
CREATE TRIGGER verified_supporters_stats_added AFTER INSERT ON candidate_stats
WHEN EXISTS (SELECT 1 FROM candidate_supporters WHERE candidate_id = NEW.pain_point_id)
BEGIN
  UPDATE candidate_stats SET verified_n = (
    SELECT count(DISTINCT rv.pseudonym) FROM candidate_supporters s
    JOIN resident_verifications rv ON rv.participant_id = s.participant_id AND rv.municipality_id = s.municipality_id
    WHERE s.candidate_id = NEW.pain_point_id
  ) WHERE pain_point_id = NEW.pain_point_id;
END;
