// SQL for staff users, their memberships, their sessions and the first-admin setup tokens.
import type { Db } from '../../db/connection';
import type { Role } from './roles';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: number;
  disabled_at: string | null;
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

export class UsersRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  byId(id: number): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  byEmail(email: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
  }

  insert(user: { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean }, now: string): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO users (email, name, password_hash, is_platform_admin, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(user.email, user.name, user.passwordHash, user.isPlatformAdmin ? 1 : 0, now).lastInsertRowid,
    );
  }

  setLastLogin(id: number, now: string): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
  }

  setDisabled(id: number, disabledAt: string | null): void {
    this.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabledAt, id);
  }

  rolesIn(userId: number, municipalityId: number): Role[] {
    return this.db
      .prepare('SELECT role FROM memberships WHERE user_id = ? AND municipality_id = ? ORDER BY role')
      .pluck()
      .all(userId, municipalityId) as Role[];
  }

  /** Municipalities where the user holds any role, for the staff start page. */
  municipalitiesOf(userId: number): { slug: string; name: string }[] {
    return this.db
      .prepare(
        `SELECT DISTINCT m.slug, m.name FROM memberships ms JOIN municipalities m ON m.id = ms.municipality_id
         WHERE ms.user_id = ? ORDER BY m.name`,
      )
      .all(userId) as { slug: string; name: string }[];
  }

  setRoles(userId: number, municipalityId: number, roles: readonly Role[], now: string): void {
    this.db.prepare('DELETE FROM memberships WHERE user_id = ? AND municipality_id = ?').run(userId, municipalityId);
    const insert = this.db.prepare(
      'INSERT INTO memberships (user_id, municipality_id, role, created_at) VALUES (?, ?, ?, ?)',
    );
    for (const role of roles) insert.run(userId, municipalityId, role, now);
  }

  staffOf(municipalityId: number): StaffRow[] {
    return this.db
      .prepare(
        `SELECT u.id, u.email, u.name, u.disabled_at, u.last_login_at, group_concat(ms.role, ',') AS roles
         FROM users u JOIN memberships ms ON ms.user_id = u.id
         WHERE ms.municipality_id = ?
         GROUP BY u.id ORDER BY u.name COLLATE NOCASE`,
      )
      .all(municipalityId) as StaffRow[];
  }

  /** Other municipalities the user belongs to, besides the given one. */
  countOtherMemberships(userId: number, municipalityId: number): number {
    return this.db
      .prepare('SELECT count(DISTINCT municipality_id) FROM memberships WHERE user_id = ? AND municipality_id <> ?')
      .pluck()
      .get(userId, municipalityId) as number;
  }

  deleteSessionsOf(userId: number): number {
    return this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  replaceSetupToken(tokenHash: string, now: string): void {
    this.db.prepare('DELETE FROM setup_tokens').run();
    this.db.prepare('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)').run(tokenHash, now);
  }

  isSetupTokenValid(tokenHash: string): boolean {
    return (
      this.db
        .prepare('SELECT count(*) FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL')
        .pluck()
        .get(tokenHash) === 1
    );
  }

  useSetupToken(tokenHash: string, now: string): boolean {
    return (
      this.db
        .prepare('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
        .run(now, tokenHash).changes === 1
    );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
