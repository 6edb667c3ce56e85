// Picks a request's language (?lang=, the lang cookie, then Accept-Language, by i18next's own detector) and hands it
// the translator made once for that language. i18next-http-middleware's handle() clones an i18next instance for every
// request instead, which cost about half a millisecond of a shared page's time under load (docs/benchmarks.md).
import type { RequestHandler } from 'express';
import type { i18n } from 'i18next';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../lib/i18n';

export function language(i18next: i18n): RequestHandler {
  const detector = i18next.services.languageDetector;
  const translators = new Map(LOCALES.map((code) => [code, i18next.getFixedT(code)]));
  return (req, res, next) => {
    const detected = String(detector.detect(req, res) ?? '').slice(0, 2);
    const lang: Locale = isLocale(detected) ? detected : DEFAULT_LOCALE;
    req.language = lang;
    req.t = translators.get(lang)!;
    res.setHeader('Content-Language', lang);
    next();
  };
}
