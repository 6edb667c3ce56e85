// express-session, run only for requests that carry a session cookie. Everyone else gets a session by signing in
// (req.openSession), so an anonymous request no longer makes, signs and hooks a session that is never saved: about
// a twentieth of the time of a resident's vote. Only signed-in staff have sessions (CSRF tokens live in a cookie).
import type { RequestHandler } from 'express';
import session from 'express-session';

/** The staff session's cookie, and its lifetime after the last request (rolling). The privacy statement names both. */
export const SESSION_COOKIE = 'rk.sid';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function sessionsFromCookie(options: session.SessionOptions & { name: string }): RequestHandler {
  const sessions = session(options);
  return (req, res, next) => {
    if (req.cookies?.[options.name]) return sessions(req, res, next);
    req.openSession = () => new Promise((resolve, reject) => sessions(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    next();
  };
}
