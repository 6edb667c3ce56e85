// TOTP as staff members' second factor (#21.2), through the real HTTP flow: enrolment confirmed by one code with the
// recovery codes shown once, the second step of a sign-in (a wrong code, a replayed code, a recovery code used once,
// the half-done state's five minutes, throttling), turning it off, and the requirement for platform admins, admins
// and the staff of a municipality that asks for it: no /admin page until enrolled, except after single sign-on,
// done here for real against an OpenID provider in the test process. The #21 follow-ups: secrets sealed at rest
// (AES-256-GCM, bound to the user), new recovery codes for a current code, and other sessions ended on enrolling or
// turning it off.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import request from 'supertest';
import { generateSync } from 'otplib';
import { createLogger } from '../../src/lib/logger';
import { TOTP_PERIOD_SECONDS } from '../../src/modules/two-factor/totp';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { nextTotpCode, totpSecretOf } from '../helpers/second-factor';
import { anonymousAgent, createMunicipality, createUser, csrfFrom, makeTestApp, signIn, TEST_BASE_URL, TEST_PASSWORD, type Agent, type TestApp } from '../helpers/test-app';

const SSO_START = '/admin/innlogging/kommunekonto';
const SSO_CALLBACK = `${TEST_BASE_URL}${SSO_START}/svar`;

let op: TestOidcProvider;
let t: TestApp;
beforeAll(async () => {
  op = await startOidcProvider({ kind: 'entra', redirectUris: [SSO_CALLBACK], postLogoutRedirectUris: [`${TEST_BASE_URL}/`] });
  t = makeTestApp({ staffOidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } });
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'streng');
  t.db.prepare("UPDATE municipalities SET require_two_factor = 1 WHERE slug = 'streng'").run();
});
afterAll(async () => {
  t.close();
  await op.close();
});

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
const userId = (email: string) => t.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email) as number;
const audit = (action: string, id: number) =>
  t.db.prepare('SELECT details FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY id').pluck().all(action, id) as (string | null)[];
const lastStep = (email: string) => t.db.prepare('SELECT last_step FROM user_totp WHERE user_id = ?').pluck().get(userId(email)) as number;
/** The code for a time step, from the user's secret, as the app on their phone shows it. */
const codeAt = (email: string, step: number) => generateSync({ secret: totpSecretOf(t.db, email)!, epoch: step * TOTP_PERIOD_SECONDS });

function sessionCookie(res: request.Response): string | undefined {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('rk.sid='))?.split(';')[0];
}

/** The password step: the agent is then waiting for its second factor. */
async function password(agent: Agent, email: string, returnTo?: string): Promise<request.Response> {
  return agent.post('/login').type('form').send({ email, password: TEST_PASSWORD, ...(returnTo ? { returnTo } : {}) });
}

/** Enrols the signed-in agent's user through the pages; returns the recovery codes shown. */
async function enrol(agent: Agent, email: string): Promise<string[]> {
  const start = await agent.get('/admin/konto/totp');
  if (!start.text.includes('data-testid="totp-secret"')) {
    expect((await agent.post('/admin/konto/totp/start').type('form').send({ _csrf: csrfFrom(start.text) })).status).toBe(303);
  }
  const page = await agent.get('/admin/konto/totp');
  const res = await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, email) });
  expect(res.status).toBe(200);
  return [...res.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
}

