// SECURITY.md 11: every state-changing route refuses a cross-site request by Fetch Metadata (Sec-Fetch-Site, or Origin
// from a browser too old to send it), whoever sends it; signed-in staff also need a valid CSRF token; residents and the
// sign-in form need none. The routes are read from the app itself, so a new POST route is covered without anyone
// adding it here.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { declaredRoutes, fillPath, type DeclaredRoute } from '../helpers/routes';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_BASE_URL, TEST_PASSWORD, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
const JOURNEY = '/aust/reiser/reise';
let stepPath: string;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  stepPath = `${JOURNEY}/steg/${j.stepIds[0]}`;
  await createUser(t.services, { email: 'platform@example.no', platformAdmin: true });
});
afterAll(() => t.close());

const routes = () => declaredRoutes(t.app);
const posts = () => routes().filter((r) => r.method === 'POST');
const STAFF_PATHS = ['/login', '/logout', '/setup/:token'];
const residentPosts = () => posts().filter((r) => !r.path.startsWith('/admin') && !STAFF_PATHS.includes(r.path));
const urlOf = (route: DeclaredRoute) => fillPath(route.path, { municipality: 'aust', journey: 'reise', token: 'x' });
const REFUSAL = 'Skjemaet er utløpt eller ble sendt fra et annet sted';

/** What a refused request must not have changed: rows people make, and the data version every public change moves. */
const fingerprint = () =>
  t.db
    .prepare(
      `SELECT (SELECT count(*) FROM votes) || '/' || (SELECT count(*) FROM pain_points) || '/' || (SELECT count(*) FROM flags)
        || '/' || (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM municipalities) || '/' || (SELECT count(*) FROM participants)
        || '/' || (SELECT total(version) FROM ranking_versions)`,
    )
    .pluck()
    .get() as string;

describe('the routes under test', () => {
  it('finds the app’s routes', () => {
    const all = routes();
    expect(all.some((r) => r.method === 'POST' && r.path === '/login')).toBe(true);
    expect(all.some((r) => r.method === 'POST' && r.path === '/admin/:municipality/journeys/:journeyId/publish')).toBe(true);
    expect(all.some((r) => r.method === 'POST' && r.path === '/:municipality/innspill/:painPointId/meg-ogsa')).toBe(true);
    expect(posts().length).toBeGreaterThan(40);
    expect(residentPosts().length).toBeGreaterThanOrEqual(7);
    expect(all.filter((r) => !['GET', 'POST', 'HEAD', 'OPTIONS'].includes(r.method))).toEqual([]);
  });
});

describe('Fetch Metadata: a cross-site request is refused on every POST route', () => {
  const CROSS_SITE: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling site is another origin)', { 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site: cross-site, even with the portal’s own Origin', { 'Sec-Fetch-Site': 'cross-site', Origin: TEST_BASE_URL }],
    ['no Sec-Fetch-Site and another Origin (an older browser)', { Origin: 'https://evil.example' }],
    ['no Sec-Fetch-Site and the portal’s host on another scheme', { Origin: TEST_BASE_URL.replace('https:', 'http:') }],
    ['no Sec-Fetch-Site and Origin: null', { Origin: 'null' }],
  ];

  let staff: { agent: Agent; csrf: string };
  let voter: Agent;
  beforeAll(async () => {
    staff = await signIn(t.app, 'platform@example.no');
    // A resident who has taken part, so that their participant cookie rides on the forged request.
    const r = await resident(t.app, stepPath);
    await report(r, stepPath);
    voter = r.agent;
  });

  it.each(CROSS_SITE)('refuses %s with 403, from a visitor, a resident and signed-in staff with a valid token, changing nothing', async (_name, headers) => {
    const before = fingerprint();
    const refused: string[] = [];
    for (const route of posts()) {
      const url = urlOf(route);
      const answers = [
        ['anonymous', await request(t.app).post(url).set(headers).type('form').send({ severity: '4', reason: 'spam', email: 'platform@example.no', password: TEST_PASSWORD })],
        ['resident', await voter.post(url).set(headers).type('form').send({ severity: '4', reason: 'spam' })],
        ['staff', await staff.agent.post(url).set(headers).type('form').send({ _csrf: staff.csrf, title: 'x' })],
      ] as const;
      for (const [who, res] of answers) {
        if (res.status !== 403 || !res.text.includes(REFUSAL)) refused.push(`${who} ${route.path}: ${res.status}`);
      }
    }
    expect(refused).toEqual([]);
    expect(fingerprint()).toBe(before);
  });
});

