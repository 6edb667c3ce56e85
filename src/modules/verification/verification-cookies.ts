// The verification's two cookies (#21.3), sealed with AES-256-GCM so that the browser holding them can neither read
// nor change them: the sign-in under way (state, nonce, PKCE verifier: never in a shared cache or on the server), and
// the ID token for logout's hint (it holds the pid, so it is sealed and stays in the resident's own browser only).
// Each is sealed for its purpose, so one cannot stand in for the other.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { paths } from '../../paths';
import { IdTokenCookieSchema, PendingVerificationSchema, type IdTokenCookie, type PendingVerification } from './verification.schema';

export const PENDING_COOKIE = 'rk.idp';
/** Ten minutes to sign in at ID-porten; the privacy statement says so. */
export const PENDING_COOKIE_MAX_AGE_MS = 10 * 60 * 1000;
export const ID_TOKEN_COOKIE = 'rk.idt';
/** As long as an ID-porten session can last (120 minutes): after that there is nothing left to log out of. */
export const ID_TOKEN_COOKIE_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/** Longer values are not ours (an ID token sealed is some 2 KB). */
const MAX_SEALED_LENGTH = 12_000;

type Purpose = 'pending' | 'id-token';

export class VerificationCookies {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so these cookies say nothing about the session, CSRF or participant keys.
    this.key = crypto.createHmac('sha256', secret).update('reisekart id-porten cookies').digest();
  }

  setPending(req: Request, res: Response, pending: Omit<PendingVerification, 'expiresAt'>): void {
    const value = this.seal('pending', { ...pending, expiresAt: Date.now() + PENDING_COOKIE_MAX_AGE_MS });
    // Only the callback reads it.
    res.cookie(PENDING_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: PENDING_COOKIE_MAX_AGE_MS, path: paths.verification.callback() });
  }

  /** The sign-in under way, and cleared at once: each one is answered once, whatever the answer. */
  takePending(req: Request, res: Response): PendingVerification | null {
    const raw: unknown = req.cookies?.[PENDING_COOKIE];
    if (raw === undefined) return null;
    res.clearCookie(PENDING_COOKIE, { path: paths.verification.callback() });
    return this.open('pending', raw, PendingVerificationSchema);
  }

  setIdToken(req: Request, res: Response, idToken: string): void {
    const value = this.seal('id-token', { idToken, expiresAt: Date.now() + ID_TOKEN_COOKIE_MAX_AGE_MS });
    res.cookie(ID_TOKEN_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: ID_TOKEN_COOKIE_MAX_AGE_MS, path: paths.mine() });
  }

  idToken(req: Request): IdTokenCookie | null {
    return this.open('id-token', req.cookies?.[ID_TOKEN_COOKIE], IdTokenCookieSchema);
  }

  clearIdToken(res: Response): void {
    res.clearCookie(ID_TOKEN_COOKIE, { path: paths.mine() });
  }

  private seal(purpose: Purpose, payload: object): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The payload of a cookie sealed here for this purpose, not expired and of the right shape; else null. */
  private open<S extends z.ZodType<{ expiresAt: number }>>(purpose: Purpose, raw: unknown, schema: S): z.infer<S> | null {
    if (typeof raw !== 'string' || raw.length > MAX_SEALED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
    const bytes = Buffer.from(raw, 'base64url');
    if (bytes.length < 12 + 16 + 2) return null;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.expiresAt < Date.now()) return null;
      return parsed.data;
    } catch {
      // Altered, sealed with another key, or not JSON: not ours.
      return null;
    }
  }
}
