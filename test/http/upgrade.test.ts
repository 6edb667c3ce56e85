// Upgrades (#22.5), with the real server as a child process: a version with migrations to apply copies the database
// first (named for the schemas it lies between) and then migrates; a version that finds a newer schema than it knows
// refuses to start, with one line naming both versions, and changes nothing.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli';
import { openDatabase } from '../../src/db/connection';
import { migrate, migrationFiles, NewerSchemaError, schemaVersion } from '../../src/db/migrate';
import { appVersion } from '../../src/lib/app-version';
import { baseUrlOf, startServer, tempDb } from '../helpers/child-server';

const OURS = '0036_backup_runs.sql';

/** A database as the version before migration 0036 left it, with one municipality in it. */
function olderDatabase(): string {
  const file = tempDb();
  const db = openDatabase(file);
  migrate(db);
  db.prepare("INSERT INTO municipalities (slug, name, kommunenummer, created_at) VALUES ('fjord', 'Fjord', '4699', '2026-01-01')").run();
  db.exec(`DROP TABLE backup_runs; DELETE FROM schema_migrations WHERE version = '${OURS}'`);
  db.close();
  return file;
}

describe('upgrades', () => {
  jest.setTimeout(60_000);
  it('copies the database into BACKUP_DIR before applying pending migrations, then serves', async () => {
    const file = olderDatabase();
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-upgrade-'));
    const before = schemaVersion(migrationFiles().filter((f) => f !== OURS));
    const server = startServer({ DATABASE_PATH: file, BACKUP_DIR: backupDir, SEED_DEMO: 'off', LOG_LEVEL: 'info' });
    try {
      const base = await baseUrlOf(server);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const copies = fs.readdirSync(backupDir).filter((f) => f.startsWith('reisekart-before-upgrade-'));
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatch(new RegExp(`^reisekart-before-upgrade-schema-${before}-to-${schemaVersion(migrationFiles())}-v${appVersion().replace(/\./g, '\\.')}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+\\.\\d{3}Z\\.db$`));
      const copy = new Database(path.join(backupDir, copies[0]!), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM schema_migrations WHERE version = ?').pluck().get(OURS)).toBe(0);
      expect(copy.prepare('SELECT slug FROM municipalities').pluck().all()).toEqual(['fjord']);
      copy.close();
      expect(server.output()).toMatch(/database copied before migrating/);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM schema_migrations WHERE version = ?').pluck().get(OURS)).toBe(1);
    db.close();
    // Nothing pending now: the next start takes no further copy.
    const again = startServer({ DATABASE_PATH: file, BACKUP_DIR: backupDir, SEED_DEMO: 'off' });
    await baseUrlOf(again);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(fs.readdirSync(backupDir).filter((f) => f.startsWith('reisekart-before-upgrade-'))).toHaveLength(1);
  });

  it('puts the copy beside the database when BACKUP_DIR is not set', async () => {
    const file = olderDatabase();
    const server = startServer({ DATABASE_PATH: file, SEED_DEMO: 'off' });
    await baseUrlOf(server);
    server.child.kill('SIGTERM');
    await server.exited;
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('reisekart-before-upgrade-'))).toHaveLength(1);
  });

  it('refuses a newer schema than it knows: one line naming both versions, exit 78, the database untouched', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES ('9999_from_a_newer_version.sql', '2030-01-01T00:00:00Z')").run();
    db.close();
    const bytesBefore = fs.readFileSync(file);
    const server = startServer({ DATABASE_PATH: file, SEED_DEMO: 'off' });
    expect(await server.exited).toBe(78);
    const lines = server.output().trim().split('\n');
    expect(lines).toEqual([
      `This database has schema 9999 (9999_from_a_newer_version.sql unknown here), newer than Reisekart ${appVersion()} knows (schema ${schemaVersion(migrationFiles())}). ` +
        'Install the newer version again, or stop and restore the backup taken before the upgrade (npm run restore -- FILE); nothing was changed.',
    ]);
    expect(fs.readFileSync(file).equals(bytesBefore)).toBe(true);
    expect(fs.existsSync(`${file}.pid`)).toBe(false);
    // The CLI refuses it the same way.
    await expect(runCli(['create-municipality', '--slug', 'ny', '--name', 'Ny', '--kommunenummer', '4698'], { DATABASE_PATH: file })).rejects.toThrow(NewerSchemaError);
  });

  it('on SIGTERM answers a request still under way, closes idle connections at once, and exits 0', async () => {
    const server = startServer({ DATABASE_PATH: tempDb(), SEED_DEMO: 'off', LOG_LEVEL: 'info' });
    const base = new URL(await baseUrlOf(server));
    const agent = new http.Agent({ keepAlive: true });
    // An idle kept-alive connection must not hold the stop.
    await new Promise<void>((resolve, reject) => http.get({ host: base.hostname, port: base.port, path: '/healthz', agent }, (res) => res.resume().on('end', resolve)).on('error', reject));
    // A form whose body is still arriving when the signal comes.
    const body = 'email=nobody%40example.no&password=wrong-password-here';
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: base.hostname, port: base.port, path: '/login', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length, 'sec-fetch-site': 'same-origin' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 200);
    });
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    const stoppedWithin = Date.now();
    expect(await server.exited).toBe(0);
    // Well before the 10 s grace period: each kept-alive connection closed as soon as it had nothing under way.
    expect(Date.now() - stoppedWithin).toBeLessThan(2000);
    expect(server.output()).toMatch(/"msg":"shutting down"[\s\S]*"msg":"stopped"/);
    agent.destroy();
  });
});
