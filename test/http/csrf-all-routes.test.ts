// SECURITY.md 11: every state-changing route answers 403 without a valid CSRF token. The routes are read from the
// app itself, so a new POST route is covered without anyone adding it here.
import { buildJourney } from '../helpers/journeys';
import { declaredRoutes, fillPath } from '../helpers/routes';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  await createUser(t.services, { email: 'platform@example.no', platformAdmin: true });
});
afterAll(() => t.close());

describe('CSRF on every state-changing route', () => {
  const routes = () => declaredRoutes(t.app);

  it('finds the app’s routes', () => {
    const all = routes();
    expect(all.some((r) => r.method === 'POST' && r.path === '/login')).toBe(true);
    expect(all.some((r) => r.method === 'POST' && r.path === '/admin/:municipality/journeys/:journeyId/publish')).toBe(true);
    expect(all.some((r) => r.method === 'POST' && r.path === '/:municipality/innspill/:painPointId/meg-ogsa')).toBe(true);
    expect(all.filter((r) => r.method === 'POST').length).toBeGreaterThan(40);
    expect(all.filter((r) => !['GET', 'POST', 'HEAD', 'OPTIONS'].includes(r.method))).toEqual([]);
  });

  it('refuses a POST without a token on every one of them with 403, signed in as a platform admin', async () => {
    const { agent } = await signIn(t.app, 'platform@example.no');
    const posts = routes().filter((r) => r.method === 'POST');
    for (const route of posts) {
      const path = fillPath(route.path, { municipality: 'aust', journey: 'reise', token: 'x' });
      const res = await agent.post(path).type('form').send({ title: 'x' });
      expect([route.path, res.status]).toEqual([route.path, 403]);
    }
  });

  it('refuses a POST with a token from another session', async () => {
    const a = await signIn(t.app, 'platform@example.no');
    const b = await signIn(t.app, 'platform@example.no');
    const res = await b.agent.post('/admin/municipalities').type('form').send({ _csrf: a.csrf, name: 'X', slug: 'xx', kommunenummer: '1111', defaultLocale: 'nb' });
    expect(res.status).toBe(403);
  });
});
