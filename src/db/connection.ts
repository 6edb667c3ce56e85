// Opens SQLite connections with the pragmas the project relies on (ARCHITECTURE.md "Data").
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The read-write connection: WAL for concurrent readers, FULL sync so an acknowledged write survives power loss. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  return db;
}

/** Where a running server records its process id, so offline tools (restore) can refuse to run beside it. */
export function pidFileOf(databasePath: string): string {
  return `${databasePath}.pid`;
}

/** A second, read-only connection for long reads (exports), so an open iterator never blocks writers. */
export function openReadOnlyDatabase(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
