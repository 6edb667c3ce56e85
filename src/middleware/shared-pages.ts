// Journey maps and step pages look the same to every anonymous visitor who asks for the same address in the same
// language, except for two things each response must have of its own: the CSP nonce (SECURITY.md 7) and the CSRF
// token of its forms. Such a page is rendered once per data version and ranking moment with unguessable slots for
// those two, and each response fills in its own. Rendering a busy map costs 10–15 ms; filling the slots, a fraction
// of one. Signed-in staff and residents with a participant cookie (whose own votes and reports are marked) always get
// a page rendered for them. The same cut serves a signed-in staff member's own heavy pages (insights: 10 ms to
// render five charts and a table), kept per person, so that reloading one costs no new rendering.
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { KeptValues } from '../lib/kept-values';

const TOKEN_SLOT = `rk-token-slot-${crypto.randomBytes(16).toString('hex')}`;
const NONCE_SLOT = `rk-nonce-slot-${crypto.randomBytes(16).toString('hex')}`;
const SLOTS = new RegExp(`(${TOKEN_SLOT}|${NONCE_SLOT})`);
/** Bytes the kept pages may take; a busy journey map is some 100 KB. */
const PAGES_BYTES = 48 * 1024 * 1024;

/**
 * A rendered page cut at its slots once and kept as UTF-8 bytes, so a response copies the pieces around its own two
 * values instead of searching and encoding 100 KB of text each time.
 */
interface Page {
  /** Text, slot, text, slot, …, text; the slots as their names, the text as bytes. */
  pieces: (Buffer | string)[];
  hasForm: boolean;
}

export class SharedPages {
  private readonly pages = new KeptValues<Page>({
    maxBytes: PAGES_BYTES,
    sizeOf: (page) => page.pieces.reduce((bytes, piece) => bytes + piece.length, 0),
  });

  /**
   * Renders `view` with `locals()`, or sends the shared copy. `version` must change whenever anything the page shows
   * may have changed (the municipality's data version and the ranking's moment).
   */
  send(req: Request, res: Response, next: NextFunction, view: string, version: string, locals: () => Record<string, unknown>): void {
    // A visitor with a notice to see (flash) gets the page made for them, so the notice reaches no one else.
    if (req.user || req.participantKey || res.locals.flash) return res.render(view, locals());
    this.serve(req, res, next, `${String(res.locals.lang)}:${req.originalUrl}`, version, view, locals);
  }

  /**
   * The signed-in person's own copy of a page: kept per person, language and address. `version` must also change with
   * what the page shows of the person (their name and roles are added here).
   */
  sendOwn(req: Request, res: Response, next: NextFunction, view: string, version: string, locals: () => Record<string, unknown>): void {
    const user = req.user;
    if (!user) return res.render(view, locals());
    const own = `${version}|${user.name}|${user.isPlatformAdmin}|${(req.roles ?? []).join(',')}`;
    this.serve(req, res, next, `user ${user.id}:${String(res.locals.lang)}:${req.originalUrl}`, own, view, locals);
  }

  private serve(req: Request, res: Response, next: NextFunction, key: string, version: string, view: string, locals: () => Record<string, unknown>): void {
    const hit = this.pages.peek(key, version);
    if (hit) return this.fill(res, hit);
    req.app.render(view, { ...res.locals, ...locals(), nonce: NONCE_SLOT, csrfToken: () => TOKEN_SLOT }, (err: Error | null, html?: string) => {
      if (err || html === undefined) return next(err);
      const pieces = html.split(SLOTS).map((piece, i) => (i % 2 === 1 ? piece : Buffer.from(piece)));
      const page: Page = { pieces, hasForm: html.includes(TOKEN_SLOT) };
      this.pages.set(key, version, page);
      this.fill(res, page);
    });
  }

  private fill(res: Response, page: Page): void {
    // A token is only asked for (and a session made) when the page holds a form, as when rendering.
    const values = new Map([
      [TOKEN_SLOT, page.hasForm ? (res.locals.csrfToken as () => string)() : ''],
      [NONCE_SLOT, String(res.locals.nonce)],
    ]);
    const parts = page.pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(values.get(piece)!) : piece));
    // Sent as is: an ETag would hash 90 KB for a body that differs per session anyway. The kept pieces are written
    // themselves, in one corked batch, rather than copied into a new 100 KB body for each response.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', parts.reduce((length, part) => length + part.length, 0));
    res.cork();
    for (const part of parts.slice(0, -1)) res.write(part);
    res.end(parts[parts.length - 1]);
    res.uncork();
  }
}
