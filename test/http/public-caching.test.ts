// #17 items 1-2: every anonymous public page is the same bytes for every anonymous visitor, public for a short while
// with a strong ETag of build, language and data version and a 304 for If-None-Match, keyed by language in the URL or
// the Vary; anything that depends on the visitor (a resident who took part, anyone signed in, a notice) is private and
// never stored.
import request from 'supertest';
import { currentBuildId } from '../../src/lib/build-id';
import { PAGE_TYPES } from '../helpers/page-types';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

const PUBLIC = 'public, max-age=0, s-maxage=10, stale-while-revalidate=60';
const PRIVATE = 'private, no-store';

let t: TestApp;
let stepPath: string;
let painPoint: number;
/** Each public page type's address in the test data. */
let pages: Record<string, string>;

/** Public page types that are the visitor's own whoever they are, each with the reason. */
const ALWAYS_PRIVATE: Record<string, string> = {
  '/mine': 'a resident’s own contributions',
  '/login': 'the staff sign-in form: never kept, like every staff page',
  // Following by e-mail (#20): each address is one resident's, reached by a token only its e-mails carry.
  '/folg/bekreft/:confirmToken': 'the confirmation of one resident’s follow request',
  '/folg/avmeld/:unsubscribeToken': 'one resident’s unsubscribe page',
  '/folg/adresse/:manageToken': 'one address’s own follows',
  '/folg/bedre/:fixToken': 'one follow’s "is it fixed?" question (#20.3)',
  // Your contributions on another device (#20.4): a form's page under /mine, and a sign-in link only one e-mail carries.
  '/mine/annen-enhet': 'the form asking for a sign-in link to another device, under the resident’s own /mine',
  '/mine/annen-enhet/:deviceToken': 'one resident’s sign-in link to another device',
  // A staff invitation's link (#21.2): under /admin, never kept; one invitee's, reached by a token only its e-mail carries.
  '/admin/konto/invitasjon/:invitationToken': 'one invitee’s single-use invitation link (a staff page)',
};

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Søke'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  painPoint = await report(await resident(t.app, stepPath), stepPath);
  pages = {
    '/': '/',
    '/tilgjengelighet': '/tilgjengelighet',
    '/personvern': '/personvern',
    '/:municipality/personvern': '/aust/personvern',
    '/:municipality': '/aust',
    '/:municipality/reiser/:journey': '/aust/reiser/reise',
    '/:municipality/reiser/:journey/steg/:stepId': stepPath,
    '/:municipality/reiser/:journey/steg/:stepId/meld': `${stepPath}/meld`,
    '/:municipality/reiser/:journey/meld': '/aust/reiser/reise/meld',
    '/:municipality/innspill/:painPointId': `/aust/innspill/${painPoint}`,
    '/:municipality/innspill/:painPointId/rapporter': `/aust/innspill/${painPoint}/rapporter`,
    '/:municipality/viktigst': '/aust/viktigst',
    '/:municipality/vi-gjor': '/aust/vi-gjor',
    '/:municipality/reiser/:journey/feed.atom': '/aust/reiser/reise/feed.atom',
  };
});
afterAll(() => t.close());

const headersOf = (res: request.Response) => ({ cache: res.headers['cache-control'], vary: res.headers.vary, etag: res.headers.etag as string | undefined });

describe('anonymous public pages', () => {
  it('cover every public page type of the browser suite, bar those that are always the visitor’s own', () => {
    const publicTypes = PAGE_TYPES.filter((p) => p.audience === 'public').map((p) => p.route);
    expect(publicTypes.filter((route) => !(route in pages) && !(route in ALWAYS_PRIVATE))).toEqual([]);
  });

  it('are byte-identical for two anonymous visitors, and carry no form token', async () => {
    for (const path of Object.values(pages)) {
      const [a, b] = [await request(t.app).get(path), await request(t.app).get(path)];
      expect([path, a.status, b.status]).toEqual([path, 200, 200]);
      expect([path, a.text === b.text]).toEqual([path, true]);
      expect([path, a.text.includes('name="_csrf"')]).toEqual([path, false]);
      expect([path, a.headers['set-cookie']]).toEqual([path, undefined]);
    }
  });

  it('are public for a short while, with a strong ETag of build, language and data version', async () => {
    for (const path of Object.values(pages)) {
      const { cache, etag, vary } = headersOf(await request(t.app).get(path));
      expect([path, cache]).toEqual([path, PUBLIC]);
      expect([path, vary]).toEqual([path, 'Cookie, Accept-Language']);
      expect([path, etag?.startsWith(`"${currentBuildId()}-nb-`)]).toEqual([path, true]);
    }
  });

  it('answer a matching If-None-Match with an empty 304 and the same headers, and anything else with the page', async () => {
    for (const path of Object.values(pages)) {
      const first = await request(t.app).get(path);
      const again = await request(t.app).get(path).set('If-None-Match', first.headers.etag as string);
      expect([path, again.status, again.text ?? '']).toEqual([path, 304, '']);
      expect(headersOf(again)).toEqual(headersOf(first));
      const stale = await request(t.app).get(path).set('If-None-Match', '"an-older-copy"');
      expect([path, stale.status, stale.text]).toEqual([path, 200, first.text]);
    }
  });

  it('move to a new ETag when the data changes, and never serve the old copy after', async () => {
    const path = '/aust/reiser/reise';
    const before = await request(t.app).get(path);
    await report(await resident(t.app, stepPath), stepPath, { title: 'Skjemaet forsvant' });
    const after = await request(t.app).get(path).set('If-None-Match', before.headers.etag as string);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).not.toBe(before.text);
  });

  it('answer If-None-Match for the municipalities list on the front page until a municipality is added', async () => {
    const before = await request(t.app).get('/');
    expect((await request(t.app).get('/').set('If-None-Match', before.headers.etag as string)).status).toBe(304);
    createMunicipality(t.services, 'nord', 'Nord kommune');
    const after = await request(t.app).get('/').set('If-None-Match', before.headers.etag as string);
    expect(after.status).toBe(200);
    expect(after.text).toContain('Nord kommune');
  });
});

