// Forward-only migration runner over migrations/NNNN_description.sql.
// Each file runs in its own transaction and is recorded; a failing file leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'migrations');
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export class MigrationError extends Error {}

export function migrate(db: Db, dir: string = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as string[],
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort();
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
