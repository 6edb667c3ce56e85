// Translations of a journey's text (#19.9): the page that lists each original text beside its translation into one
// language, and saving it. Translations belong to the working copy, so residents see them once the journey is
// published (the snapshot carries them), like any other change. The own lanes' titles are listed with the journey's
// texts, a step's texts in them and the note of the handover into it with the step's. Free of req/res.
import { ConflictError } from '../../errors';
import { LOCALES, type Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import type { JourneyEditorService } from './journey-editor.service';
import { TEXT_LIMITS } from './journey-document.schema';
import { laneTextField, TEXT_FIELDS, translationKey, type TranslationItem, type TranslationRow } from './journey-language';
import type { JourneysRepository } from './journeys.repository';
import { translationFieldName, translationLimit, type TranslationEntry } from './translations.schema';

/** The own lane (#19.4) a text belongs to, for its label: its place among the lanes and its original title. */
export interface TranslationLane {
  number: number;
  title: string;
}

/** One text on the page: its original, its translation, and whether the original changed after it was translated. */
export interface TranslationField {
  name: string;
  /** What the text belongs to: the group's item, an own lane ('lane', in the journey's group) or the handover into the step. */
  item: TranslationItem;
  itemId: number;
  field: string;
  /** An own lane's title, or a step's text in one. */
  lane?: TranslationLane;
  source: string;
  text: string;
  /** The original was changed after this translation was last saved: the translation may be out of date. */
  outdated: boolean;
  /** Long texts get a text area. */
  long: boolean;
  max: number;
}

/** A text with an original, before its translation is looked up. */
type OriginalField = Pick<TranslationField, 'item' | 'itemId' | 'field' | 'source' | 'lane'>;

/** The texts of one item (the journey, a phase, a step), under the item's original title. */
export interface TranslationGroup {
  item: 'journey' | 'phase' | 'step';
  id: number;
  /** Phases and steps are numbered as in the editor: "2" for a phase, "2.3" for its third step. */
  number: string;
  title: string;
  fields: TranslationField[];
}

export interface TranslationForm {
  language: Locale;
  /** The journey's content language: the originals are in it. */
  content: Locale;
  /** The languages the journey can be translated into. */
  languages: Locale[];
  /** The chosen language is the journey's own (it was changed meanwhile): nothing to translate into. */
  ownLanguage: boolean;
  groups: TranslationGroup[];
  translated: number;
  total: number;
}

type Editor = Pick<JourneyEditorService, 'get' | 'draftSnapshot'>;

export class TranslationsService {
  constructor(
    private readonly repo: JourneysRepository,
    private readonly editor: Editor,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: () => Date,
  ) {}

  /** The page for one language (by default the first the journey is not written in). */
  form(municipalityId: number, journeyId: number, requested?: Locale): TranslationForm {
    const journey = this.editor.get(municipalityId, journeyId);
    const content = journey.content_language;
    const languages = LOCALES.filter((l) => l !== content);
    const language = requested ?? languages[0]!;
    const stored = new Map(this.repo.translations(journeyId).filter((r) => r.language === language).map((r) => [rowKey(r), r]));
    const groups = this.originals(municipalityId, journeyId).map((group) => ({
      ...group,
      fields: group.fields.map(({ item, itemId, field, source, lane }) => {
        const row = stored.get(translationKey(language, item, itemId, field));
        const max = translationLimit(item, field)!;
        return {
          name: translationFieldName(item, item === 'journey' ? null : itemId, field),
          item,
          itemId,
          field,
          ...(lane ? { lane } : {}),
          source,
          text: row?.text ?? '',
          outdated: row !== undefined && row.source_text !== source,
          long: max === TEXT_LIMITS.long,
          max,
        };
      }),
    }));
    const all = groups.flatMap((g) => g.fields);
    return { language, content, languages, ownLanguage: language === content, groups, translated: all.filter((f) => f.text !== '').length, total: all.length };
  }

  /**
   * Saves the page: an empty field removes its translation. A translation left as it was keeps the original it was
   * made from, so "the original has changed since" stays until the translation itself is changed.
   */
  save(actorId: number | null, municipalityId: number, journeyId: number, requested: Locale | undefined, entries: TranslationEntry[]): Locale {
    const changed = this.repo.transaction(() => {
      const journey = this.editor.get(municipalityId, journeyId);
      const language = requested ?? LOCALES.find((l) => l !== journey.content_language)!;
      if (language === journey.content_language) throw new ConflictError({ _form: 'validation.translationOwnLanguage' });
      const sources = new Map(
        this.originals(municipalityId, journeyId).flatMap((g) => g.fields.map((f) => [translationKey(language, f.item, f.itemId, f.field), f.source] as const)),
      );
      const stored = new Map(this.repo.translations(journeyId).filter((r) => r.language === language).map((r) => [rowKey(r), r]));
      let count = 0;
      for (const entry of entries) {
        const key = translationKey(language, entry.item, entry.itemId ?? journeyId, entry.field);
        const source = sources.get(key);
        // A phase, step, lane or handover removed since the page was made, or one of another journey: nothing is written.
        if (source === undefined) throw new ConflictError({ _form: 'validation.translationStale' });
        const row = stored.get(key);
        if (entry.text === '') {
          if (row) count += Number(this.repo.removeTranslation(journeyId, language, entry.item, entry.itemId ?? journeyId, entry.field));
        } else if (row?.text !== entry.text) {
          this.repo.setTranslation(journeyId, { language, item: entry.item, itemId: entry.itemId ?? journeyId, field: entry.field, text: entry.text, sourceText: source });
          count += 1;
        }
      }
      if (count > 0) this.repo.touch(journeyId, this.clock().toISOString());
      return { language, count };
    });
    if (changed.count > 0) {
      this.audit.record({
        actorUserId: actorId,
        municipalityId,
        action: 'journey.translation_saved',
        entityType: 'journey',
        entityId: journeyId,
        details: { language: changed.language, texts: changed.count },
      });
    }
    return changed.language;
  }

  /** Every text of the working copy that has an original to translate, grouped by item in reading order. */
  private originals(municipalityId: number, journeyId: number): (Omit<TranslationGroup, 'fields'> & { fields: OriginalField[] })[] {
    const draft = this.editor.draftSnapshot(this.editor.get(municipalityId, journeyId));
    const texts = (item: TranslationItem, itemId: number, values: object, lane?: TranslationLane): OriginalField[] =>
      TEXT_FIELDS[item]
        .map((field) => ({ item, itemId, field, source: String((values as Record<string, unknown>)[field] ?? ''), ...(lane ? { lane } : {}) }))
        .filter((f) => f.source !== '');
    const lanes = (draft.lanes ?? []).map((l, k) => ({ id: l.id, lane: { number: k + 1, title: l.title } }));
    return [
      {
        item: 'journey' as const,
        id: journeyId,
        number: '',
        title: draft.journey.title,
        fields: [...texts('journey', journeyId, draft.journey), ...lanes.flatMap(({ id, lane }) => texts('lane', id, lane, lane))],
      },
      ...draft.phases.flatMap((phase, p) => [
        { item: 'phase' as const, id: phase.id, number: String(p + 1), title: phase.title, fields: texts('phase', phase.id, phase) },
        ...phase.steps.map((step, s) => ({
          item: 'step' as const,
          id: step.id,
          number: `${p + 1}.${s + 1}`,
          title: step.title,
          fields: [
            ...texts('step', step.id, step),
            // Its texts in the own lanes, in the lanes' order, then the note of the handover into it.
            ...lanes
              .map(({ id, lane }) => ({ item: 'step' as const, itemId: step.id, field: laneTextField(id), source: step.lanes?.[String(id)] ?? '', lane }))
              .filter((f) => f.source !== ''),
            ...(step.handover ? texts('handover', step.id, step.handover) : []),
          ],
        })),
      ]),
    ];
  }
}

function rowKey(r: TranslationRow): string {
  return translationKey(r.language, r.item, r.item_id, r.field);
}
