// Following by e-mail (#20.1, #20.2, #20.6) against a real SMTP server run by the test: double opt-in, a notice of each
// kind in the follower's language with RFC 8058 headers and both parts, one-click unsubscribe, retries with backoff,
// the weekly digest, erasure and the cleanup, .eml files without SMTP, and addresses kept out of every staff page,
// export, the API and the logs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createLogger } from '../../src/lib/logger';
import { fileTransport, smtpTransport, type MailTransport } from '../../src/modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS, type NoticeSender } from '../../src/modules/notices/notice-sender';
import { nextDigestAt } from '../../src/modules/notices/digest-schedule';
import { buildJourney } from '../helpers/journeys';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { REPORT, report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_BASE_URL, type TestApp } from '../helpers/test-app';

const LOG: string[] = [];
const logger = createLogger('trace', new Writable({ write(chunk, _enc, done) { LOG.push(String(chunk)); done(); } }));

let t: TestApp;
let mail: MailServer;
let sender: NoticeSender;
let transport: MailTransport;
let m: number;
let journeyPath: string;
let now = new Date('2026-03-02T10:00:00.000Z');
const tick = (ms: number) => {
  now = new Date(now.getTime() + ms);
  t.clock.set(now);
};
const OPTIONS = { ...DEFAULT_SENDER_OPTIONS, maxAttempts: 3, baseDelayMs: 60_000 };

beforeAll(async () => {
  t = makeTestApp({ logger });
  t.clock.set(now);
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  sender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport, logger, options: OPTIONS });
  m = createMunicipality(t.services, 'folgby', 'Følgby kommune', { premoderation: false });
  buildJourney(t.services, 'folgby', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  journeyPath = '/folgby/reiser/reise';
  await createUser(t.services, { email: 'moderator@folgby.test', municipality: 'folgby', roles: ['moderator', 'analyst', 'admin'] });
});
afterAll(async () => {
  transport.close();
  await mail.close();
  t.close();
});

let emailCounter = 0;
const newEmail = () => `innbygger${++emailCounter}@eksempel.no`;
const rows = (sql: string, ...params: unknown[]) => t.db.prepare(sql).all(...params) as Record<string, unknown>[];
const count = (sql: string, ...params: unknown[]) => t.db.prepare(sql).pluck().get(...params) as number;

