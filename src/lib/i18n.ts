// i18next set-up: bokmål first, nynorsk and English complete. Language from ?lang=, a cookie, then Accept-Language.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LanguageDetector } from 'i18next-http-middleware';

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';
export const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
export const LANG_COOKIE = 'lang';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function loadResources(dir: string = LOCALES_DIR): Record<Locale, Record<string, unknown>> {
  return Object.fromEntries(
    LOCALES.map((lng) => [lng, JSON.parse(fs.readFileSync(path.join(dir, `${lng}.json`), 'utf8'))]),
  ) as Record<Locale, Record<string, unknown>>;
}

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  const resources = loadResources();
  void instance.use(LanguageDetector).init({
    initAsync: false,
    resources: Object.fromEntries(LOCALES.map((lng) => [lng, { translation: resources[lng] }])),
    supportedLngs: [...LOCALES],
    // Norwegian without a written standard ("no", "nb-NO") falls back to bokmål.
    fallbackLng: { no: ['nb'], default: [DEFAULT_LOCALE] },
    load: 'languageOnly',
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false }, // EJS escapes on output
    returnNull: false,
    detection: {
      order: ['querystring', 'cookie', 'header'],
      lookupQuerystring: 'lang',
      lookupCookie: LANG_COOKIE,
      caches: false,
    },
  });
  return instance;
}

export type { TFunction };
