// TOTP as staff members' second factor (#21.2): enrolment confirmed by one code, recovery codes shown once, the check
// at sign-in (a code is never accepted twice, a recovery code works once), turning it off, and who must have it.
// Free of req/res. Audited without a secret or a code.
import crypto from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { newTotpSecret, totpStep, totpUri } from './totp';
import type { TwoFactorRepository } from './two-factor.repository';

export const RECOVERY_CODE_COUNT = 10;
/** Without look-alikes (0/o, 1/l/i): recovery codes are read off paper and typed. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;
const ISSUER = 'Reisekart';

export type SecondFactorFailure = 'wrong' | 'replayed' | 'recovery_used';
export type SecondFactorResult = { ok: true; via: 'totp' | 'recovery' } | { ok: false; reason: SecondFactorFailure };

export interface TwoFactorState {
  enrolled: boolean;
  required: boolean;
  /** Enrolment under way: the secret waiting for its first code. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
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

/** Six digits, spaces allowed (apps show "123 456"). */
function asTotpCode(code: string): string | null {
  const digits = code.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export class TwoFactorService {
  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: () => Date,
  ) {}

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
    return {
      enrolled,
      required: this.repo.isRequired(userId),
      pending: row && !enrolled ? { secret: row.secret, uri: totpUri(row.secret, account, ISSUER) } : null,
      recoveryCodesLeft: enrolled ? this.repo.recoveryCodesLeft(userId) : 0,
    };
  }

  /** Starts (or starts again) an enrolment with a fresh secret; an enrolled user must turn it off first. */
  start(userId: number): void {
    this.repo.transaction(() => {
      if (this.isEnrolled(userId)) throw new ConflictError({ code: 'twoFactor.errors.alreadyEnrolled' });
      this.repo.putPending(userId, newTotpSecret(), this.clock().toISOString());
    });
  }

  /** One code from the app confirms the enrolment; the answer is the recovery codes, which exist nowhere else after. */
  confirm(userId: number, code: string): string[] {
    const row = this.repo.totpOf(userId);
    if (!row || row.enrolled_at) throw new NotFoundError();
    const digits = asTotpCode(code);
    const step = digits ? totpStep(row.secret, digits, this.clock()) : null;
    if (step === null) throw new ValidationError({ code: 'twoFactor.errors.wrongCode' });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const done = this.repo.transaction(() => {
      if (!this.repo.markEnrolled(userId, step, this.clock().toISOString())) return false;
      this.repo.replaceRecoveryCodes(userId, codes.map(recoveryHash));
      return true;
    });
    // Confirmed by a parallel request: that one showed the codes.
    if (!done) throw new NotFoundError();
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.totp_enrolled', entityType: 'user', entityId: userId });
    return codes;
  }

  /** The second step of a sign-in: a code from the app, or a recovery code. Audits the outcome. */
  verify(userId: number, code: string): SecondFactorResult {
    const result = this.check(userId, code);
    if (result.ok) {
      this.audit.record({ actorUserId: userId, municipalityId: null, action: 'login.second_factor', entityType: 'user', entityId: userId, details: { via: result.via } });
      if (result.via === 'recovery') {
        this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.recovery_code_used', entityType: 'user', entityId: userId, details: { left: this.repo.recoveryCodesLeft(userId) } });
      }
    } else {
      this.audit.record({ actorUserId: null, municipalityId: null, action: 'login.second_factor_failed', entityType: 'user', entityId: userId, details: { reason: result.reason } });
    }
    return result;
  }

  /** Turning it off takes a current code from the app; refused where a second factor is required. */
  remove(userId: number, code: string): void {
    if (!this.isEnrolled(userId)) throw new NotFoundError();
    if (this.repo.isRequired(userId)) throw new ConflictError({ code: 'twoFactor.errors.required' });
    const result = this.checkTotp(userId, code);
    if (!result.ok) throw new ValidationError({ code: result.reason === 'replayed' ? 'twoFactor.errors.replayed' : 'twoFactor.errors.wrongCode' });
    this.repo.transaction(() => this.repo.remove(userId));
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.totp_removed', entityType: 'user', entityId: userId });
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
    const step = totpStep(row.secret, digits, this.clock());
    if (step === null) return { ok: false, reason: 'wrong' };
    // The step is taken in one statement: the same code sent twice at once passes only once.
    if (!this.repo.transaction(() => this.repo.takeStep(userId, step))) return { ok: false, reason: 'replayed' };
    return { ok: true, via: 'totp' };
  }
}
