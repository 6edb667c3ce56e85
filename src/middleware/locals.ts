// Values every view needs: translation, language (chosen by middleware/language.ts) and its switch, CSP nonce, CSRF token, current path.
import type { RequestHandler } from 'express';
import { isLocale, LANG_COOKIE, LOCALES } from '../lib/i18n';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function viewLocals(generateCsrfToken: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string): RequestHandler {
  return (req, res, next) => {
    const lang = req.language;
    // An explicit choice is remembered; otherwise no cookie is set.
    if (isLocale(req.query.lang)) {
      res.cookie(LANG_COOKIE, req.query.lang, { httpOnly: true, sameSite: 'lax', maxAge: ONE_YEAR_MS, secure: req.secure });
    }
    const path = req.path;
    res.locals.t = req.t;
    res.locals.lang = lang;
    res.locals.currentPath = path;
    res.locals.languages = LOCALES.map((code) => ({
      code,
      href: `${path}?${languageQuery(req.query, code)}`,
      current: code === lang,
    }));
    // A function, so the CSRF cookie is only set by pages that hold a form.
    res.locals.csrfToken = () => generateCsrfToken(req, res);
    res.locals.user = req.user;
    next();
  };
}

function languageQuery(query: Record<string, unknown>, code: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'lang' && typeof value === 'string') params.append(key, value);
  }
  params.set('lang', code);
  return params.toString();
}
