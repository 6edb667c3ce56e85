// #20: the privacy statement. It is published in bokmål, nynorsk and English, the portal's and each municipality's own;
// it is linked from every page's footer, the report form and "my contributions"; and it names every cookie the portal
// sets with its lifetime. The cookies are found two ways, so that a new one cannot be left out of the statement: in the
// source (every place that names a cookie it sets) and in real responses of every flow that sets one.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { RESERVED_SLUGS } from '../../src/modules/municipalities/municipalities.service';
import { PORTAL_COOKIES, VERIFICATION_COOKIES } from '../../src/modules/site/cookies';
import { buildJourney } from '../helpers/journeys';
import { resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/test-app';
import { settingsFormOf } from '../helpers/settings-form';

const SRC = path.resolve(__dirname, '../../src');
const LANGS = { nb, nn, en } as const;

let t: TestApp;
let stepPath: string;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
});
afterAll(() => t.close());

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Text of the page without tags, so that a name split by markup still counts. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe('the privacy statement', () => {
  it.each(Object.entries(LANGS))('is published in %s, the portal’s and the municipality’s, with every section', async (lang, strings) => {
    for (const address of ['/personvern', '/aust/personvern']) {
      const res = await request(t.app).get(`${address}?lang=${lang}`);
      expect([address, res.status]).toEqual([address, 200]);
      expect(res.text).toContain(`<html lang="${lang}">`);
      const text = textOf(res.text);
      for (const heading of ['controllerHeading', 'collectedHeading', 'purposesHeading', 'legalHeading', 'whoHeading', 'retentionHeading', 'cookiesHeading', 'rightsHeading', 'contactHeading'] as const) {
        expect([address, heading, text.includes(strings.privacy[heading])]).toEqual([address, heading, true]);
      }
      expect(res.text).toContain('href="https://www.datatilsynet.no/"');
    }
  });

  it('names the municipality as the controller on its own statement, and lists each municipality’s on the portal’s', async () => {
    const own = textOf((await request(t.app).get('/aust/personvern')).text);
    expect(own).toContain('Aust kommune er behandlingsansvarlig');
    expect(own).toContain('Personvernerklæring for Aust kommune');
    const portal = await request(t.app).get('/personvern');
    expect(portal.text).toContain('href="/aust/personvern"');
    expect(textOf(portal.text)).toContain('Hver kommune som bruker Reisekart, er behandlingsansvarlig');
  });

  it('is a 404 for a municipality that does not exist, and its address cannot be taken by one', async () => {
    expect((await request(t.app).get('/finnes-ikke/personvern')).status).toBe(404);
    expect(RESERVED_SLUGS.has('personvern')).toBe(true);
  });

  it('is linked from the footer of the portal’s pages, and of a municipality’s pages to its own statement', async () => {
    for (const address of ['/', '/tilgjengelighet', '/mine', '/personvern']) {
      expect([address, (await request(t.app).get(address)).text.includes('href="/personvern"')]).toEqual([address, true]);
    }
    for (const address of ['/aust', '/aust/reiser/reise', stepPath]) {
      expect([address, (await request(t.app).get(address)).text.includes('href="/aust/personvern"')]).toEqual([address, true]);
    }
  });

  it('is linked from the report form, its check step and “my contributions”, next to what they say about personal data', async () => {
    const form = await request(t.app).get(`${stepPath}/meld`);
    const privacyAlert = /<div class="ds-alert" data-color="info">([\s\S]*?)<\/div>/.exec(form.text)![1]!;
    expect(privacyAlert).toContain('href="/aust/personvern"');
    expect(privacyAlert).toContain(nb.feedback.report.privacyLink);
    const r = await resident(t.app, stepPath);
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send({ title: 'Jeg heter Ola Nordmann', body: 'Ingen svar.', severity: '3', channel: '' });
    expect(check.text).toContain('href="/aust/personvern"');
    const mine = await request(t.app).get('/mine');
    expect(mine.text).toContain(`<a class="ds-link" href="/personvern">${nb.feedback.mine.privacyLink}</a>`);
  });

  it('gives each cookie’s lifetime in words, from the same constants the code sets them with', async () => {
    const text = textOf((await request(t.app).get('/personvern')).text);
    for (const phrase of ['2 år', '1 år', '1 minutt', '8 timer etter siste aktivitet', 'Til nettleseren lukkes']) expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    const english = textOf((await request(t.app).get('/personvern?lang=en')).text);
    for (const phrase of ['2 years', '1 year', '1 minute', '8 hours after the last activity', 'Until the browser is closed']) expect([phrase, english.includes(phrase)]).toEqual([phrase, true]);
    // The retention section says how long the participant cookie lives, too.
    expect(text).toContain('Deltakerkoden lever i 2 år');
  });
});

