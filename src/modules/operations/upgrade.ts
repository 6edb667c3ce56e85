// Start-up's schema step (#22.5), shared by the server and the CLI: a version that finds a newer schema than it knows
// refuses to run on it; a version with migrations to apply first copies the database, then migrates.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { migrate, MIGRATIONS_DIR, MigrationError, NewerSchemaError, newerSchemaMessage, schemaState, schemaVersion } from '../../db/migrate';
import type { Logger } from '../../lib/logger';
import { upgradeBackupFileName } from './backup-names';

export interface UpgradeOptions {
  databasePath: string;
  /** BACKUP_DIR; without it the copy goes beside the database. */
  backupDir?: string;
  appVersion: string;
  logger: Pick<Logger, 'info'>;
  now?: Date;
  migrationsDir?: string;
}

export interface UpgradeOutcome {
  ran: string[];
  /** The copy taken before migrating, when there was anything to migrate on a database in use. */
  backup: string | null;
}

/**
 * Checks the schema, backs up, migrates. Throws NewerSchemaError (nothing changed) for a newer schema, and
 * MigrationError when the copy cannot be taken or a migration fails.
 */
export function prepareSchema(db: Db, options: UpgradeOptions): UpgradeOutcome {
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const state = schemaState(db, dir);
  if (state.unknown.length > 0) throw new NewerSchemaError(newerSchemaMessage(state, options.appVersion));
  let backup: string | null = null;
  // A new database has nothing to lose; an in-memory one nothing to copy.
  if (state.pending.length > 0 && state.applied.length > 0 && options.databasePath !== ':memory:') {
    const folder = options.backupDir ?? path.dirname(options.databasePath);
    const name = upgradeBackupFileName(schemaVersion(state.applied), schemaVersion(state.known), options.appVersion, options.now ?? new Date());
    backup = path.join(folder, name);
    copyBeforeUpgrade(db, backup);
    options.logger.info({ backup, pending: state.pending }, 'database copied before migrating');
  }
  return { ran: migrate(db, dir, options.appVersion), backup };
}

/**
 * VACUUM INTO: one synchronous statement, fine before the server listens (nothing else is waiting), and the copy is
 * compact. Checked like every backup; a copy that cannot be made or checked stops the upgrade before any migration.
 */
function copyBeforeUpgrade(db: Db, file: string): void {
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new MigrationError(`No backup could be taken before migrating: the folder ${path.dirname(file)} does not exist. Nothing was migrated.`);
  }
  try {
    db.prepare('VACUUM main INTO ?').run(file);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw new MigrationError(`No backup could be taken before migrating (${(err as Error).message}) into ${file}. Nothing was migrated.`);
  }
}
