// An anonymous resident is a random value in an HttpOnly cookie; the server keeps only a keyed hash of it.
import crypto from 'node:crypto';

export const PARTICIPANT_COOKIE = 'rk.p';

export function newParticipantValue(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** A well-formed cookie value: 43 base64url characters (32 random bytes). */
export function isParticipantValue(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function participantKeyHash(secret: string, value: string): string {
  return crypto.createHmac('sha256', secret).update(`participant:${value}`).digest('hex');
}
