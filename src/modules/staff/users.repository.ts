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
  /** When its link stops working; NULL never after migration 0034. */
  expires_at: string | null;
  used_at: string | null;
}

/** An invitation found by its link's token hash, with the municipality it is for. */
export interface LinkedInvitationRow extends InvitationRow {
  municipality_name: string;
  municipality_slug: string;
}

const INVITATION_COLUMNS = 'id, municipality_id, email, name, roles, created_at, expires_at, used_at';

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

  /** Whether any municipality the user serves requires single sign-on of its staff (#21.1, sign-in's port). */
  requiresSso(userId: number): boolean {
    return (
      this.statement(
        `SELECT EXISTS (SELECT 1 FROM memberships ms JOIN municipalities m ON m.id = ms.municipality_id
         WHERE ms.user_id = ? AND m.require_sso = 1)`,
        'pluck',
      ).get(userId) === 1
    );
  }

  /** Whether a live invitation (unused, not expired at `now`) waits for this e-mail (staff single sign-on's port). */
  hasOpenInvitation(email: string, now: string): boolean {
    return this.statement('SELECT EXISTS (SELECT 1 FROM staff_invitations WHERE email = ? AND used_at IS NULL AND expires_at > ?)', 'pluck').get(email, now) === 1;
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

  insertInvitation(
    invitation: { municipalityId: number; email: string; name: string; roles: readonly string[]; invitedBy: number; tokenHash: string; expiresAt: string },
    now: string,
  ): number {
    return Number(
      this.statement('INSERT INTO staff_invitations (municipality_id, email, name, roles, invited_by, created_at, token_hash, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(invitation.municipalityId, invitation.email, invitation.name, invitation.roles.join(','), invitation.invitedBy, now, invitation.tokenHash, invitation.expiresAt)
        .lastInsertRowid,
    );
  }

  /** The invitations not yet used, expired ones too (the admin sends those again). */
  invitationsOf(municipalityId: number): InvitationRow[] {
    return this.statement(`SELECT ${INVITATION_COLUMNS} FROM staff_invitations WHERE municipality_id = ? AND used_at IS NULL ORDER BY created_at, id`)
      .all(municipalityId) as InvitationRow[];
  }

  /** This municipality's invitation to the e-mail that is not yet used (expired or not). */
  invitationByEmail(municipalityId: number, email: string): InvitationRow | undefined {
    return this.statement(`SELECT ${INVITATION_COLUMNS} FROM staff_invitations WHERE municipality_id = ? AND email = ? AND used_at IS NULL`)
      .get(municipalityId, email) as InvitationRow | undefined;
  }

  /** A used invitation stands in the way of a new one to the same address (one row per municipality and e-mail). */
  deleteUsedInvitation(municipalityId: number, email: string): void {
    this.statement('DELETE FROM staff_invitations WHERE municipality_id = ? AND email = ? AND used_at IS NOT NULL').run(municipalityId, email);
  }

  invitationByTokenHash(tokenHash: string): LinkedInvitationRow | undefined {
    return this.statement(
      `SELECT i.id, i.municipality_id, i.email, i.name, i.roles, i.created_at, i.expires_at, i.used_at, m.name AS municipality_name, m.slug AS municipality_slug
       FROM staff_invitations i JOIN municipalities m ON m.id = i.municipality_id WHERE i.token_hash = ?`,
    ).get(tokenHash) as LinkedInvitationRow | undefined;
  }

  /** Spends the invitation; false when it was already spent (a parallel use). */
  markInvitationUsed(id: number, now: string): boolean {
    return this.statement('UPDATE staff_invitations SET used_at = ?, token_hash = NULL WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1;
  }

  /** A new link for an unused invitation: the old token's hash is replaced, so its link is dead. */
  renewInvitation(id: number, tokenHash: string, expiresAt: string): boolean {
    return this.statement('UPDATE staff_invitations SET token_hash = ?, expires_at = ? WHERE id = ? AND used_at IS NULL').run(tokenHash, expiresAt, id).changes === 1;
  }

  /** An invitation addressed to this e-mail, by its id. */
  invitationFor(email: string, invitationId: number, now: string): InvitationRow | undefined {
    return this.statement(`SELECT ${INVITATION_COLUMNS} FROM staff_invitations WHERE id = ? AND email = ? AND used_at IS NULL AND expires_at > ?`)
      .get(invitationId, email, now) as InvitationRow | undefined;
  }

  /** The live invitations (unused, not expired) to this e-mail. */
  invitationsTo(email: string, now: string): ReceivedInvitationRow[] {
    return this.statement(
      `SELECT i.id, m.name AS municipality_name, i.roles, i.created_at
       FROM staff_invitations i JOIN municipalities m ON m.id = i.municipality_id
       WHERE i.email = ? AND i.used_at IS NULL AND i.expires_at > ? ORDER BY i.created_at, i.id`,
    ).all(email, now) as ReceivedInvitationRow[];
  }

  /**
   * The housekeeping's purge: spent invitations, and those whose link expired at or before `expiredBy`. Nothing reads
   * either any more (a used one has no token; the admin's list shows only unused ones). Returns how many went.
   */
  purgeInvitations(expiredBy: string): number {
    return this.statement('DELETE FROM staff_invitations WHERE used_at IS NOT NULL OR expires_at <= ?').run(expiredBy).changes;
  }

  deleteInvitation(id: number): boolean {
    return this.statement('DELETE FROM staff_invitations WHERE id = ?').run(id).changes === 1;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
