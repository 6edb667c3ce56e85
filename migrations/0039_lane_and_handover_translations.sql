-- #19.9 gap: the titles of a journey's own lanes (#19.4) and the notes of its handovers (#19.2) get translations like
-- every other text. A lane's title is item 'lane' (item_id the lane's id, field 'title'); a handover's note is item
-- 'handover' (item_id the step it leads into, which is the handover's key, field 'note'); a step's text in an own lane
-- stays item 'step', field 'lane<lane id>'. Only the item's CHECK changes, which SQLite can only do by rebuilding the
-- table; nothing references it, and the rows are copied as they are.
CREATE TABLE journey_translations_new (
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  item TEXT NOT NULL CHECK (item IN ('journey', 'phase', 'step', 'lane', 'handover')),
  item_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  source_text TEXT NOT NULL,
  PRIMARY KEY (journey_id, language, item, item_id, field)
) WITHOUT ROWID;
INSERT INTO journey_translations_new (journey_id, language, item, item_id, field, text, source_text)
  SELECT journey_id, language, item, item_id, field, text, source_text FROM journey_translations;
DROP TABLE journey_translations;
ALTER TABLE journey_translations_new RENAME TO journey_translations;
