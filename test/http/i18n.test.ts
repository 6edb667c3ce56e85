// Language choice: ?lang=, then the cookie, then Accept-Language; bokmål by default; localised error pages.
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(() => t.close());

const langOf = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];

describe('language detection', () => {
  it('defaults to bokmål without any hint', async () => {
    const res = await request(t.app).get('/');
    expect(langOf(res.text)).toBe('nb');
    expect(res.text).toContain('Hopp til hovedinnhold');
  });

  it.each([
    ['nb-NO,nb;q=0.9', 'nb'],
    ['no', 'nb'],
    ['nn-NO', 'nn'],
    ['en-GB,en;q=0.8', 'en'],
    ['de-DE', 'nb'],
  ])('follows Accept-Language %s to %s', async (header, expected) => {
    const res = await request(t.app).get('/').set('Accept-Language', header);
    expect(langOf(res.text)).toBe(expected);
  });

  it('lets ?lang= win over Accept-Language and remembers it in a cookie', async () => {
    const agent = request.agent(t.app);
    const chosen = await agent.get('/?lang=nn').set('Accept-Language', 'en');
    expect(langOf(chosen.text)).toBe('nn');
    expect(String(chosen.headers['set-cookie'])).toMatch(/lang=nn/);
    const later = await agent.get('/tilgjengelighet').set('Accept-Language', 'en');
    expect(langOf(later.text)).toBe('nn');
    expect(later.text).toContain('Tilgjengelegheitserklæring');
  });

  it('ignores an unknown ?lang= value', async () => {
    const res = await request(t.app).get('/?lang=xx');
    expect(langOf(res.text)).toBe('nb');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('shows a language switch that keeps the page and other query values', async () => {
    const res = await request(t.app).get('/login?returnTo=%2Fadmin&lang=en');
    expect(res.text).toContain('href="/login?returnTo=%2Fadmin&amp;lang=nn"');
    expect(res.text).toMatch(/lang="en" hreflang="en" aria-current="true"/);
  });
});

describe('error pages', () => {
  it.each([
    ['nb', 'Fant ikke siden'],
    ['nn', 'Fann ikkje sida'],
    ['en', 'Page not found'],
  ])('renders a localised 404 in %s', async (lang, heading) => {
    const res = await request(t.app).get(`/finnes/ikke?lang=${lang}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain(heading);
  });

  it('answers an unknown municipality with 404', async () => {
    expect((await request(t.app).get('/ingen-slik-kommune')).status).toBe(404);
  });
});
