// SECURITY.md 1-2: every staff page and action (GET and POST) of a municipality, read from the app's own routes,
// × every role of that municipality, a role of another municipality, and signed out → allowed or refused as designed.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { declaredRoutes, fillPath } from '../helpers/routes';
import { anonymousAgent, createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

const ROLES = ['admin', 'designer', 'moderator', 'analyst'] as const;
type Role = (typeof ROLES)[number];

/** Who may open (GET) or act on (POST) each area; admin may do everything in its municipality. */
function allowed(path: string, role: Role, method = 'GET'): boolean {
  if (role === 'admin') return true;
  const area = path.replace('/admin/:municipality', '').split('/')[1] ?? '';
  if (area === '') return true;
  if (area === 'settings') return false;
  if (area === 'journeys' || area === 'departments') return role === 'designer';
  if (area === 'moderation') return role === 'moderator';
  if (area === 'insights') return role === 'analyst';
  // Every department reviews drafts and comments; designers resolve (#19.7).
  if (area === 'review') return !path.endsWith('/resolve') || role === 'designer';
  if (area === 'portfolio') return (method === 'GET' && !/\/(new|edit)$/.test(path)) || role === 'designer' || role === 'analyst';
  throw new Error(`no policy for ${path}`);
}

let t: TestApp;
let values: Record<string, string>;
const agents = new Map<string, { agent: Agent; csrf: string }>();

beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  const painPoint = t.services.feedback.submit(t.services.feedback.ensureParticipant('p'), t.services.municipalities.bySlug('aust'), j.journeyId, j.stepIds[0]!, { title: 'x', body: 'y', severity: 3, channel: null }).id;
  const department = t.db.prepare("SELECT id FROM departments WHERE name = 'Byggesak'").pluck().get() as number;
  const initiative = t.services.portfolio.create(null, m, { title: 'i', description: '', ownerDepartmentId: department, departmentIds: [], effort: 'S', confidence: 'low', status: 'proposed', progress: 0, publicNote: '' }, [painPoint]);
  const userId = await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
  for (const role of ROLES.filter((r) => r !== 'admin')) await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  await createUser(t.services, { email: 'admin@vest.no', municipality: 'vest', roles: ['admin'] });
  values = {
    municipality: 'aust', journeyId: String(j.journeyId), phaseId: String(j.phaseIds[0]), stepId: String(j.stepIds[0]),
    painPointId: String(painPoint), initiativeId: String(initiative), userId: String(userId), departmentId: String(department),
    answerId: String(t.services.savedAnswers.create(null, m, { title: 'Svar', body: 'Tekst' })),
  };
  const other = await createUser(t.services, { email: 'other@aust.no', municipality: 'aust', roles: ['analyst'] });
  values.otherUserId = String(other);
  for (const email of [...ROLES.map((r) => `${r}@aust.no`), 'admin@vest.no']) agents.set(email, await signIn(t.app, email));
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  // Many requests and argon2 sign-ins: slow when the two cores are shared.
  jest.setTimeout(60_000);

  it('holds for every GET staff page of a municipality', async () => {
    const pages = declaredRoutes(t.app).filter((r) => r.method === 'GET' && r.path.startsWith('/admin/:municipality'));
    expect(pages.length).toBeGreaterThan(25);
    const refusals: string[] = [];
    for (const page of pages) {
      const url = fillPath(page.path, values) + (page.path.endsWith('/diff') ? '?from=1&to=draft' : '');
      for (const role of ROLES) {
        const status = (await agents.get(`${role}@aust.no`)!.agent.get(url)).status;
        // The merge preview needs a target: without one an allowed role is refused (400) only after the role check.
        const expected = allowed(page.path, role) ? (page.path.endsWith('/merge') ? 400 : 200) : 403;
        if (status !== expected) refusals.push(`${role} ${page.path}: ${status}, expected ${expected}`);
      }
      const foreign = (await agents.get('admin@vest.no')!.agent.get(url)).status;
      if (foreign !== 404) refusals.push(`admin of vest ${page.path}: ${foreign}, expected 404`);
      const anonymous = (await request(t.app).get(url)).status;
      if (anonymous !== 303) refusals.push(`signed out ${page.path}: ${anonymous}, expected 303`);
    }
    expect(refusals).toEqual([]);
  });

  // An unknown field makes every strict form schema refuse the body (400), so an allowed POST reaches its handler
  // without changing anything, and a refused one is stopped before it.
  it('holds for every POST staff action of a municipality', async () => {
    const actions = declaredRoutes(t.app).filter((r) => r.method === 'POST' && r.path.startsWith('/admin/:municipality'));
    expect(actions.length).toBeGreaterThan(35);
    const refusals: string[] = [];
    const signedOut = anonymousAgent(t.app);
    const post = (who: string, url: string) => {
      const { agent, csrf } = agents.get(who)!;
      return agent.post(url).type('form').send({ _csrf: csrf, not_a_field: '1' });
    };
    for (const action of actions) {
      const url = fillPath(action.path, { ...values, userId: values.otherUserId! });
      for (const role of ROLES) {
        const status = (await post(`${role}@aust.no`, url)).status;
        const ok = allowed(action.path, role, 'POST') ? status === 400 : status === 403;
        if (!ok) refusals.push(`${role} POST ${action.path}: ${status}`);
      }
      const foreign = (await post('admin@vest.no', url)).status;
      if (foreign !== 404) refusals.push(`admin of vest POST ${action.path}: ${foreign}, expected 404`);
      // Signed out (a same-origin post needs no token): sent to the login page, never to the handler.
      const anonymous = await signedOut.post(url).type('form').send({ not_a_field: '1' });
      if (anonymous.status !== 303 || !String(anonymous.headers.location).startsWith('/login')) refusals.push(`signed out POST ${action.path}: ${anonymous.status}`);
    }
    expect(refusals).toEqual([]);
  });
});
