// The one-time setup URL that creates the first platform admin.
import request from 'supertest';
import { csrfFrom, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const admin = { name: 'Første Admin', email: 'forste@example.no', password: 'Trollstigen-Hårnål-11', passwordConfirm: 'Trollstigen-Hårnål-11' };

describe('first-admin setup', () => {
  it('creates the platform admin once; the token then dies', async () => {
    const token = t.services.auth.issueSetupToken();
    const agent = request.agent(t.app);
    const form = await agent.get(`/setup/${token}`);
    expect(form.status).toBe(200);
    const res = await agent.post(`/setup/${token}`).type('form').send(admin);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
    // A platform admin needs a second factor (#21.2): the start page sends them to enrolment first.
    const start = await agent.get('/admin');
    expect([start.status, start.headers.location]).toEqual([303, '/admin/konto/totp?returnTo=%2Fadmin']);
    const home = await agent.get(start.headers.location!);
    expect(home.status).toBe(200);
    expect(home.text).toContain('Første Admin');
    expect(t.db.prepare('SELECT is_platform_admin FROM users WHERE email = ?').pluck().get('forste@example.no')).toBe(1);

    expect((await agent.get(`/setup/${token}`)).status).toBe(404);
    const again = await agent.post(`/setup/${token}`).type('form').send({ _csrf: csrfFrom(home.text), ...admin, email: 'andre@example.no' });
    expect(again.status).toBe(404);
    expect(t.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
  });

  it('answers 404 for a wrong token', async () => {
    t.services.auth.issueSetupToken();
    expect((await request(t.app).get('/setup/not-the-token')).status).toBe(404);
  });

  it('stores only a hash of the token', () => {
    const token = t.services.auth.issueSetupToken();
    const stored = t.db.prepare('SELECT token_hash FROM setup_tokens').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
  });

  it.each([
    [{ password: 'kort', passwordConfirm: 'kort' }, 'password', 'Passordet må ha minst 8 tegn.'],
    [{ password: 'password1', passwordConfirm: 'password1' }, 'password', 'Passordet er for vanlig.'],
    [{ password: 'Sommer2024', passwordConfirm: 'Sommer2024' }, 'password', 'Passordet er lett å gjette.'],
    [{ password: 'ForsteAdmin2024', passwordConfirm: 'ForsteAdmin2024' }, 'password', 'Passordet er lett å gjette.'],
    [{ passwordConfirm: 'noe-annet-helt' }, 'passwordConfirm', 'Passordene er ikke like.'],
    [{ email: 'ikke-en-epost' }, 'email', 'Skriv en gyldig e-postadresse'],
    [{ password: 'x'.repeat(257), passwordConfirm: 'x'.repeat(257) }, 'password', 'Passordet kan ha høyst 256 tegn.'],
  ])('refuses %o with 400 and a message on the %s field', async (change, field, message) => {
    const token = t.services.auth.issueSetupToken();
    const agent = request.agent(t.app);
    expect((await agent.get(`/setup/${token}`)).status).toBe(200);
    const res = await agent.post(`/setup/${token}`).type('form').send({ ...admin, ...change });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(res.text).toContain(message);
    expect(t.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    // The token survives a refused attempt.
    expect((await agent.get(`/setup/${token}`)).status).toBe(200);
  });
});
