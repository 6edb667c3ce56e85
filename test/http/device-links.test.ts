// "Your contributions on another device" (#20.4) against a real SMTP server: a resident who follows with a confirmed
// address asks from a second browser, gets a single-use sign-in link valid 15 minutes, and sees their earlier
// contributions there. The answer never tells whether an address is known, and requests are limited.
import { Writable } from 'node:stream';
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { createLogger } from '../../src/lib/logger';
import { smtpTransport, type MailTransport } from '../../src/modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS, type NoticeSender } from '../../src/modules/notices/notice-sender';
import { FOLLOW_LIMITS } from '../../src/middleware/rate-limits';
import { buildJourney } from '../helpers/journeys';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { REPORT, report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, TEST_BASE_URL, type TestApp } from '../helpers/test-app';

const LOG: string[] = [];
const logger = createLogger('trace', new Writable({ write(chunk, _enc, done) { LOG.push(String(chunk)); done(); } }));

let t: TestApp;
let mail: MailServer;
let sender: NoticeSender;
let transport: MailTransport;
const journeyPath = '/enhetby/reiser/reise';
let now = new Date('2026-03-02T10:00:00.000Z');
const tick = (ms: number) => {
  now = new Date(now.getTime() + ms);
  t.clock.set(now);
};

beforeAll(async () => {
  t = makeTestApp({ logger });
  t.clock.set(now);
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  sender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport, logger, options: DEFAULT_SENDER_OPTIONS });
  createMunicipality(t.services, 'enhetby', 'Enhetby kommune', { premoderation: false });
  buildJourney(t.services, 'enhetby', { slug: 'reise', phases: { A: ['a'] }, publish: true });
});
afterAll(async () => {
  transport.close();
  await mail.close();
  t.close();
});

let counter = 0;
const to = (email: string, from = 0) => mail.accepted.slice(from).filter((msg) => (msg.to as { text: string }).text === email);
const count = (sql: string, ...params: unknown[]) => t.db.prepare(sql).pluck().get(...params) as number;

/** Browser A: a report, followed by e-mail with the address confirmed. */
async function residentWhoFollows(): Promise<{ agent: ReturnType<typeof request.agent>; title: string; email: string }> {
  const r = await resident(t.app, journeyPath);
  const title = `${REPORT.title} ${++counter}`;
  const id = await report(r, journeyPath, { title });
  const email = `enhet${counter}@eksempel.no`;
  const before = mail.accepted.length;
  expect((await r.agent.post(`/enhetby/innspill/${id}/folg`).type('form').send({ email, mode: 'weekly' })).status).toBe(200);
  await sender.round();
  const link = new URL(/https:\/\/\S+\/folg\/bekreft\/\S+/.exec(to(email, before)[0]!.text!)![0]);
  expect((await request(t.app).post(link.pathname).type('form').send({})).status).toBe(200);
  return { agent: r.agent, title, email };
}

/** Asks for a sign-in link from `agent`; returns the e-mail sent, if any. */
async function ask(agent: ReturnType<typeof request.agent>, email: string): Promise<{ text: string; message: ParsedMail | undefined }> {
  const before = mail.accepted.length;
  const res = await agent.post('/mine/annen-enhet').type('form').send({ email });
  expect(res.status).toBe(200);
  await sender.round();
  return { text: res.text, message: to(email, before)[0] };
}

const linkIn = (message: ParsedMail) => new URL(/https:\/\/\S+\/mine\/annen-enhet\/\S+/.exec(message.text!)![0]).pathname;

