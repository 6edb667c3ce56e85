// Health check and the security headers of SECURITY.md 7-8.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
});
afterAll(() => t.close());

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"} once the database is open and migrated', async () => {
    const res = await request(t.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('security headers', () => {
  it("sends a CSP of script-src 'self' without a nonce or unsafe-inline, with frame-ancestors and object-src none", async () => {
    const res = await request(t.app).get('/');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('nonce-');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // The same policy for every response, so that an anonymous page and its headers are the same for everyone (#17).
    expect((await request(t.app).get('/tilgjengelighet')).headers['content-security-policy']).toBe(csp);
  });

  it('has no inline script, inline style or event handler attribute in any view, so none needs a nonce', () => {
    const problems: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.resolve(__dirname, '../../views'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const tag of text.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        if (!/\ssrc="\/assets\//.test(tag) || !/><\/script>$/.test(tag)) problems.push(`${file}: ${tag}`);
      }
      if (/<style\b/i.test(text)) problems.push(`${file}: <style>`);
      if (/\sstyle=/i.test(text)) problems.push(`${file}: style attribute`);
      if (/\son[a-z]+=/i.test(text)) problems.push(`${file}: event handler attribute`);
      if (/nonce/i.test(text)) problems.push(`${file}: nonce`);
    }
    expect(problems).toEqual([]);
  });

  it('sends HSTS, nosniff and a referrer policy, and hides the framework', async () => {
    const res = await request(t.app).get('/');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('marks staff pages, the sign-in page and error pages Cache-Control: private, no-store', async () => {
    await createUser(t.services, { email: 'cache@example.no', platformAdmin: true });
    const { agent } = await signIn(t.app, 'cache@example.no');
    expect((await agent.get('/admin')).headers['cache-control']).toBe('private, no-store');
    expect((await agent.get('/admin/finnes-ikke')).headers['cache-control']).toBe('private, no-store');
    expect((await request(t.app).get('/login')).headers['cache-control']).toBe('private, no-store');
    expect((await request(t.app).get('/finnes/ikke')).headers['cache-control']).toBe('private, no-store');
  });

  it('sets no session cookie on a public page without a form', async () => {
    const res = await request(t.app).get('/');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('caps the body size with a 413 page, not a 500', async () => {
    const res = await request(t.app).post('/login').type('form').send({ email: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('serves Designsystemet CSS from the app itself', async () => {
    const res = await request(t.app).get('/assets/ds/src/index.css');
    expect(res.status).toBe(200);
    expect(res.text).toContain('.ds-button');
  });

  it('serves the Inter font style sheets and font files, and nothing else of the font package (#15.9)', async () => {
    const css = await request(t.app).get('/assets/fonts/inter/latin-400.css');
    expect(css.status).toBe(200);
    const font = /url\(\.\/(files\/[a-z0-9-]+\.woff2)\)/.exec(css.text)![1];
    expect((await request(t.app).get(`/assets/fonts/inter/${font}`)).status).toBe(200);
    for (const other of ['package.json', 'README.md', 'LICENSE', 'files/', 'index.css/../package.json', '%2e%2e/package.json']) {
      const res = await request(t.app).get(`/assets/fonts/inter/${other}`);
      expect([other, res.status]).toEqual([other, 404]);
    }
  });
});

describe('server errors', () => {
  it('shows a localised 500 page without a stack trace when the database is gone', async () => {
    const broken = makeTestApp();
    broken.db.close();
    try {
      expect((await request(broken.app).get('/healthz')).status).toBe(503);
      const res = await request(broken.app).get('/?lang=en');
      expect(res.status).toBe(500);
      expect(res.text).toContain('Something went wrong');
      expect(res.text).not.toMatch(/\.ts:\d+|\.js:\d+|TypeError|SqliteError/);
    } finally {
      broken.close();
    }
  });
});
