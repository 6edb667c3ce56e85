// Public pages for anonymous visitors (#17): the same bytes for everyone who asks for the same address in the same
// language, so any HTTP cache may keep them. Each is rendered once per data version, kept here, and answered with
// `Cache-Control: public` (cache-headers.ts), a strong ETag of build, language and data version, a 304 for a matching
// If-None-Match, and a Vary that keeps languages and personal pages apart in any cache. The lean path (lean-path.ts)
// answers from the same kept pages before cookies and sessions. Anyone the page depends on (signed in, a resident with
// a participant cookie, a visitor with a notice to see) gets a page made for them: private, never stored.
import type { NextFunction, Request, Response } from 'express';
import type { Locale } from '../lib/i18n';
import { InFlight } from '../lib/in-flight';
import { KeptValues } from '../lib/kept-values';
import { nextTurn } from '../lib/turns';
import { rememberRoutePattern, routePatternOf } from '../lib/route-pattern';
import { markPublic, PRIVATE_NO_STORE, strongEtag } from './cache-headers';
import { languageInUrl } from './language';

/** Bytes the kept pages may take; a busy journey map is some 100 KB. */
const PAGES_BYTES = 48 * 1024 * 1024;
const HTML = 'text/html; charset=utf-8';

export interface SharedPage {
  view: string;
  /**
   * What the page shows from the data, as a short string of ETag-safe characters: it must change whenever anything the
   * page shows may have changed. Called again by the lean path to check a kept page, so it must be cheap.
   */
  version: () => string;
  /** May wait for long work done in turns (a whole municipality's ranking), never holding the event loop for it. */
  locals: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Content-Type; HTML when not given. */
  type?: string;
}

export interface KeptPage {
  body: Buffer;
  etag: string;
  type: string;
  version: () => string;
  /** The route pattern that made it: the lean path answers before routing, and the metrics label by it (#22.3). */
  route?: string;
}

/** Whether the page would differ for this visitor: their session, their own votes and reports, or a notice for them. */
export function isPersonal(req: Request, res: Response): boolean {
  return Boolean(req.user || req.participantKey || res.locals.flash);
}

export class SharedPages {
  private readonly pages = new KeptValues<KeptPage>({ maxBytes: PAGES_BYTES, sizeOf: (page) => page.body.length + 128 });
  /** Pages being rendered, by key and version: visitors arriving meanwhile wait for the same rendering. */
  private readonly rendering = new InFlight<KeptPage>();

  /** Answers a page route: the kept page, a 304, a new rendering kept for everyone, or a private page for this visitor. */
  send(req: Request, res: Response, next: NextFunction, page: SharedPage): void {
    if (isPersonal(req, res)) {
      res.set('Cache-Control', PRIVATE_NO_STORE);
      if (page.type) res.type(page.type);
      Promise.resolve(page.locals()).then((locals) => res.render(page.view, locals), next);
      return;
    }
    const lang = res.locals.lang as Locale;
    const key = keyOf(lang, req);
    const version = page.version();
    const hit = this.pages.peek(key, version);
    if (hit) return this.answer(req, res, lang, hit);
    const etag = strongEtag(lang, version);
    // The ETag is known before rendering: a client holding this copy gets its 304 without one.
    publicHeaders(req, res, lang, etag);
    if (req.fresh) return notModified(res);
    const rendered = this.rendering.run(`${key}@${version}`, () =>
      this.render(req, res, page, etag).then((kept) => (this.pages.set(key, version, kept), kept)),
    );
    rendered.then(
      (kept) => this.answer(req, res, lang, kept),
      (err: unknown) => {
        privateAgain(res);
        next(err);
      },
    );
  }

  private async render(req: Request, res: Response, page: SharedPage, etag: string): Promise<KeptPage> {
    const locals = await page.locals();
    // Gathering a busy journey map's data and rendering its 100 KB take 20-30 ms each: a turn of their own each.
    await nextTurn();
    const html = await new Promise<string>((resolve, reject) =>
      req.app.render(page.view, { ...res.locals, ...locals }, (err: Error | null, out?: string) => (err || out === undefined ? reject(err) : resolve(out))),
    );
    return { body: Buffer.from(html), etag, type: page.type ?? HTML, version: page.version, route: routePatternOf(req, res) };
  }

  /** The kept page for an anonymous GET of this address in this language, if it is still current (the lean path). */
  current(req: Request, lang: Locale): KeptPage | undefined {
    const entry = this.pages.entry(keyOf(lang, req));
    return entry && entry.value.version() === entry.version ? entry.value : undefined;
  }

  /** Sends a kept page with the headers the route would give it, or a 304 when the client holds it. */
  answer(req: Request, res: Response, lang: Locale, page: KeptPage): void {
    if (page.route) rememberRoutePattern(res, page.route);
    publicHeaders(req, res, lang, page.etag);
    if (req.fresh) return notModified(res);
    res.setHeader('Content-Type', page.type);
    res.setHeader('Content-Length', page.body.length);
    res.end(page.body);
  }
}

function keyOf(lang: Locale, req: Request): string {
  return `${lang}:${req.originalUrl}`;
}

/**
 * Public, with what a cache must key the copy on besides the address: the Cookie header always (a visitor with a
 * session, participant or notice cookie gets another page at the same address), and Accept-Language unless the
 * address names the language itself (`?lang=`). A first-time visitor sends no cookie, so all of them share one copy.
 */
function publicHeaders(req: Request, res: Response, lang: Locale, etag: string): void {
  markPublic(res, etag);
  res.setHeader('Content-Language', lang);
  res.setHeader('Vary', languageInUrl(req) ? 'Cookie' : 'Cookie, Accept-Language');
}

function notModified(res: Response): void {
  res.statusCode = 304;
  res.end();
}

/** A page that failed to render goes to the error page, which no cache may keep. */
function privateAgain(res: Response): void {
  res.removeHeader('ETag');
  res.removeHeader('Vary');
  res.set('Cache-Control', PRIVATE_NO_STORE);
}
