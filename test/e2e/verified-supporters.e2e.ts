// #21.3 in a real browser: the staff pages that show verified supporters only once someone in the municipality has
// verified with ID-porten (the demo server of a11y.e2e.ts has nobody verified, so it never draws them): a pain
// point's moderation page, the merge preview with what the merged report will have, the insights table under
// "verified only" and the explanation page in both views, with axe, html lang and one h1 in bokmål, nynorsk and English.
import type { Browser } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser } from '../helpers/test-app';
import { expectAccessible } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

const TEXTS = { nb, nn, en } as const;
const EMAIL = 'moderator-analyst@fjord.test';
let server: TestServer;
let browser: Browser;
let kept: number;
let duplicate: number;

beforeAll(async () => {
  server = await startServer();
  const { services, db } = server.testApp;
  const m = createMunicipality(services, 'fjord', 'Fjord kommune', { premoderation: false });
  const j = buildJourney(services, 'fjord', { slug: 'garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  const muni = services.municipalities.bySlug('fjord');
  const participant = (name: string) => services.feedback.ensureParticipant(`e2e-${name}`);
  kept = services.feedback.submit(participant('a'), muni, j.journeyId, j.stepIds[0]!, { title: 'Uklart om garasjen må søkes', body: 'Fant ikke svaret.', severity: 4, channel: null }).id;
  duplicate = services.feedback.submit(participant('b'), muni, j.journeyId, j.stepIds[0]!, { title: 'Vet ikke om garasje må søkes', body: 'Uklart.', severity: 3, channel: null }).id;
  for (const [name, severity] of [['v1', 5], ['v2', 2], ['x', 3]] as const) services.feedback.vote(participant(name), m, kept, severity);
  services.feedback.vote(participant('v1'), m, duplicate, 4);
  for (const [name, pseudonym] of [['v1', 'person-1'], ['v2', 'person-2']] as const) {
    db.prepare('INSERT INTO resident_verifications (participant_id, municipality_id, pseudonym, verified_at) VALUES (?, ?, ?, ?)').run(participant(name), m, pseudonym, new Date().toISOString());
  }
  await createUser(services, { email: EMAIL, municipality: 'fjord', roles: ['moderator', 'analyst'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(Object.keys(TEXTS) as (keyof typeof TEXTS)[])('the staff pages with verified supporters in %s', (lang) => {
  const t = TEXTS[lang];

  it('have no axe violations, the page language and one h1', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signInThroughForm(page, server.baseUrl, EMAIL);
      const open = async (path: string, shows: string) => {
        const response = await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect([path, response?.status()]).toEqual([path, 200]);
        expect([path, (await page.locator('main').innerText()).includes(shows)]).toEqual([path, true]);
        await expectAccessible(page, lang, path);
      };
      await open(`/admin/fjord/moderation/${kept}`, t.moderation.verified.count.replace('{{count}}', '2'));
      await open(`/admin/fjord/moderation/${duplicate}/merge?targetId=${kept}`, t.moderation.verified.afterMerge.once);
      await open('/admin/fjord/insights?verified=1', t.insights.verified.onlyNote);
      await open(`/admin/fjord/insights/${kept}?verified=1`, t.insights.verified.charts.overTime);
      await open(`/admin/fjord/insights/${kept}`, t.insights.explain.overTime);
    } finally {
      await context.close();
    }
  });
});
