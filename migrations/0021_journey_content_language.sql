-- #19.9: the language a journey is written in (its content language), so its text can be marked with `lang` when it
-- differs from the interface's (WCAG 3.1.2), and the translations of its text into the other languages.
-- Every journey so far was written in bokmål, the portal's only content language until now, except drafts made from
-- a template in nynorsk or English: the audit log names the template's language, and a draft never published has no
-- version to disagree with. A published journey keeps bokmål, so its draft stays equal to its published version
-- (no false "unpublished changes"); its designer sets the language where it is wrong.
ALTER TABLE journeys ADD COLUMN content_language TEXT NOT NULL DEFAULT 'nb' CHECK (content_language IN ('nb', 'nn', 'en'));

UPDATE journeys
SET content_language = (
  SELECT json_extract(a.details, '$.language') FROM audit_log a
  WHERE a.action = 'journey.created_from_template' AND a.entity_type = 'journey' AND a.entity_id = journeys.id
    AND json_valid(a.details) AND json_extract(a.details, '$.language') IN ('nn', 'en')
  ORDER BY a.id LIMIT 1
)
WHERE current_version_id IS NULL
  AND EXISTS (
    SELECT 1 FROM audit_log a
    WHERE a.action = 'journey.created_from_template' AND a.entity_type = 'journey' AND a.entity_id = journeys.id
      AND json_valid(a.details) AND json_extract(a.details, '$.language') IN ('nn', 'en')
  );

-- A translation of one text of the working copy into one language: the journey's own fields (item 'journey', item_id
-- the journey's id), a phase's or a step's (item_id its id; phases and steps are never deleted, only marked removed).
-- `source_text` is the original as it was when the translation was last changed, so the editor can tell the designer
-- that the original has changed since. Published with the journey inside its snapshot, like every other text: residents'
-- pages read only snapshots, never this table, so it needs no data-version triggers.
CREATE TABLE journey_translations (
  journey_id INTEGER NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  item TEXT NOT NULL CHECK (item IN ('journey', 'phase', 'step')),
  item_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  source_text TEXT NOT NULL,
  PRIMARY KEY (journey_id, language, item, item_id, field)
) WITHOUT ROWID;
