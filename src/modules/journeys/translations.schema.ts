// The translation page's input (#19.9): the target language in the query, and one field per text of the journey,
// named by what it translates: `journey-title`, `phase-12-description`, `step-34-residentAction`.
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n';
import { TRANSLATION_LIMITS } from './journey-document.schema';
import type { TranslationItem } from './journey-language';

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
 * 60 steps), and the CSRF token.
 */
export const TRANSLATION_MAX_FIELDS = 1 + Object.keys(TRANSLATION_LIMITS.journey).length +
  20 * (Object.keys(TRANSLATION_LIMITS.phase).length + 60 * Object.keys(TRANSLATION_LIMITS.step).length);

const NAME = /^(?:(journey)|(phase|step)-(\d{1,12}))-([A-Za-z]{1,30})$/;

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
    const limits: Record<string, number> | undefined = item ? TRANSLATION_LIMITS[item] : undefined;
    const max = limits && Object.hasOwn(limits, field) ? limits[field] : undefined;
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
