// Dates as people in Norway read them, in the page's language (Norwegian time, not UTC).
const LOCALE_TAGS: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

// Building an Intl formatter costs far more than using one, and a page formats hundreds of figures: keep them.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
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
