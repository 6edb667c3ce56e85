// Accessibility in a real browser: axe (WCAG 2.1 A/AA), language, headings and titles of public and staff pages,
// the login error summary, reflow at 320 px, and screenshots for review in test-artifacts/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemo } from '../../src/db/demo-seed';
import { createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { focusedElement, launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

const LANGS = ['nb', 'nn', 'en'] as const;
// The demo seed is deterministic on a fresh database: journey 1 is «Jeg skal bygge garasje», step 1 its first step.
const PUBLIC_PAGES = [
  '/',
  '/demo',
  '/demo/reiser/bygge-garasje',
  '/demo/reiser/bygge-garasje/steg/1',
  '/demo/reiser/bygge-garasje/steg/1/meld',
  '/demo/innspill/1',
  '/demo/innspill/1/rapporter',
  '/demo/viktigst',
  '/demo/vi-gjor',
  '/mine',
  '/tilgjengelighet',
  '/login',
];
const STAFF_PAGES = [
  '/admin',
  '/admin/demo',
  '/admin/demo/settings',
  '/admin/demo/settings/users',
  '/admin/demo/settings/users/new',
  '/admin/demo/settings/audit',
  '/admin/municipalities/new',
  '/admin/demo/departments',
  '/admin/demo/departments/1/edit',
  '/admin/demo/journeys',
  '/admin/demo/journeys/new',
  '/admin/demo/journeys/import',
  '/admin/demo/journeys/copy',
  '/admin/demo/journeys/1',
  '/admin/demo/journeys/1/edit',
  '/admin/demo/journeys/1/preview',
  '/admin/demo/journeys/1/versions',
  '/admin/demo/journeys/1/diff?from=1&to=draft',
  '/admin/demo/journeys/1/phases/1/edit',
  '/admin/demo/journeys/1/phases/1/steps/new',
  '/admin/demo/journeys/1/steps/1/edit',
  '/admin/demo/moderation',
  '/admin/demo/moderation?status=all&flagged=1',
  '/admin/demo/moderation/1',
  '/admin/demo/insights',
  '/admin/demo/insights?sort=supporters&page=1',
  '/admin/demo/insights/1',
  '/admin/demo/portfolio',
  '/admin/demo/portfolio/new?candidate=1',
];
const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');
const PLATFORM_ADMIN = 'plattform@a11y.test';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  seedDemo(server.testApp.db);
  await createUser(server.testApp.services, { email: PLATFORM_ADMIN, platformAdmin: true, name: 'Plattform Admin' });
  // A member of the demo municipality, so the users table and the audit log have rows to check.
  await createUser(server.testApp.services, { email: 'designer@a11y.test', municipality: 'demo', roles: ['designer'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage<T>(fn: (page: Page) => Promise<T>, options: Parameters<Browser['newContext']>[0] = {}): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

async function open(page: Page, pathAndQuery: string): Promise<void> {
  const response = await page.goto(`${server.baseUrl}${pathAndQuery}`);
  expect(response?.status()).toBe(200);
}

describe('public pages', () => {
  describe.each(LANGS)('in %s', (lang) => {
    it.each(PUBLIC_PAGES)('%s has no axe violations, html lang, exactly one h1 and a page title', async (pagePath) => {
      await withPage(async (page) => {
        await open(page, `${pagePath}?lang=${lang}`);

        expect(await axeViolations(page)).toEqual([]);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('h1').count()).toBe(1);
        expect((await page.locator('h1').innerText()).trim()).not.toBe('');
        // "<page> – Reisekart": the page's own part must be there, not just the site name.
        const [own] = (await page.title()).split(' – ');
        expect(own?.trim()).toBeTruthy();
      });
    });

    it('gives every public page a different title', async () => {
      const titles = await withPage(async (page) => {
        const seen: string[] = [];
        for (const pagePath of PUBLIC_PAGES) {
          await open(page, `${pagePath}?lang=${lang}`);
          seen.push(await page.title());
        }
        return seen;
      });
      expect(new Set(titles).size).toBe(PUBLIC_PAGES.length);
    });
  });
});

describe('staff pages, signed in as a platform admin, in bokmål', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await signInThroughForm(page, server.baseUrl, PLATFORM_ADMIN);
  });
  afterAll(async () => context?.close());

  it.each(STAFF_PAGES)('%s has no axe violations, html lang nb and exactly one h1', async (pagePath) => {
    await open(page, `${pagePath}${pagePath.includes('?') ? '&' : '?'}lang=nb`);
    expect(new URL(page.url()).pathname).toBe(pagePath.split('?')[0]);

    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await page.locator('h1').count()).toBe(1);
  });
});

describe('login error summary', () => {
  it('after submitting an empty form, shows an error summary that has focus and no axe violations', async () => {
    await withPage(async (page) => {
      await open(page, '/login?lang=nb');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        page.locator('form[action="/login"] button[type="submit"]').click(),
      ]);
      await page.waitForLoadState('load');
      expect(response.status()).toBe(400);

      await page.locator('#error-summary').waitFor();
      // autofocus is applied on a rendering step after load: give it a moment, then judge what has focus.
      await page
        .waitForFunction("document.activeElement && document.activeElement.id === 'error-summary'", undefined, { timeout: 2000 })
        .catch(() => undefined);
      expect(await focusedElement(page)).toMatch(/^div#error-summary\b/);
      expect(await page.locator('#error-summary a[href="#field-email"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

describe('reflow at 320 CSS pixels (WCAG 1.4.10)', () => {
  // Norwegian compounds are long: every language is checked, since nynorsk and bokmål overflow where English does not.
  it.each(['/', '/demo', '/demo/reiser/dodsfall', '/demo/reiser/bygge-garasje/steg/1', '/login', '/tilgjengelighet'])('%s does not scroll sideways in any language', async (pagePath) => {
    await withPage(
      async (page) => {
        const overflows: string[] = [];
        for (const lang of LANGS) {
          await open(page, `${pagePath}?lang=${lang}`);
          const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
            '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
          );
          expect(innerWidth).toBe(320);
          if (scrollWidth > innerWidth) overflows.push(`${lang}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
        }
        expect(overflows).toEqual([]);
      },
      { viewport: { width: 320, height: 640 } },
    );
  });
});

describe('screenshots for review', () => {
  beforeAll(() => fs.mkdirSync(SCREENSHOT_DIR, { recursive: true }));

  const shots = [
    { name: 'front', pagePath: '/' },
    { name: 'login', pagePath: '/login' },
    { name: 'journey-map', pagePath: '/demo/reiser/bygge-garasje' },
    { name: 'step', pagePath: '/demo/reiser/bygge-garasje/steg/1' },
  ].flatMap((s) => [1280, 375].map((width) => ({ ...s, width })));

  it.each(shots)('saves $name at $width px', async ({ name, pagePath, width }) => {
    const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
    fs.rmSync(file, { force: true });
    await withPage(
      async (page) => {
        await open(page, `${pagePath}?lang=nb`);
        await page.screenshot({ path: file, fullPage: true });
      },
      { viewport: { width, height: 900 } },
    );
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});
