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
  attachSessions(db, file === ':memory:' ? ':memory:' : sessionsFileOf(file));
  return db;
}

/** Where the sessions live, beside the database. */
export function sessionsFileOf(databasePath: string): string {
  return `${databasePath}.sessions`;
}

/**
 * Sessions sit in their own attached database with synchronous=NORMAL: every first visit to a page with a form and
 * every request of a signed-in user writes one, and an fsync each (some 4 ms here) would cap the whole portal at a
 * few hundred requests a second. A power cut may lose the last moments of sessions (people sign in again); a killed
 * process loses nothing in WAL mode. Votes and everything else stay in the main file with synchronous=FULL.
 * The sessions table is made here, not by a migration, because it is not part of the data a backup keeps.
 */
function attachSessions(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS ephemeral').run(file);
  db.pragma('ephemeral.journal_mode = WAL');
  db.pragma('ephemeral.synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS ephemeral.sessions (
      sid TEXT PRIMARY KEY,
      user_id INTEGER,
      expires_at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ephemeral.sessions_by_user ON sessions (user_id);
    CREATE INDEX IF NOT EXISTS ephemeral.sessions_by_expiry ON sessions (expires_at);
  `);
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

/** A repository on a read-only connection of its own, for one long read (an open iterator keeps its connection busy). */
export interface OwnReader<R> {
  repo: R;
  close(): void;
}

/** Opens `Repository` on a read-only connection to the same database file, each time it is called. */
export function ownReaders<R>(db: Db, Repository: new (db: Db) => R): () => OwnReader<R> {
  return () => {
    const readOnly = openReadOnlyDatabase(db.name);
    return { repo: new Repository(readOnly), close: () => readOnly.close() };
  };
}
