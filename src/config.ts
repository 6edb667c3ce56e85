// Configuration from the environment, validated once with zod at start-up.
// A bad value throws ConfigError with one line naming the variable, so the process can stop clearly.
import path from 'node:path';
import { z } from 'zod';
import { LOOPBACK_ONLY, parseNetwork } from './modules/metrics/metrics-access';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'].includes(v), {
    message: 'must be one of on/off, true/false, 1/0, yes/no',
  })
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().trim().min(1).default('data/reisekart.db'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SEED_DEMO: onOff.default(true),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // A client gets this long to send its headers, and its whole request, before the connection is closed (#15.8).
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  // Residents' e-mail (#20): an SMTP server's URL (smtp:// or smtps://, with user and password if it needs them);
  // without one, each e-mail is written as an .eml file into MAIL_DIR.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  MAIL_DIR: z.string().trim().min(1).optional(),
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  // Who may read /metrics (#22.3): addresses and networks (req.ip, as TRUST_PROXY makes it), and a bearer token.
  METRICS_ALLOW: z
    .string()
    .transform((v) => v.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .refine((list) => list.every((entry) => parseNetwork(entry) !== undefined), {
      message: 'must be a comma-separated list of IP addresses or networks (127.0.0.1, 10.0.0.0/8, ::1/128)',
    })
    .optional(),
  // No rule but presence: a refused value would be printed in the error, and this one is a secret.
  METRICS_TOKEN: z.string().trim().min(1).optional(),
  // Scheduled backups (#22.2): the folder (a mounted disk of another machine, ideally) and how often. Off when unset.
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  // Staff single sign-on (#21.1): the municipality's own OpenID provider (Entra ID and others). All three or none.
  STAFF_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  STAFF_OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  // No length rule: a refused value would be printed in the error, and this one is a secret.
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Residents' optional ID-porten verification (#21.3): all three or none.
  IDPORTEN_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  IDPORTEN_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  // Secrets get no zod rule: a refused value would be printed in the error. Their rules are checked in idportenOf.
  IDPORTEN_CLIENT_SECRET: z.string().min(1).optional(),
  // The key of verified residents' pseudonyms; without it one is generated and kept in the data folder.
  PSEUDONYM_SECRET: z.string().optional(),
  // The key staff members' TOTP secrets are sealed with (AES-256-GCM); without it one is generated and kept in the
  // data folder. Its rule (32 characters) is checked in loadConfig, which names it without its value.
  TOTP_SECRET_KEY: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  dataDir: string;
  trustProxy: number;
  seedDemo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  baseUrl: string;
  /** False when baseUrl was derived from HOST and PORT. */
  baseUrlGiven: boolean;
  sessionSecret?: string;
  production: boolean;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  mail: {
    /** Absent: e-mails are written as .eml files into `dir`. */
    smtpUrl?: string;
    from: string;
    dir: string;
    pollMs: number;
    maxAttempts: number;
    /** The wait after the first failed attempt; it doubles with each further one. */
    retryMs: number;
  };
  /** Who may read /metrics: these addresses and networks, or anyone with the token. */
  metrics: { allow: string[]; token?: string };
  /** Staff single sign-on (#21.1); absent when STAFF_OIDC_* are not set, and then nothing of it shows. */
  staffOidc?: StaffOidcConfig;
  /** Residents' ID-porten verification (#21.3); absent when IDPORTEN_* are not set, and then nothing of it shows. */
  idporten?: IdPortenConfig;
  /** PSEUDONYM_SECRET; absent: the server generates one and keeps it in the data folder (pseudonym.ts). */
  pseudonymSecret?: string;
  /** TOTP_SECRET_KEY; absent: the server generates one and keeps it in the data folder (two-factor/totp-seal.ts). */
  totpSecretKey?: string;
  backups: {
    /** Absent: no scheduled backups (the doctor warns); a pre-upgrade backup then goes beside the database. */
    dir?: string;
    intervalMinutes: number;
  };
}

export interface StaffOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const STAFF_OIDC_VARIABLES = ['STAFF_OIDC_ISSUER', 'STAFF_OIDC_CLIENT_ID', 'STAFF_OIDC_CLIENT_SECRET'] as const;

/** All three STAFF_OIDC_* or none: half a configuration would show a button that cannot work. */
function staffOidcOf(e: { STAFF_OIDC_ISSUER?: string; STAFF_OIDC_CLIENT_ID?: string; STAFF_OIDC_CLIENT_SECRET?: string }): StaffOidcConfig | undefined {
  const missing = STAFF_OIDC_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length === STAFF_OIDC_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: staff single sign-on needs all of ${STAFF_OIDC_VARIABLES.join(', ')}; missing ${missing.join(', ')}`);
  }
  const issuer = new URL(e.STAFF_OIDC_ISSUER!);
  // The ID token's signature key and the token itself travel from the issuer: only over TLS, except on this machine.
  if (issuer.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)) {
    throw new ConfigError(`Invalid configuration: STAFF_OIDC_ISSUER=${JSON.stringify(e.STAFF_OIDC_ISSUER)} must be an https address`);
  }
  return { issuer: e.STAFF_OIDC_ISSUER!, clientId: e.STAFF_OIDC_CLIENT_ID!, clientSecret: e.STAFF_OIDC_CLIENT_SECRET! };
}

export interface IdPortenConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const IDPORTEN_VARIABLES = ['IDPORTEN_ISSUER', 'IDPORTEN_CLIENT_ID', 'IDPORTEN_CLIENT_SECRET'] as const;

/** All three IDPORTEN_* or none: half a configuration would offer a verification that cannot work. */
function idportenOf(e: { IDPORTEN_ISSUER?: string; IDPORTEN_CLIENT_ID?: string; IDPORTEN_CLIENT_SECRET?: string; PSEUDONYM_SECRET?: string }): IdPortenConfig | undefined {
  // Named without its value: it is a secret.
  if (e.PSEUDONYM_SECRET !== undefined && e.PSEUDONYM_SECRET.length < 32) throw new ConfigError('Invalid configuration: PSEUDONYM_SECRET must be at least 32 characters');
  const missing = IDPORTEN_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length === IDPORTEN_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: ID-porten verification needs all of ${IDPORTEN_VARIABLES.join(', ')}; missing ${missing.join(', ')}`);
  }
  const issuer = new URL(e.IDPORTEN_ISSUER!);
  // The ID token (with the pid) and its signature key travel from the issuer: only over TLS, except on this machine.
  if (issuer.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)) {
    throw new ConfigError(`Invalid configuration: IDPORTEN_ISSUER=${JSON.stringify(e.IDPORTEN_ISSUER)} must be an https address`);
  }
  return { issuer: e.IDPORTEN_ISSUER!, clientId: e.IDPORTEN_CLIENT_ID!, clientSecret: e.IDPORTEN_CLIENT_SECRET! };
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name}=${JSON.stringify(env[name] ?? '')} ${issue.message}`);
  }
  const e = parsed.data;
  // Absolute links (exports) come only from BASE_URL, never from the request's Host header (#15.5); a production
  // server has no other trustworthy source of its own address.
  if (e.NODE_ENV === 'production' && e.BASE_URL === undefined) {
    throw new ConfigError('Invalid configuration: BASE_URL is required when NODE_ENV=production (the public address, e.g. https://reisekart.kommune.no)');
  }
  const staffOidc = staffOidcOf(e);
  const idporten = idportenOf(e);
  // Named without its value: it is a secret.
  if (e.TOTP_SECRET_KEY !== undefined && e.TOTP_SECRET_KEY.length < 32) throw new ConfigError('Invalid configuration: TOTP_SECRET_KEY must be at least 32 characters');
  const databasePath = e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : path.resolve(e.DATABASE_PATH);
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath,
    dataDir: path.dirname(databasePath),
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    baseUrl: (e.BASE_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, ''),
    baseUrlGiven: e.BASE_URL !== undefined,
    sessionSecret: e.SESSION_SECRET,
    production: e.NODE_ENV === 'production',
    headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
    // Node requires the request timeout to be at least the headers timeout.
    requestTimeoutMs: Math.max(e.REQUEST_TIMEOUT_SECONDS, e.HEADERS_TIMEOUT_SECONDS) * 1000,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Reisekart <noreply@${new URL(e.BASE_URL ?? 'http://localhost').hostname}>`,
      dir: path.resolve(e.MAIL_DIR ?? path.join(path.dirname(databasePath), 'mail')),
      pollMs: e.MAIL_POLL_SECONDS * 1000,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryMs: e.MAIL_RETRY_SECONDS * 1000,
    },
    metrics: { allow: e.METRICS_ALLOW ?? LOOPBACK_ONLY.allow, token: e.METRICS_TOKEN },
    staffOidc,
    idporten,
    pseudonymSecret: e.PSEUDONYM_SECRET,
    totpSecretKey: e.TOTP_SECRET_KEY,
    backups: {
      dir: e.BACKUP_DIR === undefined ? undefined : path.resolve(e.BACKUP_DIR),
      intervalMinutes: e.BACKUP_INTERVAL_MINUTES,
    },
  };
}
