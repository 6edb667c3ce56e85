// What HTTP caches may keep (#17): the answers every anonymous visitor shares are public for a short while, with a
// strong ETag; everything that depends on the visitor, and every staff page, is private and never stored.
import type { RequestHandler, Response } from 'express';
import { currentBuildId } from '../lib/build-id';

/** Staff pages, a resident's own pages, errors, redirects and form answers: no cache keeps them (SECURITY.md 8). */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * A shared cache serves a public page for 10 s and, while it fetches a fresh copy, a stale one for up to a minute
 * more: a busy map then costs the portal about one request per cache every 10 s, and a vote or a moderator's answer
 * reaches every anonymous reader within some 70 s (the ranking's own moment moves once a minute). A browser keeps its
 * copy but asks again (max-age=0), which a matching ETag answers with an empty 304. Once a visitor takes part, signs in
 * or has a notice, their Cookie header differs from the one the copy was kept under (`Vary: Cookie`), so no cache
 * hands them the anonymous copy: they get their own page, uncached, and see their own changes at once.
 */
export const PUBLIC_PAGE = 'public, max-age=0, s-maxage=10, stale-while-revalidate=60';

/** Open data answers: never personal, so a browser may keep them as briefly as a shared cache does. */
export const PUBLIC_API = 'public, max-age=10, s-maxage=10, stale-while-revalidate=60';

export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', PRIVATE_NO_STORE);
  next();
};

/**
 * A strong ETag: the same build, parts and version (the data version a page or answer was made from, and its
 * language) always give the same bytes at the same address. Parts are made of ETag-safe characters by their callers.
 */
export function strongEtag(...parts: string[]): string {
  return `"${[currentBuildId(), ...parts].join('-')}"`;
}

/** Marks a response as one the visitor does not change: any cache may keep it for the short while above. */
export function markPublic(res: Response, etag: string, cacheControl = PUBLIC_PAGE): void {
  res.set({ 'Cache-Control': cacheControl, ETag: etag });
}
