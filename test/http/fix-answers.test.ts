// "Is it fixed?" (#20.3) against a real SMTP server run by the test: when an initiative is done, each follower of its
// reports gets the question once, with three signed links; the GET asks, the POST answers (again: it changes); the
// answers show on the report's page (and move its ETag), in insights and on the portfolio; enough "no" reopens the
// report; a bad, tampered or outdated link is a 4xx.
import { Writable } from 'node:stream';
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { createLogger } from '../../src/lib/logger';
import { smtpTransport, type MailTransport } from '../../src/modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS, type NoticeSender } from '../../src/modules/notices/notice-sender';
import { nextDigestAt } from '../../src/modules/notices/digest-schedule';
import { buildJourney } from '../helpers/journeys';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { REPORT, report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_BASE_URL, type TestApp } from '../helpers/test-app';

const logger = createLogger('silent', new Writable({ write(_chunk, _enc, done) { done(); } }));

let t: TestApp;
let mail: MailServer;
let sender: NoticeSender;
let transport: MailTransport;
let m: number;
let owner: number;
const journeyPath = '/bedreby/reiser/reise';

beforeAll(async () => {
  t = makeTestApp({ logger });
  t.clock.set(new Date('2026-04-06T10:00:00.000Z'));
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  sender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport, logger, options: DEFAULT_SENDER_OPTIONS });
  m = createMunicipality(t.services, 'bedreby', 'Bedreby kommune', { premoderation: false });
  buildJourney(t.services, 'bedreby', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  owner = t.services.departments.findOrCreate(m, 'Teknisk', 'municipal');
  await createUser(t.services, { email: 'stab@bedreby.test', municipality: 'bedreby', roles: ['moderator', 'analyst', 'admin'] });
});
afterAll(async () => {
  transport.close();
  await mail.close();
  t.close();
});

let counter = 0;
const count = (sql: string, ...params: unknown[]) => t.db.prepare(sql).pluck().get(...params) as number;
const to = (email: string, from = 0) => mail.accepted.slice(from).filter((msg) => (msg.to as { text: string }).text === email);

async function newReport(): Promise<number> {
  const r = await resident(t.app, journeyPath);
  return report(r, journeyPath, { title: `${REPORT.title} ${++counter}` });
}

async function follow(id: number, lang?: string, mode = 'immediate'): Promise<string> {
  const email = `svarer${++counter}@eksempel.no`;
  const before = mail.accepted.length;
  await request(t.app).post(`/bedreby/innspill/${id}/folg${lang ? `?lang=${lang}` : ''}`).type('form').send({ email, mode }).expect(200);
  await sender.round();
  const link = new URL(/https:\/\/\S+\/folg\/bekreft\/\S+/.exec(to(email, before)[0]!.text!)![0]).pathname;
  await request(t.app).post(link).type('form').send({}).expect(200);
  return email;
}

const values = (status: string, progress: number) => ({
  title: 'Nytt skilt ved inngangen', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S' as const, confidence: 'high' as const, status: status as 'done', progress, publicNote: '',
});

/** The question e-mail's three links, by answer. */
function links(msg: ParsedMail): Record<'yes' | 'partly' | 'no', string> {
  const found = [...msg.text!.matchAll(/https:\/\/\S+\/folg\/bedre\/\S+\?svar=(yes|partly|no)/g)];
  expect(found.map((f) => f[1])).toEqual(['yes', 'partly', 'no']);
  for (const f of found) expect(msg.html).toContain(f[0].replace(/&/g, '&amp;'));
  return Object.fromEntries(found.map((f) => [f[1], new URL(f[0]).pathname + new URL(f[0]).search])) as Record<'yes' | 'partly' | 'no', string>;
}
const tokenPath = (link: string) => link.split('?')[0]!;
const answer = (link: string, svar: string) => request(t.app).post(tokenPath(link)).type('form').send({ svar });

