// `npm run cli -- doctor` (#22.1): one line per check, ok/warn/fail, and a failure exit when anything fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DoctorFailure, runCli } from '../../src/cli';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { backupFileName } from '../../src/modules/operations/backup-names';
import { runDoctor, type CheckResult } from '../../src/modules/operations/doctor';
import { TOTP_KEY_FILE, TotpSeal } from '../../src/modules/two-factor/totp-seal';
import { startMailServer, type MailServer } from '../helpers/mail-server';

const GIB = 1024 ** 3;
let mail: MailServer;
let dir: string;

beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(() => mail.close());

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-doctor-'));
  fs.mkdirSync(path.join(dir, 'backups'));
  const db = openDatabase(path.join(dir, 'data', 'reisekart.db'));
  migrate(db);
  db.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function production(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    BASE_URL: 'https://reisekart.kommune.no',
    TRUST_PROXY: '1',
    DATABASE_PATH: path.join(dir, 'data', 'reisekart.db'),
    BACKUP_DIR: path.join(dir, 'backups'),
    SMTP_URL: mail.url,
    ...extra,
  };
}

const levels = (checks: CheckResult[]) => Object.fromEntries(checks.map((c) => [c.name, c.level]));
const line = (checks: CheckResult[], name: string) => checks.find((c) => c.name === name)?.message ?? '';

