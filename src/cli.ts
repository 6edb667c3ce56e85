// Command line for scripted installs: `npm run cli -- <command> [options]`.
// Uses the same schemas and services as the web forms, so the rules are the same.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config';
import { openDatabase, pidFileOf, sessionsFileOf, type Db } from './db/connection';
import { appVersion } from './lib/app-version';
import { createLogger } from './lib/logger';
import { scheduledCopies } from './modules/operations/backup.service';
import { doctorFailed, doctorReport, runDoctor } from './modules/operations/doctor';
import { prepareSchema } from './modules/operations/upgrade';
import { MigrationError } from './db/migrate';
import { ValidationError } from './errors';
import { MunicipalityInputSchema } from './modules/municipalities/municipalities.schema';
import { passwordProblem } from './modules/sign-in/password.service';
import { ROLES } from './modules/staff/roles';
import { buildServices } from './services';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --email E --name N [--platform-admin] [--municipality SLUG --role ROLE[,ROLE]]
      The password is read from REISEKART_PASSWORD, or asked for on standard input. Where a second factor
      is required (platform admins, admins), the first sign-in sets up TOTP before anything else.
      Roles: ${ROLES.join(', ')}
  create-municipality --slug S --name N --kommunenummer NNNN [--locale nb|nn|en]
  backup FILE
      Online backup of the live database (SQLite's backup API: consistent while the server writes),
      then an integrity check of the copy. Refuses to overwrite an existing file.
  restore FILE | restore --latest
      Puts a backup in place of the database while the server is stopped. Refuses a file that fails
      PRAGMA integrity_check or is no Reisekart database; the current database is kept beside it.
      --latest takes the newest scheduled backup in BACKUP_DIR.
  reset-two-factor --email E
      Removes a staff member's second factor and ends their sessions, for someone who has lost the app and
      every recovery code (or whose secret no longer opens because TOTP_SECRET_KEY or the totp-key file was
      lost). Where one is required, they set it up again at their next sign-in. Logged in the audit log.
  doctor [--quick]
      Checks the deployment: configuration, BASE_URL, database integrity (integrity_check; quick_check
      with --quick), pending migrations, free disk, whether the TOTP key opens the sealed second factors,
      SMTP, the backup folder and the newest backup.
      One line per check (ok, warn, fail); exit code 1 when any check fails.
  help`;

const UserArgsSchema = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(120),
  'platform-admin': z.boolean().optional(),
  municipality: z.string().optional(),
  role: z
    .string()
    .transform((s) => s.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(ROLES)).min(1))
    .optional(),
});

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  'platform-admin': { type: 'boolean' },
  municipality: { type: 'string' },
  role: { type: 'string' },
  slug: { type: 'string' },
  kommunenummer: { type: 'string' },
  locale: { type: 'string' },
  latest: { type: 'boolean' },
  quick: { type: 'boolean' },
} as const;

/** A refusal the user can act on: printed without a stack trace, exit code 2. */
export class CliError extends Error {}

/** The doctor found a failure: its report is printed as usual, with exit code 1. */
export class DoctorFailure extends CliError {}

function fail(message: string): never {
  throw new CliError(message);
}

async function readPassword(env: NodeJS.ProcessEnv, input: NodeJS.ReadableStream): Promise<string> {
  if (env.REISEKART_PASSWORD) return env.REISEKART_PASSWORD;
  const rl = readline.createInterface({ input, terminal: false });
  if (process.stdin.isTTY && input === process.stdin) process.stderr.write('Password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function backup(db: Db, positionals: string[]): Promise<string> {
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0) fail(`backup takes exactly one file.\n\n${USAGE}`);
  const file = path.resolve(target);
  if (fs.existsSync(file)) fail(`${file} exists already; choose a new file name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.backup(file);
  const copy = new Database(file, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') fail(`The backup at ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return `Backup written to ${file} (integrity ok).`;
}

function restore(databasePath: string, positionals: string[]): string {
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) fail(`restore takes exactly one file.\n\n${USAGE}`);
  const file = path.resolve(source);
  if (!fs.existsSync(file)) fail(`${file} does not exist.`);
  const running = runningServerPid(databasePath);
  if (running !== null) fail(`The server (process ${running}) is using ${databasePath}. Stop it first, then restore.`);
  let candidate: Database.Database | undefined;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const check = candidate.pragma('integrity_check', { simple: true });
    if (check !== 'ok') fail(`${file} failed its integrity check (${String(check)}); nothing was changed.`);
    const hasSchema = candidate.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get() === 1;
    if (!hasSchema) fail(`${file} is not a Reisekart database; nothing was changed.`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    fail(`${file} cannot be read as a SQLite database (${(err as Error).message}); nothing was changed.`);
  } finally {
    candidate?.close();
  }
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  let keptAs = '';
  if (fs.existsSync(databasePath)) {
    keptAs = `${databasePath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(databasePath, keptAs);
  }
  // A stale write-ahead log would be replayed onto the restored file; sessions of the replaced database end with it.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sessionsFileOf(databasePath) + suffix, { force: true });
  fs.copyFileSync(file, databasePath);
  return `Restored ${file} to ${databasePath}${keptAs ? `; the previous database is kept as ${keptAs}` : ''}.`;
}

function runningServerPid(databasePath: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFileOf(databasePath), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Runs one command; returns what to print. Throws CliError for bad arguments or refused input. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') return USAGE;
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: OPTIONS }));
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
  // The doctor reads the configuration itself (a bad one is a failed check) and never opens the database for writing.
  if (command === 'doctor') {
    if (positionals.length > 0) fail(`Unexpected argument "${positionals[0]}".\n\n${USAGE}`);
    const checks = await runDoctor(env, { quick: values.quick ?? false });
    if (doctorFailed(checks)) throw new DoctorFailure(doctorReport(checks));
    return doctorReport(checks);
  }
  const config = loadConfig(env);
  // Restoring must not open (and so lock or migrate) the database it is about to replace.
  if (command === 'restore') {
    if (!values.latest) return restore(config.databasePath, positionals);
    if (positionals.length > 0) fail(`restore takes a file or --latest, not both.\n\n${USAGE}`);
    if (!config.backups.dir) fail('restore --latest reads BACKUP_DIR, which is not set.');
    if (!fs.existsSync(config.backups.dir)) fail(`BACKUP_DIR ${config.backups.dir} does not exist.`);
    const newest = scheduledCopies(config.backups.dir)[0];
    if (!newest) fail(`No scheduled backup in ${config.backups.dir}.`);
    return restore(config.databasePath, [path.join(config.backups.dir, newest.name)]);
  }
  const db = openDatabase(config.databasePath);
  try {
    // The same step as the server's start: a newer schema is refused, pending migrations run after a backup (#22.5).
    // Its log goes to standard error, so the command's own output stays clean.
    prepareSchema(db, { databasePath: config.databasePath, backupDir: config.backups.dir, appVersion: appVersion(), logger: createLogger(config.logLevel, process.stderr) });
  } catch (err) {
    db.close();
    throw err;
  }
  const services = buildServices(db);
  try {
    if (command !== 'backup' && command !== 'restore' && positionals.length > 0) fail(`Unexpected argument "${positionals[0]}".\n\n${USAGE}`);
    if (command === 'backup') return await backup(db, positionals);
    if (command === 'create-user') {
      const parsed = UserArgsSchema.safeParse(values);
      if (!parsed.success) fail(`Invalid arguments: ${z.prettifyError(parsed.error)}\n\n${USAGE}`);
      const args = parsed.data;
      if (!args['platform-admin'] && !args.municipality) fail('Give --platform-admin, or --municipality with --role.');
      if (args.municipality && !args.role) fail('--municipality needs --role.');
      const municipality = args.municipality ? services.municipalities.findBySlug(args.municipality) : undefined;
      if (args.municipality && !municipality) fail(`No municipality with slug "${args.municipality}".`);
      const password = await readPassword(env, input);
      const problem = passwordProblem(password, [args.email, args.name, municipality?.name ?? '', municipality?.slug ?? '']);
      if (problem) fail(`Password refused: ${problem.replace('validation.', '')}.`);
      const id = await services.staff.createUser({
        email: args.email,
        name: args.name,
        password,
        platformAdmin: args['platform-admin'] ?? false,
        membership: municipality && args.role ? { municipalityId: municipality.id, roles: args.role } : undefined,
      });
      return `Created user ${id} (${args.email}).`;
    } else if (command === 'reset-two-factor') {
      const email = z.email().safeParse(values.email);
      if (!email.success) fail(`reset-two-factor needs --email with an address.\n\n${USAGE}`);
      const user = services.staff.userByEmail(email.data);
      if (!user) fail(`No staff account with the e-mail ${email.data}.`);
      return services.twoFactor.reset(user.id)
        ? `Removed the second factor of ${user.email} and ended their sessions.`
        : `${user.email} has no second factor: nothing changed.`;
    } else if (command === 'create-municipality') {
      const parsed = MunicipalityInputSchema.safeParse({
        slug: values.slug,
        name: values.name,
        kommunenummer: values.kommunenummer,
        defaultLocale: values.locale ?? 'nb',
      });
      if (!parsed.success) fail(`Invalid arguments: ${z.prettifyError(parsed.error)}\n\n${USAGE}`);
      const id = services.municipalities.create(null, parsed.data);
      return `Created municipality ${id} (${parsed.data.slug}).`;
    }
    return fail(`Unknown command "${command}".\n\n${USAGE}`);
  } catch (err) {
    if (err instanceof ValidationError) fail(`Refused: ${Object.values(err.fieldErrors).join(', ')}`);
    throw err;
  } finally {
    db.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (output) => console.log(output),
    (err: unknown) => {
      if (err instanceof DoctorFailure) {
        console.log(err.message);
        process.exit(1);
      }
      if (err instanceof MigrationError) {
        console.error(err.message);
        process.exit(78);
      }
      if (err instanceof CliError || err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      console.error(err);
      process.exit(1);
    },
  );
}
