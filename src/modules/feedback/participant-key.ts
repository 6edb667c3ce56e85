// An anonymous resident is a random value in an HttpOnly cookie. The server signs the value it issues and takes back
// only values carrying its signature, so a client cannot mint identities; it keeps only a keyed hash of the value.
import crypto from 'node:crypto';
import signature from 'cookie-signature';

export const PARTICIPANT_COOKIE = 'rk.p';

/** Longer cookies are not ours: the signed value is 43 + 1 + 43 characters. */
const MAX_COOKIE_LENGTH = 100;

export interface ParticipantCookies {
  /** A new participant: the value behind the cookie, and the cookie's content. */
  issue(): { value: string; cookie: string };
  /** The value of a cookie this server signed, or null for a missing, forged, altered or malformed one. */
  read(cookie: unknown): string | null;
}

export function participantCookies(secret: string): ParticipantCookies {
  // A key of its own, so that a participant cookie's signature says nothing about the session or CSRF keys.
  const key = crypto.createHmac('sha256', secret).update('reisekart participant cookie').digest();
  return {
    issue() {
      const value = crypto.randomBytes(32).toString('base64url');
      return { value, cookie: signature.sign(value, key) };
    },
    read(cookie) {
      if (typeof cookie !== 'string' || cookie.length > MAX_COOKIE_LENGTH) return null;
      const value = signature.unsign(cookie, key);
      return value !== false && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    },
  };
}

export function participantKeyHash(secret: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(`participant:${value}`).digest('hex');
}