/** A port nothing listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('doctor', () => {
  it('passes a healthy deployment: every check ok, through the CLI with exit code 0', async () => {
    fs.writeFileSync(path.join(dir, 'backups', backupFileName(new Date(Date.now() - 5 * 60_000))), '');
    const checks = await runDoctor(production(), { freeBytes: () => 50 * GIB });
    expect(levels(checks)).toEqual({
      configuration: 'ok',
      'base url': 'ok',
      database: 'ok',
      migrations: 'ok',
      'data disk': 'ok',
      'second factors': 'ok',
      smtp: 'ok',
      'backup disk': 'ok',
      backups: 'ok',
    });
    expect(line(checks, 'database')).toMatch(/integrity_check ok/);
    expect(line(checks, 'smtp')).toBe(`${mail.url} answered`);
    expect(line(checks, 'backups')).toMatch(/^newest reisekart-.*, 5 min old; 1 kept in /);
    const out = await runCli(['doctor', '--quick'], production());
    expect(out.split('\n').map((l) => l.split(/\s+/)[0])).not.toContain('fail');
    expect(out).toMatch(/^ok\s+database\s+.*quick_check ok/m);
  });

  it('says whether the sealed second factors open: with the key given or kept, not without it or with another', async () => {
    const key = 'k'.repeat(40);
    const db = openDatabase(path.join(dir, 'data', 'reisekart.db'));
    const user = Number(db.prepare("INSERT INTO users (email, name, password_hash, is_platform_admin, created_at) VALUES ('a@k.no', 'A', '', 1, '2026-12-01')").run().lastInsertRowid);
    db.prepare("INSERT INTO user_totp (user_id, secret, enrolled_at, last_step, created_at) VALUES (?, ?, '2026-12-01', 1, '2026-12-01')").run(user, new TotpSeal(key).seal(user, 'JBSWY3DPEHPK3PXP'));
    db.close();
    const check = async (extra: Record<string, string> = {}) => {
      const checks = await runDoctor(production(extra), { freeBytes: () => 50 * GIB });
      return [levels(checks)['second factors'], line(checks, 'second factors')];
    };
    expect(await check({ TOTP_SECRET_KEY: key })).toEqual(['ok', '1 sealed second factors open with the key']);
    const [level, message] = await check();
    expect(level).toBe('fail');
    expect(message).toMatch(/^1 sealed second factors but no key .*recovery codes only/);
    expect(fs.existsSync(path.join(dir, 'data', TOTP_KEY_FILE))).toBe(false); // the doctor never makes one
    expect((await check({ TOTP_SECRET_KEY: 'x'.repeat(40) }))[1]).toMatch(/^1 of 1 sealed second factors do not open/);
    fs.writeFileSync(path.join(dir, 'data', TOTP_KEY_FILE), `${key}\n`, { mode: 0o600 });
    expect((await check())[0]).toBe('ok');
  });

  it('fails an unreachable SMTP server within its timeout, and the CLI reports it with DoctorFailure', async () => {
    const env = production({ SMTP_URL: `smtp://user:hemmelig@127.0.0.1:${await closedPort()}` });
    const checks = await runDoctor(env, { smtpTimeoutMs: 2000, freeBytes: () => 50 * GIB });
    expect(levels(checks).smtp).toBe('fail');
    expect(line(checks, 'smtp')).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+ is not reachable: /);
    expect(line(checks, 'smtp')).not.toContain('hemmelig');
    await expect(runCli(['doctor'], env)).rejects.toThrow(DoctorFailure);
  });

  it('fails a bad configuration, an http BASE_URL in production, a missing backup folder and a full disk', async () => {
    expect(await runDoctor({ PORT: 'eighty' })).toEqual([{ name: 'configuration', level: 'fail', message: expect.stringMatching(/^Invalid configuration: PORT=/) }]);
    const checks = await runDoctor(production({ BASE_URL: 'http://reisekart.kommune.no', BACKUP_DIR: path.join(dir, 'gone') }), { freeBytes: () => 1000 });
    expect(levels(checks)).toMatchObject({ 'base url': 'fail', 'data disk': 'fail', backups: 'fail' });
    expect(line(checks, 'backups')).toMatch(/does not exist or is no folder/);
  });

  it('warns about a deployment that runs but deserves a look: no BACKUP_DIR, little disk, a late backup, pending migrations', async () => {
    const db = openDatabase(path.join(dir, 'data', 'reisekart.db'));
    db.exec("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");
    db.close();
    const off = await runDoctor(production({ BACKUP_DIR: '' }), { freeBytes: () => 600 * 1024 ** 2 });
    expect(levels(off)).toMatchObject({ backups: 'warn', 'data disk': 'warn', migrations: 'warn' });
    expect(line(off, 'backups')).toMatch(/BACKUP_DIR not set/);
    expect(line(off, 'migrations')).toMatch(/^1 pending \(\d{4}_\w+\.sql\): the next start takes a backup and applies them$/);
    fs.writeFileSync(path.join(dir, 'backups', backupFileName(new Date(Date.now() - 45 * 60_000))), '');
    const late = await runDoctor(production(), { freeBytes: () => 50 * GIB });
    expect(levels(late).backups).toBe('warn');
    expect(line(late, 'backups')).toMatch(/late \(older than two intervals of 15 min\)/);
    expect(levels(await runDoctor(production({ NODE_ENV: '', BASE_URL: '' }), { freeBytes: () => 50 * GIB }))['base url']).toBe('warn');
  });

  it('prints its report and exits 1 from the command line when a check fails, 0 when none does', () => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'doctor', '--quick'], { cwd: path.resolve(__dirname, '..', '..'), env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    const failing = run(production({ BASE_URL: 'http://reisekart.kommune.no', SMTP_URL: '' }));
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^fail\s+base url\s+BASE_URL http:\/\/reisekart\.kommune\.no is not https/m);
    expect(failing.stdout).toMatch(/^ok\s+configuration\s+parsed \(NODE_ENV=production\)$/m);
    const passing = run({ DATABASE_PATH: path.join(dir, 'data', 'reisekart.db') });
    expect(passing.stdout).toMatch(/^warn\s+backups\s+BACKUP_DIR not set/m);
    expect(passing.status).toBe(0);
  });

  it('fails a database of a newer schema and a corrupt one', async () => {
    const file = path.join(dir, 'data', 'reisekart.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES ('9999_from_the_future.sql', '2030-01-01')").run();
    db.close();
    const newer = await runDoctor(production(), { freeBytes: () => 50 * GIB });
    expect(levels(newer).migrations).toBe('fail');
    expect(line(newer, 'migrations')).toMatch(/schema 9999 .* newer than Reisekart \S+ knows \(schema \d{4}\)/);
    fs.rmSync(file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.writeFileSync(file, 'not a database at all'.repeat(500));
    expect(levels(await runDoctor(production(), { freeBytes: () => 50 * GIB })).database).toBe('fail');
  });
});