describe('enrolment', () => {
  jest.setTimeout(30_000);

  it('shows a QR code and the secret, counts only once confirmed with a code, and shows ten recovery codes once', async () => {
    await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    const id = userId('designer@aust.no');
    const intro = await agent.get('/admin/konto/totp');
    expect(intro.status).toBe(200);
    expect(intro.text).toContain('Sett opp tofaktorautentisering');
    expect((await agent.post('/admin/konto/totp/start').type('form').send({ _csrf: csrf })).status).toBe(303);

    const page = await agent.get('/admin/konto/totp');
    const secret = totpSecretOf(t.db, 'designer@aust.no')!;
    expect(page.text).toContain(`data-testid="totp-secret">${secret}</code>`);
    // Inline SVG drawn on the server: no style attribute, no script, nothing fetched.
    const svg = /<svg class="app-qr-code"[\s\S]*?<\/svg>/.exec(page.text)![0];
    expect(svg).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+"/);
    expect(svg).not.toMatch(/style=|<script|href=/);

    // A wrong code: 400 on the field, and nothing counts yet (the next sign-in asks no code).
    const wrongCode = String((Number(codeAt('designer@aust.no', Math.floor(Date.now() / STEP_MS))) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(page.text), code: wrongCode });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('href="#field-code"');
    expect(t.services.twoFactor.isEnrolled(id)).toBe(false);
    expect((await password(anonymousAgent(t.app), 'designer@aust.no')).headers.location).toBe('/admin');

    const confirmed = await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, 'designer@aust.no') });
    expect(confirmed.status).toBe(200);
    const codes = [...confirmed.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(t.services.twoFactor.isEnrolled(id)).toBe(true);
    // Only hashes are kept: no code appears anywhere in the database's recovery table, nor in the audit log.
    const stored = JSON.stringify(t.db.prepare('SELECT * FROM user_recovery_codes WHERE user_id = ?').all(id));
    for (const code of codes) expect(stored).not.toContain(code.replace('-', ''));
    for (const code of codes) expect(stored).not.toContain(code);
    expect(audit('account.totp_enrolled', id)).toHaveLength(1);
    const log = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain(secret);
    for (const code of codes) expect(log).not.toContain(code);

    // Shown once: the page now says it is on, with no secret and no codes.
    const after = await agent.get('/admin/konto/totp');
    expect(after.text).toContain('Tofaktorautentisering er slått på');
    expect(after.text).toContain('Du har 10 ubrukte gjenopprettingskoder.');
    expect(after.text).not.toContain(secret);
    expect(after.text).not.toContain(codes[0]!);
    // Starting again while enrolled is refused.
    expect((await agent.post('/admin/konto/totp/start').type('form').send({ _csrf: csrfFrom(after.text) })).status).toBe(400);
  });
});