describe('your contributions on another device', () => {
  it('is offered on /mine, as a form that works without JavaScript', async () => {
    const mine = await request(t.app).get('/mine');
    expect(mine.text).toContain('href="/mine/annen-enhet"');
    const form = await request(t.app).get('/mine/annen-enhet');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<form method="post" action="/mine/annen-enhet">');
    expect(form.headers['cache-control']).toBe('private, no-store');
  });

  it('joins the earlier history to a second browser: the link works once, and /mine there shows it', async () => {
    const a = await residentWhoFollows();
    const b = request.agent(t.app);
    expect((await b.get('/mine')).text).not.toContain(a.title);
    const { message } = await ask(b, a.email);
    expect(message).toBeDefined();
    expect(message!.subject).toContain('annen enhet');
    const link = linkIn(message!);
    expect(message!.html).toContain(link);
    // Sent: the outbox forgot the address and the link; only the token's hash is kept.
    expect(count("SELECT count(*) FROM outbox WHERE payload LIKE '%device%' OR recipient IS NOT NULL")).toBe(0);
    expect(count('SELECT count(*) FROM device_links WHERE token_hash = ?', link.split('/').pop())).toBe(0);
    // The GET only asks (mail scanners open links); nothing is used yet.
    const page = await b.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Se bidragene mine her');
    expect(count('SELECT count(*) FROM device_links WHERE used_at IS NOT NULL')).toBe(0);
    const joined = await b.post(link).type('form').send({});
    expect(joined.status).toBe(200);
    expect(joined.headers['cache-control']).toBe('private, no-store');
    expect(String(joined.headers['set-cookie'])).toMatch(/^rk\.p=/);
    expect((await b.get('/mine')).text).toContain(a.title);
    // Browser A still sees its own; the report is one participant's, so it counts one supporter as before.
    expect((await a.agent.get('/mine')).text).toContain(a.title);
    // Once: the same link is gone, from this browser or another.
    expect((await b.post(link).type('form').send({})).status).toBe(410);
    const again = await request(t.app).get(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('15 minutter');
    // Audited, without the address.
    const audit = t.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'resident.device%'").all() as { action: string; details: string | null }[];
    expect(audit.map((row) => row.action)).toEqual(['resident.device_link_sent', 'resident.device_joined']);
    expect(JSON.stringify(audit)).not.toContain(a.email);
    // The logs hold neither the address nor the link's token.
    const log = LOG.join('');
    expect(log).toContain('/mine/annen-enhet/[redacted]');
    expect(log).not.toContain(a.email);
    expect(log).not.toContain(link.split('/').pop());
  });

  it('a joined browser acts as the same participant: no second "me too" on its own report', async () => {
    const a = await residentWhoFollows();
    const b = request.agent(t.app);
    const { message } = await ask(b, a.email);
    await b.post(linkIn(message!)).type('form').send({});
    const id = count('SELECT id FROM pain_points WHERE title = ?', a.title);
    const page = await b.get(`/enhetby/innspill/${id}`);
    expect(page.status).toBe(200);
    // Their own report: no "me too" form for them, as for anyone else.
    expect(page.text).not.toContain(`action="/enhetby/innspill/${id}/meg-ogsa"`);
    expect((await request(t.app).get(`/enhetby/innspill/${id}`)).text).toContain(`action="/enhetby/innspill/${id}/meg-ogsa"`);
    // Joining linked a key and moved nothing: the report still has its one participant, now with a second browser.
    const owner = count('SELECT participant_id FROM pain_points WHERE id = ?', id);
    expect(count('SELECT count(*) FROM participant_keys WHERE participant_id = ?', owner)).toBe(1);
  });

  it('expires after 15 minutes', async () => {
    const a = await residentWhoFollows();
    const b = request.agent(t.app);
    const link = linkIn((await ask(b, a.email)).message!);
    tick(15 * 60_000);
    expect((await b.get(link)).status).toBe(410);
    const late = await b.post(link).type('form').send({});
    expect(late.status).toBe(410);
    expect(late.text).toContain('Lenken virker ikke');
    expect((await b.get('/mine')).text).not.toContain(a.title);
    // A link whose e-mail could not go before it expired is not sent late.
    const before = mail.accepted.length;
    expect((await b.post('/mine/annen-enhet').type('form').send({ email: a.email })).status).toBe(200);
    tick(15 * 60_000);
    await sender.round();
    expect(to(a.email, before)).toEqual([]);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const a = await residentWhoFollows();
    const known = await ask(request.agent(t.app), a.email);
    const unknown = await ask(request.agent(t.app), 'ukjent@eksempel.no');
    expect(known.message).toBeDefined();
    expect(unknown.message).toBeUndefined();
    const body = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
    expect(body(unknown.text)).toBe(body(known.text));
  });

  it('refuses a malformed address with the form again (400), and an unknown link with 410', async () => {
    const res = await request(t.app).post('/mine/annen-enhet').type('form').send({ email: 'ikke en adresse' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('aria-invalid="true"');
    expect((await request(t.app).get('/mine/annen-enhet/ukjent')).status).toBe(410);
    expect((await request(t.app).post('/mine/annen-enhet/ukjent').type('form').send({})).status).toBe(410);
    // A button that carries anything is refused as bad input.
    expect((await request(t.app).post('/mine/annen-enhet/ukjent').type('form').send({ extra: '1' })).status).toBe(400);
  });

  it('limits requests per recipient address', async () => {
    const email = 'mange@eksempel.no';
    for (let i = 0; i < FOLLOW_LIMITS.perRecipient; i++) {
      expect((await request(t.app).post('/mine/annen-enhet').type('form').send({ email })).status).toBe(200);
    }
    const refused = await request(t.app).post('/mine/annen-enhet').type('form').send({ email });
    expect(refused.status).toBe(429);
  });

  it('speaks nynorsk and English', async () => {
    expect((await request(t.app).get('/mine/annen-enhet?lang=nn')).text).toContain('Sjå bidraga dine på ei anna eining');
    expect((await request(t.app).get('/mine/annen-enhet?lang=en')).text).toContain('See your contributions on another device');
  });
});
