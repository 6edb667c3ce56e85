// `npm run cli -- doctor` (#22.1): checks a deployment and says, one line per check, what is ok, what deserves a look
// (warn) and what is broken (fail). It reads, never writes: the database is opened read-only and never migrated, the
// backup folder gets one probe file that is removed at once.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { ConfigError, loadConfig, type Config } from '../../config';
import { newerSchemaMessage, schemaState, schemaVersion } from '../../db/migrate';
import { appVersion } from '../../lib/app-version';
import { scheduledCopies } from './backup.service';
import { totpKeyCheck } from './totp-key-check';

export type CheckLevel = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  level: CheckLevel;
  message: string;
}

export interface DoctorOptions {
  /**
   * quick_check instead of integrity_check. integrity_check (the default) also checks that every index matches its
   * table; it reads a consistent snapshot and blocks no writer (WAL), so it is safe beside the running server, and the
   * doctor runs seldom and by hand. quick_check skips the index comparison and is some times faster on a big database.
   */
  quick?: boolean;
  smtpTimeoutMs?: number;
  now?: Date;
  /** Free space below this (or below twice the database) is a warning. */
  minFreeBytes?: number;
  /** For tests: the free bytes of the file system holding a folder. */
  freeBytes?: (dir: string) => number;
}

const GIB = 1024 ** 3;
const HOUR = 3_600_000;

const ok = (name: string, message: string): CheckResult => ({ name, level: 'ok', message });
const warn = (name: string, message: string): CheckResult => ({ name, level: 'warn', message });
const fail = (name: string, message: string): CheckResult => ({ name, level: 'fail', message });