describe('a same-origin POST', () => {
  const SAME_ORIGIN: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
    ['Sec-Fetch-Site: none (the person’s own action)', { 'Sec-Fetch-Site': 'none' }],
    ['the portal’s own Origin (an older browser)', { Origin: TEST_BASE_URL }],
    ['neither header (not a browser)', {}],
  ];

  it.each(SAME_ORIGIN)('with %s and no token reaches every residents’ route', async (_name, headers) => {
    const stopped: string[] = [];
    for (const route of residentPosts()) {
      const res = await request(t.app).post(urlOf(route)).set(headers).type('form').send({});
      // 400 (the form refused), 404 (no such pain point) or a redirect: the handler was reached.
      if (res.status === 403) stopped.push(route.path);
    }
    expect(stopped).toEqual([]);
  });

  it.each(SAME_ORIGIN)('with %s and no token succeeds for a resident: report, vote, withdraw, flag and erase', async (_name, headers) => {
    const r = request.agent(t.app);
    const post = (url: string, body: Record<string, string>) => r.post(url).set(headers).type('form').send(body);
    const fields = { title: 'Køen var lang', body: 'Jeg ventet i en time på telefon.', severity: '4', channel: 'phone' };
    expect((await post(`${stepPath}/meld`, fields)).status).toBe(200);
    const stored = await post(`${stepPath}/meld`, { ...fields, confirmed: '1' });
    expect(stored.status).toBe(303);
    const own = Number(/innspill\/(\d+)/.exec(stored.headers.location as string)![1]);
    const other = await report(await resident(t.app, stepPath), stepPath);
    expect((await post(`/aust/innspill/${other}/meg-ogsa`, { severity: '3' })).status).toBe(303);
    expect((await post(`/aust/innspill/${other}/trekk`, {})).status).toBe(303);
    expect((await post(`/aust/innspill/${other}/rapporter`, { reason: 'spam' })).status).toBe(303);
    expect((await post(`/mine/innspill/${own}/slett`, {})).status).toBe(303);
    expect(t.db.prepare('SELECT count(*) FROM pain_points WHERE id = ?').pluck().get(own)).toBe(0);
  });

  it.each(SAME_ORIGIN)('with %s and no token signs in: the sign-in form is anonymous', async (_name, headers) => {
    const res = await request(t.app).post('/login').set(headers).type('form').send({ email: 'platform@example.no', password: TEST_PASSWORD });
    expect(res.status).toBe(303);
  });

  it.each(SAME_ORIGIN)('with %s but no token is refused with 403 on every route for signed-in staff', async (_name, headers) => {
    const { agent } = await signIn(t.app, 'platform@example.no');
    const passed: string[] = [];
    for (const route of posts()) {
      const res = await agent.post(urlOf(route)).set(headers).type('form').send({ title: 'x' });
      if (res.status !== 403) passed.push(`${route.path}: ${res.status}`);
    }
    expect(passed).toEqual([]);
  });

  it('is refused for signed-in staff with a token from another session', async () => {
    const a = await signIn(t.app, 'platform@example.no');
    const b = await signIn(t.app, 'platform@example.no');
    const res = await b.agent
      .post('/admin/municipalities')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: a.csrf, name: 'X', slug: 'xx', kommunenummer: '1111', defaultLocale: 'nb' });
    expect(res.status).toBe(403);
  });
});
