// Forward-only migration runner over migrations/NNNN_description.sql.
// Each file runs in its own transaction and is recorded; a failing file leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'migrations');
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export class MigrationError extends Error {}

/** The database was migrated by a newer version of the portal: this one must not run on it (#22.5). */
export class NewerSchemaError extends MigrationError {}

/** The migration files this version of the portal has, and where the database stands against them. */
export interface SchemaState {
  known: string[];
  applied: string[];
  /** Files not yet applied: the next start applies them, after a backup. */
  pending: string[];
  /** Applied migrations this version has no file for: a newer version migrated the database. */
  unknown: string[];
}

export function migrationFiles(dir: string = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort();
}

/** Reads the database's applied migrations without changing anything (a database never migrated has none). */
export function schemaState(db: Db, dir: string = MIGRATIONS_DIR): SchemaState {
  const known = migrationFiles(dir);
  const hasTable = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get() === 1;
  const applied = hasTable ? (db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as string[]) : [];
  const appliedSet = new Set(applied);
  const knownSet = new Set(known);
  return { known, applied, pending: known.filter((f) => !appliedSet.has(f)), unknown: applied.filter((f) => !knownSet.has(f)) };
}

/** The schema version a list of migration files stands for: the number of its newest file ("none" for none). */
export function schemaVersion(files: string[]): string {
  const newest = [...files].sort().at(-1);
  return newest ? newest.slice(0, 4) : 'none';
}

/** The one line a version refusing a newer database prints (the server and the CLI both refuse). */
export function newerSchemaMessage(state: SchemaState, appVersion: string): string {
  return (
    `This database has schema ${schemaVersion(state.applied)} (${state.unknown.join(', ')} unknown here), newer than ` +
    `Reisekart ${appVersion} knows (schema ${schemaVersion(state.known)}). Install the newer version again, or stop and ` +
    'restore the backup taken before the upgrade (npm run restore -- FILE); nothing was changed.'
  );
}

export function migrate(db: Db, dir: string = MIGRATIONS_DIR, appVersion = 'this version'): string[] {
  const state = schemaState(db, dir);
  if (state.unknown.length > 0) throw new NewerSchemaError(newerSchemaMessage(state, appVersion));
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(state.applied);
  const files = state.known;
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const apply = db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        file,
        new Date().toISOString(),
      );
    });
    try {
      apply.immediate();
    } catch (err) {
      throw new MigrationError(`Migration ${file} failed and was rolled back: ${(err as Error).message}`);
    }
    ran.push(file);
  }
  return ran;
}