function statfsFree(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

function bytes(n: number): string {
  if (n >= GIB) return `${(n / GIB).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.round(n / 1024)} KiB`;
}

function age(ms: number): string {
  if (ms < HOUR) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR) return `${(ms / HOUR).toFixed(1)} h`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

function baseUrlCheck(config: Config): CheckResult[] {
  const checks: CheckResult[] = [];
  if (!config.production) {
    checks.push(warn('base url', `NODE_ENV is not production (BASE_URL ${config.baseUrlGiven ? config.baseUrl : 'unset'}); set NODE_ENV=production and an https BASE_URL on a real deployment`));
  } else if (new URL(config.baseUrl).protocol !== 'https:') {
    checks.push(fail('base url', `BASE_URL ${config.baseUrl} is not https: residents' sign-in, votes and cookies must travel over TLS`));
  } else {
    checks.push(ok('base url', `${config.baseUrl}`));
  }
  if (config.production && config.trustProxy === 0) {
    checks.push(warn('proxy', 'TRUST_PROXY=0: behind nginx set TRUST_PROXY=1, or cookies are not marked Secure and every client has the proxy\'s address'));
  }
  return checks;
}

function databaseChecks(config: Config, options: DoctorOptions): { checks: CheckResult[]; size: number; db: Database.Database | null } {
  if (config.databasePath === ':memory:') return { checks: [warn('database', 'DATABASE_PATH=:memory: keeps nothing')], size: 0, db: null };
  if (!fs.existsSync(config.databasePath)) {
    return { checks: [warn('database', `${config.databasePath} does not exist yet; the first start creates it`)], size: 0, db: null };
  }
  const size = ['', '-wal'].reduce((sum, suffix) => sum + (fs.statSync(config.databasePath + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
  let db: Database.Database;
  try {
    db = new Database(config.databasePath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    return { checks: [fail('database', `${config.databasePath} cannot be opened: ${(err as Error).message}`)], size, db: null };
  }
  const pragma = options.quick ? 'quick_check' : 'integrity_check';
  const t0 = performance.now();
  let checks: CheckResult[];
  try {
    const rows = (db.pragma(pragma) as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
    const took = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
    checks = [
      rows.length === 1 && rows[0] === 'ok'
        ? ok('database', `${config.databasePath} (${bytes(size)}): ${pragma} ok in ${took}`)
        : fail('database', `${config.databasePath}: ${pragma} found problems: ${rows.slice(0, 3).join('; ')}; restore the newest good backup`),
    ];
  } catch (err) {
    db.close();
    return { checks: [fail('database', `${config.databasePath} cannot be read: ${(err as Error).message}; restore the newest good backup`)], size, db: null };
  }
  const state = schemaState(db);
  if (state.unknown.length > 0) checks.push(fail('migrations', newerSchemaMessage(state, appVersion())));
  else if (state.pending.length > 0) {
    checks.push(warn('migrations', `${state.pending.length} pending (${state.pending.join(', ')}): the next start takes a backup and applies them`));
  } else checks.push(ok('migrations', `none pending (schema ${schemaVersion(state.applied)}, Reisekart ${appVersion()})`));
  return { checks, size, db };
}

function diskCheck(name: string, dir: string, databaseSize: number, options: DoctorOptions): CheckResult {
  let free: number;
  try {
    free = (options.freeBytes ?? statfsFree)(dir);
  } catch (err) {
    return fail(name, `${dir}: ${(err as Error).message}`);
  }
  // A backup, or the copy taken before an upgrade, needs one database's room; a VACUUM about two.
  if (free < databaseSize) return fail(name, `${bytes(free)} free in ${dir}: less than the database (${bytes(databaseSize)}); the next copy cannot fit`);
  const threshold = Math.max(options.minFreeBytes ?? GIB, 2 * databaseSize);
  if (free < threshold) return warn(name, `${bytes(free)} free in ${dir} (under ${bytes(threshold)})`);
  return ok(name, `${bytes(free)} free in ${dir}`);
}

async function smtpCheck(config: Config, options: DoctorOptions): Promise<CheckResult> {
  if (!config.mail.smtpUrl) {
    const message = `SMTP_URL not set: e-mails are written as .eml files into ${config.mail.dir}`;
    return config.production ? warn('smtp', message) : ok('smtp', message);
  }
  const url = new URL(config.mail.smtpUrl);
  // Never the user or password: only where it connects.
  const where = `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  const timeout = options.smtpTimeoutMs ?? 10_000;
  const transporter = nodemailer.createTransport(config.mail.smtpUrl, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      transporter.verify(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeout / 1000} s`)), timeout);
      }),
    ]);
    return ok('smtp', `${where} answered`);
  } catch (err) {
    return fail('smtp', `${where} is not reachable: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
    transporter.close();
  }
}

function backupChecks(config: Config, db: Database.Database | null, databaseSize: number, options: DoctorOptions): CheckResult[] {
  const dir = config.backups.dir;
  if (!dir) return [warn('backups', 'BACKUP_DIR not set: no scheduled backups are taken (deploy/README.md, "Backups")')];
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [fail('backups', `BACKUP_DIR ${dir} does not exist or is no folder (is the disk mounted?)`)];
  const checks: CheckResult[] = [];
  const probe = path.join(dir, `.reisekart-doctor-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'probe');
    fs.rmSync(probe);
  } catch (err) {
    return [fail('backups', `BACKUP_DIR ${dir} is not writable by this user: ${(err as Error).message}`)];
  }
  checks.push(diskCheck('backup disk', dir, databaseSize, options));
  const copies = scheduledCopies(dir);
  const intervalMs = config.backups.intervalMinutes * 60_000;
  const now = (options.now ?? new Date()).getTime();
  const newest = copies[0];
  if (!newest) checks.push(warn('backups', `no scheduled backup in ${dir} yet (the server takes one every ${config.backups.intervalMinutes} min)`));
  else {
    const ageMs = now - newest.takenAt.getTime();
    const line = `newest ${newest.name}, ${age(ageMs)} old; ${copies.length} kept in ${dir}`;
    if (ageMs > 24 * HOUR) checks.push(fail('backups', `${line}: no backup for a day; is the server running?`));
    else if (ageMs > 2 * intervalMs) checks.push(warn('backups', `${line}: late (older than two intervals of ${config.backups.intervalMinutes} min)`));
    else checks.push(ok('backups', line));
  }
  // The server's own record of its attempts (migration 0036), when this database has it.
  const hasRuns = db?.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'backup_runs'").pluck().get() === 1;
  if (db && hasRuns) {
    const failures = db
      .prepare(`SELECT count(*) AS n, max(finished_at) AS at, (SELECT error FROM backup_runs WHERE ok = 0 ORDER BY started_at DESC LIMIT 1) AS error
                  FROM backup_runs WHERE ok = 0 AND started_at > coalesce((SELECT max(started_at) FROM backup_runs WHERE ok = 1), '')`)
      .get() as { n: number; at: string | null; error: string | null };
    if (failures.n > 0) checks.push(warn('backup runs', `${failures.n} failed since the last good one (last at ${failures.at}): ${failures.error}`));
  }
  return checks;
}

export async function runDoctor(env: NodeJS.ProcessEnv, options: DoctorOptions = {}): Promise<CheckResult[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [fail('configuration', err.message)];
    throw err;
  }
  const checks: CheckResult[] = [ok('configuration', `parsed (NODE_ENV=${config.production ? 'production' : (env.NODE_ENV ?? 'development')})`), ...baseUrlCheck(config)];
  const database = databaseChecks(config, options);
  try {
    checks.push(...database.checks);
    if (config.databasePath !== ':memory:') {
      checks.push(fs.existsSync(config.dataDir) ? diskCheck('data disk', config.dataDir, database.size, options) : warn('data disk', `${config.dataDir} does not exist yet`));
    }
    if (database.db) {
      const key = totpKeyCheck(database.db, config.totpSecretKey, config.dataDir);
      checks.push({ name: 'second factors', ...key });
    }
    checks.push(await smtpCheck(config, options));
    checks.push(...backupChecks(config, database.db, database.size, options));
  } finally {
    database.db?.close();
  }
  return checks;
}

export function doctorReport(checks: CheckResult[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  return checks.map((c) => `${c.level.padEnd(4)}  ${c.name.padEnd(width)}  ${c.message}`).join('\n');
}

export const doctorFailed = (checks: CheckResult[]) => checks.some((c) => c.level === 'fail');
