// Promise wrappers around express-session's callbacks, for sign-in and sign-out.
import type { Request } from 'express';

/** A new session id at sign-in, so a session fixed before login is worthless (SECURITY.md 10). */
export async function signIn(req: Request, userId: number): Promise<void> {
  // A visitor without a session cookie has no session yet (middleware/sessions.ts).
  if (!req.session) await req.openSession!();
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = userId;
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

export function signOut(req: Request): Promise<void> {
  if (!req.session) return Promise.resolve();
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}
