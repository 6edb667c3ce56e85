// Sign-in, sign-out and the first-admin setup, and who the signed-in user is; free of req/res.
import crypto from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.service';
import type { SetupTokensRepository } from './setup-tokens.repository';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

/** A staff account as sign-in reads it. */
export interface AccountRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: number;
  disabled_at: string | null;
}

/**
 * The port sign-in uses on the staff accounts. The `users` table belongs to the staff module, whose users repository
 * fills this port (wired in services.ts); sign-in so never imports another module's repository.
 */
export interface SignInAccounts {
  count(): number;
  byId(id: number): AccountRow | undefined;
  byEmail(email: string): AccountRow | undefined;
  setLastLogin(id: number, now: string): void;
  setPasswordHash(id: number, passwordHash: string): void;
  insert(user: { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean }, now: string): number;
  /** Whether any municipality the user serves requires single sign-on (municipalities.require_sso). */
  requiresSso(userId: number): boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class AuthService {
  /** Set by the app when STAFF_OIDC_* are configured (offerSingleSignOn); until then require_sso refuses nothing. */
  private singleSignOn = false;

  constructor(
    private readonly accounts: SignInAccounts,
    private readonly setupTokens: SetupTokensRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    /** Ends every session of a user (the staff module's sessions), after a password change. */
    private readonly sessions: { endAllOf(userId: number): void } = { endAllOf: () => {} },
  ) {}

  /**
   * A staff member changes their own password (#21.2): the current one proves it is them, the new one meets the
   * policy (made from their name or e-mail refused too). Every session of theirs ends, this one included, so a
   * session someone else may hold is gone and they sign in again with the new password. Audited without either.
   */
  async changePassword(userId: number, current: string, next: string): Promise<void> {
    const user = this.accounts.byId(userId);
    if (!user || user.disabled_at) throw new NotFoundError();
    if (user.password_hash === '') throw new ConflictError({ _form: 'account.password.noLocalPassword' });
    if (!(await verifyPassword(user.password_hash, current))) {
      this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.password_change_refused', entityType: 'user', entityId: userId });
      throw new ConflictError({ currentPassword: 'validation.currentPasswordWrong' });
    }
    const problem = passwordProblem(next, [user.name, user.email]);
    if (problem) throw new ConflictError({ password: problem });
    if (await verifyPassword(user.password_hash, next)) throw new ConflictError({ password: 'validation.passwordUnchanged' });
    this.accounts.setPasswordHash(userId, await hashPassword(next));
    this.sessions.endAllOf(userId);
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'account.password_changed', entityType: 'user', entityId: userId });
  }

  /** Checks the credentials; the same null answer for an unknown e-mail, a wrong password and a disabled user. */
  async login(email: string, password: string): Promise<CurrentUser | null> {
    const normalised = normaliseEmail(email);
    const user = this.accounts.byEmail(normalised);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || user.disabled_at) {
      this.audit.record({
        actorUserId: null,
        municipalityId: null,
        action: 'login.failed',
        entityType: user ? 'user' : undefined,
        entityId: user?.id,
        details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled' },
      });
      return null;
    }
    // Only after the right password, so the refusal tells nothing to someone who does not know it (SECURITY.md 16).
    if (this.singleSignOn && this.accounts.requiresSso(user.id)) {
      this.audit.record({ actorUserId: null, municipalityId: null, action: 'login.failed', entityType: 'user', entityId: user.id, details: { reason: 'sso_required' } });
      throw new ForbiddenError('staffSso.passwordRefused');
    }
    const now = this.clock().toISOString();
    this.accounts.setLastLogin(user.id, now);
    this.audit.record({ actorUserId: user.id, municipalityId: null, action: 'login', entityType: 'user', entityId: user.id });
    return toCurrentUser(user);
  }

  /**
   * Single sign-on is configured (#21.1): from now on a municipality's "require single sign-on" refuses its staff's
   * local passwords. Without a provider it cannot, or its staff would be locked out (docs/security.md).
   */
  offerSingleSignOn(): void {
    this.singleSignOn = true;
  }

  /** An account made by single sign-on has no local password (password_hash ''): nothing to change on its page. */
  hasLocalPassword(userId: number): boolean {
    return (this.accounts.byId(userId)?.password_hash ?? '') !== '';
  }

  /**
   * Whether a session signed in with a password may go on: not once a municipality of the user's requires single
   * sign-on (and it is configured). Checked on every staff request, so turning the requirement on ends the sessions
   * that were opened with a password before, not only the next sign-in.
   */
  passwordSessionRefused(userId: number): boolean {
    return this.singleSignOn && this.accounts.requiresSso(userId);
  }

  logout(userId: number): void {
    this.audit.record({ actorUserId: userId, municipalityId: null, action: 'logout', entityType: 'user', entityId: userId });
  }

  /** The signed-in user for a session, or null when gone or disabled. */
  currentUser(userId: number): CurrentUser | null {
    const user = this.accounts.byId(userId);
    return user && !user.disabled_at ? toCurrentUser(user) : null;
  }

  needsSetup(): boolean {
    return this.accounts.count() === 0;
  }

  /** A fresh one-time token for creating the first platform admin; only its hash is stored. */
  issueSetupToken(): string {
    const token = crypto.randomBytes(24).toString('base64url');
    this.setupTokens.replace(hashToken(token), this.clock().toISOString());
    return token;
  }

  isSetupTokenValid(token: string): boolean {
    return this.needsSetup() && this.setupTokens.isValid(hashToken(token));
  }

  /** Creates the platform admin with the token, once; returns null when the token is spent or wrong. */
  async completeSetup(token: string, input: { name: string; email: string; password: string }): Promise<CurrentUser | null> {
    if (!this.isSetupTokenValid(token)) return null;
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    // One connection holds both tables, so spending the token and creating the account are one transaction.
    const id = this.setupTokens.transaction(() => {
      if (this.accounts.count() !== 0 || !this.setupTokens.use(hashToken(token), now)) return null;
      return this.accounts.insert({ email: normaliseEmail(input.email), name: input.name, passwordHash, isPlatformAdmin: true }, now);
    });
    if (id === null) return null;
    this.audit.record({ actorUserId: id, municipalityId: null, action: 'setup.platform_admin_created', entityType: 'user', entityId: id });
    return this.currentUser(id);
  }
}

function toCurrentUser(user: AccountRow): CurrentUser {
  return { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.is_platform_admin === 1 };
}
