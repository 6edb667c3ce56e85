// #17 item 5: Debian's nginx with deploy/nginx.conf in front of the real portal (a child process on the demo content),
// checked from outside as a visitor sees it: anonymous pages kept and shared, each language apart, 304s for a kept
// ETag, residents and staff never handed a kept page, their forms passed through, and an expired page refreshed from
// the portal, with an empty 304 when nothing changed. Needs /usr/sbin/nginx (`apt-get install -y nginx-light`).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { requireNginx, startNginx, type NginxProcess } from '../../bench/nginx';
import { baseUrlOf, startServer, waitFor, type ChildServer } from '../helpers/child-server';

jest.setTimeout(45_000);

const PUBLIC = 'public, max-age=0, s-maxage=10, stale-while-revalidate=60';
const PRIVATE = 'private, no-store';
const MAP = '/demo/reiser/bygge-garasje';
/** Versioned by the statement's review date alone: a vote does not change it. */
const STATEMENT = '/tilgjengelighet';
/** nginx counts s-maxage=10 in whole seconds from when the answer arrived: a copy is expired 11 s after at the latest. */
const EXPIRES_AFTER_MS = 11_100;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

let dir: string;
let portal: ChildServer | undefined;
let nginx: NginxProcess | undefined;
let upstream: string;
/** When nginx had stored each page's first copy (at the latest), so the last test waits only as long as it must. */
const storedBy = new Map<string, number>();
/** The copies nginx kept first, to tell a kept copy from a fresh one. */
const kept = new Map<string, Answer>();

/** A request with exactly these headers and no others (fetch adds Accept-Language, which the cache varies on). */
function ask(base: string, target: string, headers: Record<string, string> = {}, form?: Record<string, string>): Promise<Answer> {
  const body = form && new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${target}`, {
      method: form ? 'POST' : 'GET',
      agent: false,
      headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body!)) } : headers,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const viaNginx = (target: string, headers?: Record<string, string>, form?: Record<string, string>) => ask(nginx!.baseUrl, target, headers, form);
const cacheOf = (a: Answer) => a.headers['x-cache-status'];
/** The `name=value` part of the cookie an answer sets. */
const cookieFrom = (a: Answer, name: string) =>
  (a.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`)) ?? '';

async function keep(target: string): Promise<Answer> {
  const first = await viaNginx(target);
  storedBy.set(target, Date.now());
  kept.set(target, first);
  return first;
}

