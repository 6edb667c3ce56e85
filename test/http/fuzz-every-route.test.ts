// SECURITY.md 6, 14: random and hostile bodies, queries, path parameters and headers at every route the app declares,
// from a client without cookies, a resident and a signed-in platform admin (with a valid CSRF token; residents need
// none), so that the handlers are really reached: never a 5xx, never an unescaped echo, and never a new session on a
// rejected request. Each run fuzzes with a fixed seed (the same cases every time, so CI always covers them) and a
// random one (new cases each run); both are printed. Replay a failure with FUZZ_SEED=<the seed it names>.
import fc from 'fast-check';
import request from 'supertest';
import { SESSION_COOKIE } from '../../src/app';
import { encodeFields, fieldsOnPage, fuzzBody, fuzzCookies, fuzzHeaders, fuzzParam, fuzzQuery, FUZZ_ECHO, formFieldNames } from '../helpers/fuzz';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { declaredRoutes, fillPath, type DeclaredRoute } from '../helpers/routes';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent } from '../helpers/test-app';

/** The seed every run covers; FUZZ_SEED replaces it, to replay a failure. */
const FIXED_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RANDOM_SEED = Date.now() % 2 ** 31;
/** Cases per route in all: the route's marked forms first, the rest split between the two seeds. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 4);
const SEEDS = [
  { name: 'fixed', seed: FIXED_SEED },
  { name: 'random', seed: RANDOM_SEED },
] as const;
const OPEN_LIMITS = { freePerPair: 1_000_000, freePerAddress: 1_000_000, globalBudget: 1_000_000 };

const t = makeTestApp({ loginLimits: OPEN_LIMITS });
const routes = declaredRoutes(t.app);
const fields = formFieldNames();
let valid: Record<string, string> = {};

type ActorName = 'none' | 'resident' | 'staff';
interface Actor {
  agent: Agent;
  /** The signed-in admin's token; '' for the resident, whose forms carry none. */
  csrf: string;
  sessionCookie: string | undefined;
}
const actors = new Map<ActorName, Actor>();

function sessionCookieOf(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
}

async function residentActor(): Promise<Actor> {
  const r = await resident(t.app, `/aust/reiser/reise`);
  const page = await r.agent.get('/aust/reiser/reise/meld');
  return { agent: r.agent, csrf: '', sessionCookie: sessionCookieOf(page) };
}

async function staffActor(): Promise<Actor> {
  const { agent, csrf } = await signIn(t.app, 'platform@example.no');
  return { agent, csrf, sessionCookie: sessionCookieOf(await agent.get('/admin')) };
}

beforeAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`fuzz seeds: ${SEEDS.map((s) => `${s.name} ${s.seed}`).join(', ')}; ${RUNS_PER_ROUTE} cases per route (FUZZ_SEED=<seed> to replay one)`);
  const m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a', 'b'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  const source = buildJourney(t.services, 'vest', { slug: 'kilde', phases: { B: ['c'] }, publish: true });
  await createUser(t.services, { email: 'platform@example.no', platformAdmin: true });
  const userId = await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  const res = await residentActor();
  actors.set('resident', res);
  // Written by someone else, so that the fuzzed resident's "delete mine" cannot take it away from the routes after it.
  const painPoint = await report(await resident(t.app, '/aust/reiser/reise'), '/aust/reiser/reise');
  const department = t.db.prepare("SELECT id FROM departments WHERE name = 'Byggesak'").pluck().get() as number;
  const initiative = t.services.portfolio.create(null, m, { title: 'i', description: '', ownerDepartmentId: department, departmentIds: [], effort: 'S', confidence: 'low', status: 'proposed', progress: 0, publicNote: '' }, [painPoint]);
  valid = {
    municipality: 'aust', journey: 'reise', journeyId: String(j.journeyId), phaseId: String(j.phaseIds[0]), stepId: String(j.stepIds[0]),
    painPointId: String(painPoint), initiativeId: String(initiative), userId: String(userId), departmentId: String(department),
    sourceId: String(source.journeyId), token: 'not-a-token',
  };
  actors.set('staff', await staffActor());
});
/** For each POST sent with a token: did it get past the CSRF guard and the body parser? */
const reached: boolean[] = [];
afterAll(() => t.close());

function pathOf(route: DeclaredRoute): fc.Arbitrary<string> {
  const parts = route.path.split('/').map((part) => (part.startsWith(':') ? fuzzParam(valid[part.slice(1)] ?? '1') : fc.constant(part)));
  return fc.tuple(...parts).map((p) => p.join('/'));
}

interface Case {
  actor: ActorName;
  path: string;
  query: string;
  body: string;
  headers: Record<string, string>;
  cookies: string;
}

