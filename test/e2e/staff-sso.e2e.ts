// Staff single sign-on (#21.1) in a real browser: the sign-in page with "Logg inn med kommunens konto" and the refusal
// and failure pages pass axe in bokmål, nynorsk and English; a person signs in through a real provider (oidc-provider,
// configured like Entra ID) on another site, with and without JavaScript, and logs out of both. The portal runs at
// localhost and the provider at 127.0.0.1, so the provider's answer comes from another site, as it does in life, and
// the SameSite=Lax session cookie must still ride on it. The checks themselves are test/http/staff-sso.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { createMunicipality, createUser, makeTestApp, type TestApp } from '../helpers/test-app';
import { expectAccessible } from './helpers/axe';
import { launchBrowser, withPage } from './helpers/browser';

const TEXTS = { nb, nn, en } as const;
let server: http.Server;
let baseUrl: string;
let op: TestOidcProvider;
let testApp: TestApp;
let browser: Browser;

beforeAll(async () => {
  // The portal's address must be known before the provider registers it, and before the app is made with it.
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  op = await startOidcProvider({ kind: 'entra', redirectUris: [`${baseUrl}/admin/innlogging/kommunekonto/svar`], postLogoutRedirectUris: [`${baseUrl}/`] });
  testApp = makeTestApp({ baseUrl, staffOidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } });
  server.on('request', testApp.app);
  createMunicipality(testApp.services, 'nord', 'Nord kommune');
  await createUser(testApp.services, { email: 'kari@nord.no', name: 'Kari Nordmann', municipality: 'nord', roles: ['designer'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  testApp?.close();
  await op?.close();
});

describe.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])('the single sign-on pages in %s', (lang) => {
  const t = TEXTS[lang];

  it('the sign-in page with the button, the "no staff account" page and the failure page have no axe violations', async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(`${baseUrl}/login?lang=${lang}`);
      await expect(page.getByRole('button', { name: t.staffSso.button.submit }).count()).resolves.toBe(1);
      await expectAccessible(page, lang, 'sign-in page');

      op.signInAs({ sub: `entra-stranger-${lang}`, email: `stranger-${lang}@nord.no` });
      await page.getByRole('button', { name: t.staffSso.button.submit }).click();
      await page.waitForURL(/\/admin\/innlogging\/kommunekonto\/svar/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.staffSso.refused.title);
      await expectAccessible(page, lang, 'no staff account');
    });
    // A new browser: the provider would otherwise sign the same person in again from its own session.
    await withPage(browser, {}, async (page) => {
      op.signInAs(null);
      await page.goto(`${baseUrl}/login?lang=${lang}`);
      await page.getByRole('button', { name: t.staffSso.button.submit }).click();
      await page.waitForURL(/\/admin\/innlogging\/kommunekonto\/svar/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.staffSso.failed.title);
      await expectAccessible(page, lang, 'sign-in failed');
    });
  });
});

describe('signing in and out with the municipality\'s account', () => {
  it.each([
    ['with JavaScript', { locale: 'nb-NO' }],
    ['without JavaScript', { locale: 'nb-NO', javaScriptEnabled: false }],
  ] as [string, BrowserContextOptions][])('signs in through the provider on another site %s, back where the person was going', async (_label, options) => {
    await withPage(browser, options, async (page) => {
      op.signInAs({ sub: 'entra-kari', email: 'kari@nord.no', name: 'Kari Nordmann' });
      await page.goto(`${baseUrl}/admin/nord/journeys`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByRole('button', { name: nb.staffSso.button.submit }).click();
      await page.waitForURL(`${baseUrl}/admin/nord/journeys`);
      await expect(page.getByText('Kari Nordmann').count()).resolves.toBeGreaterThan(0);
    });
  });

  it('logging out ends the provider session too and comes back to the portal', async () => {
    await withPage(browser, { locale: 'nb-NO' }, async (page) => {
      op.signInAs({ sub: 'entra-kari', email: 'kari@nord.no', name: 'Kari Nordmann' });
      await page.goto(`${baseUrl}/login`);
      await page.getByRole('button', { name: nb.staffSso.button.submit }).click();
      await page.waitForURL(`${baseUrl}/admin`);
      const before = op.endSessionRequests.length;
      await page.getByRole('button', { name: nb.layout.logout }).click();
      await page.waitForURL(`${baseUrl}/`);
      expect(op.endSessionRequests.length).toBe(before + 1);
      expect(op.endSessionRequests.at(-1)!.get('id_token_hint')).toMatch(/^ey/);
      await page.goto(`${baseUrl}/admin`);
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  });
});
