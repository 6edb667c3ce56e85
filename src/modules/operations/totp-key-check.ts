// The doctor's look at the TOTP key (#21 follow-up): staff members' second factors are sealed with a key kept apart
// from the database and its backups, so a restore or a move to another machine can leave them without it. The server
// still starts then (and logs it); this says so before anyone is refused at sign-in. Reads only: a missing key file is
// never created here, unlike at the server's start.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readKeptSecret } from '../../lib/session-secret';
import { TOTP_KEY_FILE, TotpSeal, UnreadableTotpSecret } from '../two-factor/totp-seal';

export type KeyCheck = { level: 'ok' | 'warn' | 'fail'; message: string };

export function totpKeyCheck(db: Database.Database, given: string | undefined, dataDir: string): KeyCheck {
  const hasTable = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'user_totp'").pluck().get() === 1;
  if (!hasTable) return { level: 'ok', message: 'no second factors in this database yet' };
  const sealed = db.prepare("SELECT user_id, secret FROM user_totp WHERE secret LIKE 'v1:%' ORDER BY user_id").all() as { user_id: number; secret: string }[];
  if (sealed.length === 0) return { level: 'ok', message: 'no sealed second factors yet' };
  // The key as the server would take it, without making one where there is none.
  const key = given || readKeptSecret(dataDir, TOTP_KEY_FILE);
  const where = `TOTP_SECRET_KEY or ${path.join(dataDir, TOTP_KEY_FILE)}`;
  if (!key) {
    return { level: 'fail', message: `${sealed.length} sealed second factors but no key (${where}): staff can sign in with recovery codes only; put the key back (deploy/README.md, "Backups")` };
  }
  const seal = new TotpSeal(key);
  const unreadable = sealed.filter((row) => {
    try {
      seal.open(row.user_id, row.secret);
      return false;
    } catch (err) {
      if (err instanceof UnreadableTotpSecret) return true;
      throw err;
    }
  }).length;
  if (unreadable > 0) {
    return { level: 'fail', message: `${unreadable} of ${sealed.length} sealed second factors do not open with the key in ${where}: is it this installation's key?` };
  }
  return { level: 'ok', message: `${sealed.length} sealed second factors open with the key` };
}
