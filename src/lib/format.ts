// Dates as people in Norway read them, in the page's language (Norwegian time, not UTC).
const LOCALE_TAGS: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[lang] ?? 'nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

/** A figure rounded for display, with the language's decimal comma or point. */
export function formatNumber(value: number, lang: string, decimals: number): string {
  return new Intl.NumberFormat(LOCALE_TAGS[lang] ?? 'nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[lang] ?? 'nb-NO', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