describe('every cookie the portal sets is named in the statement', () => {
  /** Each cookie name the source sets: first arguments of res.cookie(), csrf-csrf's cookieName and the session's name. */
  function cookiesInSource(): { names: Set<string>; unresolved: string[] } {
    const files = sourceFiles(SRC).map((f) => fs.readFileSync(f, 'utf8'));
    const constants = new Map<string, string>();
    for (const text of files) for (const m of text.matchAll(/\bconst (\w+) = '([^']+)'/g)) constants.set(m[1]!, m[2]!);
    const names = new Set<string>();
    const unresolved: string[] = [];
    const add = (arg: string) => {
      const literal = /^'([^']+)'$/.exec(arg);
      const value = literal ? literal[1] : constants.get(arg);
      if (value === undefined) unresolved.push(arg);
      else names.add(value);
    };
    for (const text of files) {
      for (const m of text.matchAll(/\bres\.(?:cookie|clearCookie)\(\s*('[^']+'|\w+)/g)) add(m[1]!);
      for (const m of text.matchAll(/\bcookieName:\s*('[^']+'|\w+)/g)) add(m[1]!);
      // express-session's options, as app.ts hands them to sessionsFromCookie.
      for (const m of text.matchAll(/sessionsFromCookie\(\{\s*name:\s*('[^']+'|\w+)/g)) add(m[1]!);
    }
    return { names, unresolved };
  }

  it('finds every cookie the source sets in the statement’s table, and nothing in the table the source does not set', () => {
    const { names, unresolved } = cookiesInSource();
    expect(unresolved).toEqual([]);
    expect(names.size).toBeGreaterThanOrEqual(5);
    // ID-porten verification's cookies (#21.3) are set only when it is configured: test/http/resident-verification.test.ts
    // finds them in its statement and its responses.
    expect([...names].sort()).toEqual([...PORTAL_COOKIES, ...VERIFICATION_COOKIES].map((c) => c.name).sort());
  });

  it('finds every cookie of real responses in the table, with the lifetime the table gives', async () => {
    const seen = new Map<string, string>();
    const collect = (res: request.Response) => {
      for (const header of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
        const name = header.split('=')[0]!;
        // A cleared cookie (an empty value) says nothing about its lifetime.
        if (!/^[^=]+=;/.test(header)) seen.set(name, header);
      }
      return res;
    };
    // A language chosen, a report (the participant cookie and the notice after it), a staff sign-in and a staff form.
    collect(await request(t.app).get('/?lang=en'));
    const r = await resident(t.app, stepPath);
    collect(await r.agent.post(`${stepPath}/meld`).type('form').send({ title: 'Ingen svar', body: 'Ingen svar på tre uker.', severity: '3', channel: '', confirmed: '1' }));
    const agent = request.agent(t.app);
    collect(await agent.post('/login').type('form').send({ email: 'designer@aust.no', password: TEST_PASSWORD }));
    collect(await agent.get('/admin/aust/journeys/new'));
    expect([...seen.keys()].sort()).toEqual(PORTAL_COOKIES.map((c) => c.name).sort());
    for (const cookie of PORTAL_COOKIES) {
      const header = seen.get(cookie.name)!;
      const maxAge = /Max-Age=(\d+)/i.exec(header)?.[1];
      const expires = /Expires=([^;]+)/i.exec(header)?.[1];
      if (cookie.lifetime === 'browserSession') {
        expect([cookie.name, maxAge, expires]).toEqual([cookie.name, undefined, undefined]);
      } else if (maxAge !== undefined) {
        expect([cookie.name, Number(maxAge)]).toEqual([cookie.name, Math.floor(cookie.lifetime.ms / 1000)]);
      } else {
        // express-session writes Expires only: the lifetime from now, within the time the test took.
        const lasts = Date.parse(expires!) - Date.now();
        expect([cookie.name, Math.abs(lasts - cookie.lifetime.ms) < 60_000]).toEqual([cookie.name, true]);
      }
      expect([cookie.name, /HttpOnly/i.test(header)]).toEqual([cookie.name, true]);
    }
  });

  it.each(Object.keys(LANGS))('names each of them in the statement in %s, the portal’s and the municipality’s', async (lang) => {
    for (const address of ['/personvern', '/aust/personvern']) {
      const res = await request(t.app).get(`${address}?lang=${lang}`);
      for (const cookie of PORTAL_COOKIES) expect([address, cookie.name, res.text.includes(`<code>${cookie.name}</code>`)]).toEqual([address, cookie.name, true]);
    }
  });
});

describe('the data protection officer (#20.7)', () => {
  it('is named in a municipality’s statement as its admin sets it, and the statement says where to look until then', async () => {
    expect((await request(t.app).get('/aust/personvern')).text).toContain(nb.privacy.contactUnset.replace('{{name}}', 'Aust kommune'));
    await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
    const admin = await signIn(t.app, 'admin@aust.no');
    const form = (await admin.agent.get('/admin/aust/settings')).text;
    expect(form).toContain('name="privacyContact"');
    const settings = { _csrf: admin.csrf, ...settingsFormOf(t.services.municipalities.bySlug('aust')) };
    expect((await admin.agent.post('/admin/aust/settings').type('form').send({ ...settings, privacyContact: 'x'.repeat(501) })).status).toBe(400);
    expect((await admin.agent.post('/admin/aust/settings').type('form').send({ ...settings, privacyContact: 'Kari Ombud, personvernombud@aust.kommune.no, 12 34 56 78' })).status).toBe(303);
    const page = (await request(t.app).get('/aust/personvern')).text;
    expect(page).toContain(nb.privacy.contactHeading);
    expect(page).toContain('Kari Ombud, personvernombud@aust.kommune.no, 12 34 56 78');
  });
});
