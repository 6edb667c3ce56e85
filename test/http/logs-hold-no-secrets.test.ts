// SECURITY.md 22: over a whole flow (first-admin setup link, sign-in with a password, a resident's report with
// distinctive text, a vote, moderation with an answer, every export, failures on the way) no log line holds a
// password, a token, a cookie value or resident text. The logger runs at its most verbose level, and console output
// is captured too.
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../src/lib/logger';
import { buildJourney } from '../helpers/journeys';
import { REPORT } from '../helpers/residents';
import { nextTotpCode, totpSecretOf } from '../helpers/second-factor';
import { createMunicipality, csrfFrom, makeTestApp, type Agent, type TestApp } from '../helpers/test-app';

const PASSWORD = 'Kvitveis-Sjokolade-Trompet-77';
const TITLE = 'Kvernhusbekken-skiltet mangler helt';
const BODY = 'Ringte Ravnåsen-kontoret tjueto ganger';
const ANSWER = 'Vi setter opp Blåklokke-skiltet i mai';
const REDACTED_TITLE = 'Skiltet ved Trollstua mangler';

let t: TestApp;
const lines: string[] = [];
const cookieValues = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!.split('=').slice(1).join('='));

beforeAll(() => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = makeTestApp({ logger: createLogger('trace', sink) });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
});
afterAll(() => {
  jest.restoreAllMocks();
  t.close();
});

async function open(agent: Agent, path: string): Promise<string> {
  const page = await agent.get(path);
  expect([path, page.status]).toEqual([path, 200]);
  return page.text;
}

/** The CSRF token of a signed-in person's page (anonymous forms carry none). */
const formOf = async (agent: Agent, path: string) => csrfFrom(await open(agent, path));

describe('logs over a whole flow', () => {
  jest.setTimeout(30_000);

  it('hold no password, token, cookie or resident text', async () => {
    const secrets: string[] = [PASSWORD, TITLE, BODY, ANSWER, REDACTED_TITLE, 'kari@example.no'];
    const token = t.services.auth.issueSetupToken();
    secrets.push(token);

    // First admin through the one-time link, then sign out and in again with the password.
    const admin = request.agent(t.app);
    await open(admin, `/setup/${token}`);
    const setup = await admin.post(`/setup/${token}`).type('form').send({ name: 'Kari', email: 'kari@example.no', password: PASSWORD, passwordConfirm: PASSWORD });
    expect(setup.status).toBe(303);
    secrets.push(...cookieValues(setup));
    // A platform admin enrols a second factor before anything else (#21.2): its secret, codes and recovery codes too.
    expect((await admin.get('/admin')).headers.location).toBe('/admin/konto/totp?returnTo=%2Fadmin');
    const startCsrf = await formOf(admin, '/admin/konto/totp');
    expect((await admin.post('/admin/konto/totp/start').type('form').send({ _csrf: startCsrf })).status).toBe(303);
    const enrolCsrf = await formOf(admin, '/admin/konto/totp');
    const enrolCode = nextTotpCode(t, 'kari@example.no');
    const enrolled = await admin.post('/admin/konto/totp').type('form').send({ _csrf: enrolCsrf, code: enrolCode });
    expect(enrolled.status).toBe(200);
    // (Six-digit codes are left out of the list: any six digits in a log line would match them.)
    secrets.push(totpSecretOf(t.db, 'kari@example.no')!, ...[...enrolled.text.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((r) => r[1]!));
    // The token is fetched before the POST is made: the agent attaches its cookies (the CSRF cookie among them) then.
    const logoutCsrf = await formOf(admin, '/admin');
    await admin.post('/logout').type('form').send({ _csrf: logoutCsrf });
    await open(admin, '/login?returnTo=%2Fadmin%3Fhemmelig%3D1');
    const wrong = await admin.post('/login').type('form').send({ email: 'kari@example.no', password: `${PASSWORD}-feil` });
    expect(wrong.status).toBe(401);
    const loginCode = nextTotpCode(t, 'kari@example.no');
    const login = await admin.post('/login').type('form').send({ email: 'kari@example.no', password: PASSWORD });
    expect(login.headers.location).toBe('/login/kode');
    const second = await admin.post('/login/kode').type('form').send({ code: loginCode });
    expect(second.status).toBe(303);
    secrets.push(...cookieValues(login), ...cookieValues(second), `${PASSWORD}-feil`);

    const m = createMunicipality(t.services, 'logg');
    t.db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m);
    buildJourney(t.services, 'logg', { slug: 'reise', phases: { A: ['a'] }, publish: true });

    // A resident reports through the check step, with the text in the query string of the form page too.
    const resident = request.agent(t.app);
    await open(resident, `/logg/reiser/reise/meld?title=${encodeURIComponent(TITLE)}`);
    const fields = { ...REPORT, title: TITLE, body: BODY };
    expect((await resident.post('/logg/reiser/reise/meld').type('form').send(fields)).status).toBe(200);
    const sent = await resident.post('/logg/reiser/reise/meld').type('form').send({ ...fields, confirmed: '1' });
    expect(sent.status).toBe(303);
    secrets.push(...cookieValues(sent));
    const painPoint = Number(/innspill\/(\d+)/.exec(sent.headers.location as string)![1]);

    // Moderation: approve, redact, answer.
    const csrf = await formOf(admin, `/admin/logg/moderation/${painPoint}`);
    secrets.push(csrf);
    for (const [action, body] of [
      ['approve', {}],
      ['redact', { title: REDACTED_TITLE, body: BODY }],
      ['answer', { status: 'planned', text: ANSWER }],
    ] as const) {
      const res = await admin.post(`/admin/logg/moderation/${painPoint}/${action}`).type('form').send({ _csrf: csrf, ...body });
      expect([action, res.status]).toEqual([action, 303]);
    }

    // Another resident votes.
    const voter = request.agent(t.app);
    await open(voter, `/logg/innspill/${painPoint}`);
    const voted = await voter.post(`/logg/innspill/${painPoint}/meg-ogsa`).type('form').send({ severity: '5' });
    expect(voted.status).toBe(303);
    secrets.push(...cookieValues(voted));

    // Every export, and a refused page on the way.
    for (const path of ['/admin/logg/insights/export?format=csv', '/admin/logg/insights/export?format=xlsx', '/admin/logg/insights/export?format=json', '/admin/logg/portfolio/export?format=csv']) {
      expect([path, (await admin.get(path)).status]).toEqual([path, 200]);
    }
    expect((await admin.get('/admin/logg/moderation/999999')).status).toBe(404);

    const log = lines.join('\n');
    expect(log).toContain('"path":"/login"');
    expect(log).toContain('"statusCode":401');
    // Each secret as sent, and as it would stand in a logged URL or JSON string.
    const forms = (s: string) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2), JSON.stringify(s).slice(1, -1)];
    const found = [...new Set(secrets)].filter((s) => s.length >= 8 && forms(s).some((f) => log.includes(f)));
    expect(found).toEqual([]);
    expect(secrets.length).toBeGreaterThan(12);
  });
});