async function untilExpired(target: string): Promise<void> {
  const wait = storedBy.get(target)! + EXPIRES_AFTER_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

beforeAll(async () => {
  // Fails every test with what to install: CI installs nginx (.ci/run), so a missing one is never a silent skip.
  requireNginx();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-nginx-'));
  portal = startServer({ DATABASE_PATH: path.join(dir, 'data', 'reisekart.db'), LOG_LEVEL: 'info', TRUST_PROXY: '1', BASE_URL: 'http://reisekart.test' });
  const started = portal;
  let exited = false;
  void started.exited.then(() => (exited = true));
  const running = () => /running on http:\/\/\S+/.test(started.output());
  await waitFor(() => running() || exited).catch(() => undefined);
  if (!running()) throw new Error(`the portal did not start; its output:\n${started.output().slice(-2000)}`);
  upstream = await baseUrlOf(started);
  nginx = await startNginx({ upstream, dir: path.join(dir, 'nginx'), logFile: path.join(dir, 'nginx.log'), accessLog: path.join(dir, 'access.log') });
});

afterAll(async () => {
  await nginx?.stop();
  if (portal && portal.child.exitCode === null && portal.child.signalCode === null) {
    portal.child.kill('SIGTERM');
    await portal.exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('anonymous pages through nginx', () => {
  it('keep a journey map: a MISS, then a HIT with the same bytes and ETag', async () => {
    const first = await keep(MAP);
    const again = await viaNginx(MAP);
    expect([first.status, cacheOf(first)]).toEqual([200, 'MISS']);
    expect([again.status, cacheOf(again)]).toEqual([200, 'HIT']);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe(PUBLIC);
    expect(again.headers.vary).toBe('Cookie, Accept-Language');
    expect(first.text).toContain('<html lang="nb">');
    expect(cacheOf(await keep(STATEMENT))).toBe('MISS');
    expect(cacheOf(await viaNginx(STATEMENT))).toBe('HIT');
  });

  it('answer the kept ETag in If-None-Match with an empty 304 from the cache', async () => {
    const etag = kept.get(MAP)!.headers.etag!;
    const same = await viaNginx(MAP, { 'If-None-Match': etag });
    expect([same.status, cacheOf(same), same.text, same.headers.etag]).toEqual([304, 'HIT', '', etag]);
    const other = await viaNginx(MAP, { 'If-None-Match': '"an-older-copy"' });
    expect([other.status, cacheOf(other), other.text]).toEqual([200, 'HIT', kept.get(MAP)!.text]);
    // Debian's nginx.conf turns gzip on: a compressed copy's ETag is made weak, and still validates.
    const gzipped = await viaNginx(MAP, { 'Accept-Encoding': 'gzip' });
    expect([gzipped.headers['content-encoding'], gzipped.headers.etag]).toEqual(['gzip', `W/${etag}`]);
    expect((await viaNginx(MAP, { 'Accept-Encoding': 'gzip', 'If-None-Match': `W/${etag}` })).status).toBe(304);
  });

  it('keep each language apart, whether the address or Accept-Language names it', async () => {
    const nb = kept.get(MAP)!;
    for (const lang of ['en', 'nn']) {
      // A returning visitor whose language cookie already says so gets no Set-Cookie, so their copy is kept.
      const first = await viaNginx(`${MAP}?lang=${lang}`, { Cookie: `lang=${lang}` });
      const again = await viaNginx(`${MAP}?lang=${lang}`, { Cookie: `lang=${lang}` });
      expect([lang, cacheOf(first), cacheOf(again)]).toEqual([lang, 'MISS', 'HIT']);
      expect(again.text).toBe(first.text);
      expect(again.text).toContain(`<html lang="${lang}">`);
      expect(again.text).not.toBe(nb.text);
      expect(again.headers.vary).toBe('Cookie');

      const byHeader = await viaNginx(MAP, { 'Accept-Language': lang });
      const byHeaderAgain = await viaNginx(MAP, { 'Accept-Language': lang });
      expect([lang, cacheOf(byHeader), cacheOf(byHeaderAgain)]).toEqual([lang, 'MISS', 'HIT']);
      expect(byHeaderAgain.text).toContain(`<html lang="${lang}">`);
      expect(byHeaderAgain.headers['content-language']).toBe(lang);
    }
    // The bokmål copy is still the one for a visitor who names no language.
    const plain = await viaNginx(MAP);
    expect([cacheOf(plain), plain.text]).toEqual(['HIT', nb.text]);
  });

  it('never keep an answer that sets a cookie: a first visit to ?lang= always reaches the portal', async () => {
    for (let i = 0; i < 2; i += 1) {
      const first = await viaNginx(`${MAP}?lang=en`);
      expect(cookieFrom(first, 'lang')).toBe('lang=en');
      expect(cacheOf(first)).toBe('MISS');
    }
  });
});

describe('residents and staff through nginx', () => {
  it('pass a resident’s vote through, and never hand the resident a kept page', async () => {
    const painPoint = /\/demo\/innspill\/(\d+)/.exec(kept.get(MAP)!.text)![1]!;
    const crossSite = await viaNginx(`/demo/innspill/${painPoint}/meg-ogsa`, { 'Sec-Fetch-Site': 'cross-site' }, { severity: '3' });
    expect(crossSite.status).toBe(403);
    const vote = await viaNginx(`/demo/innspill/${painPoint}/meg-ogsa`, { 'Sec-Fetch-Site': 'same-origin' }, { severity: '3' });
    expect([vote.status, vote.headers['cache-control']]).toEqual([303, PRIVATE]);
    const participant = cookieFrom(vote, 'rk.p');
    expect(participant).toMatch(/^rk\.p=./);

    for (const target of [MAP, MAP, `/demo/innspill/${painPoint}`]) {
      const own = await viaNginx(target, { Cookie: `lang=nb; ${participant}` });
      expect([target, own.status, cacheOf(own), own.headers['cache-control']]).toEqual([target, 200, 'BYPASS', PRIVATE]);
    }
    // Their own vote is marked on the pain point's page: a kept copy would have shown it to everyone.
    expect((await viaNginx(`/demo/innspill/${painPoint}`, { Cookie: participant })).text).toContain('Trekk tilbake');
    // Any participant cookie, even one the portal did not sign, passes the cache by.
    for (const cookie of ['rk.p=anything', 'lang=nb;rk.p=x', 'rk.flash=reportPublished']) {
      expect([cookie, cacheOf(await viaNginx(MAP, { Cookie: cookie }))]).toEqual([cookie, 'BYPASS']);
    }
    // Everyone else still gets the kept copy for up to s-maxage, though the portal has moved on.
    const anonymous = await viaNginx(MAP);
    expect([cacheOf(anonymous), anonymous.headers.etag]).toEqual(['HIT', kept.get(MAP)!.headers.etag]);
    expect((await ask(upstream, MAP)).headers.etag).not.toBe(kept.get(MAP)!.headers.etag);
  });

  it('sign staff in through nginx and never hand them a kept page', async () => {
    await waitFor(() => /\/setup\/\S+/.test(portal!.output()));
    const setup = /https?:\/\/[^/\s]+(\/setup\/\S+)/.exec(portal!.output())![1]!;
    const form = await viaNginx(setup);
    expect([form.status, form.headers['cache-control']]).toEqual([200, PRIVATE]);
    const done = await viaNginx(setup, { 'Sec-Fetch-Site': 'same-origin' }, { name: 'Kari Nordmann', email: 'kari@demo.no', password: 'Fjellvann ved kveldstid 2931', passwordConfirm: 'Fjellvann ved kveldstid 2931' });
    expect([done.status, done.headers.location]).toEqual([303, '/admin']);
    const session = cookieFrom(done, 'rk.sid');
    expect(session).toMatch(/^rk\.sid=./);

    // A new platform admin's first staff page is the second factor's enrolment (#21.2): /admin sends them there.
    expect((await viaNginx('/admin', { Cookie: session })).headers.location).toBe('/admin/konto/totp?returnTo=%2Fadmin');
    for (const target of ['/admin/konto/totp', '/admin/konto/totp', MAP, MAP]) {
      const page = await viaNginx(target, { Cookie: session });
      expect([target, page.status, cacheOf(page), page.headers['cache-control']]).toEqual([target, 200, 'BYPASS', PRIVATE]);
    }
    expect((await viaNginx(MAP, { Cookie: session })).text).toContain('name="_csrf"');
    expect(cacheOf(await viaNginx('/admin', { Cookie: 'rk.sid=s%3Anot-a-session' }))).toBe('BYPASS');
  });
});

describe('a kept page after s-maxage', () => {
  it('is refreshed from the portal: a changed page with its new copy, an unchanged one with an empty 304', async () => {
    await untilExpired(MAP);
    const old = kept.get(MAP)!;
    // stale-while-revalidate=60: the first visitor after expiry still gets the kept copy while nginx asks the portal.
    const stale = await viaNginx(MAP);
    expect([cacheOf(stale), stale.headers.etag]).toEqual(['STALE', old.headers.etag]);
    // The map's ETag holds the ranking's moment, which moves once a minute: the portal's copy is asked for on either
    // side of nginx's update, so a minute turning over in between cannot fail the check.
    const before = (await ask(upstream, MAP)).headers.etag;
    const fresh = await nextHit(MAP);
    const after = (await ask(upstream, MAP)).headers.etag;
    expect(fresh.headers.etag).not.toBe(old.headers.etag);
    expect([before, after]).toContain(fresh.headers.etag);
    expect(fresh.text).not.toBe(old.text);

    const statement = kept.get(STATEMENT)!;
    await untilExpired(STATEMENT);
    expect(cacheOf(await viaNginx(STATEMENT))).toBe('STALE');
    const checked = await nextHit(STATEMENT);
    expect([checked.headers.etag, checked.text]).toEqual([statement.headers.etag, statement.text]);
    // nginx asked with If-None-Match and the portal answered an empty 304.
    await waitFor(() => fs.readFileSync(path.join(dir, 'access.log'), 'utf8').includes(`GET ${STATEMENT} 200 cache=REVALIDATED portal=304`), 2000);
    // The portal's log line may reach its output a moment after nginx logged the answer.
    const answered304 = new RegExp(`"path":"${STATEMENT}"\\},"res":\\{"statusCode":304\\}`);
    await waitFor(() => answered304.test(portal!.output()), 2000);
    expect(portal!.output()).toMatch(answered304);
  });
});

/** The page once nginx's background update has stored the portal's answer. */
async function nextHit(target: string): Promise<Answer> {
  const until = Date.now() + 3000;
  for (;;) {
    const answer = await viaNginx(target);
    if (cacheOf(answer) === 'HIT' || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}
