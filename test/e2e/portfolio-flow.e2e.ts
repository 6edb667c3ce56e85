// An analyst starts an initiative from the top candidate in the insights table (the step's department chosen, no
// name yet), plans it, and starts it from the board with the card's button; over the WIP limit the board asks which
// initiative to pause, and one click pauses that one and starts this one. A resident then sees both on "what we are
// doing", the paused one said in plain words. The pages on the way have no axe violations, and card titles wrap
// between words.
import type { Browser, Page } from 'playwright-core';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;
let byggesak: number;
const LONG_TITLE = 'Reguleringsplanen og byggesøknaden på ett sted';

beforeAll(async () => {
  server = await startServer();
  const { services, db } = server.testApp;
  const m = createMunicipality(services, 'fjord', 'Fjord kommune');
  db.prepare('UPDATE municipalities SET premoderation = 0, wip_limit = 1 WHERE id = ?').run(m);
  const j = buildJourney(services, 'fjord', { slug: 'garasje', phases: { A: ['Søke'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  byggesak = services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  services.departments.findOrCreate(m, 'Kundesenter', 'municipal');
  const muni = services.municipalities.bySlug('fjord');
  const top = services.feedback.submit(services.feedback.ensureParticipant('a'), muni, j.journeyId, j.stepIds[0]!, { title: 'Uklart om garasjen må søkes', body: 'x', severity: 4, channel: null }).id;
  services.feedback.submit(services.feedback.ensureParticipant('b'), muni, j.journeyId, j.stepIds[0]!, { title: 'Lite viktig', body: 'x', severity: 1, channel: null });
  for (let i = 0; i < 4; i += 1) services.feedback.vote(services.feedback.ensureParticipant(`v${i}`), m, top, 5);
  // Already in progress, at the limit of one: starting another means choosing.
  services.portfolio.create(null, m, {
    title: LONG_TITLE, description: '', ownerDepartmentId: byggesak, departmentIds: [], effort: 'M', confidence: 'medium', status: 'in_progress', progress: 60, publicNote: 'Alt om plan og bygg samlet.',
  });
  await createUser(services, { email: 'analyst@fjord.test', municipality: 'fjord', roles: ['analyst'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Words of a card title that the browser split over two lines (a script as text: the suite has no DOM types). */
function wordsSplitAcrossLines(page: Page, title: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const wanted = ${JSON.stringify(title)};
    const link = [...document.querySelectorAll('.app-initiative__title a')].find((a) => a.textContent === wanted);
    const text = link && link.firstChild;
    if (!text) return ['(title not found)'];
    const split = [];
    for (const match of wanted.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) split.push(match[0]);
    }
    return split;
  })()`);
}

it('an analyst starts an initiative from a report, starts it from the board over the WIP limit by pausing another; a resident sees both', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, server.baseUrl, 'analyst@fjord.test');
  await page.goto(`${server.baseUrl}/admin/fjord/insights?lang=nb`);
  const first = page.locator('.app-insights-table tbody tr').first().locator('th a');
  expect(await first.innerText()).toBe('Uklart om garasjen må søkes');
  await Promise.all([page.waitForLoadState('load'), first.click()]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Start et tiltak fra dette innspillet' }).click()]);
  expect(await axeViolations(page)).toEqual([]);
  // The name is the staff's to give; the owner is the department responsible for the report's step.
  expect(await page.locator('#field-title').inputValue()).toBe('');
  expect(await page.locator('#field-ownerDepartmentId').inputValue()).toBe(String(byggesak));
  await page.locator('#field-title').fill('Veiviser for garasjer');
  await page.locator('#field-status').selectOption('planned');
  await page.locator('#field-progress').fill('40');
  await page.locator('#field-publicNote').fill('Vi lager en veiviser som svarer på om garasjen må søkes.');
  await Promise.all([page.waitForLoadState('load'), page.locator('main form.app-form button[type="submit"]').click()]);
  expect(await page.locator('h1').innerText()).toBe('Veiviser for garasjer');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${server.baseUrl}/admin/fjord/portfolio?lang=nb`);
  expect(await axeViolations(page)).toEqual([]);
  // Even "Reguleringsplanen" fits a column: the title wraps between words at every width (at 1280 px and 480 px it
  // was split mid-word before, #18), and no card is wider than its column.
  for (const width of [1280, 1120, 920, 680, 480, 320]) {
    await page.setViewportSize({ width, height: 800 });
    expect([width, await wordsSplitAcrossLines(page, LONG_TITLE)]).toEqual([width, []]);
    expect(await page.locator('.app-initiative').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).length)).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // The card's own button, over the limit: the question page, then one answer does both.
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sett i arbeid: «Veiviser for garasjer»' }).click()]);
  expect(await page.locator('h1').innerText()).toBe('Hvilket tiltak skal vike plass?');
  expect(await axeViolations(page)).toEqual([]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Sett «${LONG_TITLE}» på vent` }).click()]);
  expect(new URL(page.url()).pathname).toBe('/admin/fjord/portfolio');
  expect(await page.locator('section[aria-labelledby="column-in_progress"] .app-initiative__title').allInnerTexts()).toEqual(['Veiviser for garasjer']);
  expect(await page.locator('section[aria-labelledby="column-paused"] .app-initiative__title a').allInnerTexts()).toEqual([LONG_TITLE]);
  expect(await page.locator('main').innerText()).toContain('1 av høyst 1 tiltak er i arbeid.');
  expect(await axeViolations(page)).toEqual([]);
  await context.close();

  const resident = await browser.newContext();
  const doing = await resident.newPage();
  await doing.goto(`${server.baseUrl}/fjord/vi-gjor?lang=nb`);
  const text = await doing.locator('main').innerText();
  expect(text).toContain('Veiviser for garasjer');
  expect(text).toContain('Vi lager en veiviser som svarer på om garasjen må søkes.');
  expect(text).toContain('Uklart om garasjen må søkes');
  expect(text).toContain(LONG_TITLE);
  expect(text).toContain('Satt på vent');
  expect(text).toContain('Arbeidet med dette tiltaket er satt på vent.');
  expect(await axeViolations(doing)).toEqual([]);
  await resident.close();
});
