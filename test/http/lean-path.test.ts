// #17 item 3: an anonymous GET that the kept pages can answer is answered before cookies, sessions, body parsing and
// CSRF (src/middleware/lean-path.ts), with the security headers, its log line and the same headers and bytes the full
// path gives; a visitor with a cookie that makes the page theirs, and a page whose data moved on, take the full path.
import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../src/lib/logger';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
const lines: string[] = [];
let mapPath: string;
let stepPath: string;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = makeTestApp({ logger: createLogger('info', sink) });
  createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  mapPath = '/aust/reiser/reise';
  stepPath = `${mapPath}/steg/${j.stepIds[0]}`;
  await report(await resident(t.app, stepPath), stepPath);
});
afterAll(() => {
  jest.restoreAllMocks();
  t.close();
});

/** Counts how often the map's controller reads the journey: the full path does, the lean path does not. */
function controllerCalls(): () => number {
  const spy = jest.spyOn(t.services.publicJourneys, 'map');
  spy.mockClear();
  return () => spy.mock.calls.length;
}

/** Every header, but without the clock's time (Date, a cookie's Expires), which is all that may differ between the two paths. */
const headersBut = (res: request.Response) =>
  Object.fromEntries(
    Object.entries(res.headers)
      .filter(([name]) => name !== 'date')
      .map(([name, value]) => [name, name === 'set-cookie' ? ([] as string[]).concat(value).map((c) => c.replace(/; Expires=[^;]+/, '')) : value]),
  );

describe('the lean path', () => {
  it('answers a kept page without the route, with the same status, bytes and headers as the full path', async () => {
    const calls = controllerCalls();
    const full = await request(t.app).get(`${mapPath}?lang=en`);
    expect(calls()).toBe(1);
    const lean = await request(t.app).get(`${mapPath}?lang=en`);
    expect(calls()).toBe(1);
    expect(lean.status).toBe(200);
    expect(lean.text).toBe(full.text);
    expect(headersBut(lean)).toEqual(headersBut(full));
    // Among them the security headers and the lang cookie an explicit ?lang= sets.
    expect(lean.headers['content-security-policy']).toContain("script-src 'self'");
    expect(lean.headers['strict-transport-security']).toBeDefined();
    expect(String(lean.headers['set-cookie'])).toMatch(/^lang=en;/);
  });

  it('writes a log line for each request it answers', async () => {
    await request(t.app).get(stepPath);
    lines.length = 0;
    const calls = controllerCalls();
    await request(t.app).get(stepPath);
    expect(calls()).toBe(0);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; req: { method: string; path: string }; res: { statusCode: number } });
    expect(logged.map((l) => [l.msg, l.req.method, l.req.path, l.res.statusCode])).toEqual([['request completed', 'GET', stepPath, 200]]);
  });

  it('answers If-None-Match with a 304 and HEAD with the headers alone', async () => {
    const first = await request(t.app).get(mapPath);
    const calls = controllerCalls();
    const again = await request(t.app).get(mapPath).set('If-None-Match', first.headers.etag as string);
    expect([again.status, again.headers.etag, again.headers['cache-control']]).toEqual([304, first.headers.etag, first.headers['cache-control']]);
    const head = await request(t.app).head(mapPath);
    expect([head.status, head.headers['content-length'], head.text ?? '']).toEqual([200, first.headers['content-length'], '']);
    expect(calls()).toBe(0);
  });

  it('picks the language as the full path does: Accept-Language and the lang cookie', async () => {
    for (const [name, value, lang] of [['Accept-Language', 'en-GB,en;q=0.8', 'en'], ['Cookie', 'lang=nn', 'nn'], ['Cookie', 'lang=en; lang=nn', 'en']] as const) {
      const full = await request(t.app).get(mapPath).set(name, value);
      const lean = await request(t.app).get(mapPath).set(name, value);
      expect([value, lean.headers['content-language'], lean.text]).toEqual([value, lang, full.text]);
      expect(lean.text).toContain(`<html lang="${lang}">`);
    }
  });

  it.each([
    ['a session cookie', 'rk.sid=s%3Aanything'],
    ['a participant cookie', 'rk.p=anything'],
    ['a notice', 'rk.flash=reportFlagged'],
  ])('leaves a visitor with %s to the full path', async (_what, cookie) => {
    await request(t.app).get(mapPath);
    const calls = controllerCalls();
    await request(t.app).get(mapPath).set('Cookie', cookie);
    expect(calls()).toBe(1);
  });

  it('takes the full path once the data has moved on, and then keeps the new page', async () => {
    const before = await request(t.app).get(mapPath);
    await report(await resident(t.app, stepPath), stepPath, { title: 'Ny melding' });
    const calls = controllerCalls();
    const after = await request(t.app).get(mapPath);
    expect(calls()).toBe(1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await request(t.app).get(mapPath);
    expect(calls()).toBe(1);
  });

  it('never answers a POST', async () => {
    await request(t.app).get(`${stepPath}/meld`);
    const res = await request(t.app).post(`${stepPath}/meld`).type('form').send({ title: 'Tittel her', body: 'Lang nok tekst her.', severity: '3', channel: '' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Tittel her');
  });
});
