// Dates as people in Norway read them, in the page's language (Norwegian time, not UTC).
import { KeptValues } from './kept-values';
const LOCALE_TAGS: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

// Building an Intl formatter costs far more than using one, and a page formats hundreds of figures: keep them (a few
// dozen at most: three languages times a handful of styles), counted one unit each.
const formatters = new KeptValues<Intl.DateTimeFormat | Intl.NumberFormat>({ maxBytes: 100, sizeOf: () => 1 });
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  return formatters.get(key, 0, make) as T;
}

function tag(lang: string): string {
  return LOCALE_TAGS[lang] ?? 'nb-NO';
}

export function formatDate(iso: string, lang: string): string {
  return formatter(`date:${lang}`, () => new Intl.DateTimeFormat(tag(lang), { dateStyle: 'long', timeZone: 'Europe/Oslo' })).format(new Date(iso));
}

/** A figure rounded for display, with the language's decimal comma or point. */
export function formatNumber(value: number, lang: string, decimals: number): string {
  return formatter(`number:${lang}:${decimals}`, () => new Intl.NumberFormat(tag(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(value);
}

export function formatDateTime(iso: string, lang: string): string {
  return formatter(`datetime:${lang}`, () => new Intl.DateTimeFormat(tag(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' })).format(
    new Date(iso),
  );
}
