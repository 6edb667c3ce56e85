// Sign-in, sign-out and CSRF (SECURITY.md 10-12, 16); the sign-in throttle is in login-throttle.test.ts.
import request from 'supertest';
import { SESSION_COOKIE } from '../../src/app';
import { CSRF_COOKIE } from '../../src/middleware/csrf';
import {
  anonymousAgent,
  createMunicipality,
  createUser,
  csrfFrom,
  makeTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  // A designer: no second factor is required of her, so the password alone signs her in. The second step, and the
  // enrolment required of admins and platform admins, are in two-factor.test.ts (#21.2).
  createMunicipality(t.services, 'demo');
  await createUser(t.services, { email: 'kari@example.no', municipality: 'demo', roles: ['designer'] });
});
afterAll(() => t.close());

function cookieNamed(res: request.Response, name: string): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith(`${name}=`));
}
const sessionCookie = (res: request.Response) => cookieNamed(res, SESSION_COOKIE);

describe('login', () => {
  it('signs in with the right password, sets a HttpOnly SameSite=Lax cookie with a new session id, and redirects', async () => {
    const agent = anonymousAgent(t.app);
    const before = sessionCookie(await agent.get('/login')) ?? '';
    const res = await agent.post('/login').type('form').send({ email: 'KARI@example.no ', password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie.split(';')[0]).not.toEqual(before.split(';')[0]);
    expect((await agent.get('/admin')).status).toBe(200);
  });

  it('marks the session and CSRF cookies Secure when served over TLS behind a trusted proxy, and not over plain HTTP', async () => {
    const proxied = makeTestApp({ trustProxy: 1 });
    try {
      await createUser(proxied.services, { email: 'kari@example.no' });
      const login = await request(proxied.app).post('/login').set('X-Forwarded-Proto', 'https').type('form').send({ email: 'kari@example.no', password: TEST_PASSWORD });
      expect(login.status).toBe(303);
      const session = sessionCookie(login)!;
      expect(session).toMatch(/; Secure/);
      // Sent by hand: the test's cookie jar, like a browser, keeps Secure cookies off plain HTTP.
      const page = await request(proxied.app).get('/admin').set('X-Forwarded-Proto', 'https').set('Cookie', session.split(';')[0]!);
      expect(cookieNamed(page, CSRF_COOKIE)).toMatch(/; Secure/);
      const plain = await request(proxied.app).get('/admin').set('Cookie', session.split(';')[0]!);
      expect(cookieNamed(plain, CSRF_COOKIE)).toMatch(/^rk\.csrf=/);
      expect(cookieNamed(plain, CSRF_COOKIE)).not.toMatch(/Secure/);
    } finally {
      proxied.close();
    }
  });

  it('answers a wrong password and an unknown e-mail the same way, with 401 and no cookie for a user', async () => {
    const agent = anonymousAgent(t.app);
    const wrong = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: 'feil-passord' });
    const unknown = await agent.post('/login').type('form').send({ email: 'nobody@example.no', password: 'feil-passord' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => /id="error-summary"[\s\S]*?<li>([^<]*)<\/li>/.exec(html)?.[1];
    expect(message(wrong.text)).toBe('E-postadressen eller passordet er feil.');
    expect(message(unknown.text)).toEqual(message(wrong.text));
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('never echoes the password back into the form', async () => {
    const agent = anonymousAgent(t.app);
    const res = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: 'hemmelig-feil-123' });
    expect(res.text).not.toContain('hemmelig-feil-123');
  });

  it('refuses an empty form with 400, an error summary linking to the fields, and the e-mail kept', async () => {
    const agent = anonymousAgent(t.app);
    const res = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#field-password"');
    expect(res.text).toContain('value="kari@example.no"');
  });

  it('refuses unknown fields (strict schema) with 400', async () => {
    const agent = anonymousAgent(t.app);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ email: 'kari@example.no', password: TEST_PASSWORD, role: 'admin' });
    expect(res.status).toBe(400);
  });

  it.each([
    ['//evil.example/x', '/admin'],
    ['https://evil.example/', '/admin'],
    ['/\\evil.example', '/admin'],
    ['/admin/demo/settings', '/admin/demo/settings'],
  ])('redirects returnTo=%s to %s after login', async (returnTo, expected) => {
    const agent = anonymousAgent(t.app);
    const res = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: TEST_PASSWORD, returnTo });
    expect(res.headers.location).toBe(expected);
  });

  it('sends a signed-out visitor of a staff page to login with a returnTo', async () => {
    const res = await request(t.app).get('/admin/demo');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?returnTo=%2Fadmin%2Fdemo');
  });

  // Found by the fuzz test: the whole URL went into Location, past the 16 kB of headers a client will read.
  it('leaves out a returnTo longer than the login form accepts', async () => {
    const res = await request(t.app).get(`/admin/demo?q=${'€'.repeat(1500)}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login');
  });

  it('writes login and failed login to the audit log without the password', async () => {
    const rows = t.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'login%'").all() as { action: string; details: string | null }[];
    expect(rows.some((r) => r.action === 'login')).toBe(true);
    expect(rows.some((r) => r.action === 'login.failed')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('feil-passord');
  });
});

describe('CSRF tokens of signed-in staff (Fetch Metadata for everyone: csrf-all-routes.test.ts)', () => {
  const signInAs = async () => {
    const agent = anonymousAgent(t.app);
    const login = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: TEST_PASSWORD });
    const page = await agent.get('/admin');
    return { agent, session: sessionCookie(login)!.split(';')[0]!, token: csrfFrom(page.text) };
  };
  const logout = (session: string, token: string) => request(t.app).post('/logout').set('Cookie', `${session}; ${CSRF_COOKIE}=${token}`).type('form').send({ _csrf: token });

  it('signs in without a token: the sign-in form is anonymous and carries none', async () => {
    const page = await request(t.app).get('/login');
    expect(page.text).not.toContain('name="_csrf"');
    const res = await request(t.app).post('/login').type('form').send({ email: 'kari@example.no', password: TEST_PASSWORD });
    expect(res.status).toBe(303);
  });

  it('refuses a signed-in POST without a token with 403 and a localised page', async () => {
    const { agent } = await signInAs();
    const res = await agent.post('/logout').type('form').send({});
    expect(res.status).toBe(403);
    expect(res.text).toContain('Skjemaet er utløpt');
  });

  it('refuses a cookie and field that match but were not signed by the server', async () => {
    const { session } = await signInAs();
    const forged = `${'a'.repeat(64)}.${'b'.repeat(64)}`;
    expect((await logout(session, forged)).status).toBe(403);
  });

  it('refuses a token made for another signed-in session, and accepts the session’s own', async () => {
    const one = await signInAs();
    const two = await signInAs();
    expect((await logout(one.session, two.token)).status).toBe(403);
    expect((await logout(one.session, one.token)).status).toBe(303);
  });

  it('sets no cookie and writes no session for a visitor who only reads pages with forms', async () => {
    const sessions = () => t.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
    const before = sessions();
    const page = await request(t.app).get('/login');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(sessions()).toBe(before);
  });
});

describe('logout', () => {
  it('answers a visitor who has no session with the same redirect, not an error', async () => {
    const out = await anonymousAgent(t.app).post('/logout').type('form').send({});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/');
  });

  it('destroys the session on the server: the old cookie no longer works', async () => {
    const agent = anonymousAgent(t.app);
    const login = await agent.post('/login').type('form').send({ email: 'kari@example.no', password: TEST_PASSWORD });
    const oldCookie = sessionCookie(login)!.split(';')[0]!;
    expect((await request(t.app).get('/admin').set('Cookie', oldCookie)).status).toBe(200);
    const page = await agent.get('/admin');
    const out = await agent.post('/logout').type('form').send({ _csrf: csrfFrom(page.text) });
    expect(out.status).toBe(303);
    const replay = await request(t.app).get('/admin').set('Cookie', oldCookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toMatch(/^\/login/);
  });
});
