// TOTP as authenticator apps know it (RFC 6238: SHA-1, 6 digits, 30-second steps), through otplib, on the services'
// clock. A code is accepted one step either side of now (a phone's clock drifts, typing takes time); the caller
// refuses a step it already accepted, so no code works twice.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: otplib's tolerance is in seconds. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  // 20 bytes (160 bits), otplib's default and RFC 4226's recommendation.
  return generateSecret();
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The time step the code matched, or null when it matches none near `at`. */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const result = verifySync({ secret, token: code, epoch: Math.floor(at.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
  // TOTP's result names the step it matched (the union's HOTP side has no such field).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code for a moment (the test harness answers the second step with it). */
export function totpCode(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
