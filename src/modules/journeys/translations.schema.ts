// The translation page's input (#19.9): the target language in the query, and one field per text of the journey,
// named by what it translates: `journey-title`, `phase-12-description`, `step-34-residentAction`, an own lane's title
// `lane-5-title`, a step's text in it `step-34-lane5`, and the note of the handover into a step `handover-34-note`.
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n';
import { LANE_TITLE_MAX, TEXT_LIMITS, TRANSLATION_LIMITS } from './journey-document.schema';
import type { TranslationItem } from './journey-language';
import { MAX_LANES } from './journey-lanes.service';

/** The longest translation of each text: as long as its original may be (the own lanes' and handovers' too). */
export function translationLimit(item: TranslationItem, field: string): number | undefined {
  if (item === 'lane') return field === 'title' ? LANE_TITLE_MAX : undefined;
  if (item === 'handover') return field === 'note' ? TEXT_LIMITS.short : undefined;
  // A step's text in an own lane (laneTextField) is as long as a grid cell may be.
  if (item === 'step' && /^lane\d{1,12}$/.test(field)) return TEXT_LIMITS.long;
  const limits: Record<string, number> = TRANSLATION_LIMITS[item];
  return Object.hasOwn(limits, field) ? limits[field] : undefined;
}

// A query string also carries ?lang= (the interface's language), so unknown keys are ignored here, not refused.
export const TranslationQuerySchema = z.object({ language: z.enum(LOCALES).optional() });

/** One text of the form: which item (the journey's own fields have no id), which field, and its translation ('' = none). */
export interface TranslationEntry {
  item: TranslationItem;
  itemId: number | null;
  field: string;
  text: string;
}

/**
 * The fields a translation page may send: every text of the largest journey the exchange format allows (20 phases of
 * 60 steps, each with a handover and a text in each of the most own lanes a journey may have), and the CSRF token.
 */
export const TRANSLATION_MAX_FIELDS = 1 + Object.keys(TRANSLATION_LIMITS.journey).length + MAX_LANES +
  20 * (Object.keys(TRANSLATION_LIMITS.phase).length + 60 * (Object.keys(TRANSLATION_LIMITS.step).length + 1 + MAX_LANES));

const NAME = /^(?:(journey)|(phase|step|lane|handover)-(\d{1,12}))-([A-Za-z]{1,30}\d{0,12})$/;

/** The form field's name of one text (the views name the fields with it, the schema reads them back). */
export function translationFieldName(item: TranslationItem, itemId: number | null, field: string): string {
  return item === 'journey' ? `journey-${field}` : `${item}-${itemId}-${field}`;
}

/**
 * Every field must name a text that can be translated, once, with a translation no longer than its original may be.
 * Which phases and steps exist is the service's check (the working copy may have changed since the page was made).
 */
export const TranslationInputSchema = z.record(z.string(), z.unknown()).transform((fields, ctx) => {
  const entries: TranslationEntry[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const match = NAME.exec(name);
    const item = (match?.[1] ?? match?.[2]) as TranslationItem | undefined;
    const field = match?.[4] ?? '';
    const max = item ? translationLimit(item, field) : undefined;
    if (!item || max === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'validation.unknownField' });
      continue;
    }
    if (typeof value !== 'string') {
      ctx.addIssue({ code: 'custom', path: [name], message: 'validation.invalid' });
      continue;
    }
    const text = value.trim();
    if (text.length > max) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'validation.tooLong' });
      continue;
    }
    entries.push({ item, itemId: match?.[3] ? Number(match[3]) : null, field, text });
  }
  return entries;
});
export type TranslationInput = z.infer<typeof TranslationInputSchema>;
