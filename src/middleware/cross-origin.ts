// Refuses a cross-site state-changing request (SECURITY.md 11) by Fetch Metadata, with the rules of Go 1.25's
// http.CrossOriginProtection: a `Sec-Fetch-Site` other than `same-origin` or `none` is refused; a browser too old to
// send it still sends `Origin`, which must then be the portal's own (from BASE_URL, never from the request's Host).
// A request with neither header is not a browser's, so no visitor's cookies ride on it; it passes. This needs no token,
// so residents' forms carry none and anonymous pages stay the same for everyone; signed-in staff keep the token too.
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossOriginProtection(baseUrl: string): RequestHandler {
  const ownOrigin = new URL(baseUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('Sec-Fetch-Site');
    if (site) return next(site === 'same-origin' || site === 'none' ? undefined : new ForbiddenError('errors.csrf.body'));
    const origin = req.get('Origin');
    // `Origin: null` (a sandboxed frame, a redirect across sites) is not the portal's own either.
    next(origin === undefined || origin === ownOrigin ? undefined : new ForbiddenError('errors.csrf.body'));
  };
}
