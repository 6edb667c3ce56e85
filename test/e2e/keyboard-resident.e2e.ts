// A resident with the keyboard alone, with JavaScript on and off: reports a pain point through the check step
// (after the error summary has taken them to the field they missed), says "me too" to another and withdraws it.
// Only page.goto opens the first page; from there it is Tab, Shift+Tab, Enter, Space, arrows and typing, with
// visible focus and a sensible order checked at every stop (helpers/keyboard.ts).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality } from '../helpers/test-app';
import { launchBrowser } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { chooseOption, focusStop, follow, followErrorSummaryTo, named, pressAndLoad, tabFromStartTo, tabTo, typeInto } from './helpers/keyboard';

let server: TestServer;
let browser: Browser;
let stepPath: string;
let existingId: number;
const EXISTING_TITLE = 'Lang ventetid på byggesøknaden';

beforeAll(async () => {
  server = await startServer();
  const { services, db } = server.testApp;
  const m = createMunicipality(services, 'fjord', 'Fjord kommune');
  const j = buildJourney(services, 'fjord', { slug: 'garasje', title: 'Jeg skal bygge garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  stepPath = `/fjord/reiser/garasje/steg/${j.stepIds[0]}`;
  // Published at once, so residents can say "me too" to it; the new reports below wait for a moderator.
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  existingId = services.feedback.submit(services.feedback.ensureParticipant('kb-existing'), services.municipalities.bySlug('fjord'), j.journeyId, j.stepIds[0]!, {
    title: EXISTING_TITLE,
    body: 'Det tok tolv uker før byggesøknaden ble behandlet.',
    severity: 4,
    channel: 'digital',
  }).id;
  db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function votesOnExisting(): number {
  return (server.testApp.db.prepare('SELECT COUNT(*) AS n FROM votes WHERE pain_point_id = ?').get(existingId) as { n: number }).n;
}

async function reportWithKeyboard(page: Page, title: string): Promise<void> {
  await follow(page, new RegExp(`^a\\.ds-button\\[href="${stepPath}/meld"\\]`));
  expect(await page.locator('h1').innerText()).toBe(nb.feedback.report.title);

  // Sent empty first: the error summary takes focus, and its link leads into the title field.
  await tabFromStartTo(page, named('button', nb.feedback.report.next));
  await pressAndLoad(page, 'Enter');
  await followErrorSummaryTo(page, 'title');
  await typeInto(page, /^input#field-title\b/, title);
  await page.keyboard.press('Tab');
  await typeInto(page, /^textarea#field-body\b/, 'Byggesøknaden ble liggende i mange uker uten svar. Ring meg på 412 34 567.');
  // Into the radio group, Space checks the first severity, the arrows move to the fourth.
  await page.keyboard.press('Tab');
  expect((await focusStop(page))?.label).toMatch(/^input#field-severity\b/);
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  expect(await page.locator('input[name="severity"]:checked').getAttribute('value')).toBe('4');
  await tabTo(page, named('button', nb.feedback.report.next));
  await pressAndLoad(page, 'Enter');

  // The check step: the phone number was removed, the similar report is offered; this one is different.
  expect(await page.locator('h1').innerText()).toBe(nb.feedback.check.title);
  expect(await page.locator('main').innerText()).toContain(EXISTING_TITLE);
  await follow(page, named('button', nb.feedback.check.mineIsDifferent));
  expect(await page.locator('main').innerText()).toContain('[fjernet: telefonnummer]');
}

const variants: [string, BrowserContextOptions][] = [
  ['with JavaScript', {}],
  ['without JavaScript', { javaScriptEnabled: false }],
];

describe.each(variants)('a resident using only the keyboard, %s', (_label, contextOptions) => {
  it('reports a pain point through the check step, says "me too" to another and withdraws it', async () => {
    const context = await browser.newContext(contextOptions);
    try {
      const page = await context.newPage();
      const title = `Ingen svar på søknaden (${contextOptions.javaScriptEnabled === false ? 'uten' : 'med'} JavaScript)`;
      await page.goto(`${server.baseUrl}${stepPath}?lang=nb`);

      await reportWithKeyboard(page, title);
      const stored = server.testApp.db.prepare('SELECT moderation_status AS status FROM pain_points WHERE title = ?').get(title) as { status: string } | undefined;
      expect(stored?.status).toBe('pending');

      // Back to the step through the breadcrumb, where the existing report takes "me too" with a severity.
      await follow(page, new RegExp(`^a\\.ds-link\\[href="${stepPath}"\\]`));
      await tabFromStartTo(page, new RegExp(`^select#severity-${existingId}\\b`));
      await chooseOption(page, '5');
      await tabTo(page, named('button', nb.feedback.meTooNamed.replace('{{title}}', EXISTING_TITLE)));
      const before = votesOnExisting();
      await pressAndLoad(page, 'Space');
      expect(await page.locator('main').innerText()).toContain(nb.feedback.youSaidMeToo);
      expect(votesOnExisting()).toBe(before + 1);

      // The page comes back at the card (#innspill-N), so the next Tab goes on from there, not from the top.
      expect(new URL(page.url()).hash).toBe(`#innspill-${existingId}`);
      const stops = await tabTo(page, named('button', nb.feedback.withdrawNamed.replace('{{title}}', EXISTING_TITLE)));
      expect(stops[0]?.label).toMatch(new RegExp(`^a\\.ds-link\\[href="/fjord/innspill/${existingId}"\\]`));
      await pressAndLoad(page, 'Enter');
      expect(votesOnExisting()).toBe(before);
      expect(await page.locator(`select#severity-${existingId}`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
