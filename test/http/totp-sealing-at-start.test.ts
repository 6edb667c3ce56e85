// The real server (src/server.ts, as a child process) seals staff members' TOTP secrets still stored in clear at
// start-up, with a key it generates once into the data folder (owner only), and logs it; started with another
// TOTP_SECRET_KEY it reports the secrets it cannot open, without printing the key or a secret (#21 follow-up).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { TOTP_KEY_FILE, TotpSeal } from '../../src/modules/two-factor/totp-seal';
import { baseUrlOf, startServer, tempDb } from '../helpers/child-server';

const CLEAR = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER_KEY = 'another-installation-key-another-installation-1';

/** A database as a version before sealing left it: one enrolled staff member whose secret is in clear. */
function databaseWithClearSecret(): { file: string; userId: number } {
  const file = tempDb();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  migrate(db);
  const userId = Number(
    db.prepare("INSERT INTO users (email, name, password_hash, is_platform_admin, created_at) VALUES ('gammel@fjord.no', 'Gammel', 'x', 0, '2026-01-01')").run().lastInsertRowid,
  );
  db.prepare("INSERT INTO user_totp (user_id, secret, enrolled_at, last_step, created_at) VALUES (?, ?, '2026-01-01', 1, '2026-01-01')").run(userId, CLEAR);
  db.close();
  return { file, userId };
}

const storedSecret = (file: string, userId: number) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT secret FROM user_totp WHERE user_id = ?').pluck().get(userId) as string;
  } finally {
    db.close();
  }
};

describe('sealing at start-up', () => {
  jest.setTimeout(60_000);

  it('seals a clear secret before serving, with a key kept in the data folder; another key is reported, not printed', async () => {
    const { file, userId } = databaseWithClearSecret();
    const first = startServer({ DATABASE_PATH: file, SEED_DEMO: 'off', LOG_LEVEL: 'info' });
    try {
      await baseUrlOf(first);
      expect(first.output()).toMatch(/"sealed":1[^\n]*TOTP secrets stored in clear have been sealed/);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    const keyFile = path.join(path.dirname(file), TOTP_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const sealed = storedSecret(file, userId);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(CLEAR);
    expect(new TotpSeal(fs.readFileSync(keyFile, 'utf8').trim()).open(userId, sealed)).toBe(CLEAR);
    expect(first.output()).not.toContain(CLEAR);

    // Started again without the key file's key: the secret is left as it is, and the log says what to restore.
    const other = startServer({ DATABASE_PATH: file, SEED_DEMO: 'off', LOG_LEVEL: 'info', TOTP_SECRET_KEY: OTHER_KEY });
    try {
      await baseUrlOf(other);
      expect(other.output()).toMatch(/"unreadable":1[^\n]*restore the totp-key file \(or TOTP_SECRET_KEY\)/);
      expect(other.output()).not.toContain(OTHER_KEY);
    } finally {
      other.child.kill('SIGTERM');
      expect(await other.exited).toBe(0);
    }
    expect(storedSecret(file, userId)).toBe(sealed);
    fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
  });
});
