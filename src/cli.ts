// Command line for scripted installs: `npm run cli -- <command> [options]`.
// Uses the same schemas and services as the web forms, so the rules are the same.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/connection';
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

async function readPassword(): Promise<string> {
  if (process.env.REISEKART_PASSWORD) return process.env.REISEKART_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'platform-admin': { type: 'boolean' },
      municipality: { type: 'string' },
      role: { type: 'string' },
      slug: { type: 'string' },
      kommunenummer: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  migrate(db);
  const services = buildServices(db);
  try {
    if (command === 'create-user') {
      const parsed = UserArgsSchema.safeParse(values);
      if (!parsed.success) fail(`Invalid arguments: ${z.prettifyError(parsed.error)}\n\n${USAGE}`);
      const args = parsed.data;
      if (!args['platform-admin'] && !args.municipality) fail('Give --platform-admin, or --municipality with --role.');
      if (args.municipality && !args.role) fail('--municipality needs --role.');
      const municipality = args.municipality ? services.municipalities.findBySlug(args.municipality) : undefined;
      if (args.municipality && !municipality) fail(`No municipality with slug "${args.municipality}".`);
      const password = await readPassword();
      const problem = passwordProblem(password);
      if (problem) fail(`Password refused: ${problem.replace('validation.', '')}.`);
      const id = await services.staff.createUser({
        email: args.email,
        name: args.name,
        password,
        platformAdmin: args['platform-admin'] ?? false,
        membership: municipality && args.role ? { municipalityId: municipality.id, roles: args.role } : undefined,
      });
      console.log(`Created user ${id} (${args.email}).`);
    } else if (command === 'create-municipality') {
      const parsed = MunicipalityInputSchema.safeParse({
        slug: values.slug,
        name: values.name,
        kommunenummer: values.kommunenummer,
        defaultLocale: values.locale ?? 'nb',
      });
      if (!parsed.success) fail(`Invalid arguments: ${z.prettifyError(parsed.error)}\n\n${USAGE}`);
      const id = services.municipalities.create(null, parsed.data);
      console.log(`Created municipality ${id} (${parsed.data.slug}).`);
    } else {
      fail(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof ValidationError) fail(`Refused: ${Object.values(err.fieldErrors).join(', ')}`);
    throw err;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) fail(err.message);
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) fail(`${err.message}\n\n${USAGE}`);
  console.error(err);
  process.exit(1);
});
