// The new-journey page with its templates (#19) in a real browser: no axe violations in nb, nn and en (also with
// the error summary of a refused choice), and a designer without JavaScript creates a journey from a template and
// lands in its editor, the text in the language picked rather than the interface's. axe runs its script in the page,
// so the axe checks use a context with JavaScript on; the creation uses one with it off.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { templateDocument } from '../../src/modules/journeys/templates/journey-templates';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

const LOCALE_TEXTS = { nb, nn, en };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  createMunicipality(server.testApp.services, 'fjord', 'Fjord kommune');
  await createUser(server.testApp.services, { email: 'designer@fjord.test', municipality: 'fjord', roles: ['designer'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

/** A signed-in designer's page; axe runs its script in the page, so the checks with axe need JavaScript on. */
async function designerPage(options: { javaScriptEnabled: boolean }): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  await signInThroughForm(page, server.baseUrl, 'designer@fjord.test');
  return page;
}

async function submitTemplateForm(page: Page): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.locator('form:has(input[name="start"]) button[type="submit"]').click()]);
}

describe('the new-journey page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await designerPage({ javaScriptEnabled: true });
  });

  it.each(['nb', 'nn', 'en'] as const)('has no axe violations in %s, and labels every template and the language', async (lang) => {
    const response = await page.goto(`${server.baseUrl}/admin/fjord/journeys/new?lang=${lang}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const texts = LOCALE_TEXTS[lang].journeys.new;
    expect(await page.getByRole('radiogroup', { name: texts.templateField }).or(page.getByRole('group', { name: texts.templateField })).count()).toBe(1);
    expect(await page.getByRole('radio').count()).toBe(7);
    expect(await page.getByLabel(texts.templateLanguage).inputValue()).toBe(lang);
    expect(await page.getByRole('link', { name: texts.copy }).getAttribute('href')).toBe('/admin/fjord/journeys/copy');
    expect(await page.getByRole('link', { name: texts.import }).getAttribute('href')).toBe('/admin/fjord/journeys/import');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a refused choice in an error summary that leads to the templates, with no axe violations', async () => {
    await page.goto(`${server.baseUrl}/admin/fjord/journeys/new?lang=nb`);
    await submitTemplateForm(page);
    expect(await page.locator('#error-summary').innerText()).toContain(nb.validation.templateUnknown);
    expect(await page.locator('#error-summary a').getAttribute('href')).toBe('#field-template');
    expect(await axeViolations(page)).toEqual([]);
    expect(server.testApp.db.prepare('SELECT count(*) FROM journeys').pluck().get()).toBe(0);
  });
});

describe('creating a journey from a template without JavaScript', () => {
  it('a designer picks «Dødsfall og arv» in nynorsk from the bokmål page and lands in the editor of the new draft', async () => {
    const page = await designerPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/admin/fjord/journeys/new?lang=nb`);
    await page.getByRole('radio', { name: 'Dødsfall og arv' }).check();
    await page.getByLabel(nb.journeys.new.templateLanguage).selectOption('nn');
    await submitTemplateForm(page);

    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/fjord\/journeys\/\d+$/);
    await page.getByText(nb.flash.createdFromTemplate).waitFor();
    const doc = templateDocument('death-and-inheritance', 'nn');
    expect(await page.locator('h1').innerText()).toBe(doc.journey.title);
    const main = await page.locator('main').innerText();
    for (const phase of doc.phases) expect(main).toContain(phase.title);
    // The editor shows the steps in the phase grids' title cells (#19.1).
    const titles = await page.locator('input[name="title"]').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    for (const step of doc.phases.flatMap((p) => p.steps)) expect(titles).toContain(step.title);
    expect(server.testApp.db.prepare('SELECT status FROM journeys').pluck().all()).toEqual(['draft']);
  });
});