describe('the second step of a sign-in', () => {
  jest.setTimeout(30_000);
  let recovery: string[];
  beforeAll(async () => {
    await createUser(t.services, { email: 'kode@aust.no', municipality: 'aust', roles: ['moderator'] });
    const { agent } = await signIn(t.app, 'kode@aust.no');
    recovery = await enrol(agent, 'kode@aust.no');
  });

  it('asks for a code after the password; the session is not signed in until it is right, then gets a new id', async () => {
    const agent = anonymousAgent(t.app);
    const first = await password(agent, 'kode@aust.no', '/admin/aust/moderation');
    expect([first.status, first.headers.location]).toEqual([303, '/login/kode']);
    const halfDone = sessionCookie(first)!;
    expect(halfDone).toBeDefined();
    expect(t.db.prepare('SELECT user_id FROM sessions WHERE user_id IS NULL AND data LIKE ?').pluck().all('%secondFactor%').length).toBeGreaterThan(0);
    // Not signed in: /admin sends to the sign-in page.
    const admin = await agent.get('/admin');
    expect(admin.status).toBe(303);
    expect(admin.headers.location).toMatch(/^\/login/);
    const form = await agent.get('/login/kode');
    expect(form.status).toBe(200);
    expect(form.text).toContain('autocomplete="one-time-code"');

    const id = userId('kode@aust.no');
    const wrong = await agent.post('/login/kode').type('form').send({ code: '000000' === codeAt('kode@aust.no', Math.floor(Date.now() / STEP_MS)) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Koden er feil eller allerede brukt.');
    expect(JSON.parse(audit('login.second_factor_failed', id).at(-1)!)).toEqual({ reason: 'wrong' });

    const right = await agent.post('/login/kode').type('form').send({ code: nextTotpCode(t, 'kode@aust.no') });
    expect([right.status, right.headers.location]).toEqual([303, '/admin/aust/moderation']);
    const signedIn = sessionCookie(right)!;
    expect(signedIn).not.toBe(halfDone);
    expect((await agent.get('/admin/aust/moderation')).status).toBe(200);
    expect(JSON.parse(audit('login.second_factor', id).at(-1)!)).toEqual({ via: 'totp' });
    // The old session id is worth nothing.
    expect((await request(t.app).get('/admin').set('Cookie', halfDone)).status).toBe(303);
  });

  it('refuses a replayed code: the same time step is never accepted twice', async () => {
    const step = lastStep('kode@aust.no');
    const replayed = codeAt('kode@aust.no', step);
    const agent = anonymousAgent(t.app);
    await password(agent, 'kode@aust.no');
    const res = await agent.post('/login/kode').type('form').send({ code: replayed });
    expect(res.status).toBe(401);
    expect(JSON.parse(audit('login.second_factor_failed', userId('kode@aust.no')).at(-1)!)).toEqual({ reason: 'replayed' });
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('accepts the same code sent twice at once only once', async () => {
    const [a, b] = [anonymousAgent(t.app), anonymousAgent(t.app)];
    const code = nextTotpCode(t, 'kode@aust.no');
    await password(a, 'kode@aust.no');
    await password(b, 'kode@aust.no');
    const answers = await Promise.all([a.post('/login/kode').type('form').send({ code }), b.post('/login/kode').type('form').send({ code })]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 401]);
  });

  it('takes a recovery code once (typed in capitals with spaces too); a second use is refused', async () => {
    const id = userId('kode@aust.no');
    const code = recovery[0]!;
    const agent = anonymousAgent(t.app);
    await password(agent, 'kode@aust.no');
    const ok = await agent.post('/login/kode').type('form').send({ code: ` ${code.toUpperCase().replace('-', ' ')} ` });
    expect(ok.status).toBe(303);
    expect((await agent.get('/admin')).status).toBe(200);
    expect(JSON.parse(audit('account.recovery_code_used', id).at(-1)!)).toEqual({ left: 9 });
    expect(JSON.parse(audit('login.second_factor', id).at(-1)!)).toEqual({ via: 'recovery' });

    const again = anonymousAgent(t.app);
    await password(again, 'kode@aust.no');
    const refused = await again.post('/login/kode').type('form').send({ code });
    expect(refused.status).toBe(401);
    expect(JSON.parse(audit('login.second_factor_failed', id).at(-1)!)).toEqual({ reason: 'recovery_used' });
    expect((await again.get('/admin')).status).toBe(303);
    // Another person's recovery code is no code of this one's.
    expect(JSON.stringify(t.db.prepare("SELECT details FROM audit_log WHERE action LIKE 'login.second_factor%' OR action LIKE 'account.%'").all())).not.toContain(code);
  });

  it('drops the half-done sign-in after five minutes', async () => {
    const agent = anonymousAgent(t.app);
    const code = nextTotpCode(t, 'kode@aust.no');
    await password(agent, 'kode@aust.no');
    t.clock.advance(5 * 60_000);
    const res = await agent.post('/login/kode').type('form').send({ code });
    expect([res.status, res.headers.location]).toEqual([303, '/login']);
    expect((await agent.get('/login/kode')).headers.location).toBe('/login');
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('asks nothing of a browser that did not give the password first', async () => {
    const res = await anonymousAgent(t.app).post('/login/kode').type('form').send({ code: nextTotpCode(t, 'kode@aust.no') });
    expect([res.status, res.headers.location]).toEqual([303, '/login']);
  });
});

describe('throttling wrong codes', () => {
  jest.setTimeout(30_000);

  it('makes wrong codes wait like wrong passwords, per account and address', async () => {
    const limited = makeTestApp({ loginLimits: { freePerPair: 3 } });
    try {
      createMunicipality(limited.services, 'aust');
      await createUser(limited.services, { email: 'gjett@aust.no', municipality: 'aust', roles: ['analyst'] });
      const { agent } = await signIn(limited.app, 'gjett@aust.no');
      const page = await agent.get('/admin/konto/totp');
      await agent.post('/admin/konto/totp/start').type('form').send({ _csrf: csrfFrom(page.text) });
      const enrolPage = await agent.get('/admin/konto/totp');
      expect((await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(enrolPage.text), code: nextTotpCode(limited, 'gjett@aust.no') })).status).toBe(200);

      const guesser = anonymousAgent(limited.app);
      expect((await guesser.post('/login').type('form').send({ email: 'gjett@aust.no', password: TEST_PASSWORD })).headers.location).toBe('/login/kode');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await guesser.post('/login/kode').type('form').send({ code: `99999${i}` })).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      limited.close();
    }
  });
});

describe('turning it off', () => {
  jest.setTimeout(30_000);

  it('needs a current code, and then the sign-in asks only the password again', async () => {
    await createUser(t.services, { email: 'av@aust.no', municipality: 'aust', roles: ['analyst'] });
    const first = await signIn(t.app, 'av@aust.no');
    await enrol(first.agent, 'av@aust.no');
    const { agent } = await signIn(t.app, 'av@aust.no');
    const page = await agent.get('/admin/konto/totp');
    const wrong = await agent.post('/admin/konto/totp/av').type('form').send({ _csrf: csrfFrom(page.text), code: '12345' });
    expect(wrong.status).toBe(400);
    expect(t.services.twoFactor.isEnrolled(userId('av@aust.no'))).toBe(true);
    // The code just used to sign in is spent: it cannot turn it off either.
    const replay = await agent.post('/admin/konto/totp/av').type('form').send({ _csrf: csrfFrom(page.text), code: codeAt('av@aust.no', lastStep('av@aust.no')) });
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('Koden er allerede brukt.');

    const off = await agent.post('/admin/konto/totp/av').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, 'av@aust.no') });
    expect([off.status, off.headers.location]).toEqual([303, '/admin/konto/totp']);
    expect(t.services.twoFactor.isEnrolled(userId('av@aust.no'))).toBe(false);
    expect(t.db.prepare('SELECT count(*) FROM user_recovery_codes WHERE user_id = ?').pluck().get(userId('av@aust.no'))).toBe(0);
    expect(audit('account.totp_removed', userId('av@aust.no'))).toHaveLength(1);
    expect((await password(anonymousAgent(t.app), 'av@aust.no')).headers.location).toBe('/admin');
  });

  it('is refused where a second factor is required', async () => {
    await createUser(t.services, { email: 'sjef@aust.no', municipality: 'aust', roles: ['admin'] });
    const { agent } = await signIn(t.app, 'sjef@aust.no');
    const page = await agent.get('/admin/konto/totp');
    expect(page.text).toContain('så den kan ikke slås av');
    expect(page.text).not.toContain('action="/admin/konto/totp/av"');
    const res = await agent.post('/admin/konto/totp/av').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, 'sjef@aust.no') });
    expect(res.status).toBe(400);
    expect(t.services.twoFactor.isEnrolled(userId('sjef@aust.no'))).toBe(true);
  });
});

