// The migration runner: all migrations apply to an empty database; a failing one leaves it exactly as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/connection';
import { migrate, MigrationError, MIGRATIONS_DIR } from '../../src/db/migrate';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-migrate-'));
}

describe('migrate', () => {
  it('applies every migration to an empty database, records each, and is idempotent', () => {
    const db = openDatabase(path.join(tempDir(), 'a.db'));
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    expect(migrate(db)).toEqual(files);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(files);
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('sets the pragmas of ARCHITECTURE.md on the connection', () => {
    const db = openDatabase(path.join(tempDir(), 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('rolls back a failing migration completely and reports which one failed', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0001_good.sql'), 'CREATE TABLE kept (id INTEGER PRIMARY KEY);');
    fs.writeFileSync(
      path.join(dir, '0002_broken.sql'),
      "CREATE TABLE half (id INTEGER); INSERT INTO kept (id) VALUES (1); ALTER TABLE kept ADD COLUMN note TEXT; SELECT no_such_function();",
    );
    const db = openDatabase(path.join(dir, 'b.db'));
    expect(() => migrate(db, dir)).toThrow(MigrationError);
    expect(() => migrate(db, dir)).toThrow(/0002_broken\.sql/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['kept', 'schema_migrations']);
    expect(db.prepare('SELECT count(*) FROM kept').pluck().get()).toBe(0);
    expect(db.prepare('PRAGMA table_info(kept)').all()).toHaveLength(1);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(['0001_good.sql']);
    db.close();
  });

  it('ignores files that do not follow NNNN_description.sql', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.sql'), 'THIS IS NOT SQL');
    fs.writeFileSync(path.join(dir, '0001_only.sql'), 'CREATE TABLE only_one (id INTEGER);');
    const db = openDatabase(path.join(dir, 'c.db'));
    expect(migrate(db, dir)).toEqual(['0001_only.sql']);
    db.close();
  });
});
