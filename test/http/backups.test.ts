// Scheduled backups (#22.2): the server's scheduler takes online copies on a short interval, checks each, records the
// outcome, shows a failed or late backup on the platform admin's page, and a scheduled copy restores with the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli';
import { createLogger } from '../../src/lib/logger';
import { takenAtOf } from '../../src/modules/operations/backup-names';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/child-server';

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

let t: TestApp;
let dir: string;

beforeEach(() => {
  t = makeTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-backups-'));
});

afterEach(async () => {
  await t.services.backups.stop();
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('takes a verified copy every interval, while the portal writes, and logs and records each', async () => {
    const { lines, logger } = logSink();
    createMunicipality(t.services, 'kyst');
    const backups = t.services.backups;
    backups.configure({ dir, intervalMs: 250, logger });
    backups.start();
    // Writes go on meanwhile, as in a running portal.
    let n = 0;
    const writer = setInterval(() => createMunicipality(t.services, `kyst${n++}`), 5);
    try {
      await waitFor(() => backups.recentRuns(10).filter((r) => r.ok).length >= 3, 15_000);
    } finally {
      clearInterval(writer);
    }
    // Stopped before looking: the schedule goes on, and a copy under way is abandoned (its partial file removed).
    await backups.stop();
    const copies = fs.readdirSync(dir).filter((f) => takenAtOf(f));
    expect(copies.length).toBeGreaterThanOrEqual(3);
    // Nothing but the copies: no partial file, no -wal or -shm beside a copy (each is a single file in rollback mode).
    expect(fs.readdirSync(dir).filter((f) => !takenAtOf(f))).toEqual([]);
    for (const name of copies) {
      const copy = new Database(path.join(dir, name), { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare("SELECT count(*) FROM municipalities WHERE slug = 'kyst'").pluck().get()).toBe(1);
      // SECURITY.md 25: every row committed before the backup began is in it.
      const began = backups.recentRuns(50).find((r) => r.file === name)!.startedAt;
      const before = t.db.prepare('SELECT slug FROM municipalities WHERE created_at < ?').pluck().all(began) as string[];
      const inCopy = new Set(copy.prepare('SELECT slug FROM municipalities').pluck().all() as string[]);
      expect(before.filter((slug) => !inCopy.has(slug))).toEqual([]);
      copy.close();
    }
    const status = backups.status();
    expect(status).toMatchObject({ enabled: true, late: false, consecutiveFailures: 0, lastFailureAt: null, lastError: null });
    expect(Date.parse(status.lastSuccessAt!)).toBeGreaterThan(Date.now() - 10_000);
    const run = backups.recentRuns(1)[0]!;
    expect(copies).toContain(run.file);
    expect(run.bytes).toBe(fs.statSync(path.join(dir, run.file!)).size);
    expect(lines.some((l) => l.msg === 'backup taken and verified' && l.file === run.file)).toBe(true);
  });

  it('records a failure (folder gone), counts consecutive ones, and shows failing and late backups to the platform admin', async () => {
    const { lines, logger } = logSink();
    await createUser(t.services, { email: 'plattform@example.no', platformAdmin: true });
    const { agent } = await signIn(t.app, 'plattform@example.no');

    // Off: the page says so.
    expect((await agent.get('/admin')).text).toContain('BACKUP_DIR er ikke satt');

    const missing = path.join(dir, 'not-mounted');
    t.services.backups.configure({ dir: missing, intervalMs: 60_000, logger });
    t.services.backups.start();
    await waitFor(() => t.services.backups.recentRuns().length === 1);
    expect(await t.services.backups.takeBackup()).toMatchObject({ ok: false, file: null });
    expect(fs.existsSync(missing)).toBe(false);
    const status = t.services.backups.status();
    expect(status).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: null, late: false });
    expect(status.lastError).toMatch(/does not exist or is no folder \(is the disk mounted\?\)/);
    expect(lines.some((l) => l.msg === 'backup failed' && l.level === 50)).toBe(true);
    const failing = (await agent.get('/admin')).text;
    expect(failing).toContain('Sikkerhetskopier');
    expect(failing).toContain('De 2 siste sikkerhetskopiene mislyktes.');
    expect(failing).toContain('is the disk mounted?');
    expect((await agent.get('/admin?lang=en')).text).toContain('The last 2 backups failed.');

    // The folder comes back: one good copy ends the failures.
    fs.mkdirSync(missing);
    expect(await t.services.backups.takeBackup()).toMatchObject({ ok: true });
    expect(t.services.backups.status()).toMatchObject({ consecutiveFailures: 0, late: false });
    expect((await agent.get('/admin?lang=nb')).text).toContain('En sikkerhetskopi tas hvert 1. minutt og kontrolleres.');

    // Two intervals later without a good copy: late.
    t.clock.set(new Date(Date.now() + 2 * 60_000 + 5_000));
    expect(t.services.backups.status().late).toBe(true);
    expect((await agent.get('/admin?lang=nn')).text).toContain('Tryggingskopien er forseinka');

    // Only the platform admin sees it, not a municipality's own admin.
    createMunicipality(t.services, 'fjell');
    await createUser(t.services, { email: 'kommune@example.no', municipality: 'fjell', roles: ['admin'] });
    const local = await signIn(t.app, 'kommune@example.no');
    const page = (await local.agent.get('/admin?lang=nb')).text;
    expect(page).toContain('Kommune fjell');
    expect(page).not.toContain('Sikkerhetskopier');
  });

  it('abandons a copy under way when stopped, leaving no partial file and no failure', async () => {
    const { logger } = logSink();
    t.services.backups.configure({ dir, intervalMs: 60_000, logger });
    const under = t.services.backups.takeBackup();
    await t.services.backups.stop();
    expect(await under).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(t.services.backups.recentRuns()).toEqual([]);
  });

  it('restores the newest scheduled copy with `restore --latest` while the server is stopped', async () => {
    const { logger } = logSink();
    createMunicipality(t.services, 'forst');
    t.services.backups.configure({ dir, intervalMs: 60_000, logger });
    expect(await t.services.backups.takeBackup()).toMatchObject({ ok: true });
    createMunicipality(t.services, 'etterpa');
    const env = { DATABASE_PATH: t.dbPath, BACKUP_DIR: dir };
    t.db.close();
    await expect(runCli(['restore', '--latest', 'extra.db'], env)).rejects.toThrow(/not both/);
    expect(await runCli(['restore', '--latest'], env)).toMatch(/^Restored .*reisekart-.*Z\.db to .*previous database is kept as/);
    const restored = new Database(t.dbPath, { readonly: true });
    expect(restored.prepare('SELECT slug FROM municipalities ORDER BY slug').pluck().all()).toEqual(['forst']);
    restored.close();
    await expect(runCli(['restore', '--latest'], { DATABASE_PATH: t.dbPath })).rejects.toThrow(/BACKUP_DIR, which is not set/);
  });
});
