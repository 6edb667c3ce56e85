// Staff of a municipality: who holds which roles, invitations by e-mail (#21.2: single-use links, a new person's own
// password, answers), removing, disabling; and user creation for the CLI. Free of req/res.
import crypto from 'node:crypto';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import { normaliseEmail } from '../sign-in/auth.service';
import { hashPassword, passwordProblem } from '../sign-in/password.service';
import type { Role } from './roles';
import type { StaffRow, UsersRepository } from './users.repository';

export interface StaffMember {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface StaffInvitation {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  invitedAt: string;
  expiresAt: string;
  /** Its link no longer works: the admin sends it again. */
  expired: boolean;
}

/** How long an invitation's link works (#21.2). */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

/** How long an expired invitation still shows to the admin as expired (to send again) before the housekeeping purges it. */
export const EXPIRED_INVITATION_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** An invitation's link that is unknown, used, withdrawn or expired: one answer for all, 410 (ask for a new one). */
export class InvitationGone extends AppError {
  constructor() {
    super(410, 'invitations.gone.body');
  }
}

/** An invitation as its link's page shows it. */
export interface LinkedInvitation {
  email: string;
  name: string;
  municipalityName: string;
  roles: Role[];
  expiresAt: string;
  /** Whether an account with the invited e-mail exists: then its holder signs in to answer. */
  accountExists: boolean;
}

/** The port that queues the invitation e-mail in the outbox, in the invitation's own transaction (wired in services.ts). */
export interface InvitationMailer {
  queue(
    mail: { invitationId: number; to: string; language: Locale; payload: { token: string; expiresAt: string; municipalityName: string; name: string; roles: string[] } },
    now: string,
  ): void;
  /** Takes back the invitation's e-mails that have not gone yet (sent again, or withdrawn). */
  cancel(invitationId: number): void;
}

function invitationTokenHash(token: string): string {
  return crypto.createHash('sha256').update(`staff-invitation:${token}`).digest('hex');
}

function localeOf(value: string): Locale {
  return value === 'nn' || value === 'en' ? value : 'nb';
}

export interface ReceivedInvitation {
  id: number;
  municipalityName: string;
  roles: Role[];
  invitedAt: string;
}

/** The port that ends a user's sessions (the sessions belong to the sign-in module; wired in services.ts). */
export interface UserSessions {
  endAllOf(userId: number): void;
}

export class StaffService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    private readonly sessions: UserSessions,
    private readonly mailer: InvitationMailer,
  ) {}

  /** The roles a user holds in a municipality; none for someone who is not its staff. */
  rolesIn(userId: number, municipalityId: number): Role[] {
    return this.users.rolesIn(userId, municipalityId);
  }

  /** Municipalities where the user holds any role, for the staff start page. */
  municipalitiesOf(userId: number): { slug: string; name: string }[] {
    return this.users.municipalitiesOf(userId);
  }

  list(municipalityId: number): StaffMember[] {
    return this.users.staffOf(municipalityId).map(toStaffMember);
  }

  get(municipalityId: number, userId: number): StaffMember {
    const member = this.users.staffOf(municipalityId).find((s) => s.id === userId);
    if (!member) throw new NotFoundError();
    return toStaffMember(member);
  }

  /** Whether this municipality's admin may disable the whole account: not when it also serves elsewhere. */
  mayDisable(municipalityId: number, userId: number): boolean {
    const target = this.users.byId(userId);
    return !!target && target.is_platform_admin === 0 && this.users.countOtherMemberships(userId, municipalityId) === 0;
  }

  /** Invitations this municipality has sent that are not yet answered, as the admin typed them. */
  invitations(municipalityId: number): StaffInvitation[] {
    const now = this.clock().toISOString();
    return this.users.invitationsOf(municipalityId).map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles.split(',') as Role[],
      invitedAt: row.created_at,
      expiresAt: row.expires_at ?? row.created_at,
      expired: (row.expires_at ?? row.created_at) <= now,
    }));
  }

  /**
   * Invites someone to the municipality's staff (#21.2): an e-mail with a link that works once, for 72 hours, queued
   * in the same transaction. Nobody gains a role here: a new person chooses their own password at the link, and an
   * existing account's holder signs in there and accepts. An account that already exists is neither changed nor
   * described: the admin sees the same answer and only what they typed (#15.2). The e-mail is in the municipality's
   * default language.
   */
  invite(actorId: number, municipality: { id: number; name: string; slug: string; default_locale: string }, input: { email: string; name: string; roles: Role[] }): number {
    const municipalityId = municipality.id;
    const values = { email: input.email, name: input.name, roles: input.roles };
    const email = normaliseEmail(input.email);
    const roles = [...input.roles].sort();
    const invitationId = this.users.transaction(() => {
      const now = this.clock();
      const existing = this.users.byEmail(email);
      // Both answers speak only of this municipality's own staff and invitations.
      if (existing && this.users.rolesIn(existing.id, municipalityId).length > 0) throw new ConflictError({ email: 'validation.staffExists' }, values);
      if (this.users.invitationByEmail(municipalityId, email)) throw new ConflictError({ email: 'validation.alreadyInvited' }, values);
      this.users.deleteUsedInvitation(municipalityId, email);
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
      const id = this.users.insertInvitation(
        { municipalityId, email, name: input.name, roles, invitedBy: actorId, tokenHash: invitationTokenHash(token), expiresAt },
        now.toISOString(),
      );
      this.mailer.queue(
        { invitationId: id, to: email, language: localeOf(municipality.default_locale), payload: { token, expiresAt, municipalityName: municipality.name, name: input.name, roles } },
        now.toISOString(),
      );
      return id;
    });
    this.audit.record({
      actorUserId: actorId,
      municipalityId,
      action: 'user.invited',
      entityType: 'invitation',
      entityId: invitationId,
      details: { roles: input.roles },
    });
    return invitationId;
  }

  /** Sends the invitation again with a new link; the old link is dead from now on, and its e-mail, if still waiting, goes unsent. */
  resendInvitation(actorId: number, municipality: { id: number; name: string; default_locale: string }, invitationId: number): void {
    this.users.transaction(() => {
      const invitation = this.users.invitationsOf(municipality.id).find((i) => i.id === invitationId);
      if (!invitation) throw new NotFoundError();
      const now = this.clock();
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
      if (!this.users.renewInvitation(invitation.id, invitationTokenHash(token), expiresAt)) throw new NotFoundError();
      this.mailer.cancel(invitation.id);
      this.mailer.queue(
        {
          invitationId: invitation.id,
          to: invitation.email,
          language: localeOf(municipality.default_locale),
          payload: { token, expiresAt, municipalityName: municipality.name, name: invitation.name, roles: invitation.roles.split(',') },
        },
        now.toISOString(),
      );
    });
    this.audit.record({ actorUserId: actorId, municipalityId: municipality.id, action: 'user.invitation_resent', entityType: 'invitation', entityId: invitationId });
  }

  /** The live invitation a link names; InvitationGone for an unknown, used, withdrawn or expired one. */
  private live(token: string) {
    const invitation = this.users.invitationByTokenHash(invitationTokenHash(token));
    if (!invitation || invitation.used_at !== null || !invitation.expires_at || invitation.expires_at <= this.clock().toISOString()) throw new InvitationGone();
    return invitation;
  }

  /** What the link's page shows; InvitationGone when the link does not work (any more). */
  invitationByLink(token: string): LinkedInvitation {
    const invitation = this.live(token);
    return {
      email: invitation.email,
      name: invitation.name,
      municipalityName: invitation.municipality_name,
      roles: invitation.roles.split(',') as Role[],
      expiresAt: invitation.expires_at!,
      accountExists: this.users.byEmail(invitation.email) !== undefined,
    };
  }

  /**
   * A new person's answer at the link: their own password (the policy, and not made from their name, e-mail or the
   * municipality's name), the account with the invited roles, and the link spent, all in one transaction.
   */
  async acceptWithNewAccount(token: string, password: string): Promise<number> {
    const before = this.live(token);
    const problem = passwordProblem(password, [before.name, before.email, before.municipality_name, before.municipality_slug]);
    if (problem) throw new ValidationError({ password: problem });
    const passwordHash = await hashPassword(password);
    const created = this.users.transaction(() => {
      // Checked again inside the transaction: the link may have been used, renewed or withdrawn meanwhile.
      const invitation = this.live(token);
      if (this.users.byEmail(invitation.email)) throw new ConflictError({ _form: 'invitations.errors.accountExists' });
      const now = this.clock().toISOString();
      if (!this.users.markInvitationUsed(invitation.id, now)) throw new InvitationGone();
      const id = this.users.insert({ email: invitation.email, name: invitation.name, passwordHash, isPlatformAdmin: false }, now);
      this.users.setRoles(id, invitation.municipality_id, invitation.roles.split(',') as Role[], now);
      return { id, municipalityId: invitation.municipality_id, roles: invitation.roles.split(',') };
    });
    this.audit.record({
      actorUserId: created.id,
      municipalityId: created.municipalityId,
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: created.id,
      details: { roles: created.roles, newAccount: true },
    });
    return created.id;
  }

  /** The signed-in holder of the invited e-mail accepts or declines at the link; anyone else is refused. */
  answerByLink(user: { id: number; email: string }, token: string, accept: boolean): void {
    const invitation = this.live(token);
    if (invitation.email !== normaliseEmail(user.email)) throw new ForbiddenError('invitations.errors.otherAccount');
    this.answer(user, invitation, accept);
  }

  /**
   * Run by the server's periodic housekeeping (server.ts): used invitations go, and expired ones 30 days after their
   * link stopped working; until then an expired one shows to the admin, who may send it again. Returns how many went.
   */
  purgeInvitations(): number {
    const expiredBy = new Date(this.clock().getTime() - EXPIRED_INVITATION_KEPT_MS).toISOString();
    return this.users.transaction(() => this.users.purgeInvitations(expiredBy));
  }

  /** Withdrawing kills the link, and an e-mail of it that has not gone yet stays unsent. */
  withdrawInvitation(actorId: number, municipalityId: number, invitationId: number): void {
    const invitation = this.invitations(municipalityId).find((i) => i.id === invitationId);
    if (!invitation) throw new NotFoundError();
    this.users.transaction(() => {
      this.users.deleteInvitation(invitationId);
      this.mailer.cancel(invitationId);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'user.invitation_withdrawn', entityType: 'invitation', entityId: invitationId });
  }

  /** The invitations waiting for this signed-in person's answer. */
  /** The account with this address, however it is typed (for the command line). */
  userByEmail(email: string): { id: number; email: string } | undefined {
    const user = this.users.byEmail(normaliseEmail(email));
    return user && { id: user.id, email: user.email };
  }

  invitationsTo(user: { email: string }): ReceivedInvitation[] {
    return this.users.invitationsTo(user.email, this.clock().toISOString()).map((row) => ({
      id: row.id,
      municipalityName: row.municipality_name,
      roles: row.roles.split(',') as Role[],
      invitedAt: row.created_at,
    }));
  }

  /** Accepting gives the invited roles; only the person the invitation is addressed to can answer it. */
  answerInvitation(user: { id: number; email: string }, invitationId: number, accept: boolean): void {
    const invitation = this.users.invitationFor(user.email, invitationId, this.clock().toISOString());
    if (!invitation) throw new NotFoundError();
    this.answer(user, invitation, accept);
  }

  /** Accepting spends the invitation (its link then answers 410) and gives the roles; declining deletes it. */
  private answer(user: { id: number }, invitation: { id: number; municipality_id: number; roles: string }, accept: boolean): void {
    this.users.transaction(() => {
      const now = this.clock().toISOString();
      if (accept) {
        if (!this.users.markInvitationUsed(invitation.id, now)) throw new InvitationGone();
        this.users.setRoles(user.id, invitation.municipality_id, invitation.roles.split(',') as Role[], now);
      } else {
        this.users.deleteInvitation(invitation.id);
      }
      this.mailer.cancel(invitation.id);
    });
    this.audit.record({
      actorUserId: user.id,
      municipalityId: invitation.municipality_id,
      action: accept ? 'user.invitation_accepted' : 'user.invitation_declined',
      entityType: 'user',
      entityId: user.id,
      details: accept ? { roles: invitation.roles.split(',') } : undefined,
    });
  }

  /**
   * Takes every role in this municipality from someone. Unlike disabling, it touches nothing outside the
   * municipality, so its admin can always do it, also for someone who works for other municipalities too.
   */
  removeFromMunicipality(actorId: number, municipalityId: number, userId: number): void {
    const before = this.get(municipalityId, userId);
    if (actorId === userId) throw new ForbiddenError('errors.forbidden.self');
    this.users.transaction(() => this.users.setRoles(userId, municipalityId, [], this.clock().toISOString()));
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'user.removed', entityType: 'user', entityId: userId, details: { roles: before.roles } });
  }

  setRoles(actorId: number, municipalityId: number, userId: number, roles: Role[]): void {
    const before = this.get(municipalityId, userId);
    if (actorId === userId && before.roles.includes('admin') && !roles.includes('admin')) {
      throw new ConflictError({ roles: 'validation.cannotDropOwnAdmin' }, { roles });
    }
    this.users.transaction(() => this.users.setRoles(userId, municipalityId, roles, this.clock().toISOString()));
    this.audit.record({
      actorUserId: actorId,
      municipalityId,
      action: 'user.roles_changed',
      entityType: 'user',
      entityId: userId,
      details: { from: before.roles, to: roles },
    });
  }

  /** Disabling ends every session of the user at once. */
  setDisabled(actorId: number, municipalityId: number, userId: number, disabled: boolean): void {
    this.get(municipalityId, userId);
    if (actorId === userId) throw new ForbiddenError('errors.forbidden.self');
    // A municipality admin must not lock someone out of other municipalities' work; removing them from this one is
    // always open (removeFromMunicipality).
    if (!this.mayDisable(municipalityId, userId)) throw new ForbiddenError('errors.forbidden.otherMunicipalities');
    this.users.transaction(() => {
      this.users.setDisabled(userId, disabled ? this.clock().toISOString() : null);
      if (disabled) this.sessions.endAllOf(userId);
    });
    this.audit.record({
      actorUserId: actorId,
      municipalityId,
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: userId,
    });
  }

  /** For scripted installs (`npm run cli -- create-user`). */
  async createUser(input: {
    email: string;
    name: string;
    password: string;
    platformAdmin: boolean;
    membership?: { municipalityId: number; roles: Role[] };
  }): Promise<number> {
    const email = normaliseEmail(input.email);
    if (this.users.byEmail(email)) throw new ConflictError({ email: 'validation.emailTaken' });
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const id = this.users.transaction(() => {
      const userId = this.users.insert({ email, name: input.name, passwordHash, isPlatformAdmin: input.platformAdmin }, now);
      if (input.membership) this.users.setRoles(userId, input.membership.municipalityId, input.membership.roles, now);
      return userId;
    });
    this.audit.record({
      actorUserId: null,
      municipalityId: input.membership?.municipalityId ?? null,
      action: 'user.created_by_cli',
      entityType: 'user',
      entityId: id,
      details: { platformAdmin: input.platformAdmin, roles: input.membership?.roles ?? [] },
    });
    return id;
  }
}

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles.split(',').sort() as Role[],
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at,
  };
}
