// Builds an app on a fresh temporary database for each test file, plus helpers to make staff and sign in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { movableClock, type MovableClock } from '../../src/lib/clock';
import { createLogger, type Logger } from '../../src/lib/logger';
import type { LoginLimits } from '../../src/modules/sign-in/login-throttle.service';
import type { Role } from '../../src/modules/staff/roles';
import { buildServices, type Clock, type Services } from '../../src/services';

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
  clock: MovableClock;
}

export interface TestAppOptions {
  loginLimits?: Partial<LoginLimits>;
  trustProxy?: number;
  logger?: Logger;
  clock?: Clock;
}

export function makeTestApp(options: TestAppOptions = {}): TestApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-test-'));
  return testAppOn(path.join(dir, 'test.db'), options, () => fs.rmSync(dir, { recursive: true, force: true }));
}

function testAppOn(dbPath: string, options: TestAppOptions, removeFiles: () => void): TestApp {
  const db = openDatabase(dbPath);
  migrate(db);
  // The harness is a composition root like server.ts: one set of services, shared by the app and the test.
  const clock = movableClock();
  const services = buildServices(db, options.clock ?? clock.now);
  const app = createApp({
    config: { trustProxy: options.trustProxy ?? 0, production: false, baseUrl: TEST_BASE_URL },
    db,
    logger: options.logger ?? createLogger('silent'),
    sessionSecret: 'test-secret-test-secret-test-secret-1234',
    services,
    loginLimits: options.loginLimits,
  });
  return {
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

/** A signed-in agent and the CSRF token of its session. */
export async function signIn(app: TestApp['app'], email: string, password = TEST_PASSWORD): Promise<{ agent: Agent; csrf: string }> {
  const agent = anonymousAgent(app);
  const res = await agent.post('/login').type('form').send({ email, password });
  if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  const page = await agent.get('/admin');
  return { agent, csrf: csrfFrom(page.text) };
}

/** Collects a response body as raw bytes (exports: BOM checks, workbooks). */
export function binaryBody(res: request.Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
