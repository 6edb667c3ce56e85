// Staff user management within one municipality, and user creation for the CLI; free of req/res.
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { normaliseEmail } from './auth.service';
import { hashPassword } from './password.service';
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

export class StaffService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  list(municipalityId: number): StaffMember[] {
    return this.users.staffOf(municipalityId).map(toStaffMember);
  }

  get(municipalityId: number, userId: number): StaffMember {
    const member = this.users.staffOf(municipalityId).find((s) => s.id === userId);
    if (!member) throw new NotFoundError();
    return toStaffMember(member);
  }

  /**
   * Adds a staff member. A new e-mail gets a new account with the given password; an account that
   * already exists (someone working for several municipalities) only gains the roles here.
   */
  async add(
    actorId: number,
    municipalityId: number,
    input: { email: string; name: string; password: string; roles: Role[] },
  ): Promise<number> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const userId = this.users.transaction(() => {
      const existing = this.users.byEmail(email);
      if (existing && this.users.rolesIn(existing.id, municipalityId).length > 0) {
        throw new ConflictError({ email: 'validation.staffExists' }, { email: input.email, name: input.name, roles: input.roles });
      }
      const id = existing?.id ?? this.users.insert({ email, name: input.name, passwordHash, isPlatformAdmin: false }, now);
      this.users.setRoles(id, municipalityId, input.roles, now);
      return id;
    });
    this.audit.record({
      actorUserId: actorId,
      municipalityId,
      action: 'user.added',
      entityType: 'user',
      entityId: userId,
      details: { roles: input.roles },
    });
    return userId;
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
    const target = this.users.byId(userId)!;
    // A municipality admin must not lock someone out of other municipalities' work.
    if (target.is_platform_admin === 1 || this.users.countOtherMemberships(userId, municipalityId) > 0) {
      throw new ForbiddenError('errors.forbidden.otherMunicipalities');
    }
    this.users.transaction(() => {
      this.users.setDisabled(userId, disabled ? this.clock().toISOString() : null);
      if (disabled) this.users.deleteSessionsOf(userId);
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
