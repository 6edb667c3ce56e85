// An analyst starts an initiative from the top candidate in the insights table, sets it in progress, and a
// resident then sees it on "what we are doing"; the pages on the way have no axe violations.
import type { Browser } from 'playwright-core';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const { services, db } = server.testApp;
  const m = createMunicipality(services, 'fjord', 'Fjord kommune');
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  const j = buildJourney(services, 'fjord', { slug: 'garasje', phases: { A: ['Søke'] }, publish: true });
  const muni = services.municipalities.bySlug('fjord');
  const top = services.feedback.submit(services.feedback.ensureParticipant('a'), muni, j.journeyId, j.stepIds[0]!, { title: 'Uklart om garasjen må søkes', body: 'x', severity: 4, channel: null }).id;
  services.feedback.submit(services.feedback.ensureParticipant('b'), muni, j.journeyId, j.stepIds[0]!, { title: 'Lite viktig', body: 'x', severity: 1, channel: null });
  for (let i = 0; i < 4; i += 1) services.feedback.vote(services.feedback.ensureParticipant(`v${i}`), m, top, 5);
  await createUser(services, { email: 'analyst@fjord.test', municipality: 'fjord', roles: ['analyst'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an analyst starts an initiative from the top candidate; a resident sees it on "what we are doing"', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, server.baseUrl, 'analyst@fjord.test');
  await page.goto(`${server.baseUrl}/admin/fjord/insights?lang=nb`);
  const first = page.locator('.app-insights-table tbody tr').first().locator('th a');
  expect(await first.innerText()).toBe('Uklart om garasjen må søkes');
  await Promise.all([page.waitForLoadState('load'), first.click()]);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Start et tiltak fra dette innspillet' }).click()]);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#field-title').fill('Veiviser for garasjer');
  await page.locator('#field-ownerDepartmentId').selectOption({ label: 'Byggesak' });
  await page.locator('#field-status').selectOption('in_progress');
  await page.locator('#field-progress').fill('40');
  await page.locator('#field-publicNote').fill('Vi lager en veiviser som svarer på om garasjen må søkes.');
  await Promise.all([page.waitForLoadState('load'), page.locator('main form.app-form button[type="submit"]').click()]);
  expect(await page.locator('h1').innerText()).toBe('Veiviser for garasjer');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`${server.baseUrl}/admin/fjord/portfolio?lang=nb`);
  expect(await axeViolations(page)).toEqual([]);
  await context.close();

  const resident = await browser.newContext();
  const doing = await resident.newPage();
  await doing.goto(`${server.baseUrl}/fjord/vi-gjor?lang=nb`);
  const text = await doing.locator('main').innerText();
  expect(text).toContain('Veiviser for garasjer');
  expect(text).toContain('Vi lager en veiviser som svarer på om garasjen må søkes.');
  expect(text).toContain('Uklart om garasjen må søkes');
  expect(await axeViolations(doing)).toEqual([]);
  await resident.close();
});