describe('required for platform admins, admins, and the staff of a municipality that asks for it', () => {
  jest.setTimeout(30_000);
  const ADMIN_PAGES = ['/admin', '/admin/konto/passord', '/admin/aust', '/admin/aust/settings', '/admin/aust/settings/users', '/admin/aust/journeys', '/admin/aust/insights', '/admin/municipalities/new', '/admin/audit', '/admin/finnes-ikke'];

  it.each([
    ['a municipality admin', 'kreves@aust.no', { municipality: 'aust', roles: ['admin' as const] }],
    ['a platform admin', 'plattform@example.no', { platformAdmin: true }],
    ['a designer of a municipality that requires it', 'designer@streng.no', { municipality: 'streng', roles: ['designer' as const] }],
  ])('%s without TOTP reaches no /admin page, nor any form, until enrolled', async (_who, email, options) => {
    await createUser(t.services, { email, ...options });
    const agent = anonymousAgent(t.app);
    const res = await password(agent, email, '/admin/aust/settings');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/konto/totp?returnTo=%2Fadmin%2Faust%2Fsettings');
    for (const path of ADMIN_PAGES) {
      const page = await agent.get(path);
      expect([path, page.status]).toEqual([path, 303]);
      expect(page.headers.location).toMatch(/^\/admin\/konto\/totp\?returnTo=/);
    }
    // A form posted anyway does nothing: it is sent to the enrolment too.
    const enrolment = await agent.get('/admin/konto/totp');
    expect(enrolment.status).toBe(200);
    expect(enrolment.text).toContain('må ha tofaktorautentisering');
    const post = await agent.post('/admin/konto/passord').type('form').send({ _csrf: csrfFrom(enrolment.text), currentPassword: TEST_PASSWORD, password: 'Helt-Nytt-Passord-77', passwordConfirm: 'Helt-Nytt-Passord-77' });
    expect(post.status).toBe(303);
    expect(post.headers.location).toMatch(/^\/admin\/konto\/totp/);
    expect(audit('account.password_changed', userId(email))).toHaveLength(0);

    // Enrolled, the recovery page leads back to where the sign-in was going, and every page opens.
    const page = await agent.get('/admin/konto/totp');
    const confirmed = await agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, email), returnTo: '/admin/aust/settings' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('href="/admin/aust/settings"');
    expect((await agent.get('/admin')).status).toBe(200);
    // The next sign-in asks for the code.
    expect((await password(anonymousAgent(t.app), email)).headers.location).toBe('/login/kode');
  });

  it('asks nothing of a designer of a municipality that does not require it', async () => {
    await createUser(t.services, { email: 'fri@aust.no', municipality: 'aust', roles: ['designer'] });
    expect(t.services.twoFactor.isRequired(userId('fri@aust.no'))).toBe(false);
    const agent = anonymousAgent(t.app);
    expect((await password(agent, 'fri@aust.no')).headers.location).toBe('/admin');
    expect((await agent.get('/admin/aust/journeys')).status).toBe(200);
  });

  it('catches a session signed in before the requirement came: given the admin role, the next page is the enrolment', async () => {
    await createUser(t.services, { email: 'forfremmet@aust.no', municipality: 'aust', roles: ['analyst'] });
    const { agent } = await signIn(t.app, 'forfremmet@aust.no');
    expect((await agent.get('/admin/aust/insights')).status).toBe(200);
    t.services.staff.setRoles(userId('kreves@aust.no'), t.services.municipalities.bySlug('aust').id, userId('forfremmet@aust.no'), ['admin']);
    const res = await agent.get('/admin/aust/insights');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/konto\/totp/);
  });

  it('asks no second factor after single sign-on: the municipality’s identity provider carries it', async () => {
    await createUser(t.services, { email: 'sso-admin@aust.no', municipality: 'aust', roles: ['admin'] });
    // With TOTP enrolled too: single sign-on still asks no code.
    await createUser(t.services, { email: 'sso-totp@aust.no', municipality: 'aust', roles: ['admin'] });
    await signIn(t.app, 'sso-totp@aust.no');
    expect(t.services.twoFactor.isEnrolled(userId('sso-totp@aust.no'))).toBe(true);
    for (const email of ['sso-admin@aust.no', 'sso-totp@aust.no']) {
      const agent = anonymousAgent(t.app);
      const start = await agent.post(SSO_START).type('form').send({ returnTo: '/admin/aust/settings' });
      expect(start.status).toBe(303);
      op.signInAs({ sub: `sub-${email}`, email, name: email });
      const answer = await op.visit(String(start.headers.location));
      const back = await agent.get(answer.pathname + answer.search);
      expect([email, back.status, back.headers.location]).toEqual([email, 303, '/admin/aust/settings']);
      expect((await agent.get('/admin/aust/settings')).status).toBe(200);
      expect((await agent.get('/admin')).status).toBe(200);
    }
    // The same admin without TOTP, by password, is still sent to the enrolment.
    expect((await password(anonymousAgent(t.app), 'sso-admin@aust.no')).headers.location).toMatch(/^\/admin\/konto\/totp/);
  });
});

