// #21.3 in a real browser: the pages of residents' ID-porten verification, which only exist with IDPORTEN_* set (the
// demo server of a11y.e2e.ts has none), checked with axe, html lang and one h1 in bokmål, nynorsk and English: the
// offer on a report's page after taking part, the failure page (here ID-porten cannot be reached), "my contributions"
// with a verification and the offer for another municipality, and the page that asks before removing it.
// The flow itself, against a real provider, is test/http/resident-verification.test.ts.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';
import { expectAccessible } from './helpers/axe';
import { launchBrowser } from './helpers/browser';

const TEXTS = { nb, nn, en } as const;
let testApp: TestApp;
let server: ReturnType<TestApp['app']['listen']>;
let baseUrl: string;
let browser: Browser;
let stepPath: string;
let austId: number;

beforeAll(async () => {
  // Nothing listens on port 9: every sign-in at "ID-porten" fails as unreachable, which is the failure page to check.
  testApp = makeTestApp({ idporten: { issuer: 'http://127.0.0.1:9/idporten', clientId: 'reisekart', clientSecret: 'test-secret' } });
  austId = createMunicipality(testApp.services, 'aust', 'Aust kommune', { premoderation: false });
  createMunicipality(testApp.services, 'vest', 'Vest kommune', { premoderation: false });
  const aust = buildJourney(testApp.services, 'aust', { slug: 'garasje', title: 'Jeg skal bygge garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  const vest = buildJourney(testApp.services, 'vest', { slug: 'garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  stepPath = `/aust/reiser/garasje/steg/${aust.stepIds[0]}`;
  // A report in the second municipality, for "me too" from the browser: "my contributions" then offers it there.
  const other = testApp.services.feedback.ensureParticipant('e2e-other-resident');
  testApp.services.feedback.submit(other, testApp.services.municipalities.bySlug('vest'), vest.journeyId, vest.stepIds[0]!, { title: 'Ingen svar', body: 'Ingen svar på tre uker.', severity: 3, channel: null });
  server = await new Promise((resolve, reject) => {
    const s = testApp.app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  testApp?.close();
});

describe.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])('the verification pages in %s', (lang) => {
  const t = TEXTS[lang];

  it('have no axe violations, the page language and one h1', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      // Takes part: a report through the form and its check step.
      await page.goto(`${baseUrl}${stepPath}/meld?lang=${lang}`);
      await page.locator('#field-title').fill('Skjemaet forsvant');
      await page.locator('#field-body').fill('Jeg mistet alt jeg hadde skrevet da økten gikk ut.');
      await page.locator('input[name="severity"][value="3"]').check();
      await Promise.all([page.waitForLoadState('load'), page.locator('form.app-form button[type="submit"]').click()]);
      await Promise.all([page.waitForURL(/innspill\/\d+$/), page.locator('button[name="confirmed"]').click()]);
      // The report's page thanks the resident and offers the verification.
      expect(await page.locator('main').innerText()).toContain(t.verification.offer.heading);
      await expectAccessible(page, lang, 'report page with the offer');

      // "Me too" in the other municipality, so that "my contributions" offers the verification there.
      const vestPoint = testApp.db.prepare("SELECT p.id FROM pain_points p JOIN municipalities m ON m.id = p.municipality_id WHERE m.slug = 'vest' LIMIT 1").pluck().get() as number;
      await page.goto(`${baseUrl}/vest/innspill/${vestPoint}?lang=${lang}`);
      await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/meg-ogsa"] button[type="submit"]').first().click()]);

      // Confirming goes nowhere: ID-porten cannot be reached. The failure page says so and leads back.
      const report = testApp.db.prepare('SELECT id FROM pain_points ORDER BY id DESC LIMIT 1').pluck().get() as number;
      await page.goto(`${baseUrl}/aust/innspill/${report}?lang=${lang}`);
      const [failed] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/aust/id-porten'), page.locator('form[action="/aust/id-porten"] button[type="submit"]').click()]);
      expect(failed.status()).toBe(503);
      await page.waitForLoadState('load');
      expect(await page.locator('main').innerText()).toContain(t.verification.failed.unavailable);
      await expectAccessible(page, lang, 'failure page');

      // Verified in Aust (as the callback stores it; the flow itself is the HTTP test's): "my contributions" shows it.
      const participantId = testApp.db.prepare('SELECT participant_id FROM pain_points WHERE id = ?').pluck().get(report) as number;
      testApp.services.verification.verify(participantId, austId, `e2e-pseudonym-${lang}`);
      await page.goto(`${baseUrl}/mine?lang=${lang}`);
      const mine = await page.locator('main').innerText();
      expect(mine).toContain(t.verification.mine.heading);
      expect(mine).toContain(t.verification.offer.buttonFor.replace('{{name}}', 'Vest kommune'));
      await expectAccessible(page, lang, '/mine with a verification');

      await Promise.all([page.waitForURL(/\/mine\/id-porten\/aust\/fjern/), page.locator('a[href^="/mine/id-porten/aust/fjern"]').click()]);
      expect(await page.locator('h1').innerText()).toBe(t.verification.remove.title);
      await expectAccessible(page, lang, 'removal page');
      await Promise.all([page.waitForURL(/\/mine(\?|$)/), page.locator('form[action="/mine/id-porten/aust/fjern"] button[type="submit"]').click()]);
      expect(await page.locator('main').innerText()).toContain(t.flash.verificationRemoved);
    } finally {
      await context.close();
    }
  });
});
