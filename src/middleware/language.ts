// Picks a request's language (?lang=, the lang cookie, then Accept-Language, by i18next's own detector) and hands it
// the translator made once for that language. i18next-http-middleware's handle() clones an i18next instance for every
// request instead, which cost about half a millisecond of a shared page's time under load (docs/benchmarks.md).
// The lean path (lean-path.ts) picks the language with the same function, before cookie-parser has run.
import type { Request, RequestHandler, Response } from 'express';
import type { i18n } from 'i18next';
import { DEFAULT_LOCALE, isLocale, LANG_COOKIE, LOCALES, type Locale } from '../lib/i18n';

/** How long the `lang` cookie remembers a chosen language; the privacy statement says so. */
export const LANG_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

export type LanguageOf = (req: Request, res: Response) => Locale;

/** The language of a request, as the detector finds it (it reads the Cookie header itself when cookies are not parsed yet). */
export function languageOf(i18next: i18n): LanguageOf {
  const detector = i18next.services.languageDetector;
  return (req, res) => {
    const detected = String(detector.detect(req, res) ?? '').slice(0, 2);
    return isLocale(detected) ? detected : DEFAULT_LOCALE;
  };
}

/** The language the address itself names (`?lang=`), if any: then the answer does not depend on the visitor's headers. */
export function languageInUrl(req: Request): Locale | null {
  const lang = req.query.lang;
  return isLocale(lang) ? lang : null;
}

/**
 * An explicit `?lang=` is remembered in the `lang` cookie, unless the visitor's cookie already says so: a returning
 * visitor's page then carries no Set-Cookie, which most shared caches would refuse to keep.
 */
export function rememberLanguage(req: Request, res: Response, cookieValue: unknown): void {
  const chosen = languageInUrl(req);
  if (chosen && cookieValue !== chosen) {
    res.cookie(LANG_COOKIE, chosen, { httpOnly: true, sameSite: 'lax', maxAge: LANG_COOKIE_MAX_AGE_MS, secure: req.secure });
  }
}

export function language(i18next: i18n): RequestHandler {
  const detect = languageOf(i18next);
  const translators = new Map(LOCALES.map((code) => [code, i18next.getFixedT(code)]));
  return (req, res, next) => {
    const lang = detect(req, res);
    req.language = lang;
    req.t = translators.get(lang)!;
    res.setHeader('Content-Language', lang);
    next();
  };
}
