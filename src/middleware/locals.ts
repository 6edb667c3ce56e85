// Values every view needs: translation, language (chosen by middleware/language.ts) and its switch, the CSRF token of
// a signed-in person's forms, current path.
import type { Request, RequestHandler, Response } from 'express';
import { LANG_COOKIE, LOCALES } from '../lib/i18n';
import { rememberLanguage } from './language';

export function viewLocals(csrfToken: (req: Request, res: Response) => string): RequestHandler {
  return (req, res, next) => {
    const lang = req.language;
    rememberLanguage(req, res, req.cookies?.[LANG_COOKIE]);
    const path = req.path;
    res.locals.t = req.t;
    res.locals.lang = lang;
    res.locals.currentPath = path;
    res.locals.languages = LOCALES.map((code) => ({
      code,
      href: `${path}?${languageQuery(req.query, code)}`,
      current: code === lang,
    }));
    // A function, asked only by forms (views/components/csrf.ejs): '' for anyone not signed in, who needs none.
    res.locals.csrfToken = () => csrfToken(req, res);
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
