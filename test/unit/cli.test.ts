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
});