describe('secrets sealed at rest (#21 follow-up)', () => {
  jest.setTimeout(30_000);
  const stored = (email: string) => t.db.prepare('SELECT secret FROM user_totp WHERE user_id = ?').pluck().get(userId(email)) as string;

  it('holds no secret in clear after enrolment: not in the row, nor anywhere in the database files', async () => {
    await createUser(t.services, { email: 'forseglet@aust.no', municipality: 'aust', roles: ['analyst'] });
    const { agent } = await signIn(t.app, 'forseglet@aust.no');
    await enrol(agent, 'forseglet@aust.no');
    const secret = totpSecretOf(t.db, 'forseglet@aust.no')!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const row = t.db.prepare('SELECT * FROM user_totp WHERE user_id = ?').get(userId('forseglet@aust.no')) as Record<string, unknown>;
    expect(String(row.secret)).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(secret);
    // Never written in clear at all: the sealed value was what enrolment stored first.
    for (const file of [t.dbPath, `${t.dbPath}-wal`].filter((f) => fs.existsSync(f))) {
      expect(fs.readFileSync(file).includes(Buffer.from(secret))).toBe(false);
    }
    // Each sealing has its own IV: sealing the same secret twice gives two values.
    t.db.prepare('UPDATE user_totp SET secret = ? WHERE user_id = ?').run(secret, userId('forseglet@aust.no'));
    expect(t.services.twoFactor.sealStoredSecrets().sealed).toBe(1);
    expect(stored('forseglet@aust.no')).not.toBe(String(row.secret));
    expect(totpSecretOf(t.db, 'forseglet@aust.no')).toBe(secret);
  });

  it('does not open a sealed value moved to another user’s row: a clear refusal, never a 5xx, and not signed in', async () => {
    await createUser(t.services, { email: 'eier@aust.no', municipality: 'aust', roles: ['analyst'] });
    await createUser(t.services, { email: 'tjuv@aust.no', municipality: 'aust', roles: ['analyst'] });
    await enrol((await signIn(t.app, 'eier@aust.no')).agent, 'eier@aust.no');
    await enrol((await signIn(t.app, 'tjuv@aust.no')).agent, 'tjuv@aust.no');
    const ownersCode = codeAt('eier@aust.no', Math.floor(t.clock.now().getTime() / STEP_MS) + 1);
    t.db.prepare('UPDATE user_totp SET secret = ? WHERE user_id = ?').run(stored('eier@aust.no'), userId('tjuv@aust.no'));

    const agent = anonymousAgent(t.app);
    expect((await password(agent, 'tjuv@aust.no')).headers.location).toBe('/login/kode');
    const res = await agent.post('/login/kode').type('form').send({ code: ownersCode });
    expect(res.status).toBe(403);
    expect(res.text).toContain('nøkkelen som beskytter tofaktorautentiseringen, ikke stemmer');
    expect((await agent.get('/admin')).status).toBe(303);
    expect(JSON.parse(audit('login.second_factor_failed', userId('tjuv@aust.no')).at(-1)!)).toEqual({ reason: 'unreadable' });
    // The owner's own row is untouched and still works.
    expect((await signIn(t.app, 'eier@aust.no')).agent).toBeDefined();
  });

  it('still signs in with a secret stored in clear before sealing came, and seals it on that first use', async () => {
    await createUser(t.services, { email: 'gammel@aust.no', municipality: 'aust', roles: ['analyst'] });
    await enrol((await signIn(t.app, 'gammel@aust.no')).agent, 'gammel@aust.no');
    const secret = totpSecretOf(t.db, 'gammel@aust.no')!;
    t.db.prepare('UPDATE user_totp SET secret = ? WHERE user_id = ?').run(secret, userId('gammel@aust.no'));
    expect(stored('gammel@aust.no')).toBe(secret);

    const agent = anonymousAgent(t.app);
    const code = nextTotpCode(t, 'gammel@aust.no');
    expect((await password(agent, 'gammel@aust.no')).headers.location).toBe('/login/kode');
    const res = await agent.post('/login/kode').type('form').send({ code });
    expect([res.status, res.headers.location]).toEqual([303, '/admin']);
    expect(stored('gammel@aust.no')).toMatch(/^v1:/);
    expect(stored('gammel@aust.no')).not.toContain(secret);
    expect(totpSecretOf(t.db, 'gammel@aust.no')).toBe(secret);
  });

  it('refuses cleanly under the wrong key: the 403 page names recovery codes, the log says why, a recovery code still works', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const w = makeTestApp({ logger: createLogger('info', sink) });
    try {
      createMunicipality(w.services, 'aust');
      await createUser(w.services, { email: 'nokkel@aust.no', municipality: 'aust', roles: ['analyst'] });
      await createUser(w.services, { email: 'klar@aust.no', municipality: 'aust', roles: ['analyst'] });
      const first = await signIn(w.app, 'nokkel@aust.no');
      const enrolPage = await first.agent.get('/admin/konto/totp');
      await first.agent.post('/admin/konto/totp/start').type('form').send({ _csrf: csrfFrom(enrolPage.text) });
      const confirmPage = await first.agent.get('/admin/konto/totp');
      const confirmed = await first.agent.post('/admin/konto/totp').type('form').send({ _csrf: csrfFrom(confirmPage.text), code: nextTotpCode(w, 'nokkel@aust.no') });
      const recovery = [...confirmed.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
      expect(recovery).toHaveLength(10);
      const secret = totpSecretOf(w.db, 'nokkel@aust.no')!;
      // Another user's secret still in clear: sealed at start-up, as the server does before it listens.
      await signIn(w.app, 'klar@aust.no');
      const klar = w.db.prepare("SELECT id FROM users WHERE email = 'klar@aust.no'").pluck().get() as number;
      w.services.twoFactor.start(klar);
      const klarSecret = totpSecretOf(w.db, 'klar@aust.no')!;
      w.db.prepare('UPDATE user_totp SET secret = ? WHERE user_id = ?').run(klarSecret, klar);
      expect(w.services.twoFactor.sealStoredSecrets()).toEqual({ sealed: 1, unreadable: 0 });
      expect(JSON.stringify(w.db.prepare('SELECT * FROM user_totp').all())).not.toMatch(new RegExp(`${secret}|${klarSecret}`));

      // The server started again with another TOTP_SECRET_KEY (or without the data folder's totp-key).
      w.services.twoFactor.configure({ key: 'another-key-another-key-another-key-9876', logger: createLogger('info', sink) });
      expect(w.services.twoFactor.sealStoredSecrets()).toEqual({ sealed: 0, unreadable: 2 });
      const agent = anonymousAgent(w.app);
      const code = nextTotpCode(w, 'nokkel@aust.no');
      expect((await password(agent, 'nokkel@aust.no')).headers.location).toBe('/login/kode');
      const refused = await agent.post('/login/kode').type('form').send({ code });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('Du kan logge inn med en av gjenopprettingskodene dine i stedet.');
      expect((await agent.get('/admin')).status).toBe(303);
      const logged = lines.filter((line) => line.includes('TOTP secret cannot be opened with this key'));
      expect(logged.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(secret);
      // A recovery code is only a hash: it still signs in, and the page's forms refuse the app's code with the message.
      const viaRecovery = await agent.post('/login/kode').type('form').send({ code: recovery[0]! });
      expect(viaRecovery.status).toBe(303);
      const page = await agent.get('/admin/konto/totp');
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-testid="totp-unreadable"');
      const renew = await agent.post('/admin/konto/totp/nye-koder').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(w, 'nokkel@aust.no') });
      expect(renew.status).toBe(400);
      expect(renew.text).toContain('href="#field-renewCode"');
      expect(renew.text).toContain('nøkkelen som beskytter tofaktorautentiseringen, ikke stemmer');
      // A pending enrolment sealed under the old key shows as none: the person starts again.
      const klarAgent = await signIn(w.app, 'klar@aust.no');
      expect((await klarAgent.agent.get('/admin/konto/totp')).text).toContain('action="/admin/konto/totp/start"');
    } finally {
      w.close();
    }
  });
});

