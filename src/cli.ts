// Command line for scripted installs: `npm run cli -- <command> [options]`.
// Uses the same schemas and services as the web forms, so the rules are the same.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrate';
import { ValidationError } from './errors';
import { MunicipalityInputSchema } from './modules/accounts/accounts.schema';
import { passwordProblem } from './modules/accounts/password.service';
import { ROLES } from './modules/accounts/roles';
import { buildServices } from './services';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --email E --name N [--platform-admin] [--municipality SLUG --role ROLE[,ROLE]]
      The password is read from REISEKART_PASSWORD, or asked for on standard input.
      Roles: ${ROLES.join(', ')}
  create-municipality --slug S --name N --kommunenummer NNNN [--locale nb|nn|en]
  backup FILE
      Online backup of the live database (SQLite's backup API: consistent while the server writes),
      then an integrity check of the copy. Refuses to overwrite an existing file.
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
} as const;

/** A refusal the user can act on: printed without a stack trace, exit code 2. */
export class CliError extends Error {}

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
  const config = loadConfig(env);
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = buildServices(db);
  try {
    if (command !== 'backup' && positionals.length > 0) fail(`Unexpected argument "${positionals[0]}".\n\n${USAGE}`);
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
      const problem = passwordProblem(password);
      if (problem) fail(`Password refused: ${problem.replace('validation.', '')}.`);
      const id = await services.staff.createUser({
        email: args.email,
        name: args.name,
        password,
        platformAdmin: args['platform-admin'] ?? false,
        membership: municipality && args.role ? { municipalityId: municipality.id, roles: args.role } : undefined,
      });
      return `Created user ${id} (${args.email}).`;
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
      if (err instanceof CliError || err instanceof ConfigError) {
        console.error(err.message);
        process.exit(2);
      }
      console.error(err);
      process.exit(1);
    },
  );
}
