// Staff of a municipality: who holds which roles, invitations and their answers, removing, disabling; and user
// creation for the CLI. Free of req/res.
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
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
    return this.users.invitationsOf(municipalityId).map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles.split(',') as Role[],
      invitedAt: row.created_at,
    }));
  }

  /**
   * Invites someone to the municipality's staff. Nobody gains a role here until they accept. A new e-mail gets an
   * account with the given password, so they can sign in and accept; an account that already exists (someone working
   * for several municipalities, or for another one only) is neither changed nor described: the admin sees the same
   * answer and only what they typed (#15.2). The password must not be built from the municipality's name either.
   */
  async invite(
    actorId: number,
    municipality: { id: number; name: string; slug: string },
    input: { email: string; name: string; password: string; roles: Role[] },
  ): Promise<number> {
    const municipalityId = municipality.id;
    const values = { email: input.email, name: input.name, roles: input.roles };
    const problem = passwordProblem(input.password, [input.name, input.email, municipality.name, municipality.slug]);
    if (problem) throw new ValidationError({ password: problem }, values);
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const invitationId = this.users.transaction(() => {
      const existing = this.users.byEmail(email);
      // Both answers speak only of this municipality's own staff and invitations.
      if (existing && this.users.rolesIn(existing.id, municipalityId).length > 0) throw new ConflictError({ email: 'validation.staffExists' }, values);
      if (this.users.invitationByEmail(municipalityId, email)) throw new ConflictError({ email: 'validation.alreadyInvited' }, values);
      if (!existing) this.users.insert({ email, name: input.name, passwordHash, isPlatformAdmin: false }, now);
      return this.users.insertInvitation({ municipalityId, email, name: input.name, roles: [...input.roles].sort(), invitedBy: actorId }, now);
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

  withdrawInvitation(actorId: number, municipalityId: number, invitationId: number): void {
    const invitation = this.invitations(municipalityId).find((i) => i.id === invitationId);
    if (!invitation) throw new NotFoundError();
    this.users.deleteInvitation(invitationId);
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'user.invitation_withdrawn', entityType: 'invitation', entityId: invitationId });
  }

  /** The invitations waiting for this signed-in person's answer. */
  invitationsTo(user: { email: string }): ReceivedInvitation[] {
    return this.users.invitationsTo(user.email).map((row) => ({
      id: row.id,
      municipalityName: row.municipality_name,
      roles: row.roles.split(',') as Role[],
      invitedAt: row.created_at,
    }));
  }

  /** Accepting gives the invited roles; only the person the invitation is addressed to can answer it. */
  answerInvitation(user: { id: number; email: string }, invitationId: number, accept: boolean): void {
    const invitation = this.users.invitationFor(user.email, invitationId);
    if (!invitation) throw new NotFoundError();
    this.users.transaction(() => {
      if (accept) this.users.setRoles(user.id, invitation.municipality_id, invitation.roles.split(',') as Role[], this.clock().toISOString());
      this.users.deleteInvitation(invitation.id);
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
