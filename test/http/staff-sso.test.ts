// Staff single sign-on (#21.1) through the real app against a real OpenID provider in the test process, configured
// like a municipality's Entra ID: each check the issue names, the provider never granting roles, "require single
// sign-on" refusing local passwords only where it applies and only when single sign-on is configured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import request from 'supertest';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { dummyPasswordHash, verifyPassword } from '../../src/modules/sign-in/password.service';
import { STARTS_PER_ADDRESS } from '../../src/modules/sign-in/staff-sso.controller';
import { emailOf } from '../../src/modules/sign-in/staff-sso.service';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { anonymousAgent, createMunicipality, createUser, csrfFrom, makeTestApp, TEST_BASE_URL, TEST_PASSWORD, type Agent, type TestApp } from '../helpers/test-app';

const START = '/admin/innlogging/kommunekonto';
const CALLBACK = `${TEST_BASE_URL}${START}/svar`;
const HOME = `${TEST_BASE_URL}/`;

let op: TestOidcProvider;
let t: TestApp;
/** What the app logged: never a code, a token or a claim. */
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  op = await startOidcProvider({ kind: 'entra', redirectUris: [CALLBACK], postLogoutRedirectUris: [HOME] });
  t = makeTestApp({ staffOidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret }, logger: createLogger('debug', logSink) });
  createMunicipality(t.services, 'nord', 'Nord kommune');
  createMunicipality(t.services, 'sor', 'Sør kommune');
});
afterAll(async () => {
  t.close();
  await op.close();
});

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('rk.sid='))?.split(';')[0];
}

/** Presses the button on the sign-in page: the portal answers with the provider's address. */
async function startAt(agent: Agent, returnTo?: string): Promise<{ url: string; res: request.Response }> {
  const res = await agent.post(START).type('form').send(returnTo === undefined ? {} : { returnTo });
  expect(res.status).toBe(303);
  const url = String(res.headers.location);
  expect(url.startsWith(op.issuer)).toBe(true);
  return { url, res };
}

/** The person signs in at the provider; returns where the provider sends the browser back to the portal. */
async function answerFor(agent: Agent, person: { sub: string; email?: string; name?: string } | null, returnTo?: string): Promise<URL> {
  const { url } = await startAt(agent, returnTo);
  op.signInAs(person);
  const answer = await op.visit(url);
  expect(answer.href.startsWith(CALLBACK)).toBe(true);
  return answer;
}

function callback(agent: Agent, answer: URL) {
  return agent.get(answer.pathname + answer.search);
}

