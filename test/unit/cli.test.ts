// The CLI for scripted installs: creates municipalities and users with the web forms' rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CliError, runCli } from '../../src/cli';
import { openDatabase } from '../../src/db/connection';

function env(): NodeJS.ProcessEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-cli-'));
  return { DATABASE_PATH: path.join(dir, 'cli.db'), REISEKART_PASSWORD: 'Nordlys-Over-Tromsø-3' };
}

describe('npm run cli', () => {
  it('creates a municipality and then a user with roles in it, with an argon2id hash', async () => {
    const e = env();
    expect(await runCli(['create-municipality', '--slug', 'fjell', '--name', 'Fjell kommune', '--kommunenummer', '4601'], e)).toMatch(/Created municipality/);
    expect(
      await runCli(['create-user', '--email', 'Eva@Fjell.no', '--name', 'Eva', '--municipality', 'fjell', '--role', 'admin,analyst'], e),
    ).toMatch(/Created user/);
    const db = openDatabase(e.DATABASE_PATH!);
    const user = db.prepare("SELECT id, password_hash FROM users WHERE email = 'eva@fjell.no'").get() as { id: number; password_hash: string };
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(db.prepare('SELECT role FROM memberships WHERE user_id = ? ORDER BY role').pluck().all(user.id)).toEqual(['admin', 'analyst']);
    db.close();
  });

  it('reset-two-factor removes a staff member\'s second factor and every session of theirs, and says when there is none', async () => {
    const e = env();
    await runCli(['create-user', '--email', 'drift@example.no', '--name', 'Drift', '--platform-admin'], e);
    const db = openDatabase(e.DATABASE_PATH!);
    const id = db.prepare("SELECT id FROM users WHERE email = 'drift@example.no'").pluck().get() as number;
    db.prepare("INSERT INTO user_totp (user_id, secret, enrolled_at, last_step, created_at) VALUES (?, 'sealed', '2026-12-01T00:00:00.000Z', 1, '2026-12-01T00:00:00.000Z')").run(id);
    db.prepare("INSERT INTO user_recovery_codes (user_id, code_hash) VALUES (?, 'h1'), (?, 'h2')").run(id, id);
    db.prepare("INSERT INTO sessions (sid, user_id, expires_at, data) VALUES ('s1', ?, 9999999999999, '{}'), ('s2', ?, 9999999999999, '{}')").run(id, id);
    db.close();

    expect(await runCli(['reset-two-factor', '--email', 'Drift@Example.no'], e)).toMatch(/Removed the second factor of drift@example.no/);
    const after = openDatabase(e.DATABASE_PATH!);
    expect(after.prepare('SELECT COUNT(*) FROM user_totp WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect(after.prepare('SELECT COUNT(*) FROM user_recovery_codes WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect(after.prepare('SELECT COUNT(*) FROM sessions WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect(after.prepare("SELECT action, actor_user_id FROM audit_log WHERE action = 'account.totp_reset'").all()).toEqual([{ action: 'account.totp_reset', actor_user_id: null }]);
    after.close();
    expect(await runCli(['reset-two-factor', '--email', 'drift@example.no'], e)).toMatch(/has no second factor: nothing changed/);
    await expect(runCli(['reset-two-factor', '--email', 'ingen@example.no'], e)).rejects.toThrow(/No staff account/);
    await expect(runCli(['reset-two-factor'], e)).rejects.toThrow(/needs --email/);
  });

  it('reads the password from standard input when no variable gives it', async () => {
    const e = { ...env(), REISEKART_PASSWORD: undefined };
    const out = await runCli(['create-user', '--email', 'p@example.no', '--name', 'P', '--platform-admin'], e, Readable.from(['Havørn-Og-Måke-55\n']));
    expect(out).toMatch(/Created user/);
  });

  it.each([
    [['create-user', '--email', 'x@example.no', '--name', 'X']],
    [['create-user', '--email', 'not-an-email', '--name', 'X', '--platform-admin']],
    [['create-user', '--email', 'x@example.no', '--name', 'X', '--municipality', 'nowhere', '--role', 'admin']],
    [['create-user', '--email', 'x@example.no', '--name', 'X', '--platform-admin', '--role', 'king']],
    [['create-user', '--bogus']],
    [['create-municipality', '--slug', 'admin', '--name', 'A', '--kommunenummer', '1111']],
    [['launch-rockets']],
  ])('refuses %j with a CliError and writes no user', async (argv) => {
    const e = env();
    await expect(runCli(argv, e)).rejects.toThrow(CliError);
    if (fs.existsSync(e.DATABASE_PATH!)) {
      const db = openDatabase(e.DATABASE_PATH!);
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
      db.close();
    }
  });

  it('refuses a common password', async () => {
    const e = { ...env(), REISEKART_PASSWORD: 'password1' };
    await expect(runCli(['create-user', '--email', 'c@example.no', '--name', 'C', '--platform-admin'], e)).rejects.toThrow(/Password refused/);
  });

  it('refuses a password made from the municipality it joins', async () => {
    const e = { ...env(), REISEKART_PASSWORD: 'Eidskog2024!' };
    await runCli(['create-municipality', '--slug', 'eidskog', '--name', 'Eidskog kommune', '--kommunenummer', '3416'], e);
    const argv = ['create-user', '--email', 'eva@example.no', '--name', 'Eva', '--municipality', 'eidskog', '--role', 'admin'];
    await expect(runCli(argv, e)).rejects.toThrow(/Password refused: passwordWeak/);
  });
});

describe('npm run backup', () => {
  it('takes an online backup during writes that passes integrity_check and holds every row committed before it', async () => {
    const e = env();
    await runCli(['create-municipality', '--slug', 'kyst', '--name', 'Kyst kommune', '--kommunenummer', '4602'], e);
    const db = openDatabase(e.DATABASE_PATH!);
    const municipalityId = db.prepare("SELECT id FROM municipalities WHERE slug = 'kyst'").pluck().get();
    const insert = db.prepare("INSERT INTO departments (municipality_id, name, kind, created_at) VALUES (?, ?, 'municipal', '2026-01-01')");
    for (let i = 0; i < 500; i += 1) insert.run(municipalityId, `Avdeling ${i}`);
    // Keep writing while the backup runs.
    let n = 500;
    const writer = setInterval(() => insert.run(municipalityId, `Avdeling ${n++}`), 1);
    const file = path.join(path.dirname(e.DATABASE_PATH!), 'backups', 'kyst.db');
    try {
      expect(await runCli(['backup', file], e)).toMatch(/integrity ok/);
    } finally {
      clearInterval(writer);
    }
    const copy = openDatabase(file);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = new Set(copy.prepare('SELECT name FROM departments').pluck().all() as string[]);
    for (let i = 0; i < 500; i += 1) expect(names.has(`Avdeling ${i}`)).toBe(true);
    copy.close();
    db.close();
    await expect(runCli(['backup', file], e)).rejects.toThrow(/exists already/);
    await expect(runCli(['backup'], e)).rejects.toThrow(CliError);
  });
});

describe('npm run restore', () => {
  it('puts a backup in place of a stopped database, keeps the old one beside it, and refuses bad files', async () => {
    const e = env();
    await runCli(['create-municipality', '--slug', 'for', '--name', 'Før kommune', '--kommunenummer', '4603'], e);
    const backupFile = path.join(path.dirname(e.DATABASE_PATH!), 'snapshot.db');
    await runCli(['backup', backupFile], e);
    await runCli(['create-municipality', '--slug', 'etter', '--name', 'Etter kommune', '--kommunenummer', '4604'], e);

    const garbage = path.join(path.dirname(e.DATABASE_PATH!), 'garbage.db');
    fs.writeFileSync(garbage, 'this is not a database'.repeat(100));
    await expect(runCli(['restore', garbage], e)).rejects.toThrow(/nothing was changed/);
    const foreign = path.join(path.dirname(e.DATABASE_PATH!), 'foreign.db');
    const other = openDatabase(foreign);
    other.exec('CREATE TABLE x (id INTEGER)');
    other.close();
    await expect(runCli(['restore', foreign], e)).rejects.toThrow(/not a Reisekart database/);

    // A running server (here: this test's own process id) blocks a restore.
    fs.writeFileSync(`${e.DATABASE_PATH}.pid`, String(process.pid));
    await expect(runCli(['restore', backupFile], e)).rejects.toThrow(/Stop it first/);
    fs.rmSync(`${e.DATABASE_PATH}.pid`);

    const db = openDatabase(e.DATABASE_PATH!);
    expect(db.prepare('SELECT count(*) FROM municipalities').pluck().get()).toBe(2);
    db.close();
    expect(await runCli(['restore', backupFile], e)).toMatch(/previous database is kept as/);
    const restored = openDatabase(e.DATABASE_PATH!);
    expect(restored.prepare('SELECT slug FROM municipalities').pluck().all()).toEqual(['for']);
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();
    expect(fs.readdirSync(path.dirname(e.DATABASE_PATH!)).some((f) => f.includes('.before-restore-'))).toBe(true);
  });
});
