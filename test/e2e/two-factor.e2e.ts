// The second factor and invitations (#21.2) in a real browser: the enrolment an admin is taken to after the password
// (QR code, secret, one code), the recovery codes shown once, the second step of the next sign-in, and an invitation's
// link (a new person's password form, then the 410 page once used). axe finds no violations on any of them in nb, nn
// and en; the whole flow also works with JavaScript off. The enrolled admin's page (recovery codes left, new ones for a
// current code, its error summary) and the new codes' page are checked too.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pendingInvitationLink } from '../helpers/invitations';
import { nextTotpCode } from '../helpers/second-factor';
import { createMunicipality, createUser, TEST_PASSWORD } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const LANGS = ['nb', 'nn', 'en'] as const;

beforeAll(async () => {
  server = await startServer();
  createMunicipality(server.testApp.services, 'fjord', 'Fjord kommune');
  await createUser(server.testApp.services, { email: 'admin@fjord.test', municipality: 'fjord', roles: ['admin'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

async function submit(page: Page, form: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.locator(`${form} button[type="submit"]`).first().click()]);
}

async function password(page: Page, email: string): Promise<void> {
  await page.goto(`${server.baseUrl}/login?lang=nb`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(TEST_PASSWORD);
  await submit(page, 'form[action="/login"]');
}

async function axeInEveryLanguage(page: Page): Promise<void> {
  const url = new URL(page.url());
  for (const lang of LANGS) {
    url.searchParams.set('lang', lang);
    // The same page in each language: a GET changes nothing, so the secret and the half-done sign-in stay.
    expect((await page.goto(url.href))?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
  }
  url.searchParams.set('lang', 'nb');
  await page.goto(url.href);
}

describe('an admin without a second factor', () => {
  jest.setTimeout(120_000);

  it('is taken to the enrolment after the password, enrols with one code, and signs in with a code the next time', async () => {
    const page = await newPage(true);
    await password(page, 'admin@fjord.test');
    expect(new URL(page.url()).pathname).toBe('/admin/konto/totp');
    await expect(page.locator('svg.app-qr-code').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: 'QR-kode for autentiseringsappen' }).count()).resolves.toBe(1);
    await axeInEveryLanguage(page);
    // Every other staff page sends back here.
    await page.goto(`${server.baseUrl}/admin/fjord/settings`);
    expect(new URL(page.url()).pathname).toBe('/admin/konto/totp');

    await page.locator('#field-code').fill(nextTotpCode(server.testApp, 'admin@fjord.test'));
    await submit(page, 'form[action="/admin/konto/totp"]');
    await expect(page.locator('[data-testid="recovery-codes"] li').count()).resolves.toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/fjord/settings'), page.locator('a.ds-button[href="/admin/fjord/settings"]').click()]);

    const next = await newPage(true);
    await password(next, 'admin@fjord.test');
    expect(new URL(next.url()).pathname).toBe('/login/kode');
    await axeInEveryLanguage(next);
    // A wrong code: the form again, its error summary linked to the field, still without violations.
    await next.locator('#field-code').fill('000000');
    await submit(next, 'form[action="/login/kode"]');
    await expect(next.locator('.ds-error-summary a[href="#field-code"]').count()).resolves.toBe(1);
    expect(await axeViolations(next)).toEqual([]);
    await next.locator('#field-code').fill(nextTotpCode(server.testApp, 'admin@fjord.test'));
    await submit(next, 'form[action="/login/kode"]');
    expect(new URL(next.url()).pathname).toBe('/admin');
  });

  it('works without JavaScript: the second step is a plain form', async () => {
    const page = await newPage(false);
    await password(page, 'admin@fjord.test');
    expect(new URL(page.url()).pathname).toBe('/login/kode');
    await page.locator('#field-code').fill(nextTotpCode(server.testApp, 'admin@fjord.test'));
    await submit(page, 'form[action="/login/kode"]');
    expect(new URL(page.url()).pathname).toBe('/admin');
  });
});

describe('an enrolled admin’s second factor page (#21 follow-up)', () => {
  jest.setTimeout(120_000);

  it('counts the recovery codes left and makes new ones for a current code, without violations; a wrong code shows its error summary', async () => {
    const page = await newPage(true);
    await password(page, 'admin@fjord.test');
    await page.locator('#field-code').fill(nextTotpCode(server.testApp, 'admin@fjord.test'));
    await submit(page, 'form[action="/login/kode"]');
    await page.goto(`${server.baseUrl}/admin/konto/totp?lang=nb`);
    await expect(page.locator('[data-testid="recovery-left"]').textContent()).resolves.toContain('10 ubrukte');
    await axeInEveryLanguage(page);

    await page.locator('#field-renewCode').fill('000000');
    await submit(page, 'form[action="/admin/konto/totp/nye-koder"]');
    await expect(page.locator('.ds-error-summary a[href="#field-renewCode"]').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#field-renewCode').fill(nextTotpCode(server.testApp, 'admin@fjord.test'));
    await submit(page, 'form[action="/admin/konto/totp/nye-koder"]');
    await expect(page.locator('[data-testid="recovery-codes"] li').count()).resolves.toBe(10);
    await expect(page.locator('h1').textContent()).resolves.toBe('De nye gjenopprettingskodene dine');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("an invitation's link", () => {
  jest.setTimeout(120_000);

  it('shows a new person a password form without violations, and once used, the 410 page', async () => {
    const { services, db } = server.testApp;
    const adminId = db.prepare("SELECT id FROM users WHERE email = 'admin@fjord.test'").pluck().get() as number;
    services.staff.invite(adminId, services.municipalities.bySlug('fjord'), { email: 'ny@fjord.test', name: 'Ny Ansatt', roles: ['analyst'] });
    const link = pendingInvitationLink(db, 'ny@fjord.test');
    const page = await newPage(true);
    expect((await page.goto(`${server.baseUrl}${link}?lang=nb`))?.status()).toBe(200);
    await axeInEveryLanguage(page);
    await page.locator('#field-password').fill('Sommerfugl-Vinge-77');
    await page.locator('#field-passwordConfirm').fill('Sommerfugl-Vinge-77');
    await submit(page, `form[action="${link}"]`);
    expect(new URL(page.url()).pathname).toBe('/admin');

    const again = await newPage(true);
    expect((await again.goto(`${server.baseUrl}${link}?lang=nb`))?.status()).toBe(410);
    expect(await axeViolations(again)).toEqual([]);
  });
});