describe('new recovery codes (#21 follow-up)', () => {
  jest.setTimeout(30_000);

  it('makes ten new codes for a current code, shown once; the old ones stop working; the page counts what is left', async () => {
    await createUser(t.services, { email: 'nye-koder@aust.no', municipality: 'aust', roles: ['analyst'] });
    const old = await enrol((await signIn(t.app, 'nye-koder@aust.no')).agent, 'nye-koder@aust.no');
    const id = userId('nye-koder@aust.no');
    // One code used to sign in: nine left, and the page says so.
    const agent = anonymousAgent(t.app);
    await password(agent, 'nye-koder@aust.no');
    expect((await agent.post('/login/kode').type('form').send({ code: old[0]! })).status).toBe(303);
    const page = await agent.get('/admin/konto/totp');
    expect(page.text).toContain('Du har 9 ubrukte gjenopprettingskoder.');
    expect(page.text).toContain('action="/admin/konto/totp/nye-koder"');
    // Two forms with a code field on the page, each with its own id.
    expect(page.text.match(/id="field-renewCode"/g)).toHaveLength(1);
    expect(page.text.match(/id="field-code"/g)).toHaveLength(1);

    // A wrong code, and a recovery code instead of one from the app: refused on the field, nothing changes.
    for (const code of ['12345', old[1]!]) {
      const wrong = await agent.post('/admin/konto/totp/nye-koder').type('form').send({ _csrf: csrfFrom(page.text), code });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('href="#field-renewCode"');
      expect(wrong.text).toContain('id="field-renewCode-error"');
    }
    expect(t.services.twoFactor.state(id, 'nye-koder@aust.no').recoveryCodesLeft).toBe(9);
    expect(audit('account.recovery_codes_renewed', id)).toHaveLength(0);

    const renewed = await agent.post('/admin/konto/totp/nye-koder').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, 'nye-koder@aust.no') });
    expect(renewed.status).toBe(200);
    expect(renewed.text).toContain('De nye gjenopprettingskodene dine');
    const fresh = [...renewed.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    // The same app code again is a replay.
    const replay = await agent.post('/admin/konto/totp/nye-koder').type('form').send({ _csrf: csrfFrom(page.text), code: codeAt('nye-koder@aust.no', lastStep('nye-koder@aust.no')) });
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('Koden er allerede brukt.');

    // Shown once: the page counts ten and shows none of them.
    const after = await agent.get('/admin/konto/totp');
    expect(after.text).toContain('Du har 10 ubrukte gjenopprettingskoder.');
    for (const code of fresh) expect(after.text).not.toContain(code);
    // An old, unused code no longer signs in; a new one does.
    const oldTry = anonymousAgent(t.app);
    await password(oldTry, 'nye-koder@aust.no');
    expect((await oldTry.post('/login/kode').type('form').send({ code: old[2]! })).status).toBe(401);
    expect(JSON.parse(audit('login.second_factor_failed', id).at(-1)!)).toEqual({ reason: 'wrong' });
    expect((await oldTry.post('/login/kode').type('form').send({ code: fresh[0]! })).status).toBe(303);

    // Audited once, with no code in the audit log.
    expect(audit('account.recovery_codes_renewed', id).map((d) => JSON.parse(d!))).toEqual([{ count: 10 }]);
    const log = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    for (const code of [...old, ...fresh]) expect(log).not.toContain(code);
  });
});