describe('languages in a shared cache', () => {
  it('vary on Accept-Language and Cookie at an address without ?lang=, with a different ETag per language', async () => {
    const nb = await request(t.app).get(stepPath);
    const en = await request(t.app).get(stepPath).set('Accept-Language', 'en-GB,en;q=0.8');
    expect(en.text).toContain('<html lang="en">');
    expect(en.headers.vary).toBe('Cookie, Accept-Language');
    expect(en.headers['content-language']).toBe('en');
    expect(en.headers.etag).not.toBe(nb.headers.etag);
    // The bokmål ETag does not validate the English page.
    expect((await request(t.app).get(stepPath).set('Accept-Language', 'en').set('If-None-Match', nb.headers.etag as string)).status).toBe(200);
  });

  it('name the language in the address with ?lang=, where Accept-Language no longer matters', async () => {
    const en = await request(t.app).get(`${stepPath}?lang=en`).set('Accept-Language', 'nb');
    expect(en.text).toContain('<html lang="en">');
    expect(en.headers.vary).toBe('Cookie');
    expect(en.headers['cache-control']).toBe(PUBLIC);
    expect(en.headers.etag?.startsWith(`"${currentBuildId()}-en-`)).toBe(true);
    const nn = await request(t.app).get(`${stepPath}?lang=nn`).set('Accept-Language', 'en').set('Cookie', 'lang=nn');
    expect(nn.text).toContain('<html lang="nn">');
  });

  it('remember ?lang= in a cookie only when the visitor’s cookie says otherwise, so a returning visitor’s copy carries no Set-Cookie', async () => {
    const first = await request(t.app).get(`${stepPath}?lang=en`);
    expect(String(first.headers['set-cookie'])).toMatch(/^lang=en;/);
    const returning = await request(t.app).get(`${stepPath}?lang=en`).set('Cookie', 'lang=en');
    expect(returning.headers['set-cookie']).toBeUndefined();
    expect(returning.text).toBe(first.text);
    const switching = await request(t.app).get(`${stepPath}?lang=en`).set('Cookie', 'lang=nn');
    expect(String(switching.headers['set-cookie'])).toMatch(/^lang=en;/);
  });

  it('give a first-time visitor without a cookie the bokmål page, public', async () => {
    const res = await request(t.app).get(stepPath).set('Accept-Language', 'nb-NO,nb;q=0.9,no;q=0.8');
    expect(res.text).toContain('<html lang="nb">');
    expect(res.headers['cache-control']).toBe(PUBLIC);
  });
});

describe('pages that depend on the visitor', () => {
  it('are never public for a resident who has taken part: their own marks are on them', async () => {
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${painPoint}/meg-ogsa`).type('form').send({ severity: '3' });
    for (const path of [...Object.values(pages), '/mine']) {
      const res = await r.agent.get(path);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, PRIVATE]);
    }
    // Their own vote is marked on the pain point's page, so a cached copy would have told others.
    const own = await r.agent.get(`/aust/innspill/${painPoint}`);
    expect(own.text).toContain('Trekk tilbake');
    expect(own.headers.etag ?? '').not.toMatch(/^"/);
  });

  it('are never public for signed-in staff, whose forms carry their token', async () => {
    await createUser(t.services, { email: 'admin@aust.no', platformAdmin: true });
    const { agent } = await signIn(t.app, 'admin@aust.no');
    for (const path of Object.values(pages)) {
      const res = await agent.get(path);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, PRIVATE]);
    }
    expect((await agent.get(stepPath)).text).toContain('name="_csrf"');
  });

  it('are private while a notice is shown, and answer If-None-Match with the page itself', async () => {
    const anonymous = await request(t.app).get(`/aust/innspill/${painPoint}`);
    const withNotice = await request(t.app).get(`/aust/innspill/${painPoint}`).set('Cookie', 'rk.flash=reportPublished').set('If-None-Match', anonymous.headers.etag as string);
    expect(withNotice.status).toBe(200);
    expect(withNotice.headers['cache-control']).toBe(PRIVATE);
  });

  it('leave errors, redirects and form answers private', async () => {
    expect((await request(t.app).get('/aust/reiser/finnes-ikke')).headers['cache-control']).toBe(PRIVATE);
    expect((await request(t.app).get('/aust/viktigst?reise=finnes-ikke')).headers['cache-control']).toBe(PRIVATE);
    const check = await request(t.app).post(`${stepPath}/meld`).type('form').send({ title: 'Tittel her', body: 'Lang nok tekst her.', severity: '3', channel: '' });
    expect([check.status, check.headers['cache-control']]).toEqual([200, PRIVATE]);
  });
});
