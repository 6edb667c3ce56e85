// CSRF protection (SECURITY.md 11) by a signed double-submit cookie (csrf-csrf): a form's `_csrf` must equal the
// token in the visitor's own `rk.csrf` cookie, and the token must carry the server's HMAC over the signed-in session
// it was made for (anonymous visitors share the empty identity, so a token made before sign-in is void after it).
// Another site can neither read that cookie nor send it with a cross-site POST (SameSite=Lax).
// It replaced synchroniser tokens kept in the session, which wrote a session row for every first visitor to a page
// with a form: half the time of a shared journey map under load, and a table that grew with every crawler's visit.
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

export const CSRF_COOKIE = 'rk.csrf';

export interface CsrfProtection {
  /** The token for this response's forms: the visitor's own when their cookie is still valid, else a new one. */
  token(req: Request, res: Response): string;
  /** Refuses (403, EBADCSRFTOKEN) any POST and other unsafe method without a matching token. */
  protect: RequestHandler;
}

export function csrfProtection(sessionSecret: string): CsrfProtection {
  // A key of its own, so a CSRF token says nothing about the key that signs session cookies.
  const key = crypto.createHmac('sha256', sessionSecret).update('reisekart csrf').digest('hex');
  const cookieOptions = { sameSite: 'lax', httpOnly: true, path: '/' } as const;
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => key,
    getSessionIdentifier: (req) => (req.session?.userId ? req.sessionID : ''),
    cookieName: CSRF_COOKIE,
    cookieOptions: { ...cookieOptions, secure: false },
    getCsrfTokenFromRequest: (req) => (req.body as { _csrf?: unknown } | undefined)?._csrf as string | undefined,
  });
  // Made once per response: a second new token would replace the cookie the first form relies on.
  const made = new WeakMap<Response, string>();
  return {
    token(req, res) {
      let token = made.get(res);
      if (token === undefined) {
        token = generateCsrfToken(req, res, { cookieOptions: { ...cookieOptions, secure: req.secure } });
        made.set(res, token);
      }
      return token;
    },
    protect: doubleCsrfProtection,
  };
}