describe('enrolling or removing ends the other sessions (#21 follow-up)', () => {
  jest.setTimeout(30_000);

  it('signs out a second signed-in agent of the same user when the first enrols, and again when it turns it off; the first stays', async () => {
    await createUser(t.services, { email: 'to-okter@aust.no', municipality: 'aust', roles: ['analyst'] });
    await createUser(t.services, { email: 'kollega@aust.no', municipality: 'aust', roles: ['analyst'] });
    const first = await signIn(t.app, 'to-okter@aust.no');
    const second = await signIn(t.app, 'to-okter@aust.no');
    const other = await signIn(t.app, 'kollega@aust.no');
    expect((await second.agent.get('/admin')).status).toBe(200);

    await enrol(first.agent, 'to-okter@aust.no');
    const signedOut = await second.agent.get('/admin');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/login/);
    expect((await first.agent.get('/admin')).status).toBe(200);
    // Another user's session is none of its business.
    expect((await other.agent.get('/admin')).status).toBe(200);

    const third = await signIn(t.app, 'to-okter@aust.no');
    expect((await third.agent.get('/admin')).status).toBe(200);
    const page = await first.agent.get('/admin/konto/totp');
    const off = await first.agent.post('/admin/konto/totp/av').type('form').send({ _csrf: csrfFrom(page.text), code: nextTotpCode(t, 'to-okter@aust.no') });
    expect(off.status).toBe(303);
    expect((await third.agent.get('/admin')).status).toBe(303);
    expect((await first.agent.get('/admin')).status).toBe(200);
  });
});
