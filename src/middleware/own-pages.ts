// A signed-in staff member's own copy of a heavy page (insights: 10 ms to render five charts and a table), kept per
// person, language and address, so that reloading it costs no new rendering. The one thing each response must have of
// its own, the CSRF token of its forms, sits in an unguessable slot that each response fills in. Private: never cached
// outside the portal (the route is `no-store`).
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { InFlight } from '../lib/in-flight';
import { KeptValues } from '../lib/kept-values';

const TOKEN_SLOT = `rk-token-slot-${crypto.randomBytes(16).toString('hex')}`;
/** Bytes the kept pages may take; an insights page is some 100 KB. */
const PAGES_BYTES = 48 * 1024 * 1024;

/** A rendered page cut at its token slots once and kept as UTF-8 bytes, so a response only copies the pieces. */
type Pieces = Buffer[];

export class OwnPages {
  private readonly pages = new KeptValues<Pieces>({
    maxBytes: PAGES_BYTES,
    sizeOf: (pieces) => pieces.reduce((bytes, piece) => bytes + piece.length, 0),
  });
  /**
   * Pages being rendered, by key and version. Requests that waited for the same numbers (kept-numbers.ts) all go on
   * at once when they are ready: without this, fifty reloads of the insights page rendered it fifty times in one
   * turn of the event loop (0.57 s in the benchmark).
   */
  private readonly rendering = new InFlight<Pieces>();

  /**
   * Renders `view` with `locals()` for the signed-in person, or sends their kept copy. `version` must change whenever
   * anything the page shows from the data may have changed; the person's name and roles are added here.
   */
  send(req: Request, res: Response, next: NextFunction, view: string, version: string, locals: () => Record<string, unknown> | Promise<Record<string, unknown>>): void {
    const user = req.user;
    // A notice shows once: a page carrying one is rendered for this response alone.
    if (!user || res.locals.flash) {
      Promise.resolve(locals()).then((l) => res.render(view, l), next);
      return;
    }
    const key = `user ${user.id}:${String(res.locals.lang)}:${req.originalUrl}`;
    const own = `${version}|${user.name}|${user.isPlatformAdmin}|${(req.roles ?? []).join(',')}`;
    const hit = this.pages.peek(key, own);
    if (hit) return this.fill(res, hit);
    const rendered = this.rendering.run(`${key}@${own}`, () =>
      Promise.resolve(locals())
        .then(
          (l) =>
            new Promise<Pieces>((resolve, reject) =>
              req.app.render(view, { ...res.locals, ...l, csrfToken: () => TOKEN_SLOT }, (err: Error | null, html?: string) =>
                err || html === undefined ? reject(err) : resolve(html.split(TOKEN_SLOT).map((piece) => Buffer.from(piece))),
              ),
            ),
        )
        .then((pieces) => (this.pages.set(key, own, pieces), pieces)),
    );
    rendered.then((pieces) => this.fill(res, pieces), next);
  }

  private fill(res: Response, pieces: Pieces): void {
    const token = pieces.length > 1 ? Buffer.from((res.locals.csrfToken as () => string)()) : Buffer.alloc(0);
    const parts = pieces.flatMap((piece, i) => (i === 0 ? [piece] : [token, piece]));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', parts.reduce((length, part) => length + part.length, 0));
    res.cork();
    for (const part of parts.slice(0, -1)) res.write(part);
    res.end(parts[parts.length - 1]);
    res.uncork();
  }
}
