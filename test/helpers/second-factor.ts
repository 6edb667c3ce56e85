// Answers the second factor (#21.2) the way a person with an authenticator app does, for the sign-in helpers
// (test-app.ts, test/e2e/helpers): the code comes from otplib on the user's secret, read from the test's own database.
// A code is never accepted twice, so each sign-in uses the next time step; when a test signs the same person in more
// often than the steps around now allow, the harness clock moves on to the next step, as a person would wait for
// the next code. The secrets are sealed at rest: the helpers open them with the harness's key, as the app would.
import type { Db } from '../../src/db/connection';
import { TOTP_PERIOD_SECONDS, totpCode } from '../../src/modules/two-factor/totp';
import { isSealed, TotpSeal } from '../../src/modules/two-factor/totp-seal';

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

/** The TOTP_SECRET_KEY of every app the harness makes (test-app.ts), unless a test gives its own. */
export const HARNESS_TOTP_KEY = 'harness-totp-key-harness-totp-key-harness-1234';
const harnessSeal = new TotpSeal(HARNESS_TOTP_KEY);

/** The clear secret of a stored value: sealed under the harness's key, or still in clear (written before sealing). */
function openStored(userId: number, stored: string): string {
  return isSealed(stored) ? harnessSeal.open(userId, stored) : stored;
}

export interface SecondFactorHarness {
  db: Db;
  clock: { now: () => Date; advance?: (ms: number) => void };
}

/** The user's TOTP secret (enrolled or waiting for its first code), or undefined when they have none. */
export function totpSecretOf(db: Db, email: string): string | undefined {
  const row = db
    .prepare('SELECT t.user_id, t.secret FROM user_totp t JOIN users u ON u.id = t.user_id WHERE u.email = ?')
    .get(email.trim().toLowerCase()) as { user_id: number; secret: string } | undefined;
  return row && openStored(row.user_id, row.secret);
}

/** A code the server will accept for this user now: the first time step after the last one it accepted. */
export function nextTotpCode(harness: SecondFactorHarness, email: string): string {
  const row = harness.db
    .prepare('SELECT t.user_id, t.secret, t.last_step FROM user_totp t JOIN users u ON u.id = t.user_id WHERE u.email = ?')
    .get(email.trim().toLowerCase()) as { user_id: number; secret: string; last_step: number | null } | undefined;
  if (!row) throw new Error(`no TOTP secret for ${email}`);
  const nowStep = Math.floor(harness.clock.now().getTime() / STEP_MS);
  const step = Math.max(nowStep, (row.last_step ?? -1) + 1);
  // The server accepts one step either side of now: beyond that, the clock moves on to the step.
  if (step > nowStep + 1) {
    if (!harness.clock.advance) throw new Error(`no unused TOTP step near now for ${email}, and the clock cannot move`);
    harness.clock.advance((step - nowStep) * STEP_MS);
  }
  return totpCode(openStored(row.user_id, row.secret), new Date(step * STEP_MS));
}