function auditRows(action: string): { actor_user_id: number | null; entity_id: number | null; details: string | null }[] {
  return t.db.prepare('SELECT actor_user_id, entity_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

function lastFailureReason(): string {
  const rows = auditRows('login.sso_failed');
  return (JSON.parse(rows.at(-1)!.details!) as { reason: string }).reason;
}

/** The session this agent's cookie names, as the store keeps it. */
function storedSession(cookie: string): { sid: string; data: Record<string, unknown>; expiresAt: number } | undefined {
  const sid = decodeURIComponent(cookie.slice('rk.sid='.length)).replace(/^s:/, '').split('.')[0]!;
  const row = t.db.prepare('SELECT data, expires_at FROM sessions WHERE sid = ?').get(sid) as { data: string; expires_at: number } | undefined;
  return row ? { sid, data: JSON.parse(row.data) as Record<string, unknown>, expiresAt: row.expires_at } : undefined;
}

async function isSignedIn(agent: Agent): Promise<boolean> {
  const res = await agent.get('/admin');
  return res.status === 200;
}

/** Writes into what the portal keeps of this browser's pending sign-in, as an attacker who could would. */
function tamperPending(cookie: string, change: Record<string, string>): void {
  const session = storedSession(cookie)!;
  const data = session.data as { staffSsoPending: Record<string, string> };
  Object.assign(data.staffSsoPending, change);
  t.db.prepare('UPDATE sessions SET data = ? WHERE sid = ?').run(JSON.stringify(data), session.sid);
}

describe('success', () => {
  it('signs an existing staff member in with a new session id, sets last login, audits login.sso, leaves roles unchanged', async () => {
    const id = await createUser(t.services, { email: 'kari@nord.no', municipality: 'nord', roles: ['designer'] });
    const nord = t.services.municipalities.bySlug('nord');
    const agent = anonymousAgent(t.app);
    const { url, res: started } = await startAt(agent, '/admin/nord/journeys');
    const pendingCookie = sessionCookie(started)!;
    expect(pendingCookie).toBeDefined();
    // Authorization code with PKCE S256, state and nonce; the pending values stay on the server.
    const sent = new URL(url).searchParams;
    expect(sent.get('response_type')).toBe('code');
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('redirect_uri')).toBe(CALLBACK);
    // A pending sign-in's row lives 15 minutes at most, not a signed-in session's 8 hours.
    expect(storedSession(pendingCookie)!.expiresAt - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    const pending = storedSession(pendingCookie)!.data.staffSsoPending as { state: string; nonce: string; codeVerifier: string };
    expect(sent.get('state')).toBe(pending.state);
    expect(sent.get('nonce')).toBe(pending.nonce);
    expect(url).not.toContain(pending.codeVerifier);

    // The provider gives the address in another case: matched as every staff e-mail is, normalised.
    op.signInAs({ sub: 'entra-kari', email: 'Kari@Nord.NO', name: 'Kari Nordmann' });
    const answer = await op.visit(url);
    expect(op.authorizationRequests.at(-1)!.get('code_challenge')).toBe(sent.get('code_challenge'));
    const res = await callback(agent, answer);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/nord/journeys');
    const signedInCookie = sessionCookie(res)!;
    expect(signedInCookie).toBeDefined();
    expect(signedInCookie).not.toBe(pendingCookie);
    expect(storedSession(pendingCookie)).toBeUndefined();
    expect(storedSession(signedInCookie)!.expiresAt - Date.now()).toBeGreaterThan(7 * 60 * 60 * 1000);
    const session = storedSession(signedInCookie)!.data;
    expect(session).toMatchObject({ userId: id, signedInWith: 'sso' });
    expect(session.staffSsoPending).toBeUndefined();

    expect((await agent.get('/admin/nord/journeys')).status).toBe(200);
    expect(t.services.staff.rolesIn(id, nord.id)).toEqual(['designer']);
    expect(t.services.staff.rolesIn(id, t.services.municipalities.bySlug('sor').id)).toEqual([]);
    const user = t.db.prepare('SELECT last_login_at FROM users WHERE id = ?').get(id) as { last_login_at: string | null };
    expect(user.last_login_at).not.toBeNull();
    const audited = auditRows('login.sso').at(-1)!;
    expect(audited).toMatchObject({ actor_user_id: id, entity_id: id, details: null });
    // No code, token or claim value anywhere in the audit log.
    const everything = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain(answer.searchParams.get('code')!);
    expect(everything).not.toContain(String(session.staffSsoIdToken));
    expect(everything).not.toContain('entra-kari');
    const log = logLines.join('');
    expect(log).toContain(`"path":"${START}/svar"`);
    for (const secret of [answer.searchParams.get('code')!, answer.searchParams.get('state')!, String(session.staffSsoIdToken), 'entra-kari', op.clientSecret]) {
      expect(log).not.toContain(secret);
    }
  });

  it('the sign-in page offers "Logg inn med kommunens konto" (nb) and its English text, carrying the return path', async () => {
    const page = await anonymousAgent(t.app).get('/login?returnTo=%2Fadmin%2Fnord');
    expect(page.text).toContain(nb.staffSso.button.submit);
    expect(page.text).toContain(`action="${START}"`);
    expect(page.text).toContain('name="returnTo" value="/admin/nord"');
    // The button's POST (and an SSO session's logout) is answered with a redirect to the provider: form-action names it.
    expect(page.headers['content-security-policy']).toContain(`form-action 'self' ${new URL(op.issuer).origin};`);
    expect((await anonymousAgent(t.app).get('/login?lang=en')).text).toContain(en.staffSso.button.submit.replace(/'/g, '&#39;'));
  });

  it('a return path to another site is not followed after sign-in', async () => {
    await createUser(t.services, { email: 'ola@nord.no', municipality: 'nord', roles: ['analyst'] });
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, { sub: 'entra-ola', email: 'ola@nord.no' }, '//evil.example/x'));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
  });
});

describe('wrong state, nonce or PKCE verifier', () => {
  beforeAll(async () => {
    await createUser(t.services, { email: 'per@nord.no', municipality: 'nord', roles: ['moderator'] });
  });
  const per = { sub: 'entra-per', email: 'per@nord.no' };

  it('wrong state: an answer whose state is not this browser\'s is refused (400), audited, no session', async () => {
    const agent = anonymousAgent(t.app);
    const answer = await answerFor(agent, per);
    answer.searchParams.set('state', 'another-state');
    const res = await callback(agent, answer);
    expect(res.status).toBe(400);
    expect(res.text).toContain(nb.staffSso.failed.body);
    expect(lastFailureReason()).toBe('state');
    expect(await isSignedIn(agent)).toBe(false);
  });

  it('wrong state: another browser\'s answer (its state) is refused in this browser, and with nothing pending', async () => {
    const victim = anonymousAgent(t.app);
    const answer = await answerFor(victim, per);
    const attacker = anonymousAgent(t.app);
    await startAt(attacker);
    expect((await callback(attacker, answer)).status).toBe(400);
    expect(lastFailureReason()).toBe('state');
    expect(await isSignedIn(attacker)).toBe(false);
    // A browser that never started a sign-in.
    expect((await callback(anonymousAgent(t.app), answer)).status).toBe(400);
    expect(lastFailureReason()).toBe('state');
  });

  it('wrong nonce: an ID token whose nonce is not the one this browser started with is refused', async () => {
    const agent = anonymousAgent(t.app);
    const { url, res: started } = await startAt(agent);
    tamperPending(sessionCookie(started)!, { nonce: 'another-nonce' });
    op.signInAs(per);
    const res = await callback(agent, await op.visit(url));
    expect(res.status).toBe(400);
    expect(lastFailureReason()).toBe('nonce');
    expect(await isSignedIn(agent)).toBe(false);
  });

  it('wrong PKCE verifier: the provider refuses the code, the sign-in fails', async () => {
    const agent = anonymousAgent(t.app);
    const { url, res: started } = await startAt(agent);
    tamperPending(sessionCookie(started)!, { codeVerifier: 'x'.repeat(43) });
    op.signInAs(per);
    const errors = op.tokenErrors.length;
    const res = await callback(agent, await op.visit(url));
    expect(res.status).toBe(400);
    expect(lastFailureReason()).toBe('grant');
    expect(op.tokenErrors.length).toBe(errors + 1);
    expect(await isSignedIn(agent)).toBe(false);
  });
});

describe('a wrong issuer', () => {
  it("an answer whose `iss` names another issuer is refused", async () => {
    await createUser(t.services, { email: 'liv@nord.no', municipality: 'nord', roles: ['analyst'] });
    const agent = anonymousAgent(t.app);
    const answer = await answerFor(agent, { sub: 'entra-liv', email: 'liv@nord.no' });
    answer.searchParams.set('iss', 'https://login.microsoftonline.com/another-tenant/v2.0');
    const res = await callback(agent, answer);
    expect(res.status).toBe(400);
    expect(lastFailureReason()).toBe('issuer');
    expect(await isSignedIn(agent)).toBe(false);
  });

  it('a configured issuer whose discovery document names another issuer: no sign-in starts', async () => {
    // A server that serves the real provider's discovery document under an address of its own.
    const document = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).text();
    const impostor = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(document));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}/other-tenant/v2.0`;
    const other = makeTestApp({ staffOidc: { issuer, clientId: op.clientId, clientSecret: op.clientSecret } });
    try {
      const res = await anonymousAgent(other.app).post(START).type('form').send({});
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
      const row = other.db.prepare("SELECT details FROM audit_log WHERE action = 'login.sso_failed'").get() as { details: string };
      expect(JSON.parse(row.details)).toEqual({ reason: 'issuer' });
    } finally {
      other.close();
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
  });
});

describe('an expired or replayed code', () => {
  beforeAll(async () => {
    await createUser(t.services, { email: 'siv@nord.no', municipality: 'nord', roles: ['analyst'] });
  });
  const siv = { sub: 'entra-siv', email: 'siv@nord.no' };

  it('an expired code is refused by the provider', async () => {
    const quick = await startOidcProvider({ kind: 'entra', redirectUris: [CALLBACK], codeTtlSeconds: 1 });
    const app = makeTestApp({ staffOidc: { issuer: quick.issuer, clientId: quick.clientId, clientSecret: quick.clientSecret } });
    try {
      await createUser(app.services, { email: 'siv@nord.no' });
      const agent = anonymousAgent(app.app);
      const started = await agent.post(START).type('form').send({});
      quick.signInAs(siv);
      const answer = await quick.visit(String(started.headers.location));
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const res = await callback(agent, answer);
      expect(res.status).toBe(400);
      const row = app.db.prepare("SELECT details FROM audit_log WHERE action = 'login.sso_failed'").get() as { details: string };
      expect(JSON.parse(row.details)).toEqual({ reason: 'grant' });
      expect(quick.tokenErrors).toContain('invalid_grant');
      expect((await agent.get('/admin')).status).toBe(303);
    } finally {
      app.close();
      await quick.close();
    }
  });

  it('a replayed code is refused: the same answer again finds nothing pending, and the code itself is spent', async () => {
    const agent = anonymousAgent(t.app);
    const { url, res: started } = await startAt(agent);
    const pending = storedSession(sessionCookie(started)!)!.data.staffSsoPending as Record<string, string>;
    op.signInAs(siv);
    const answer = await op.visit(url);
    expect((await callback(agent, answer)).status).toBe(303);

    // The same browser sends the answer again: its pending sign-in was used up.
    const again = anonymousAgent(t.app);
    expect((await callback(again, answer)).status).toBe(400);
    expect(lastFailureReason()).toBe('state');

    // Someone who also holds the state, nonce and verifier replays the code: the provider refuses it.
    const thief = anonymousAgent(t.app);
    const theirs = await startAt(thief);
    tamperPending(sessionCookie(theirs.res)!, pending);
    const errors = op.tokenErrors.length;
    expect((await callback(thief, answer)).status).toBe(400);
    expect(lastFailureReason()).toBe('grant');
    expect(op.tokenErrors.length).toBe(errors + 1);
    expect(await isSignedIn(thief)).toBe(false);
  });
});

describe('an unknown staff e-mail, a disabled account', () => {
  it('an unknown staff e-mail: 403 naming the address and the admin to ask, no session, audited without the address', async () => {
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, { sub: 'entra-stranger', email: 'stranger@nord.no', name: 'Stranger' }));
    expect(res.status).toBe(403);
    expect(res.text).toContain('stranger@nord.no');
    expect(res.text).toContain(nb.staffSso.refused.askAdmin);
    // Whatever cookie the attempt had is cleared.
    expect(sessionCookie(res) ?? 'rk.sid=').toBe('rk.sid=');
    expect(await isSignedIn(agent)).toBe(false);
    expect(lastFailureReason()).toBe('unknown_email');
    expect(auditRows('login.sso_failed').at(-1)).toMatchObject({ actor_user_id: null, entity_id: null });
    expect(JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all())).not.toContain('stranger');
    expect(t.db.prepare("SELECT count(*) AS n FROM users WHERE email = 'stranger@nord.no'").get()).toEqual({ n: 0 });
  });

  it('a disabled account: 403, no session, audited with the account', async () => {
    const id = await createUser(t.services, { email: 'gone@nord.no', municipality: 'nord', roles: ['designer'] });
    t.db.prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(id);
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, { sub: 'entra-gone', email: 'gone@nord.no' }));
    expect(res.status).toBe(403);
    expect(await isSignedIn(agent)).toBe(false);
    expect(lastFailureReason()).toBe('disabled');
    expect(auditRows('login.sso_failed').at(-1)).toMatchObject({ entity_id: id });
  });

  it('a forged or stale answer does not sign out someone already signed in', async () => {
    await createUser(t.services, { email: 'bo@nord.no', municipality: 'nord', roles: ['analyst'] });
    const agent = anonymousAgent(t.app);
    expect((await callback(agent, await answerFor(agent, { sub: 'entra-bo', email: 'bo@nord.no' }))).status).toBe(303);
    const forged = new URL(`${CALLBACK}?code=made-up&state=made-up`);
    expect((await callback(agent, forged)).status).toBe(400);
    expect(await isSignedIn(agent)).toBe(true);
  });

  it('the provider refusing the person (access_denied) fails the sign-in', async () => {
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, null));
    expect(res.status).toBe(400);
    expect(lastFailureReason()).toBe('denied');
  });
});

describe('logout', () => {
  it('logout of a single sign-on session ends the provider session too (id_token_hint, back to the portal)', async () => {
    await createUser(t.services, { email: 'eva@nord.no', municipality: 'nord', roles: ['designer'] });
    const agent = anonymousAgent(t.app);
    const signedIn = await callback(agent, await answerFor(agent, { sub: 'entra-eva', email: 'eva@nord.no' }));
    const cookie = sessionCookie(signedIn)!;
    const idToken = storedSession(cookie)!.data.staffSsoIdToken as string;
    expect(idToken).toMatch(/^ey/);
    const csrf = csrfFrom((await agent.get('/admin')).text);
    const res = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(303);
    const logout = new URL(String(res.headers.location));
    expect(logout.href.startsWith(`${op.issuer}/session/end`)).toBe(true);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(HOME);
    expect(storedSession(cookie)).toBeUndefined();
    expect(await isSignedIn(agent)).toBe(false);
    // The browser follows it to the provider, which receives the hint.
    await fetch(logout, { redirect: 'manual' });
    expect(op.endSessionRequests.at(-1)!.get('id_token_hint')).toBe(idToken);
  });

  it('logout of a password session goes to the front page, not to the provider', async () => {
    await createUser(t.services, { email: 'pw@sor.no', municipality: 'sor', roles: ['designer'] });
    const agent = anonymousAgent(t.app);
    expect((await agent.post('/login').type('form').send({ email: 'pw@sor.no', password: TEST_PASSWORD })).status).toBe(303);
    const csrf = csrfFrom((await agent.get('/admin')).text);
    const res = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(res.headers.location).toBe('/');
  });
});

describe('require single sign-on', () => {
  beforeAll(async () => {
    createMunicipality(t.services, 'krav', 'Krav kommune');
    t.db.prepare("UPDATE municipalities SET require_sso = 1 WHERE slug = 'krav'").run();
    await createUser(t.services, { email: 'ansatt@krav.no', municipality: 'krav', roles: ['designer'] });
    await createUser(t.services, { email: 'ansatt@sor.no', municipality: 'sor', roles: ['designer'] });
  });

  it("require-SSO refuses a local password for that municipality's staff (403, pointing to the button, audited)", async () => {
    const res = await anonymousAgent(t.app).post('/login').type('form').send({ email: 'ansatt@krav.no', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.text).toContain(nb.staffSso.passwordRefused);
    expect(sessionCookie(res)).toBeUndefined();
    const failed = auditRows('login.failed').at(-1)!;
    expect(JSON.parse(failed.details!)).toEqual({ reason: 'sso_required' });
    // A wrong password gets the usual answer: the requirement is told only to someone who knows the password.
    const wrong = await anonymousAgent(t.app).post('/login').type('form').send({ email: 'ansatt@krav.no', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
  });

  it("require-SSO does not refuse other municipalities' staff, and single sign-on still works for its own", async () => {
    const other = await anonymousAgent(t.app).post('/login').type('form').send({ email: 'ansatt@sor.no', password: TEST_PASSWORD });
    expect(other.status).toBe(303);
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, { sub: 'entra-krav', email: 'ansatt@krav.no' }));
    expect(res.status).toBe(303);
    expect(await isSignedIn(agent)).toBe(true);
  });

  it('require-SSO ends a session opened with a password before it was turned on, at the next staff request', async () => {
    createMunicipality(t.services, 'senere', 'Senere kommune');
    await createUser(t.services, { email: 'ansatt@senere.no', municipality: 'senere', roles: ['designer'] });
    const agent = anonymousAgent(t.app);
    expect((await agent.post('/login').type('form').send({ email: 'ansatt@senere.no', password: TEST_PASSWORD })).status).toBe(303);
    expect((await agent.get('/admin')).status).toBe(200);
    t.db.prepare("UPDATE municipalities SET require_sso = 1 WHERE slug = 'senere'").run();
    const ended = await agent.get('/admin');
    expect([ended.status, ended.headers.location]).toEqual([303, '/login']);
    const login = await agent.get('/login');
    expect(login.text).toContain(nb.flash.ssoRequired);
    // The session is gone, not only turned away once.
    expect((await agent.get('/admin')).headers.location).toMatch(/^\/login/);
    expect(t.db.prepare("SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'ansatt@senere.no')").pluck().get()).toBe(0);
  });

  it('an account made by single sign-on has no password to change, and its password page says so', async () => {
    const agent = anonymousAgent(t.app);
    t.db.prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES ('uten@sor.no', 'Uten Passord', '', '2026-01-01T00:00:00Z')").run();
    const userId = t.db.prepare("SELECT id FROM users WHERE email = 'uten@sor.no'").pluck().get() as number;
    t.db.prepare("INSERT INTO memberships (user_id, municipality_id, role, created_at) SELECT ?, id, 'designer', '2026-01-01T00:00:00Z' FROM municipalities WHERE slug = 'sor'").run(userId);
    expect((await callback(agent, await answerFor(agent, { sub: 'entra-uten', email: 'uten@sor.no' }))).status).toBe(303);
    const page = await agent.get('/admin/konto/passord');
    expect(page.status).toBe(200);
    expect(page.text).toContain(nb.account.password.noLocalPassword);
    expect(page.text).not.toContain('name="currentPassword"');
    const refused = await agent.post('/admin/konto/passord').type('form')
      .send({ _csrf: csrfFrom(page.text), currentPassword: '', password: 'Fjordhest-Lyng-Tåke-93', passwordConfirm: 'Fjordhest-Lyng-Tåke-93' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(t.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId)).toBe('');
  });

  it('require-SSO refuses nothing when single sign-on is not configured (passwords still work)', async () => {
    const plain = makeTestApp();
    try {
      createMunicipality(plain.services, 'krav', 'Krav kommune');
      plain.db.prepare("UPDATE municipalities SET require_sso = 1 WHERE slug = 'krav'").run();
      await createUser(plain.services, { email: 'ansatt@krav.no', municipality: 'krav', roles: ['designer'] });
      const res = await anonymousAgent(plain.app).post('/login').type('form').send({ email: 'ansatt@krav.no', password: TEST_PASSWORD });
      expect(res.status).toBe(303);
    } finally {
      plain.close();
    }
  });
});

describe('the invited person', () => {
  function invite(email: string, expiresAt: string, usedAt: string | null = null): void {
    const nord = t.services.municipalities.bySlug('nord');
    t.db
      .prepare('INSERT INTO staff_invitations (municipality_id, email, name, roles, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(nord.id, email, 'Typed by the admin', 'designer', new Date().toISOString(), expiresAt, usedAt);
  }
  const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

  it('an invited e-mail without an account gets one (name from the provider, no local password, no roles) and lands on the start page', async () => {
    invite('ny@nord.no', inAnHour());
    const agent = anonymousAgent(t.app);
    const res = await callback(agent, await answerFor(agent, { sub: 'entra-ny', email: 'ny@nord.no', name: 'Nina Ny' }, '/admin/nord'));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const user = t.db.prepare("SELECT id, name, password_hash, is_platform_admin FROM users WHERE email = 'ny@nord.no'").get() as {
      id: number;
      name: string;
      password_hash: string;
      is_platform_admin: number;
    };
    expect(user).toMatchObject({ name: 'Nina Ny', password_hash: '', is_platform_admin: 0 });
    expect(t.services.staff.rolesIn(user.id, t.services.municipalities.bySlug('nord').id)).toEqual([]);
    expect(auditRows('user.created_by_sso').at(-1)).toMatchObject({ entity_id: user.id });
    const start = await agent.get('/admin');
    expect(start.status).toBe(200);
    // The invitation waits for their answer on the start page.
    expect(start.text).toContain('Nord kommune');
    // No local password: any password is refused as for an unknown e-mail.
    const local = await anonymousAgent(t.app).post('/login').type('form').send({ email: 'ny@nord.no', password: TEST_PASSWORD });
    expect(local.status).toBe(401);
    expect(JSON.parse(auditRows('login.failed').at(-1)!.details!)).toEqual({ reason: 'wrong_password' });
  });

  it('an expired or already used invitation makes no account: unknown e-mail', async () => {
    invite('sent@nord.no', new Date(Date.now() - 1000).toISOString());
    invite('used@nord.no', inAnHour(), new Date().toISOString());
    for (const email of ['sent@nord.no', 'used@nord.no']) {
      const agent = anonymousAgent(t.app);
      expect((await callback(agent, await answerFor(agent, { sub: `entra-${email}`, email }))).status).toBe(403);
      expect(lastFailureReason()).toBe('unknown_email');
    }
    expect(t.db.prepare("SELECT count(*) AS n FROM users WHERE email IN ('sent@nord.no', 'used@nord.no')").get()).toEqual({ n: 0 });
  });

  it('an account without a local password is checked against the dummy hash, taking as long as a real check', async () => {
    const time = async (hash: string) => {
      const began = process.hrtime.bigint();
      expect(await verifyPassword(hash, 'whatever-password')).toBe(false);
      return Number(process.hrtime.bigint() - began);
    };
    const dummy = await dummyPasswordHash();
    await time(dummy);
    const real = Math.min(await time(dummy), await time(dummy), await time(dummy));
    const none = Math.min(await time(''), await time(''), await time(''));
    expect(none).toBeGreaterThan(real / 3);
  });
});

describe('starting', () => {
  it('one address may start only so many sign-ins (each writes a pending session): then 429', async () => {
    const limited = makeTestApp({ staffOidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } });
    try {
      const statuses = new Map<number, number>();
      for (let i = 0; i <= STARTS_PER_ADDRESS.limit; i += 1) {
        const res = await anonymousAgent(limited.app).post(START).type('form').send({});
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 303: STARTS_PER_ADDRESS.limit, 429: 1 });
    } finally {
      limited.close();
    }
  }, 60_000);

  it('a provider that cannot be reached: 503 saying to try again later, audited, nothing kept', async () => {
    // Nothing listens on port 9.
    const down = makeTestApp({ staffOidc: { issuer: 'http://127.0.0.1:9/tenant/v2.0', clientId: 'x', clientSecret: 'y' } });
    try {
      const res = await anonymousAgent(down.app).post(START).type('form').send({});
      expect(res.status).toBe(503);
      expect(res.text).toContain(nb.staffSso.failed.unavailable);
      expect(sessionCookie(res)).toBeUndefined();
      const row = down.db.prepare("SELECT details FROM audit_log WHERE action = 'login.sso_failed'").get() as { details: string };
      expect(JSON.parse(row.details)).toEqual({ reason: 'unavailable' });
    } finally {
      down.close();
    }
  });

  it('a start with a field it does not know is refused (400), and nothing is kept', async () => {
    const res = await anonymousAgent(t.app).post(START).type('form').send({ returnTo: '/admin', role: 'admin' });
    expect(res.status).toBe(400);
    expect(sessionCookie(res)).toBeUndefined();
  });
});

describe('not configured', () => {
  it('no SSO button or route when not configured (404)', async () => {
    const plain = makeTestApp();
    try {
      const page = await anonymousAgent(plain.app).get('/login');
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(nb.staffSso.button.submit);
      expect(page.text).not.toContain(START);
      expect(page.headers['content-security-policy']).toContain("form-action 'self';");
      expect((await anonymousAgent(plain.app).post(START).type('form').send({})).status).toBe(404);
      expect((await anonymousAgent(plain.app).get(`${START}/svar?code=x&state=y`)).status).toBe(404);
    } finally {
      plain.close();
    }
  });
});

describe('configuration and claims', () => {
  const all = { STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', STAFF_OIDC_CLIENT_ID: 'reisekart', STAFF_OIDC_CLIENT_SECRET: 's3cret' };

  it('STAFF_OIDC_*: all three give the settings, none give none, some give a ConfigError naming what is missing', () => {
    expect(loadConfig(all).staffOidc).toEqual({ issuer: all.STAFF_OIDC_ISSUER, clientId: 'reisekart', clientSecret: 's3cret' });
    expect(loadConfig({}).staffOidc).toBeUndefined();
    const { STAFF_OIDC_CLIENT_SECRET: _secret, ...noSecret } = all;
    expect(() => loadConfig(noSecret)).toThrow(ConfigError);
    expect(() => loadConfig(noSecret)).toThrow(/missing STAFF_OIDC_CLIENT_SECRET$/);
    expect(() => loadConfig({ STAFF_OIDC_ISSUER: all.STAFF_OIDC_ISSUER })).toThrow(/missing STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...all, STAFF_OIDC_ISSUER: 'http://idp.example.no/tenant' })).toThrow(/must be an https address/);
  });

  it("the e-mail is the `email` claim, else Entra's preferred_username when it looks like an address", () => {
    expect(emailOf({ email: ' Kari@Nord.no ', preferred_username: 'x@y.no' })).toBe('kari@nord.no');
    expect(emailOf({ preferred_username: 'Ola@Nord.no' })).toBe('ola@nord.no');
    expect(emailOf({ preferred_username: 'ola.nordmann' })).toBeNull();
    expect(emailOf({})).toBeNull();
  });
});
