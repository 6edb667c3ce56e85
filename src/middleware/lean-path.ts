// The lean path (#17): an anonymous GET whose page is kept and still current (shared-pages.ts) is answered here,
// after the request log and the security headers but before cookie parsing, sessions, body parsing and CSRF, with the
// same headers the route would give. Anything else goes on down the full pipeline, which gives the same answer.
import type { RequestHandler } from 'express';
import { isLocale, LANG_COOKIE } from '../lib/i18n';
import { rememberLanguage, type LanguageOf } from './language';
import type { SharedPages } from './shared-pages';

export interface LeanPathOptions {
  pages: SharedPages;
  languageOf: LanguageOf;
  /** Cookies that make a page the visitor's own (session, participant, notice): with any of them, the full path. */
  personalCookies: readonly string[];
}

export function leanPath({ pages, languageOf, personalCookies }: LeanPathOptions): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const cookies = cookiesOf(req.headers.cookie);
    if (personalCookies.some((name) => cookies.has(name))) return next();
    // i18next reads a raw Cookie header differently from cookie-parser (the last of two wins, quotes stay): anything but
    // one plain language code takes the full path, where both read the parsed cookies.
    const langCookie = cookies.get(LANG_COOKIE);
    if (langCookie && (langCookie.length > 1 || !isLocale(langCookie[0]))) return next();
    const lang = languageOf(req, res);
    const page = pages.current(req, lang);
    if (!page) return next();
    rememberLanguage(req, res, langCookie?.[0]);
    pages.answer(req, res, lang, page);
  };
}

/** Each cookie's raw values by name, without cookie-parser's decoding and signatures: the lean path only needs names. */
function cookiesOf(header: string | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (!name) continue;
    const value = eq === -1 ? '' : pair.slice(eq + 1).trim();
    cookies.set(name, [...(cookies.get(name) ?? []), value]);
  }
  return cookies;
}
