// Staff single sign-on (#21.1): the municipality's own OpenID provider vouches for the person, and the portal matches
// them to an existing staff account by e-mail. The provider never grants roles; those come only from the portal's own
// memberships and invitations. Free of req/res: the controller keeps the pending sign-in in the session.
import type { StaffOidcConfig } from '../../config';
import type { AuditService } from '../audit/audit.service';
import { OpenIdError, OpenIdRelyingParty, type OpenIdFailure, type PendingSignIn } from '../../lib/openid';
import { paths } from '../../paths';
import { normaliseEmail, type AccountRow, type CurrentUser } from './auth.service';

/** What the browser's answer is checked against, kept server-side between start and callback. */
export interface PendingStaffSignIn extends PendingSignIn {
  /** Where to go after signing in; already checked by safeReturnTo. */
  returnTo: string;
  startedAt: string;
}

/** The staff accounts as single sign-on reads them; the staff module's users repository fills this port. */
export interface StaffSsoAccounts {
  byEmail(email: string): AccountRow | undefined;
  insert(user: { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean }, now: string): number;
  setLastLogin(id: number, now: string): void;
  /** A live invitation (unused, not expired at `now`) to this e-mail. */
  hasOpenInvitation(email: string, now: string): boolean;
  transaction<T>(work: () => T): T;
}

export type StaffSsoRefusal = OpenIdFailure | 'unknown_email' | 'disabled';

export type StaffSsoOutcome =
  | { ok: true; user: CurrentUser; idToken: string; /** A new account for an invited person: they answer on the start page. */ created: boolean }
  | { ok: false; reason: StaffSsoRefusal; /** The address the provider named, shown back to the person only. */ email: string | null };

/** A pending sign-in older than this is refused: the provider's own login page gives people well under it. */
export const PENDING_SIGN_IN_MS = 15 * 60 * 1000;
/** No local password: verifyPassword never matches it (and takes the dummy hash's time). */
const NO_LOCAL_PASSWORD = '';
const NAME_MAX = 120;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `email` and `profile` bring the e-mail, Entra's preferred_username and the name into the ID token. */
export const STAFF_SSO_SCOPE = 'openid email profile';

/** The service for the configured provider; the callback and post-logout addresses are the portal's own, from BASE_URL. */
export function staffSsoFor(oidc: StaffOidcConfig, baseUrl: string, accounts: StaffSsoAccounts, audit: AuditService, clock: () => Date): StaffSsoService {
  const party = new OpenIdRelyingParty({ ...oidc, redirectUri: baseUrl + paths.staffSso.callback(), scope: STAFF_SSO_SCOPE });
  return new StaffSsoService(party, accounts, audit, clock, baseUrl);
}

export class StaffSsoService {
  constructor(
    private readonly party: OpenIdRelyingParty,
    private readonly accounts: StaffSsoAccounts,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    /** The portal's public address (BASE_URL): never a request's Host header. */
    private readonly baseUrl: string,
  ) {}

  /** The provider's origins the sign-in page's and logout's forms may be redirected to (their CSP form-action). */
  formTargets(): string[] {
    return this.party.formTargets();
  }

  /** Discovers the provider now, so that the first sign-in's page already names its endpoints. */
  warmUp(): void {
    this.party.warmUp();
  }

  /**
   * The address the provider sent the browser to: the registered callback (BASE_URL, with any path it has, and the
   * callback path) with the answer's query. openid-client sends it on as the token request's redirect_uri.
   */
  answerAt(requestUrl: string): URL {
    return new URL(this.baseUrl + requestUrl);
  }

  /** The provider's address for this browser, and what to keep until it comes back. Throws OpenIdError('unavailable'). */
  async start(returnTo: string): Promise<{ url: string; pending: PendingStaffSignIn }> {
    let started: Awaited<ReturnType<OpenIdRelyingParty['start']>>;
    try {
      started = await this.party.start();
    } catch (err) {
      // Discovery failed: the provider is down, or describes itself as another issuer than the one configured.
      if (err instanceof OpenIdError) this.refused(err.reason, null);
      throw err;
    }
    const { url, pending } = started;
    return { url, pending: { ...pending, returnTo, startedAt: this.clock().toISOString() } };
  }

  /**
   * Checks the provider's answer against what this browser started with, then finds the staff account. Every refusal
   * is audited with its reason alone: never a code, a token or a claim's value.
   */
  async finish(answer: URL, pending: PendingStaffSignIn | undefined): Promise<StaffSsoOutcome> {
    // No pending sign-in (another browser's answer, or one already used) or a stale one: the state cannot match.
    if (!pending || this.clock().getTime() - Date.parse(pending.startedAt) > PENDING_SIGN_IN_MS) return this.refused('state', null);
    let result: Awaited<ReturnType<OpenIdRelyingParty['finish']>>;
    try {
      result = await this.party.finish(answer, pending);
    } catch (err) {
      if (err instanceof OpenIdError) return this.refused(err.reason, null);
      throw err;
    }
    const email = emailOf(result.claims);
    if (!email) return this.refused('unknown_email', null);
    const now = this.clock().toISOString();
    const found = this.accounts.transaction(() => {
      const existing = this.accounts.byEmail(email);
      if (existing) return { user: existing, created: false };
      // Someone invited who has no account yet gets one without a password; roles still wait for their answer.
      if (!this.accounts.hasOpenInvitation(email, now)) return null;
      this.accounts.insert({ email, name: nameOf(result.claims, email), passwordHash: NO_LOCAL_PASSWORD, isPlatformAdmin: false }, now);
      return { user: this.accounts.byEmail(email)!, created: true };
    });
    if (!found) return this.refused('unknown_email', email);
    const { user, created } = found;
    if (created) this.audit.record({ actorUserId: user.id, municipalityId: null, action: 'user.created_by_sso', entityType: 'user', entityId: user.id });
    if (user.disabled_at) return this.refused('disabled', email, user.id);
    this.accounts.setLastLogin(user.id, now);
    this.audit.record({ actorUserId: user.id, municipalityId: null, action: 'login.sso', entityType: 'user', entityId: user.id });
    return {
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.is_platform_admin === 1 },
      idToken: result.idToken,
      created,
    };
  }

  /** The provider's logout address for a single sign-on session, or null when it offers none or cannot be reached. */
  async providerLogoutUrl(idToken: string): Promise<string | null> {
    try {
      // Back to the portal's front page afterwards: that address is registered at the provider.
      return await this.party.logoutUrl(idToken, this.baseUrl + paths.home());
    } catch {
      // Logging out of the portal must never fail because the provider is down.
      return null;
    }
  }

  private refused(reason: StaffSsoRefusal, email: string | null, userId?: number): StaffSsoOutcome {
    this.audit.record({
      actorUserId: null,
      municipalityId: null,
      action: 'login.sso_failed',
      entityType: userId === undefined ? undefined : 'user',
      entityId: userId,
      details: { reason },
    });
    return { ok: false, reason, email };
  }
}

/**
 * The person's e-mail: the `email` claim, or Entra's `preferred_username` (its sign-in name, usually the e-mail) when
 * `email` is left out and the name looks like an address. Normalised as every staff e-mail is.
 */
export function emailOf(claims: Record<string, unknown>): string | null {
  const value = typeof claims.email === 'string' ? claims.email : claims.preferred_username;
  if (typeof value !== 'string') return null;
  const email = normaliseEmail(value);
  return email.length <= 254 && LOOKS_LIKE_EMAIL.test(email) ? email : null;
}

function nameOf(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, NAME_MAX) : '';
  return name || email.split('@')[0]!;
}
