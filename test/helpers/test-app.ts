// Builds an app on a fresh temporary database for each test file, plus helpers to make staff and sign in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import type { StaffOidcConfig } from '../../src/config';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { movableClock, type MovableClock } from '../../src/lib/clock';
import { createLogger, type Logger } from '../../src/lib/logger';
import type { LoginLimits } from '../../src/modules/sign-in/login-throttle.service';
import type { Role } from '../../src/modules/staff/roles';
import { buildServices, type Clock, type Services } from '../../src/services';
import { HARNESS_TOTP_KEY, nextTotpCode, totpSecretOf } from './second-factor';

export const TEST_PASSWORD = 'Fjordhest-Lyng-42';
/** The portal's configured address in tests: the only source of absolute links. */
export const TEST_BASE_URL = 'https://reisekart.test.example';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  services: Services;
  dbPath: string;
  close(): void;
  /** Closes the connection and builds a new app on the same database file, as a restarted server would. */
  restart(): TestApp;
  /** The services' clock, unless the test gave its own: the demo seed moves it. */
  clock: HarnessClock;
}

/**
 * The movable clock, which the sign-in helpers can also move on while it runs (to the next TOTP time step, #21.2);
 * setting a moment drops what they added.
 */
export interface HarnessClock extends MovableClock {
  advance(ms: number): void;
}

