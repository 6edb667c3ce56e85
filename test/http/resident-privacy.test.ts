// SECURITY.md 21 and 23: no raw address and no raw participant cookie value is stored anywhere in the database, and a
// resident's deleted pain point and withdrawn vote are gone from every page, the open data API and the staff export.
import request from 'supertest';
import { participantCookies, PARTICIPANT_COOKIE } from '../../src/modules/feedback/participant-key';
import { buildJourney } from '../helpers/journeys';
import { report, resident, type Resident } from '../helpers/residents';
import { anonymousAgent, createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

const ADDRESS = '198.51.100.77';
const STEP = '/aust/reiser/reise';

let t: TestApp;
let stepPath: string;
beforeAll(async () => {
  // Behind one proxy, so the client address the app sees is the distinctive one below.
  t = makeTestApp({ trustProxy: 1 });
  const m = createMunicipality(t.services, 'aust');
  t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  stepPath = `${STEP}/steg/${j.stepIds[0]}`;
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
});
afterAll(() => t.close());

function participantValue(r: Resident): string {
  const cookie = r.agent.jar.getCookie(PARTICIPANT_COOKIE, { domain: '127.0.0.1', path: '/', secure: false, script: false });
  if (!cookie) throw new Error('no participant cookie');
  // The random value behind the server's signature is what must never be stored.
  const value = participantCookies('test-secret-test-secret-test-secret-1234').read(decodeURIComponent(cookie.value));
  if (!value) throw new Error('participant cookie not signed by the server');
  return value;
}

/** Every value of every row of every table, as one string. */
function wholeDatabase(): string {
  const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.map((name) => JSON.stringify(t.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

describe('what the database keeps of a resident', () => {
  jest.setTimeout(30_000);

  it('holds no raw address and no raw participant cookie value after reports, votes, flags and sign-ins', async () => {
    const xff = { 'X-Forwarded-For': ADDRESS };
    const author = await resident(t.app, stepPath);
    const id = await report({ agent: author.agent.set(xff) }, stepPath);
    const voter = await resident(t.app, stepPath);
    expect((await voter.agent.post(`/aust/innspill/${id}/meg-ogsa`).set(xff).type('form').send({ severity: '2' })).status).toBe(303);
    expect((await voter.agent.post(`/aust/innspill/${id}/rapporter`).set(xff).type('form').send({ reason: 'spam' })).status).toBe(303);
    const agent = anonymousAgent(t.app);
    expect((await agent.post('/login').set(xff).type('form').send({ email: 'analyst@aust.no', password: 'wrong-password' })).status).toBe(401);
    await signIn(t.app, 'analyst@aust.no');

    const stored = wholeDatabase();
    expect(stored).toContain('Fikk ikke svar'); // the scan reads the rows the flow wrote
    for (const secret of [ADDRESS, '127.0.0.1', '::ffff:', participantValue(author), participantValue(voter)]) {
      expect([secret, stored.includes(secret)]).toEqual([secret, false]);
    }
  });
});

describe('after a resident deletes their pain point and withdraws their vote', () => {
  jest.setTimeout(30_000);

  it('neither shows on any page, in the open data API or in the staff export', async () => {
    const me = await resident(t.app, stepPath);
    const mine = await report(me, stepPath, { title: 'Mitt eget Lyngheia-innspill' });
    const theirs = await report(await resident(t.app, stepPath), stepPath, { title: 'Andres Myrullinnspill' });
    const supporter = await resident(t.app, stepPath);
    await supporter.agent.post(`/aust/innspill/${mine}/meg-ogsa`).type('form').send({});
    await me.agent.post(`/aust/innspill/${theirs}/meg-ogsa`).type('form').send({});
    const analyst = (await signIn(t.app, 'analyst@aust.no')).agent;
    const supporters = async () => {
      const api = await request(t.app).get('/api/v1/municipalities/aust/candidates?limit=200');
      return api.body.candidates as { id: number; figures: { n: number } }[];
    };
    const exportJson = async () => (await analyst.get('/admin/aust/insights/export?format=json')).text;
    expect(JSON.stringify(await supporters())).toContain(String(theirs));
    expect(await exportJson()).toContain('Lyngheia');
    const supportersOfTheirs = async () => (await supporters()).find((c) => c.id === theirs)!.figures.n;
    const before = await supportersOfTheirs();

    expect((await me.agent.post(`/mine/innspill/${mine}/slett`).type('form').send({})).status).toBe(303);
    expect((await me.agent.post(`/mine/stemmer/${theirs}/slett`).type('form').send({})).status).toBe(303);

    const pages = await Promise.all([stepPath, STEP, '/aust/viktigst', `${STEP}/feed.atom`, `/aust/innspill/${mine}`].map((p) => request(t.app).get(p)));
    for (const page of pages) expect(page.text).not.toContain('Lyngheia');
    const api = await supporters();
    expect(api.some((c) => c.id === mine)).toBe(false);
    expect(await supportersOfTheirs()).toBe(before - 1);
    expect(await exportJson()).not.toContain('Lyngheia');
    expect(t.db.prepare('SELECT COUNT(*) FROM votes WHERE pain_point_id = ?').pluck().get(theirs)).toBe(0);
  });
});

// #20: the report form promised that names and national identity numbers are removed, yet "Jeg heter Ola Nordmann,
// fnr 01019912345" was stored whole (no name was removed, and the number fails its check digits).
describe('a report with a name and a mistyped national identity number, sent through the real form', () => {
  jest.setTimeout(30_000);

  it('shows both removed at the check step, and stores neither, also when the confirming form is tampered with', async () => {
    const r = await resident(t.app, stepPath);
    const raw = { title: 'Jeg heter Ola Nordmann, fnr 01019912345', body: 'Saksbehandler Per Hansen har ikke svart på tre uker.', severity: '4', channel: 'phone' };
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send(raw);
    expect(check.status).toBe(200);
    expect(check.text).toContain('Navn: 2');
    expect(check.text).toContain('Fødselsnummer eller D-nummer: 1');
    for (const secret of ['Ola Nordmann', 'Per Hansen', '01019912345']) expect([secret, check.text.includes(secret)]).toEqual([secret, false]);

    // The check step sends back the redacted text; report() confirms with the raw text instead, as a tampered form would.
    const id = await report(r, stepPath, raw);
    const row = t.db.prepare('SELECT title, body FROM pain_points WHERE id = ?').get(id);
    expect(row).toEqual({ title: 'Jeg heter [fjernet: navn], fnr [fjernet: fødselsnummer]', body: 'Saksbehandler [fjernet: navn] har ikke svart på tre uker.' });
    const stored = wholeDatabase();
    for (const secret of ['Ola Nordmann', 'Nordmann', 'Per Hansen', '01019912345']) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
    expect((await request(t.app).get(`/aust/innspill/${id}`)).text).toContain('Jeg heter [fjernet: navn]');
  });
});
