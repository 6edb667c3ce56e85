-- #17.4: a full-text index of the pain points residents can see, for the check step's similar reports. Before, the
-- check step cut every published pain point of the journey into trigrams in JavaScript (about 300 ms for 10 000);
-- now the index hands over the few that share trigrams with the draft (feedback.repository.ts, similarityCandidates).
--
-- FTS5's trigram tokenizer (SQLite 3.34+) indexes every three characters of the text, folded to lower case
-- (case_sensitive 0) as lib/similarity.ts lower-cases the draft, so a trigram of the draft is found wherever it stands.
-- contentless: the text stays in pain_points only; contentless_delete (3.43+) lets a trigger remove a row by its
-- rowid alone. detail=none: the search asks for single trigrams, never phrases or positions, so none are kept.
-- The rowid is journey_id · 2^32 + pain point id: a journey's pain points are one contiguous rowid range, so FTS5
-- confines each lookup to the journey by seeking within the range instead of reading matches from the whole country
-- (pain point ids stay far below 2^32; the bounds must be bound as INTEGER, see withTrigram in the repository). Title and body are stored with a space on either side, so a word's first or
-- last two letters with the space beside them (" kø", "kø ") are found at the start and end of a field too.
CREATE VIRTUAL TABLE pain_point_search USING fts5(
  title, body,
  content = '', contentless_delete = 1, detail = none,
  tokenize = 'trigram case_sensitive 0'
);

-- What residents may see (feedback/public-visibility.ts): published and not hidden by flags. Nothing else is indexed.
CREATE TRIGGER pain_point_search_added AFTER INSERT ON pain_points
WHEN NEW.moderation_status = 'published' AND NEW.hidden_by_flags = 0
BEGIN
  INSERT INTO pain_point_search (rowid, title, body) VALUES (NEW.journey_id * 4294967296 + NEW.id, ' ' || NEW.title || ' ', ' ' || NEW.body || ' ');
END;

-- Moderation (approve, reject, merge, unmerge), flags hiding or clearing, a moderator's redaction, a move to another
-- journey. A flag below the threshold sets hidden_by_flags to what it was: the WHEN skips it. Answers, votes and step
-- moves change other columns and do not fire this at all.
CREATE TRIGGER pain_point_search_changed AFTER UPDATE OF title, body, moderation_status, hidden_by_flags, journey_id ON pain_points
WHEN ((OLD.moderation_status = 'published' AND OLD.hidden_by_flags = 0) OR (NEW.moderation_status = 'published' AND NEW.hidden_by_flags = 0))
  AND (OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body OR OLD.journey_id IS NOT NEW.journey_id
    OR (OLD.moderation_status = 'published' AND OLD.hidden_by_flags = 0) IS NOT (NEW.moderation_status = 'published' AND NEW.hidden_by_flags = 0))
BEGIN
  DELETE FROM pain_point_search
   WHERE rowid = OLD.journey_id * 4294967296 + OLD.id AND OLD.moderation_status = 'published' AND OLD.hidden_by_flags = 0;
  INSERT INTO pain_point_search (rowid, title, body)
   SELECT NEW.journey_id * 4294967296 + NEW.id, ' ' || NEW.title || ' ', ' ' || NEW.body || ' '
    WHERE NEW.moderation_status = 'published' AND NEW.hidden_by_flags = 0;
END;

-- Erasure by the resident, and a journey or municipality deleted (foreign key cascades fire delete triggers).
CREATE TRIGGER pain_point_search_removed AFTER DELETE ON pain_points
WHEN OLD.moderation_status = 'published' AND OLD.hidden_by_flags = 0
BEGIN
  DELETE FROM pain_point_search WHERE rowid = OLD.journey_id * 4294967296 + OLD.id;
END;

INSERT INTO pain_point_search (rowid, title, body)
SELECT journey_id * 4294967296 + id, ' ' || title || ' ', ' ' || body || ' '
  FROM pain_points WHERE moderation_status = 'published' AND hidden_by_flags = 0;
-- One bulk insert leaves segments that a lookup reads at half speed; merged into one, the backfill searches as fast as
-- an index grown report by report (and merged by FTS5's automerge on the way). About 0.6 s for 260 000 pain points.
INSERT INTO pain_point_search (pain_point_search) VALUES ('optimize');
