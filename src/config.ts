// Configuration from the environment, validated once with zod at start-up.
// A bad value throws ConfigError with one line naming the variable, so the process can stop clearly.
import path from 'node:path';
import { z } from 'zod';

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
  };
}