async function send(route: DeclaredRoute, c: Case, actor: Actor | undefined): Promise<request.Response> {
  const client = actor?.agent ?? request(t.app);
  const url = c.query ? `${c.path}?${c.query}` : c.path;
  let req = route.method === 'POST' ? client.post(url) : client.get(url);
  req = req.set(c.headers);
  if (!actor && c.cookies) req = req.set('Cookie', c.cookies);
  if (route.method !== 'POST') return req;
  // The signed-in client sends its real token, so the request gets past the CSRF guard.
  const body = actor?.csrf ? [c.body, `_csrf=${encodeURIComponent(actor.csrf)}`].filter(Boolean).join('&') : c.body;
  return req.type(c.headers['content-type'] ?? 'form').send(body);
}

/** What must hold for every answer; returns the broken rule, or null. */
function violation(res: request.Response, actor: Actor | undefined): string | null {
  if (res.status >= 500) return `status ${res.status}: ${res.text.slice(0, 300)}`;
  const type = String(res.headers['content-type'] ?? '');
  if (/html|xml/.test(type) && FUZZ_ECHO.test(res.text)) {
    const at = res.text.search(FUZZ_ECHO);
    return `unescaped echo: …${res.text.slice(Math.max(0, at - 150), at + 80)}…`;
  }
  const cookie = sessionCookieOf(res);
  if (res.status >= 400 && cookie && cookie !== actor?.sessionCookie) return `a new session (${SESSION_COOKIE}) on a rejected request (${res.status})`;
  return null;
}

/**
 * Before the random cases: the route's own form filled in whole with markers, by a resident and by staff, so that
 * every field a page offers is sent hostile at least once (random cases alone reach a given field only by chance).
 */
function markedForms(route: DeclaredRoute, routeFields: string[]): [Case][] {
  if (routeFields.length === 0) return [];
  const marked = encodeFields(routeFields.map((name, n): [string, string] => [name, `"><svg data-fuzz=${n} onload=alert(1)>`]));
  const path = fillPath(route.path, valid);
  const query = route.method === 'GET' ? marked : '';
  const body = route.method === 'POST' ? marked : '';
  return (['resident', 'staff'] as const).map((actor) => [{ actor, path, query, body, headers: {}, cookies: '' }]);
}

/** A short account of a failing case: the full one holds strings of several kilobytes. */
function account(c: Case | undefined, error: unknown): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  const shown = c ? Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? cut(v) : v])) : c;
  return `${cut(String(error instanceof Error ? error.message : error))}\n${JSON.stringify(shown, null, 1)}`;
}

describe('every route under random and hostile input', () => {
  jest.setTimeout(120_000);

  it('finds the app’s routes', () => {
    expect(routes.length).toBeGreaterThan(90);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    // The fields of the page at this path (for a POST, usually the form that sends it) are fuzzed most.
    const page = await actors.get('staff')!.agent.get(fillPath(route.path, valid));
    const routeFields = /html/.test(String(page.headers['content-type'])) ? fieldsOnPage(page.text) : [];
    const arbitrary = fc.record({
      actor: fc.constantFrom<ActorName>('none', 'resident', 'staff'),
      path: pathOf(route),
      query: fuzzQuery(fields, routeFields),
      body: fuzzBody(fields, routeFields),
      headers: fuzzHeaders(),
      cookies: fuzzCookies(),
    });
    const property = fc.asyncProperty(arbitrary, async (c) => {
      const actor = c.actor === 'none' ? undefined : actors.get(c.actor);
      const res = await send(route, c, actor);
      // Signing out ends the session: the next case needs a fresh one.
      if (route.path === '/logout' && actor && res.status < 400) actors.set(c.actor, c.actor === 'staff' ? await staffActor() : await residentActor());
      if (actor && route.method === 'POST') reached.push(res.status !== 403 && res.status !== 415);
      const broken = violation(res, actor);
      if (broken) throw new Error(broken);
    });
    // fast-check counts examples among numRuns: the marked forms go with the fixed seed, before its random cases.
    const examples = markedForms(route, routeFields);
    const randomCases = Math.max(0, RUNS_PER_ROUTE - examples.length);
    const plan = [
      { ...SEEDS[0], numRuns: examples.length + Math.ceil(randomCases / 2), examples },
      { ...SEEDS[1], numRuns: Math.floor(randomCases / 2), examples: [] },
    ];
    for (const { name, seed, numRuns, examples: given } of plan) {
      const details = await fc.check(property, { seed: seed + routes.indexOf(route), numRuns, endOnFailure: true, examples: given });
      if (details.failed) throw new Error(`${name} seed ${seed} (FUZZ_SEED=${seed} to replay): ${account(details.counterexample?.[0], details.errorInstance)}`);
    }
  });

  // Guards against a fuzz that only ever meets the CSRF guard or the body parser and so proves nothing.
  it('got most requests with a token past the guards to the handlers', () => {
    expect(reached.length).toBeGreaterThan(100);
    expect(reached.filter(Boolean).length / reached.length).toBeGreaterThan(0.8);
  });
});
