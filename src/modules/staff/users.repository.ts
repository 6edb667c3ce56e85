// SQL for staff accounts (the `users` table), their memberships of municipalities and their invitations. Sign-in reads
// the accounts through its SignInAccounts port, which this repository fills.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { AccountRow, SignInAccounts } from '../sign-in/auth.service';
import type { Role } from './roles';

/** A whole staff account: what sign-in reads of it (its port's AccountRow), and when it was made and last used. */
export interface UserRow extends AccountRow {
  last_login_at: string | null;
  created_at: string;
}

export interface StaffRow {
  id: number;
  email: string;
  name: string;
  disabled_at: string | null;
  last_login_at: string | null;
  roles: string;
}

export interface InvitationRow {
  id: number;
  municipality_id: number;
  email: string;
  name: string;
  roles: string;
  created_at: string;
}

/** An invitation as its invitee sees it: which municipality asks, for which roles. */
export interface ReceivedInvitationRow {
  id: number;
  municipality_name: string;
  roles: string;
  created_at: string;
}

export class UsersRepository implements SignInAccounts {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  count(): number {
    return this.statement('SELECT count(*) FROM users', 'pluck').get() as number;
  }

  byId(id: number): UserRow | undefined {
    return this.statement('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  byEmail(email: string): UserRow | undefined {
    return this.statement('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
  }

  insert(user: { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean }, now: string): number {
    return Number(
      this.statement(
        'INSERT INTO users (email, name, password_hash, is_platform_admin, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(user.email, user.name, user.passwordHash, user.isPlatformAdmin ? 1 : 0, now).lastInsertRowid,
    );
  }

  setPasswordHash(id: number, passwordHash: string): void {
    this.statement('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }

  setLastLogin(id: number, now: string): void {
    this.statement('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
  }

  setDisabled(id: number, disabledAt: string | null): void {
    this.statement('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabledAt, id);
  }

  rolesIn(userId: number, municipalityId: number): Role[] {
    return this.statement('SELECT role FROM memberships WHERE user_id = ? AND municipality_id = ? ORDER BY role', 'pluck')
      .all(userId, municipalityId) as Role[];
  }

  /** Municipalities where the user holds any role, for the staff start page. */
  municipalitiesOf(userId: number): { slug: string; name: string }[] {
    return this.statement(
      `SELECT DISTINCT m.slug, m.name FROM memberships ms JOIN municipalities m ON m.id = ms.municipality_id
       WHERE ms.user_id = ? ORDER BY m.name`,
    ).all(userId) as { slug: string; name: string }[];
  }

  setRoles(userId: number, municipalityId: number, roles: readonly Role[], now: string): void {
    this.statement('DELETE FROM memberships WHERE user_id = ? AND municipality_id = ?').run(userId, municipalityId);
    const insert = this.statement(
      'INSERT INTO memberships (user_id, municipality_id, role, created_at) VALUES (?, ?, ?, ?)',
    );
    for (const role of roles) insert.run(userId, municipalityId, role, now);
  }

  staffOf(municipalityId: number): StaffRow[] {
    return this.statement(
      `SELECT u.id, u.email, u.name, u.disabled_at, u.last_login_at, group_concat(ms.role, ',') AS roles
       FROM users u JOIN memberships ms ON ms.user_id = u.id
       WHERE ms.municipality_id = ?
       GROUP BY u.id ORDER BY u.name COLLATE NOCASE`,
    ).all(municipalityId) as StaffRow[];
  }

  /** Other municipalities the user belongs to, besides the given one. */
  countOtherMemberships(userId: number, municipalityId: number): number {
    return this.statement('SELECT count(DISTINCT municipality_id) FROM memberships WHERE user_id = ? AND municipality_id <> ?', 'pluck')
      .get(userId, municipalityId) as number;
  }

  // --- invitations ------------------------------------------------------------------------------

  insertInvitation(invitation: { municipalityId: number; email: string; name: string; roles: readonly string[]; invitedBy: number }, now: string): number {
    return Number(
      this.statement('INSERT INTO staff_invitations (municipality_id, email, name, roles, invited_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(invitation.municipalityId, invitation.email, invitation.name, invitation.roles.join(','), invitation.invitedBy, now).lastInsertRowid,
    );
  }

  invitationsOf(municipalityId: number): InvitationRow[] {
    return this.statement('SELECT id, municipality_id, email, name, roles, created_at FROM staff_invitations WHERE municipality_id = ? ORDER BY created_at, id')
      .all(municipalityId) as InvitationRow[];
  }

  invitationByEmail(municipalityId: number, email: string): InvitationRow | undefined {
    return this.statement('SELECT id, municipality_id, email, name, roles, created_at FROM staff_invitations WHERE municipality_id = ? AND email = ?')
      .get(municipalityId, email) as InvitationRow | undefined;
  }

  /** An invitation addressed to this e-mail, by its id. */
  invitationFor(email: string, invitationId: number): InvitationRow | undefined {
    return this.statement('SELECT id, municipality_id, email, name, roles, created_at FROM staff_invitations WHERE id = ? AND email = ?')
      .get(invitationId, email) as InvitationRow | undefined;
  }

  invitationsTo(email: string): ReceivedInvitationRow[] {
    return this.statement(
      `SELECT i.id, m.name AS municipality_name, i.roles, i.created_at
       FROM staff_invitations i JOIN municipalities m ON m.id = i.municipality_id
       WHERE i.email = ? ORDER BY i.created_at, i.id`,
    ).all(email) as ReceivedInvitationRow[];
  }

  deleteInvitation(id: number): boolean {
    return this.statement('DELETE FROM staff_invitations WHERE id = ?').run(id).changes === 1;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