describe('is it fixed?', () => {
  let id: number;
  let initiative: number;
  let emails: string[];
  let questions: Record<string, Record<'yes' | 'partly' | 'no', string>>;

  beforeAll(async () => {
    id = await newReport();
    emails = [await follow(id, 'en'), await follow(id), await follow(id), await follow(id)];
    initiative = t.services.portfolio.create(null, m, values('in_progress', 50), [id]);
    await sender.round();
  });

  it('asks each follower once, when the initiative is done, with three working links', async () => {
    const before = mail.accepted.length;
    t.services.portfolio.update(1, m, initiative, values('done', 100));
    await sender.round();
    await sender.round();
    questions = {};
    for (const email of emails) {
      const asked = to(email, before).filter((msg) => /bedre|better/i.test(msg.subject ?? ''));
      expect(asked).toHaveLength(1);
      questions[email] = links(asked[0]!);
    }
    const english = to(emails[0]!, before).find((msg) => msg.subject!.startsWith('Is it better now?'));
    expect(english!.text).toContain('Yes, it is better');
    expect(to(emails[1]!, before).find((msg) => msg.subject!.startsWith('Er det blitt bedre?'))!.html).toContain('lang="nb"');
    // Reopened and done again: nobody is asked twice about the same initiative and report.
    t.services.portfolio.update(1, m, initiative, values('in_progress', 90));
    t.services.portfolio.update(1, m, initiative, values('done', 100));
    expect(count("SELECT count(*) FROM outbox WHERE kind = 'fixed'")).toBe(emails.length);
    // Each link's GET only asks, with the e-mail's choice preselected; nothing is recorded yet.
    for (const svar of ['yes', 'partly', 'no'] as const) {
      const page = await request(t.app).get(questions[emails[1]!]![svar]);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toContain('no-store');
      expect(page.text).toMatch(new RegExp(`value="${svar}" checked`));
    }
    expect(count('SELECT count(*) FROM fix_answers')).toBe(0);
  });

  it('records an answer, shows it on the report\'s page with a new ETag, and changes it when answered again', async () => {
    const page = `/bedreby/innspill/${id}`;
    const before = await request(t.app).get(page);
    expect(before.text).not.toContain('Bekreftet av innbyggere');
    const done = await answer(questions[emails[0]!]!.yes, 'yes');
    expect(done.status).toBe(200);
    expect(done.text).toContain('Takk for svaret');
    const after = await request(t.app).get(page).set('If-None-Match', before.headers.etag as string);
    expect(after.status).toBe(200);
    expect(after.text).toContain('Bekreftet av innbyggere');
    expect(after.text).toContain('1 ja, 0 delvis, 0 nei');
    // Again, from the same follow: it changes, it does not add.
    expect((await answer(questions[emails[0]!]!.yes, 'partly')).status).toBe(200);
    expect((await request(t.app).get(page)).text).toContain('0 ja, 1 delvis, 0 nei');
    expect(count('SELECT count(*) FROM fix_answers WHERE pain_point_id = ?', id)).toBe(1);
    // The page of the link now says what was answered, preselected.
    expect((await request(t.app).get(tokenPath(questions[emails[0]!]!.yes))).text).toMatch(/value="partly" checked/);
  });

  it('reopens the report when enough say no, and staff see why', async () => {
    expect((await answer(questions[emails[1]!]!.no, 'no')).status).toBe(200);
    expect((await answer(questions[emails[2]!]!.no, 'no')).status).toBe(200);
    expect(count('SELECT response_status FROM pain_points WHERE id = ?', id)).toBe('solved' as unknown as number);
    expect((await answer(questions[emails[3]!]!.no, 'no')).status).toBe(200);
    expect(count('SELECT response_status FROM pain_points WHERE id = ?', id)).toBe('under_review' as unknown as number);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'pain_point.reopened_by_residents' AND entity_id = ?", id)).toBe(1);
    expect((await request(t.app).get(`/bedreby/innspill/${id}`)).text).toContain('0 ja, 1 delvis, 3 nei');
    const { agent } = await signIn(t.app, 'stab@bedreby.test');
    const portfolio = await agent.get(`/admin/bedreby/portfolio/${initiative}`);
    expect(portfolio.text).toContain('Innbyggerne sier det ikke er løst');
    const explain = await agent.get(`/admin/bedreby/insights/${id}`);
    expect(explain.text).toContain('Bekreftet av innbyggere: 0 ja, 1 delvis, 3 nei');
    const table = await agent.get('/admin/bedreby/insights');
    expect(table.text).toContain('Innbyggerne sier det ikke er løst');
  });

  it('refuses a bad or tampered link with 404, a bad answer with 400, and a link whose follow is gone with 410', async () => {
    const good = tokenPath(questions[emails[1]!]!.no);
    const token = good.split('/').pop()!;
    const tampered = `/folg/bedre/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await request(t.app).get(tampered)).status).toBe(404);
    expect((await request(t.app).post(tampered).type('form').send({ svar: 'yes' })).status).toBe(404);
    // The same follow's signature for another report does not answer for it.
    const other = await newReport();
    expect((await request(t.app).get(`/folg/bedre/${other}.${token.split('.').slice(1).join('.')}`)).status).toBe(404);
    expect((await request(t.app).get('/folg/bedre/ikke-en-lenke')).status).toBe(404);
    expect((await request(t.app).get(`${good}?svar=kanskje`)).status).toBe(400);
    expect((await answer(good, 'kanskje')).status).toBe(400);
    expect((await request(t.app).post(good).type('form').send({ svar: 'no', role: 'admin' })).status).toBe(400);
    expect((await request(t.app).post(good).type('form').send({})).status).toBe(400);
    // Unsubscribed: the link is gone, and the answer given stays counted (it never held the address).
    t.db.prepare('DELETE FROM follows WHERE id = (SELECT follow_id FROM fix_answers WHERE pain_point_id = ? AND answer = ? LIMIT 1)').run(id, 'no');
    const gone = [good, tokenPath(questions[emails[2]!]!.no), tokenPath(questions[emails[3]!]!.no)];
    const statuses = await Promise.all(gone.map(async (p) => (await request(t.app).get(p)).status));
    expect(statuses.filter((s) => s === 410)).toHaveLength(1);
    expect(count("SELECT count(*) FROM fix_answers WHERE pain_point_id = ? AND answer = 'no'", id)).toBe(3);
  });
});

describe('is it fixed? in a weekly digest', () => {
  it('carries the three links of its follow, which answer for that report', async () => {
    const id = await newReport();
    const email = await follow(id, undefined, 'weekly');
    const other = t.services.portfolio.create(null, m, values('done', 100), [id]);
    expect(other).toBeGreaterThan(0);
    const before = mail.accepted.length;
    t.clock.set(nextDigestAt(t.clock.now()));
    await sender.round();
    const [digest] = to(email, before);
    expect(digest).toBeDefined();
    const link = links(digest!);
    expect((await answer(link.no, 'no')).status).toBe(200);
    expect(count("SELECT answer FROM fix_answers WHERE pain_point_id = ?", id)).toBe('no' as unknown as number);
  });
});