/** Every row of every table as text: where an address could be kept. */
function everything(): string {
  const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.map((name) => JSON.stringify(t.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

async function newReport(): Promise<{ id: number; agent: ReturnType<typeof request.agent> }> {
  const r = await resident(t.app, journeyPath);
  const id = await report(r, journeyPath, { title: `${REPORT.title} ${++emailCounter}` });
  return { id, agent: r.agent };
}

/** A header as it was sent (mailparser turns List-* headers into a structure). */
const header = (msg: ParsedMail, name: string) => msg.headerLines.find((h) => h.key === name)?.line.slice(name.length + 1).trim();

/** Messages the server accepted since `from`, for one recipient. */
const to = (email: string, from = 0) => mail.accepted.slice(from).filter((msg) => (msg.to as { text: string }).text === email);

/** Follows through the form and the confirmation e-mail's link; returns the confirmation message. */
async function follow(formPath: string, email: string, options: { mode?: string; lang?: string; agent?: ReturnType<typeof request.agent> } = {}): Promise<ParsedMail> {
  const agent = options.agent ?? request.agent(t.app);
  const before = mail.accepted.length;
  const res = await agent.post(`${formPath}/folg${options.lang ? `?lang=${options.lang}` : ''}`).type('form').send({ email, mode: options.mode ?? 'immediate' });
  expect(res.status).toBe(200);
  await sender.round();
  const [confirmation] = to(email, before);
  expect(confirmation).toBeDefined();
  const link = new URL(/https:\/\/\S+\/folg\/bekreft\/\S+/.exec(confirmation!.text!)![0]);
  const page = await request(t.app).get(link.pathname);
  expect(page.status).toBe(200);
  const done = await request(t.app).post(link.pathname).type('form').send({});
  expect(done.status).toBe(200);
  return confirmation!;
}

describe('following by e-mail: double opt-in', () => {
  it('keeps no address until the link is used, then follows; the answer never tells whether the address followed already', async () => {
    const { id } = await newReport();
    const email = newEmail();
    const res = await request(t.app).post(`/folgby/innspill/${id}/folg`).type('form').send({ email, mode: 'immediate' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(count('SELECT count(*) FROM follow_addresses')).toBe(0);
    await sender.round();
    // Sent: the outbox forgot the address and the link; the request holds it sealed, so no table has it readable.
    expect(everything()).not.toContain(email);
    const [confirmation] = to(email);
    expect(confirmation!.subject).toContain('Bekreft');
    const link = /https:\/\/\S+\/folg\/bekreft\/(\S+)/.exec(confirmation!.text!)!;
    expect(confirmation!.html).toContain(link[0]);
    // The link's GET only asks (mail scanners open links); the button confirms.
    const path1 = new URL(link[0]).pathname;
    expect((await request(t.app).get(path1)).text).toContain('Ja, følg med');
    expect(count('SELECT count(*) FROM follow_addresses')).toBe(0);
    const done = await request(t.app).post(path1).type('form').send({});
    expect(done.status).toBe(200);
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(1);
    expect(count('SELECT count(*) FROM follows WHERE pain_point_id = ?', id)).toBe(1);
    // Used once: the same link is gone.
    expect((await request(t.app).post(path1).type('form').send({})).status).toBe(410);
  });

  it('answers 410 for a link older than 48 hours, and keeps nothing of it', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await request(t.app).post(`/folgby/innspill/${id}/folg`).type('form').send({ email, mode: 'weekly' });
    await sender.round();
    const link = new URL(/https:\/\/\S+\/folg\/bekreft\/\S+/.exec(to(email)[0]!.text!)![0]).pathname;
    tick(48 * 60 * 60 * 1000 + 1000);
    expect((await request(t.app).get(link)).status).toBe(410);
    const refused = await request(t.app).post(link).type('form').send({});
    expect(refused.status).toBe(410);
    expect(refused.text).toContain('48');
    t.services.follows.cleanup();
    expect(count('SELECT count(*) FROM follow_requests')).toBe(0);
  });

  it('refuses a bad address with 400, the form again and what was typed kept; an unknown field too', async () => {
    const { id } = await newReport();
    const res = await request(t.app).post(`/folgby/innspill/${id}/folg`).type('form').send({ email: 'ikke-en-adresse', mode: 'immediate' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('error-summary');
    // The answer page's language links lead back to the form, in that language.
    const back = await request(t.app).get(`/folgby/innspill/${id}/folg?lang=en`);
    expect([back.status, back.headers.location]).toEqual([303, `/folgby/innspill/${id}?lang=en#follow-heading`]);
    expect(res.text).toContain('value="ikke-en-adresse"');
    expect((await request(t.app).post(`/folgby/innspill/${id}/folg`).type('form').send({ email: newEmail(), mode: 'immediate', role: 'admin' })).status).toBe(400);
    expect((await request(t.app).post(`/folgby/innspill/${id}/folg`).type('form').send({ email: newEmail(), mode: 'hourly' })).status).toBe(400);
  });

  it('lets nobody follow a report they cannot see (another resident\'s pending report): 404', async () => {
    const pm = createMunicipality(t.services, 'ventby', 'Ventby', { premoderation: true });
    buildJourney(t.services, 'ventby', { slug: 'reise', phases: { A: ['a'] }, publish: true });
    const r = await resident(t.app, '/ventby/reiser/reise');
    const id = await report(r, '/ventby/reiser/reise');
    expect(count("SELECT count(*) FROM pain_points WHERE id = ? AND moderation_status = 'pending'", id)).toBe(1);
    expect((await request(t.app).post(`/ventby/innspill/${id}/folg`).type('form').send({ email: newEmail(), mode: 'immediate' })).status).toBe(404);
    expect((await r.agent.post(`/ventby/innspill/${id}/folg`).type('form').send({ email: newEmail(), mode: 'immediate' })).status).toBe(200);
    expect(pm).toBeGreaterThan(0);
  });
});

describe('notices of each kind', () => {
  function expectListMail(msg: ParsedMail) {
    expect(header(msg, 'list-unsubscribe')).toMatch(/^<https:\/\/reisekart\.test\.example\/folg\/avmeld\/f\d+\.[\w-]+>$/);
    expect(header(msg, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(msg.text).toContain('/folg/adresse/');
    expect(msg.html).toContain('/folg/adresse/');
    expect(msg.messageId).toMatch(/^<reisekart\.\d+\.notice@reisekart\.test\.example>$/);
  }

  it('an official answer arrives once, in the follower\'s language, plain and HTML, with one-click unsubscribe', async () => {
    const { id } = await newReport();
    const english = newEmail();
    const nynorsk = newEmail();
    await follow(`/folgby/innspill/${id}`, english, { lang: 'en' });
    await follow(`/folgby/innspill/${id}`, nynorsk, { lang: 'nn' });
    const before = mail.accepted.length;
    t.services.moderation.answer(null, m, id, 'planned', 'Vi retter dette i vår.');
    await sender.round();
    await sender.round();
    const [en] = to(english, before);
    const [nn] = to(nynorsk, before);
    expect(to(english, before)).toHaveLength(1);
    expect(en!.subject).toMatch(/^Answer to “/);
    expect(en!.text).toContain('Vi retter dette i vår.');
    expect(en!.text).toContain('Status now: Planned');
    expect(en!.html).toContain('lang="en"');
    expectListMail(en!);
    expect(nn!.subject).toMatch(/^Svar på «/);
    expect(nn!.html).toContain('lang="nn"');
    expect(count("SELECT count(*) FROM outbox WHERE status = 'sent' AND kind = 'answer'")).toBeGreaterThanOrEqual(2);
  });

  it('a status change through an initiative, and the initiative\'s progress, each arrive once', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email);
    const owner = t.services.departments.findOrCreate(m, 'Byggesak', 'municipal');
    const before = mail.accepted.length;
    const initiative = t.services.portfolio.create(null, m, { title: 'Ny telefonløsning', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'in_progress', progress: 10, publicNote: 'Vi bytter system.' }, [id]);
    await sender.round();
    const [status] = to(email, before);
    expect(to(email, before)).toHaveLength(1);
    expect(status!.subject).toMatch(/^Ny status for «/);
    expect(status!.text).toContain('Status nå: Under arbeid');
    expect(status!.text).toContain('Vi bytter system.');
    const mid = mail.accepted.length;
    t.services.portfolio.update(1, m, initiative, { title: 'Ny telefonløsning', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'in_progress', progress: 60, publicNote: 'Halvveis.' });
    await sender.round();
    const [progress] = to(email, mid);
    expect(to(email, mid)).toHaveLength(1);
    expect(progress!.subject).toMatch(/^Nytt om arbeidet med «/);
    expect(progress!.text).toContain('60 %');
  });

  it('a merge says where to follow now, and the follow goes on with the report it was merged into', async () => {
    const { id: duplicate } = await newReport();
    const { id: target } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${duplicate}`, email);
    const before = mail.accepted.length;
    t.services.moderation.merge(null, m, duplicate, target);
    await sender.round();
    const [merged] = to(email, before);
    expect(to(email, before)).toHaveLength(1);
    expect(merged!.subject).toContain('slått sammen');
    expect(merged!.text).toContain(`/folgby/innspill/${target}`);
    expect(count('SELECT count(*) FROM follows WHERE pain_point_id = ?', target)).toBe(1);
    const after = mail.accepted.length;
    t.services.moderation.answer(null, m, target, 'under_review', 'Vi ser på det.');
    await sender.round();
    expect(to(email, after)).toHaveLength(1);
  });

  it('a rejection reaches only the reporter who follows their own report, with the reason', async () => {
    const { id, agent } = await newReport();
    const reporter = newEmail();
    const other = newEmail();
    await follow(`/folgby/innspill/${id}`, reporter, { agent });
    await follow(`/folgby/innspill/${id}`, other);
    const before = mail.accepted.length;
    t.services.moderation.reject(null, m, id, 'Innspillet gjelder en privat sak.');
    await sender.round();
    expect(to(other, before)).toHaveLength(0);
    const [rejected] = to(reporter, before);
    expect(to(reporter, before)).toHaveLength(1);
    expect(rejected!.text).toContain('Innspillet gjelder en privat sak.');
  });

  it('a journey\'s followers hear of answers to its published reports, once per address even when following both', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(journeyPath, email);
    await follow(`/folgby/innspill/${id}`, email);
    const before = mail.accepted.length;
    t.services.moderation.answer(null, m, id, 'solved', 'Fikset.');
    await sender.round();
    expect(to(email, before)).toHaveLength(1);
  });
});

describe('unsubscribing and managing', () => {
  it('one click (RFC 8058 POST, no cookies, no browser headers) deletes the follow and the address with it', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email);
    const before = mail.accepted.length;
    t.services.moderation.answer(null, m, id, 'under_review', '');
    await sender.round();
    const url = new URL(/^<(.+)>$/.exec(header(to(email, before)[0]!, 'list-unsubscribe')!)![1]!);
    const res = await request(t.app).post(url.pathname).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(0);
    // Again (a provider retrying): still fine.
    expect((await request(t.app).post(url.pathname).type('form').send('List-Unsubscribe=One-Click')).status).toBe(200);
    // A forged signature for a follow that exists is not honoured.
    const other = newEmail();
    await follow(`/folgby/innspill/${id}`, other);
    const followId = count('SELECT f.id FROM follows f JOIN follow_addresses a ON a.id = f.address_id WHERE a.email = ?', other);
    expect((await request(t.app).post(`/folg/avmeld/f${followId}.${'A'.repeat(32)}`).send('')).status).toBe(404);
  });

  it('the manage page lists follows, switches to weekly (then a digest), stops one, deletes all', async () => {
    const { id: a } = await newReport();
    const { id: b } = await newReport();
    const email = newEmail();
    const confirmation = await follow(`/folgby/innspill/${a}`, email);
    expect(header(confirmation, 'list-unsubscribe')).toBeUndefined();
    await follow(`/folgby/innspill/${b}`, email, { mode: 'weekly' });
    const before = mail.accepted.length;
    t.services.moderation.answer(null, m, a, 'under_review', '');
    await sender.round();
    const manage = new URL(/https:\/\/\S+\/folg\/adresse\/\S+/.exec(to(email, before)[0]!.text!)![0]).pathname;
    const page = await request(t.app).get(manage);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(email);
    const followA = count('SELECT id FROM follows WHERE pain_point_id = ?', a);
    const switched = await request(t.app).post(`${manage}/folger/${followA}/varsling`).type('form').send({ mode: 'weekly' });
    expect(switched.status).toBe(303);
    // Weekly: nothing now, one digest with both at the next digest time.
    const mid = mail.accepted.length;
    t.services.moderation.answer(null, m, a, 'planned', 'Planlagt.');
    t.services.moderation.answer(null, m, b, 'planned', 'Også planlagt.');
    await sender.round();
    expect(to(email, mid)).toHaveLength(0);
    tick(nextDigestAt(now).getTime() - now.getTime());
    await sender.round();
    const digest = to(email, mid);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toContain('2');
    expect(digest[0]!.text).toContain('Også planlagt.');
    expect(header(digest[0]!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(digest[0]!, 'list-unsubscribe')).toMatch(/\/folg\/avmeld\/a\d+\./);
    // Stop one, then delete the rest: the address is gone and the link with it.
    expect((await request(t.app).post(`${manage}/folger/${followA}/slett`).type('form').send({})).status).toBe(303);
    expect((await request(t.app).post(`${manage}/slett`).type('form').send({})).status).toBe(200);
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(0);
    expect((await request(t.app).get(manage)).status).toBe(410);
  });
});

describe('erasure and the cleanup', () => {
  it('deleting one\'s "me too" takes one\'s follow of that report and the address', async () => {
    const { id } = await newReport();
    const voter = request.agent(t.app);
    await voter.get(`/folgby/innspill/${id}`);
    expect((await voter.post(`/folgby/innspill/${id}/meg-ogsa`).type('form').send({ severity: '3' })).status).toBe(303);
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email, { agent: voter });
    expect((await voter.post(`/mine/stemmer/${id}/slett`).type('form').send({})).status).toBe(303);
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(0);
  });

  it('deletes follows 30 days after the report closed, and the address with its last one', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email);
    t.services.moderation.answer(null, m, id, 'solved', 'Ferdig.');
    tick(29 * 24 * 60 * 60 * 1000);
    t.services.follows.cleanup();
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(1);
    tick(2 * 24 * 60 * 60 * 1000);
    t.services.follows.cleanup();
    expect(count('SELECT count(*) FROM follow_addresses WHERE email = ?', email)).toBe(0);
  });
});

describe('delivery', () => {
  it('retries a refused e-mail with a doubling wait and marks it failed after the last attempt', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email);
    mail.refuse = 451;
    try {
      t.services.moderation.answer(null, m, id, 'under_review', 'Prøver igjen.');
      const row = () => rows("SELECT o.status, o.attempts, o.next_attempt_at, o.last_error FROM outbox o JOIN follows f ON f.id = o.follow_id WHERE f.pain_point_id = ? AND o.kind = 'answer'", id)[0]!;
      await sender.round();
      expect(row()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP 451', next_attempt_at: new Date(now.getTime() + 60_000).toISOString() });
      await sender.round();
      expect(row().attempts).toBe(1); // not due yet
      tick(60_000);
      await sender.round();
      expect(row()).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(now.getTime() + 120_000).toISOString() });
      tick(120_000);
      await sender.round();
      expect(row()).toMatchObject({ status: 'failed', attempts: 3 });
      expect(to(email)).toHaveLength(1); // the confirmation only
      // A permanent refusal fails at once.
      mail.refuse = 550;
      t.services.moderation.answer(null, m, id, 'planned', 'Igjen.');
      await sender.round();
      expect(rows("SELECT status, attempts FROM outbox WHERE kind = 'answer' ORDER BY id DESC LIMIT 1")[0]).toEqual({ status: 'failed', attempts: 1 });
    } finally {
      mail.refuse = null;
    }
  });

  it('writes .eml files without an SMTP server, one file named by its outbox row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-eml-'));
    const files = fileTransport(dir);
    const fileSender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport: files, logger, options: OPTIONS });
    const { id } = await newReport();
    await request(t.app).post(`/folgby/innspill/${id}/folg?lang=en`).type('form').send({ email: newEmail(), mode: 'immediate' });
    await fileSender.round();
    const written = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(written).toHaveLength(1);
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, written[0]!)));
    expect(parsed.subject).toMatch(/^Confirm: follow/);
    expect(parsed.text).toContain('/folg/bekreft/');
    files.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('addresses are never shown', () => {
  it('no staff page, export, API answer or log line holds a follower\'s address', async () => {
    const { id } = await newReport();
    const email = newEmail();
    await follow(`/folgby/innspill/${id}`, email);
    t.services.moderation.answer(null, m, id, 'planned', 'Kommer.');
    await sender.round();
    const { agent } = await signIn(t.app, 'moderator@folgby.test');
    const pages = [
      `/admin/folgby/moderation/${id}`, '/admin/folgby/moderation?status=all', '/admin/folgby/insights', `/admin/folgby/insights/${id}`,
      '/admin/folgby/insights/export?format=csv', '/admin/folgby/insights/export?format=json', '/admin/folgby/portfolio/export?format=csv',
      '/admin/folgby/settings/audit',
    ];
    for (const p of pages) {
      const res = await agent.get(p).buffer(true).parse((r, done) => { let s = ''; r.on('data', (c: Buffer) => (s += String(c))); r.on('end', () => done(null, s)); });
      expect([p, res.status]).toEqual([p, 200]);
      expect([p, String(res.body)]).not.toEqual([p, expect.stringContaining(email)]);
    }
    for (const p of ['/api/v1/municipalities/folgby/candidates', '/api/v1/municipalities/folgby/journeys/reise']) {
      expect((await request(t.app).get(p)).text).not.toContain(email);
    }
    expect(LOG.join('')).not.toContain(email);
    expect(LOG.join('')).not.toMatch(/\/folg\/(bekreft|avmeld|adresse)\/[^[]/);
  });
});
