// Keyboard-only use: signing in with Tab, typing and Enter (with and without JavaScript), and the skip link.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import nb from '../../locales/nb.json';
import { createUser, TEST_PASSWORD } from '../helpers/test-app';
import { nextTotpCode } from '../helpers/second-factor';
import { focusedElement, launchBrowser, signInThroughForm, withPage } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

const MAX_TABS = 20;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses Tab until the focused element matches; fails, listing the stops it passed, if it never gets there. */
async function tabTo(page: Page, target: RegExp): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (target.test(focused)) return;
    stops.push(focused);
  }
  throw new Error(`Tab never reached ${target}; it went through:\n  ${stops.join('\n  ')}`);
}

const variants: [string, BrowserContextOptions][] = [
  ['with JavaScript', {}],
  ['without JavaScript', { javaScriptEnabled: false }],
];

describe.each(variants)('keyboard-only login %s', (_label, contextOptions) => {
  it('fills e-mail and password with the keyboard, submits with Enter and lands on /admin signed in', async () => {
    const email = `tastatur-${contextOptions.javaScriptEnabled === false ? 'nojs' : 'js'}@keyboard.test`;
    const name = contextOptions.javaScriptEnabled === false ? 'Uten Skript' : 'Med Skript';
    // Not an admin: this is the password step by keyboard; an admin's second step has its own (test/e2e/two-factor.e2e.ts).
    await createUser(server.testApp.services, { email, name });

    await withPage(browser, contextOptions, async (page) => {
      await page.goto(`${server.baseUrl}/login?lang=nb`);

      await tabTo(page, /^input#field-email\b/);
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toMatch(/^input#field-password\b/);
      await page.keyboard.type(TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.keyboard.press('Enter')]);

      expect(new URL(page.url()).pathname).toBe('/admin');
      expect(await page.locator('h1').innerText()).toBe(nb.admin.home.title);
      expect(await page.locator('header').innerText()).toContain(nb.layout.signedInAs.replace('{{name}}', name));
      expect(await page.locator('header form[action="/logout"] button').count()).toBe(1);
    });
  });

  it("an admin's second step by keyboard: Tab to the code, type it, Enter signs in", async () => {
    const email = `kode-${contextOptions.javaScriptEnabled === false ? 'nojs' : 'js'}@keyboard.test`;
    await createUser(server.testApp.services, { email, name: 'Kode Tast', platformAdmin: true });
    await withPage(browser, contextOptions, async (page) => {
      // Enrolled once (the helper types the authenticator's code), then signed out.
      await signInThroughForm(page, server.baseUrl, email);
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('header form[action="/logout"] button').click()]);

      await page.goto(`${server.baseUrl}/login?lang=nb`);
      await tabTo(page, /^input#field-email\b/);
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname === '/login/kode'), page.keyboard.press('Enter')]);
      await tabTo(page, /^input#field-code\b/);
      await page.keyboard.type(nextTotpCode(server.testApp, email));
      await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').innerText()).toBe(nb.admin.home.title);
    });
  });

  it.each(['/', '/login'])('on %s, the skip link is the first Tab stop and moves focus to main', async (pagePath) => {
    await withPage(browser, contextOptions, async (page) => {
      await page.goto(`${server.baseUrl}${pagePath}?lang=nb`);

      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toMatch(/^a\.ds-skip-link\[href="#main"\]$/);
      const skipLink = page.locator('a.ds-skip-link');
      expect(await skipLink.innerText()).toBe(nb.layout.skipLink);
      // Hidden as a 1 px clipped box until focused; focused, it must show in full.
      const box = await skipLink.boundingBox();
      expect(box?.width).toBeGreaterThan(20);
      expect(box?.height).toBeGreaterThan(20);

      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main');
      expect(await focusedElement(page)).toMatch(/^main#main\b/);
    });
  });
});
