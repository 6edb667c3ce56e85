// The half-done sign-in between a correct password and the second factor (#21.2): kept server-side in the session,
// bound to the user id and expiring after five minutes. The session is not signed in meanwhile (no userId), and
// signIn() gives it a new id when the second factor is right.
import type { Request } from 'express';

export const SECOND_FACTOR_TTL_MS = 5 * 60 * 1000;

declare module 'express-session' {
  interface SessionData {
    secondFactor?: { userId: number; expiresAt: number; returnTo: string };
  }
}

/** A fresh session that waits for the user's second factor. */
export async function awaitSecondFactor(req: Request, userId: number, returnTo: string, now: Date): Promise<void> {
  if (!req.session) await req.openSession!();
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.secondFactor = { userId, expiresAt: now.getTime() + SECOND_FACTOR_TTL_MS, returnTo };
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

/** The sign-in waiting for a second factor, while it lasts. */
export function pendingSecondFactor(req: Request, now: Date): { userId: number; returnTo: string } | null {
  const pending = req.session?.secondFactor;
  if (!pending || typeof pending.userId !== 'number' || pending.expiresAt <= now.getTime()) return null;
  return { userId: pending.userId, returnTo: pending.returnTo };
}

export function forgetSecondFactor(req: Request): void {
  if (req.session) delete req.session.secondFactor;
}
