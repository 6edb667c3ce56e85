// SQL for staff members' TOTP (migration 0034): the secret (sealed, totp-seal.ts) and its last accepted time step, the
// recovery codes' hashes, and who must have a second factor (read from the accounts, memberships and municipalities;
// never written here).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface TotpRow {
  user_id: number;
  secret: string;
  enrolled_at: string | null;
  last_step: number | null;
}

export class TwoFactorRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  totpOf(userId: number): TotpRow | undefined {
    return this.statement('SELECT user_id, secret, enrolled_at, last_step FROM user_totp WHERE user_id = ?').get(userId) as TotpRow | undefined;
  }

  /** A new secret waiting for its first code; an enrolled one is never replaced here. */
  putPending(userId: number, secret: string, now: string): void {
    this.statement(
      `INSERT INTO user_totp (user_id, secret, created_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at, last_step = NULL WHERE enrolled_at IS NULL`,
    ).run(userId, secret, now);
  }

  markEnrolled(userId: number, step: number, now: string): boolean {
    return this.statement('UPDATE user_totp SET enrolled_at = ?, last_step = ? WHERE user_id = ? AND enrolled_at IS NULL').run(now, step, userId).changes === 1;
  }

  /** Takes the time step, unless it or a later one was taken already (a replay, or a parallel request with the code). */
  takeStep(userId: number, step: number): boolean {
    return this.statement('UPDATE user_totp SET last_step = ? WHERE user_id = ? AND (last_step IS NULL OR last_step < ?)').run(step, userId, step).changes === 1;
  }

  /** Replaces the stored secret only while it still holds `from` (sealing a clear value races no other write). */
  replaceSecret(userId: number, from: string, to: string): boolean {
    return this.statement('UPDATE user_totp SET secret = ? WHERE user_id = ? AND secret = ?').run(to, userId, from).changes === 1;
  }

  /** Every stored secret, for sealing the clear ones at start-up. */
  allSecrets(): Pick<TotpRow, 'user_id' | 'secret'>[] {
    return this.statement('SELECT user_id, secret FROM user_totp ORDER BY user_id').all() as Pick<TotpRow, 'user_id' | 'secret'>[];
  }

  remove(userId: number): void {
    this.statement('DELETE FROM user_totp WHERE user_id = ?').run(userId);
    this.statement('DELETE FROM user_recovery_codes WHERE user_id = ?').run(userId);
  }

  replaceRecoveryCodes(userId: number, hashes: readonly string[]): void {
    this.statement('DELETE FROM user_recovery_codes WHERE user_id = ?').run(userId);
    const insert = this.statement('INSERT INTO user_recovery_codes (user_id, code_hash) VALUES (?, ?)');
    for (const hash of hashes) insert.run(userId, hash);
  }

  /** Spends a recovery code; 'used' when it was spent before, 'unknown' when it is none of the user's. */
  useRecoveryCode(userId: number, hash: string, now: string): 'ok' | 'used' | 'unknown' {
    if (this.statement('UPDATE user_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL').run(now, userId, hash).changes === 1) return 'ok';
    const known = this.statement('SELECT EXISTS (SELECT 1 FROM user_recovery_codes WHERE user_id = ? AND code_hash = ?)', 'pluck').get(userId, hash) === 1;
    return known ? 'used' : 'unknown';
  }

  recoveryCodesLeft(userId: number): number {
    return this.statement('SELECT count(*) FROM user_recovery_codes WHERE user_id = ? AND used_at IS NULL', 'pluck').get(userId) as number;
  }

  /** Platform admins, admins of any municipality, and all staff of a municipality that requires it need a second factor. */
  isRequired(userId: number): boolean {
    return (
      this.statement(
        `SELECT EXISTS (SELECT 1 FROM users WHERE id = @id AND is_platform_admin = 1)
             OR EXISTS (SELECT 1 FROM memberships WHERE user_id = @id AND role = 'admin')
             OR EXISTS (SELECT 1 FROM memberships ms JOIN municipalities m ON m.id = ms.municipality_id WHERE ms.user_id = @id AND m.require_two_factor = 1)`,
        'pluck',
      ).get({ id: userId }) === 1
    );
  }
}
