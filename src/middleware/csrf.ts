// CSRF tokens for signed-in staff (SECURITY.md 11), as defence in depth behind the Fetch Metadata check that every
// POST passes first (cross-origin.ts). A signed double-submit cookie (csrf-csrf): a form's `_csrf` must equal the
// token in the person's own `rk.csrf` cookie, and carry the server's HMAC over their session id, so a token made
// before sign-in, or for another session, is void. Anonymous visitors (residents, the sign-in form) get no token and
// need none: their pages are the same bytes for everyone, so that any cache may keep them (#17).
// It replaced synchroniser tokens kept in the session, which wrote a session row for every first visitor to a page
// with a form.
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

export const CSRF_COOKIE = 'rk.csrf';

export interface CsrfProtection {
  /** The token for this response's forms when someone is signed in (their own when their cookie is still valid); '' otherwise. */
  token(req: Request, res: Response): string;
  /** Refuses (403, EBADCSRFTOKEN) a signed-in person's POST and other unsafe method without a matching token. */
  protect: RequestHandler;
}

export function csrfProtection(sessionSecret: string): CsrfProtection {
  // A key of its own, so a CSRF token says nothing about the key that signs session cookies.
  const key = crypto.createHmac('sha256', sessionSecret).update('reisekart csrf').digest('hex');
  const cookieOptions = { sameSite: 'lax', httpOnly: true, path: '/' } as const;
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => key,
    getSessionIdentifier: (req) => req.sessionID ?? '',
    cookieName: CSRF_COOKIE,
    cookieOptions: { ...cookieOptions, secure: false },
    getCsrfTokenFromRequest: (req) => (req.body as { _csrf?: unknown } | undefined)?._csrf as string | undefined,
  });
  // Made once per response: a second new token would replace the cookie the first form relies on.
  const made = new WeakMap<Response, string>();
  return {
    token(req, res) {
      if (!req.user) return '';
      let token = made.get(res);
      if (token === undefined) {
        token = generateCsrfToken(req, res, { cookieOptions: { ...cookieOptions, secure: req.secure } });
        made.set(res, token);
      }
      return token;
    },
    protect: (req, res, next) => (req.user ? doubleCsrfProtection(req, res, next) : next()),
  };
}
