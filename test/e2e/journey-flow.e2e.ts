// A designer builds and publishes a journey in the browser (without JavaScript, as the editor must allow);
// a resident then opens the map, which has no axe violations and no sideways scrolling at 320 px.
import type { Browser, Page } from 'playwright-core';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  createMunicipality(server.testApp.services, 'fjord', 'Fjord kommune');
  server.testApp.services.departments.findOrCreate(server.testApp.services.municipalities.bySlug('fjord').id, 'Folkeregisteret', 'state');
  await createUser(server.testApp.services, { email: 'designer@fjord.test', municipality: 'fjord', roles: ['designer'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submit(page: Page, formSelector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.locator(`${formSelector} button[type="submit"]`).click()]);
}

/** A phase with its steps through the editor's "add phase" grid (#19.1): one form for the phase and all its steps. */
async function addPhase(page: Page, phaseTitle: string, steps: { title: string; emotion: string; department?: string }[]): Promise<void> {
  await page.locator('#field-new-title').fill(phaseTitle);
  for (const [i, step] of steps.entries()) {
    await page.locator(`#field-new-title-${i}`).fill(step.title);
    await page.locator(`#field-new-residentAction-${i}`).fill(`Jeg ${step.title.toLowerCase()}.`);
    await page.locator(`#field-new-touchpoint-${i}`).fill('Kommunens nettside');
    if (step.department) await page.locator(`#field-new-departmentId-${i}`).selectOption({ label: step.department });
    await page.locator(`#field-new-emotion-${i}`).selectOption(step.emotion);
  }
  await submit(page, '#new-form');
  await page.getByText('Fasen er lagt til.').waitFor();
}

describe('journey editor to public map', () => {
  it('a designer creates a journey with two phases and three steps and publishes it; a resident opens the map', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInThroughForm(page, server.baseUrl, 'designer@fjord.test');

    await page.goto(`${server.baseUrl}/admin/fjord/journeys/new?lang=nb`);
    await page.locator('#field-title').fill('Jeg skal flytte');
    await page.locator('#field-slug').fill('flytte');
    await page.locator('#field-lifeEvent').selectOption('flytte');
    await page.locator('#field-summary').fill('Fra du finner ny bolig til alt er meldt.');
    await submit(page, 'main form.app-form');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/fjord\/journeys\/\d+$/);

    await addPhase(page, 'Før flyttingen', [
      { title: 'Finne ny bolig', emotion: '1' },
      { title: 'Melde flytting', emotion: '-1', department: 'Folkeregisteret' },
    ]);
    await addPhase(page, 'Etter flyttingen', [{ title: 'Bytte fastlege', emotion: '0' }]);

    await submit(page, 'form[action$="/publish"]');
    await page.getByText('Reisen er publisert.').waitFor();
    await context.close();

    const resident = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const map = await resident.newPage();
    const response = await map.goto(`${server.baseUrl}/fjord/reiser/flytte?lang=nb`);
    expect(response?.status()).toBe(200);
    expect(await map.locator('h1').innerText()).toBe('Jeg skal flytte');
    const stepHeaders = await map.locator('table.app-map thead th[scope="col"].app-map__step').allInnerTexts();
    expect(stepHeaders.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      '1. Finne ny bolig',
      '2. Melde flytting',
      '3. Bytte fastlege',
    ]);
    expect(await map.locator('th[scope="colgroup"]').allInnerTexts()).toEqual(['Før flyttingen', 'Etter flyttingen']);
    expect(await axeViolations(map)).toEqual([]);
    await resident.close();

    const narrow = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const small = await narrow.newPage();
    await small.goto(`${server.baseUrl}/fjord/reiser/flytte?lang=nb`);
    const widths = await small.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
    expect(await small.locator('.app-step-card').count()).toBe(3);
    expect(await axeViolations(small)).toEqual([]);
    await narrow.close();

    // On paper the map prints as step cards (portrait-friendly), without the navigation around it.
    const paper = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const print = await paper.newPage();
    await print.goto(`${server.baseUrl}/fjord/reiser/flytte?lang=nb`);
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('.app-map-scroll').isVisible()).toBe(false);
    expect(await print.locator('.app-step-card').first().isVisible()).toBe(true);
    expect(await print.locator('header.app-header').isVisible()).toBe(false);
    await paper.close();
  });
});