function harnessClock(): HarnessClock {
  const base = movableClock();
  let offset = 0;
  return {
    now: () => (offset === 0 ? base.now() : new Date(base.now().getTime() + offset)),
    set: (moment) => {
      offset = 0;
      base.set(moment);
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** The harness behind each app, for the sign-in helpers (they get only the app). */
const harnesses = new WeakMap<object, TestApp>();

export function harnessOf(app: TestApp['app']): TestApp | undefined {
  return harnesses.get(app);
}

export interface TestAppOptions {
  loginLimits?: Partial<LoginLimits>;
  trustProxy?: number;
  logger?: Logger;
  clock?: Clock;
  /** Staff single sign-on's provider (STAFF_OIDC_*); without it the app offers none. */
  staffOidc?: StaffOidcConfig;
  /** The portal's address (BASE_URL) when a browser must reach it, e.g. back from an OpenID provider; TEST_BASE_URL otherwise. */
  baseUrl?: string;
  /** Residents' ID-porten verification (#21.3): the provider's settings, and the pseudonym key (a fixed one when not given). */
  idporten?: { issuer: string; clientId: string; clientSecret: string; pseudonymSecret?: string };
  /** Who may read /metrics (METRICS_ALLOW, METRICS_TOKEN); loopback only when not given. */
  metrics?: { allow: string[]; token?: string };
  /** The key TOTP secrets are sealed with (TOTP_SECRET_KEY); the harness's fixed one, which the sign-in helpers know, when not given. */
  totpSecretKey?: string;
}

export function makeTestApp(options: TestAppOptions = {}): TestApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-test-'));
  return testAppOn(path.join(dir, 'test.db'), options, () => fs.rmSync(dir, { recursive: true, force: true }));
}

function testAppOn(dbPath: string, options: TestAppOptions, removeFiles: () => void): TestApp {
  const db = openDatabase(dbPath);
  migrate(db);
  // The harness is a composition root like server.ts: one set of services, shared by the app and the test.
  const clock = harnessClock();
  const services = buildServices(db, options.clock ?? clock.now);
  const app = createApp({
    config: { trustProxy: options.trustProxy ?? 0, production: false, baseUrl: options.baseUrl ?? TEST_BASE_URL, staffOidc: options.staffOidc, idporten: options.idporten, metrics: options.metrics },
    db,
    logger: options.logger ?? createLogger('silent'),
    sessionSecret: 'test-secret-test-secret-test-secret-1234',
    services,
    loginLimits: options.loginLimits,
    pseudonymSecret: options.idporten ? (options.idporten.pseudonymSecret ?? 'test-pseudonym-key-test-pseudonym-key-1234') : undefined,
    totpSecretKey: options.totpSecretKey ?? HARNESS_TOTP_KEY,
  });
  const testApp: TestApp = {
    app,
    db,
    dbPath,
    services,
    clock,
    close() {
      if (db.open) db.close();
      removeFiles();
    },
    restart() {
      db.close();
      return testAppOn(dbPath, options, removeFiles);
    },
  };
  harnesses.set(app, testApp);
  return testApp;
}

let counter = 0;
function nextNumber(): string {
  counter += 1;
  return String(1000 + counter).padStart(4, '0');
}

/** A municipality whose resident rate limits are at their maximum, so tests that send many reports are not limited. */
/** A municipality with generous resident limits; `premoderation: false` publishes reports at once. */
export function createMunicipality(services: Services, slug: string, name = `Kommune ${slug}`, options: { premoderation?: boolean } = {}): number {
  const id = services.municipalities.create(null, { slug, name, kommunenummer: nextNumber(), defaultLocale: 'nb' });
  const m = services.municipalities.bySlug(slug);
  services.municipalities.updateSettings(null, m, {
    name: m.name,
    defaultLocale: 'nb',
    premoderation: options.premoderation ?? m.premoderation === 1,
    halfLifeDays: m.half_life_days,
    severityPriorWeight: m.severity_prior_weight,
    wipLimit: m.wip_limit,
    flagHideThreshold: m.flag_hide_threshold,
    reportLimitPerHour: 1000,
    voteLimitPerHour: 10000,
    flagLimitPerHour: 1000,
  });
  return id;
}

export async function createUser(
  services: Services,
  options: { email: string; municipality?: string; roles?: Role[]; platformAdmin?: boolean; name?: string },
): Promise<number> {
  const municipality = options.municipality ? services.municipalities.bySlug(options.municipality) : undefined;
  return services.staff.createUser({
    email: options.email,
    name: options.name ?? options.email.split('@')[0]!,
    password: TEST_PASSWORD,
    platformAdmin: options.platformAdmin ?? false,
    membership: municipality ? { municipalityId: municipality.id, roles: options.roles ?? [] } : undefined,
  });
}

/** The CSRF token of the first form on a page a signed-in person sees (anonymous pages carry none). */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

export type Agent = ReturnType<typeof request.agent>;

/** An agent without cookies: an anonymous visitor, whose forms carry no CSRF token (Fetch Metadata protects them). */
export function anonymousAgent(app: TestApp['app']): Agent {
  return request.agent(app);
}

/**
 * A signed-in agent and the CSRF token of its session. Where the person has TOTP, the helper answers the second step
 * with a code; where a second factor is required and they have none, it enrols them first (#21.2), as a person would.
 */
export async function signIn(app: TestApp['app'], email: string, password = TEST_PASSWORD): Promise<{ agent: Agent; csrf: string }> {
  const agent = anonymousAgent(app);
  // The code is chosen before the password is sent: where the clock has to move on to an unused time step, it moves
  // before the five minutes of the half-done sign-in start.
  const harness = harnessOf(app);
  const code = harness && totpSecretOf(harness.db, email) !== undefined ? nextTotpCode(harness, email) : undefined;
  const res = await agent.post('/login').type('form').send({ email, password });
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  await completeSecondFactor(app, agent, email, String(res.headers.location), code);
  const page = await agent.get('/admin');
  return { agent, csrf: csrfFrom(page.text) };
}

/** After a correct password: the second step's code, or enrolment where it is required. A no-op otherwise. */
export async function completeSecondFactor(app: TestApp['app'], agent: Agent, email: string, location: string, code?: string): Promise<void> {
  const harness = harnessOf(app);
  if (location.startsWith('/login/kode')) {
    if (!harness) throw new Error('second factor asked of an app the harness did not make');
    const res = await agent.post('/login/kode').type('form').send({ code: code ?? nextTotpCode(harness, email) });
    if (res.status !== 303) throw new Error(`second factor refused for ${email}: ${res.status}`);
  } else if (location.startsWith('/admin/konto/totp')) {
    if (!harness) throw new Error('enrolment asked of an app the harness did not make');
    const page = await agent.get(location);
    const res = await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(harness, email) });
    if (res.status !== 200) throw new Error(`TOTP enrolment failed for ${email}: ${res.status}`);
  }
}

/** Collects a response body as raw bytes (exports: BOM checks, workbooks). */
export function binaryBody(res: request.Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
