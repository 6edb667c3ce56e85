// TOTP as staff members' second factor (#21.2): enrolment confirmed by one code, recovery codes shown once, the check
// at sign-in (a code is never accepted twice, a recovery code works once), turning it off, and who must have it.
// Free of req/res. Audited without a secret or a code. The secrets are sealed at rest (totp-seal.ts); enrolling or
// removing ends the user's other sessions, and recovery codes can be renewed with a current code.
import crypto from 'node:crypto';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Logger } from '../../lib/logger';
import type { AuditService } from '../audit/audit.service';
import { isSealed, TotpSeal, UnreadableTotpSecret } from './totp-seal';
import { newTotpSecret, totpStep, totpUri } from './totp';
import type { TotpRow, TwoFactorRepository } from './two-factor.repository';

export const RECOVERY_CODE_COUNT = 10;
/** Without look-alikes (0/o, 1/l/i): recovery codes are read off paper and typed. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;
const ISSUER = 'Reisekart';

export type SecondFactorFailure = 'wrong' | 'replayed' | 'recovery_used' | 'unreadable';
export type SecondFactorResult = { ok: true; via: 'totp' | 'recovery' } | { ok: false; reason: SecondFactorFailure };

export interface TwoFactorState {
  enrolled: boolean;
  required: boolean;
  /** Enrolment under way: the secret waiting for its first code. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  /** Enrolled, but this server's key does not open the secret: codes from the app cannot be checked here. */
  unreadable: boolean;
}

/**
 * The second step of a sign-in with a code from the app, where the stored secret does not open with this server's key
 * (TOTP_SECRET_KEY or the data folder's totp-key is not the one it was sealed with, or the row was moved from another
 * account): a clear refusal that names the way in (a recovery code), never a 5xx. Logged and audited.
 */
export class SecondFactorUnreadable extends AppError {
  constructor() {
    super(403, 'twoFactor.errors.unreadable');
  }
}

/** The port that ends a user's sessions, but the one in use or all (the sessions belong to sign-in; services.ts). */
export interface OtherSessions {
  endOthersOf(userId: number, keepSessionId: string): void;
  endAllOf(userId: number): void;
}

/** The key the secrets are sealed with, and where an unreadable one is reported; set by the app (createApp). */
export interface TwoFactorKey {
  key: string;
  logger: Logger;
}

/** Spaces and dashes as the person typed them do not matter, nor does case. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function recoveryHash(code: string): string {
  return crypto.createHash('sha256').update(`recovery-code:${normaliseRecoveryCode(code)}`).digest('hex');
}

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_LENGTH; i += 1) code += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** The form's message for a code from the app that was refused. */
function refusalOf(reason: SecondFactorFailure): string {
  if (reason === 'replayed') return 'twoFactor.errors.replayed';
  if (reason === 'unreadable') return 'twoFactor.errors.unreadable';
  return 'twoFactor.errors.wrongCode';
}

