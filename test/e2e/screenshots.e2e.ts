// Saves full-page screenshots of the key pages at desktop and mobile widths to test-artifacts/screenshots/
// (gitignored), so a person can look at what the suite saw. Named <page>-<width>.png, in bokmål, on the demo seed.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { signInThroughForm } from './helpers/browser';
import { demoSuite, PLATFORM_ADMIN } from './helpers/demo-server';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');
const WIDTHS = [1280, 375];
const PUBLIC_SHOTS = [
  { name: 'front', pagePath: '/' },
  { name: 'municipality', pagePath: '/demo' },
  { name: 'journey-map', pagePath: '/demo/reiser/bygge-garasje' },
  { name: 'step', pagePath: '/demo/reiser/bygge-garasje/steg/1' },
  { name: 'report-form', pagePath: '/demo/reiser/bygge-garasje/steg/1/meld' },
  { name: 'pain-point', pagePath: '/demo/innspill/1' },
  { name: 'viktigst', pagePath: '/demo/viktigst' },
  { name: 'vi-gjor', pagePath: '/demo/vi-gjor' },
  { name: 'login', pagePath: '/login' },
  { name: 'accessibility-statement', pagePath: '/tilgjengelighet' },
];
const STAFF_SHOTS = [
  { name: 'staff-insights', pagePath: '/admin/demo/insights' },
  { name: 'moderation-queue', pagePath: '/admin/demo/moderation' },
  { name: 'journey-editor', pagePath: '/admin/demo/journeys/1' },
  { name: 'portfolio-board', pagePath: '/admin/demo/portfolio' },
  // #21: the second factor's page (enrolled by the sign-in) and the settings with the sign-in requirements.
  { name: 'two-factor', pagePath: '/admin/konto/totp' },
  { name: 'settings', pagePath: '/admin/demo/settings' },
  // The eighth round: the explanation page, a pain point for moderators, and the translations page with own lanes and
  // handover notes.
  { name: 'insights-explain', pagePath: '/admin/demo/insights/1' },
  { name: 'moderation-detail', pagePath: '/admin/demo/moderation/1' },
  { name: 'translations', pagePath: '/admin/demo/journeys/1/translations' },
];

const suite = demoSuite();

beforeAll(() => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

describe.each(WIDTHS)('at %i px wide', (width) => {
  let publicContext: BrowserContext;
  let staffContext: BrowserContext;
  beforeAll(async () => {
    // A Norwegian browser, so date fields and the like look as residents and staff here see them.
    const options = { viewport: { width, height: 900 }, locale: 'nb-NO' };
    publicContext = await suite.browser.newContext(options);
    staffContext = await suite.browser.newContext(options);
    await signInThroughForm(await staffContext.newPage(), suite.server.baseUrl, PLATFORM_ADMIN);
  });
  afterAll(async () => {
    await publicContext?.close();
    await staffContext?.close();
  });

  it.each([...PUBLIC_SHOTS.map((s) => ({ ...s, staff: false })), ...STAFF_SHOTS.map((s) => ({ ...s, staff: true }))])(
    'saves $name',
    async ({ name, pagePath, staff }) => {
      const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
      fs.rmSync(file, { force: true });
      const page = await (staff ? staffContext : publicContext).newPage();
      try {
        const response = await page.goto(`${suite.server.baseUrl}${pagePath}?lang=nb`);
        expect(response?.status()).toBe(200);
        await page.screenshot({ path: file, fullPage: true });
      } finally {
        await page.close();
      }
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    },
  );
});