/** Six digits, spaces allowed (apps show "123 456"). */
function asTotpCode(code: string): string | null {
  const digits = code.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export class TwoFactorService {
  /** Set by configure(); until then nothing can be enrolled or checked (no secret is ever stored in clear). */
  private seal: TotpSeal | null = null;
  private logger: Logger | null = null;

  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: () => Date,
    private readonly sessions: OtherSessions,
  ) {}

  /** The sealing key (TOTP_SECRET_KEY, else the data folder's totp-key) and the log; the app sets it before any use. */
  configure({ key, logger }: TwoFactorKey): void {
    this.seal = new TotpSeal(key);
    this.logger = logger;
  }

  isEnrolled(userId: number): boolean {
    return !!this.repo.totpOf(userId)?.enrolled_at;
  }

  isRequired(userId: number): boolean {
    return this.repo.isRequired(userId);
  }

  /** Required but not enrolled: such a user reaches nothing under /admin but the enrolment. */
  needsEnrolment(userId: number): boolean {
    return this.isRequired(userId) && !this.isEnrolled(userId);
  }

  state(userId: number, account: string): TwoFactorState {
    const row = this.repo.totpOf(userId);
    const enrolled = !!row?.enrolled_at;
    // A pending secret that does not open (sealed with another key) shows as none: starting again replaces it.
    const pending = row && !enrolled ? this.openSecret(row) : null;
    return {
      enrolled,
      required: this.repo.isRequired(userId),
      pending: pending ? { secret: pending, uri: totpUri(pending, account, ISSUER) } : null,
      recoveryCodesLeft: enrolled ? this.repo.recoveryCodesLeft(userId) : 0,
      // Not logged here: a page view is no attempt, and the sign-in that came before logged it.
      unreadable: enrolled && this.openSecret(row, false) === null,
    };
  }

  /** Starts (or starts again) an enrolment with a fresh secret; an enrolled user must turn it off first. */
  start(userId: number): void {
    this.repo.transaction(() => {
      if (this.isEnrolled(userId)) throw new ConflictError({ code: 'twoFactor.errors.alreadyEnrolled' });
      this.repo.putPending(userId, this.sealer().seal(userId, newTotpSecret()), this.clock().toISOString());
    });
  }

  /**
   * One code from the app confirms the enrolment; the answer is the recovery codes, which exist nowhere else after.
   * Every other session of the user ends (the one in use, `sessionId`, stays): a session someone else may hold must
   * not outlive the change to how the account is protected, as with a new password.
   */
  confirm(userId: number, code: string, sessionId: string): string[] {
    const row = this.repo.totpOf(userId);
    if (!row || row.enrolled_at) throw new NotFoundError();
    const secret = this.openSecret(row);
    // Started under another key: the page shows the start again, which replaces it.
    if (secret === null) throw new ConflictError({ code: 'twoFactor.errors.startAgain' });
    const digits = asTotpCode(code);
    const step = digits ? totpStep(secret, digits, this.clock()) : null;
    if (step === null) throw new ValidationError({ code: 'twoFactor.errors.wrongCode' });
    const codes = newRecoveryCodes();
    const done = this.repo.transaction(() => {
      if (!this.repo.markEnrolled(userId, step, this.clock().toISOString())) return false;
      this.sealIfClear(row, secret);
      this.repo.replaceRecoveryCodes(userId, codes.map(recoveryHash));
      this.sessions.endOthersOf(userId, sessionId);
      return true;
    });
    // Confirmed by a parallel request: that one showed the codes.
    if (!done) throw new NotFoundError();
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.totp_enrolled', entityType: 'user', entityId: userId });
    return codes;
  }

  /**
   * Ten new recovery codes for one who has used or lost some (#21 follow-up): a current code from the app proves it is
   * them, the old codes stop working in the same transaction, and the new ones are the answer, shown once.
   */
  renewRecoveryCodes(userId: number, code: string): string[] {
    if (!this.isEnrolled(userId)) throw new NotFoundError();
    const result = this.checkTotp(userId, code);
    if (!result.ok) throw new ValidationError({ code: refusalOf(result.reason) });
    const codes = newRecoveryCodes();
    this.repo.transaction(() => this.repo.replaceRecoveryCodes(userId, codes.map(recoveryHash)));
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.recovery_codes_renewed', entityType: 'user', entityId: userId, details: { count: codes.length } });
    return codes;
  }

  /**
   * The second step of a sign-in: a code from the app, or a recovery code. Audits the outcome. A code from the app
   * against a secret this server cannot open throws SecondFactorUnreadable (a 403 page naming recovery codes).
   */
  verify(userId: number, code: string): SecondFactorResult {
    const result = this.check(userId, code);
    if (result.ok) {
      this.audit.record({ actorUserId: userId, municipalityId: null, action: 'login.second_factor', entityType: 'user', entityId: userId, details: { via: result.via } });
      if (result.via === 'recovery') {
        this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.recovery_code_used', entityType: 'user', entityId: userId, details: { left: this.repo.recoveryCodesLeft(userId) } });
      }
    } else {
      this.audit.record({ actorUserId: null, municipalityId: null, action: 'login.second_factor_failed', entityType: 'user', entityId: userId, details: { reason: result.reason } });
      if (result.reason === 'unreadable') throw new SecondFactorUnreadable();
    }
    return result;
  }

  /**
   * Turning it off takes a current code from the app; refused where a second factor is required. Every other session
   * of the user ends, as at enrolment.
   */
  remove(userId: number, code: string, sessionId: string): void {
    if (!this.isEnrolled(userId)) throw new NotFoundError();
    if (this.repo.isRequired(userId)) throw new ConflictError({ code: 'twoFactor.errors.required' });
    const result = this.checkTotp(userId, code);
    if (!result.ok) throw new ValidationError({ code: refusalOf(result.reason) });
    this.repo.transaction(() => {
      this.repo.remove(userId);
      this.sessions.endOthersOf(userId, sessionId);
    });
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.totp_removed', entityType: 'user', entityId: userId });
  }

  /**
   * The operator's way out for someone who has lost the app and every recovery code, or whose secret no longer opens
   * (the key is lost): the second factor goes, with every session of theirs, and where one is required they set it up
   * again at their next sign-in. Only from the command line, by whoever runs the server; never from a page.
   */
  reset(userId: number): boolean {
    if (!this.repo.totpOf(userId)) return false; // enrolled, or an enrolment begun
    this.repo.transaction(() => {
      this.repo.remove(userId);
      this.sessions.endAllOf(userId);
    });
    this.audit.record({ actorUserId: null, municipalityId: null, action: 'account.totp_reset', entityType: 'user', entityId: userId });
    return true;
  }

  private check(userId: number, code: string): SecondFactorResult {
    if (!this.isEnrolled(userId)) return { ok: false, reason: 'wrong' };
    if (asTotpCode(code)) return this.checkTotp(userId, code);
    const used = this.repo.transaction(() => this.repo.useRecoveryCode(userId, recoveryHash(code), this.clock().toISOString()));
    if (used === 'ok') return { ok: true, via: 'recovery' };
    return { ok: false, reason: used === 'used' ? 'recovery_used' : 'wrong' };
  }

  private checkTotp(userId: number, code: string): SecondFactorResult {
    const row = this.repo.totpOf(userId);
    const digits = asTotpCode(code);
    if (!row?.enrolled_at || !digits) return { ok: false, reason: 'wrong' };
    const secret = this.openSecret(row);
    if (secret === null) return { ok: false, reason: 'unreadable' };
    const step = totpStep(secret, digits, this.clock());
    if (step === null) return { ok: false, reason: 'wrong' };
    // The step is taken in one statement: the same code sent twice at once passes only once.
    const taken = this.repo.transaction(() => {
      if (!this.repo.takeStep(userId, step)) return false;
      this.sealIfClear(row, secret);
      return true;
    });
    return taken ? { ok: true, via: 'totp' } : { ok: false, reason: 'replayed' };
  }

  /**
   * Seals every secret still stored in clear, and counts the sealed ones this key cannot open; the server calls it at
   * start-up, before it listens. At start-up rather than only on first use: the first backup after the upgrade must
   * hold no secret in clear, also of staff who do not sign in for months. A clear value met later all the same (a row
   * written by hand, or by a process that was not started this way) still works, and is sealed by the first POST that
   * uses it (sealIfClear); a GET never writes, so the page alone does not seal it.
   */
  sealStoredSecrets(): { sealed: number; unreadable: number } {
    return this.repo.transaction(() => {
      let sealed = 0;
      let unreadable = 0;
      for (const row of this.repo.allSecrets()) {
        if (isSealed(row.secret)) {
          if (this.openSecret(row, false) === null) unreadable += 1;
        } else if (this.repo.replaceSecret(row.user_id, row.secret, this.sealer().seal(row.user_id, row.secret))) {
          sealed += 1;
        }
      }
      return { sealed, unreadable };
    });
  }

  private sealer(): TotpSeal {
    // createApp configures the key before any request; a composition root that forgot it must fail loudly, not store clear.
    if (!this.seal) throw new Error('TwoFactorService used before configure(): no key for TOTP secrets');
    return this.seal;
  }

  /** The clear secret, or null (logged) when a sealed one does not open with this key for this user. */
  private openSecret(row: Pick<TotpRow, 'user_id' | 'secret'>, log = true): string | null {
    if (!isSealed(row.secret)) return row.secret;
    try {
      return this.sealer().open(row.user_id, row.secret);
    } catch (err) {
      if (!(err instanceof UnreadableTotpSecret)) throw err;
      if (log) this.logger?.error({ userId: row.user_id }, 'TOTP secret cannot be opened with this key: TOTP_SECRET_KEY or the data folder\'s totp-key is not the one it was sealed with');
      return null;
    }
  }

  /** A secret written before sealing came is sealed on its first use; only if the row still holds that clear value. */
  private sealIfClear(row: Pick<TotpRow, 'user_id' | 'secret'>, secret: string): void {
    if (!isSealed(row.secret)) this.repo.replaceSecret(row.user_id, row.secret, this.sealer().seal(row.user_id, secret));
  }
}
