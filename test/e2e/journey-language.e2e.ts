// A journey's content language and translations (#19.9) in a real browser, on the demo seed: the translation page
// and a partly translated map have no axe violations in nb, nn and en (axe's valid-lang checks each `lang`), the
// journey's own text carries `lang="nb"` exactly where it is not in the page's language, and a designer without
// JavaScript saves a translation from the page's one form.
import type { BrowserContext, Page } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { axeViolations } from './helpers/axe';
import { signInThroughForm } from './helpers/browser';
import { demoSuite } from './helpers/demo-server';

const LOCALE_TEXTS = { nb, nn, en };
const ENGLISH_TITLE = 'I am building a garage';
const ENGLISH_LANE = 'In the resident’s words';
const ENGLISH_NOTE = 'The application goes on to building cases';

const suite = demoSuite();
const contexts: BrowserContext[] = [];
let journeyId: number;

beforeAll(() => {
  // The demo's first journey (bokmål) gets an English title and first phase title, published, so the map holds
  // translated and untranslated text side by side; so do its first own lane's title and its first handover's note.
  const { services } = suite.server.testApp;
  const demo = services.municipalities.bySlug('demo');
  journeyId = Number(suite.server.values.journeyId);
  const form = services.translations.form(demo.id, journeyId, 'en');
  const phase = form.groups.find((g) => g.item === 'phase')!;
  const fields = form.groups.flatMap((g) => g.fields);
  const lane = fields.find((f) => f.item === 'lane')!;
  const note = fields.find((f) => f.item === 'handover')!;
  services.translations.save(null, demo.id, journeyId, 'en', [
    { item: 'journey', itemId: null, field: 'title', text: ENGLISH_TITLE },
    { item: 'phase', itemId: phase.id, field: 'title', text: 'Finding out what applies' },
    { item: 'lane', itemId: lane.itemId, field: 'title', text: ENGLISH_LANE },
    { item: 'handover', itemId: note.itemId, field: 'note', text: ENGLISH_NOTE },
  ]);
  services.journeyEditor.publish(null, demo.id, journeyId);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function newPage(options: { javaScriptEnabled: boolean }): Promise<Page> {
  const context = await suite.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

/** What the page marks with `lang` inside <main>: each element's language and its text. */
function marks(page: Page): Promise<{ lang: string; text: string }[]> {
  return page.evaluate<{ lang: string; text: string }[]>(`Array.from(document.querySelectorAll('main [lang]')).map((el) => ({ lang: el.getAttribute('lang'), text: el.textContent.trim() }))`);
}

describe('the journey map with a partial translation', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage({ javaScriptEnabled: true });
  });

  it.each(['nb', 'nn', 'en'] as const)('has no axe violations in %s, with the journey text marked where it is not the page’s language', async (lang) => {
    const response = await page.goto(`${suite.server.baseUrl}/demo/reiser/bygge-garasje?lang=${lang}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const h1 = page.locator('h1');
    const found = await marks(page);
    if (lang === 'nb') {
      expect(found).toEqual([]);
      expect(await h1.innerText()).toBe('Jeg skal bygge garasje');
    } else {
      expect(found.length).toBeGreaterThan(20);
      expect(found.every((m) => m.lang === 'nb')).toBe(true);
      // No interface text (a lane's name, the pain lane, a channel) is ever marked.
      const interfaceTexts = Object.values(LOCALE_TEXTS[lang].journeys.lanes);
      expect(found.filter((m) => interfaceTexts.includes(m.text))).toEqual([]);
    }
    if (lang === 'en') {
      expect(await h1.innerText()).toBe(ENGLISH_TITLE);
      expect(await h1.getAttribute('lang')).toBeNull();
      expect(await page.locator('th.app-map__phase').first().getAttribute('lang')).toBeNull();
      expect(await page.locator('th.app-map__phase').nth(1).getAttribute('lang')).toBe('nb');
      const ownLane = page.locator('th.app-map__lane', { hasText: ENGLISH_LANE });
      expect(await ownLane.getAttribute('lang')).toBeNull();
      expect(await page.locator('.app-handover__tag', { hasText: ENGLISH_NOTE }).count()).toBeGreaterThan(0);
    }
    if (lang === 'nn') expect(await h1.getAttribute('lang')).toBe('nb');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the translation page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage({ javaScriptEnabled: true });
    await signInThroughForm(page, suite.server.baseUrl, 'designer@demo.test');
  });

  it.each(['nb', 'nn', 'en'] as const)('has no axe violations in %s, each field labelled and described by its original', async (lang) => {
    const response = await page.goto(`${suite.server.baseUrl}/admin/demo/journeys/${journeyId}/translations?language=en&lang=${lang}`);
    expect(response?.status()).toBe(200);
    const title = page.locator('#field-journey-title');
    expect(await title.inputValue()).toBe(ENGLISH_TITLE);
    expect(await title.getAttribute('lang')).toBe(lang === 'en' ? null : 'en');
    expect(await page.getByLabel(LOCALE_TEXTS[lang].journeys.fields.title, { exact: true }).count()).toBe(1);
    const description = await title.getAttribute('aria-describedby');
    expect(await page.locator(`#${description!.split(' ')[0]}`).innerText()).toContain('Jeg skal bygge garasje');
    // The own lanes' titles and the handovers' notes are on the page too, labelled like the rest.
    expect(await page.getByLabel(LOCALE_TEXTS[lang].journeys.translations.laneTitle.replace('{{number}}', '1'), { exact: true }).inputValue()).toBe(ENGLISH_LANE);
    expect(await page.locator(`input[value="${ENGLISH_NOTE}"]`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a refused save in an error summary leading to the field, with no axe violations', async () => {
    await page.goto(`${suite.server.baseUrl}/admin/demo/journeys/${journeyId}/translations?language=nn&lang=nb`);
    await page.locator('#field-journey-title').fill('x'.repeat(150));
    // Past the field's own limit, as a pasted text could be after the page's checks.
    await page.evaluate(`document.getElementById('field-journey-title').removeAttribute('maxlength')`);
    await page.locator('#field-journey-title').fill('x'.repeat(161));
    await Promise.all([page.waitForLoadState('load'), page.locator('form.app-translations button[type="submit"]').click()]);
    expect(await page.locator('#error-summary').innerText()).toContain(nb.validation.tooLong);
    expect(await page.locator('#error-summary a').getAttribute('href')).toBe('#field-journey-title');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('translating without JavaScript', () => {
  it('saves a translation from the one form and says so', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signInThroughForm(page, suite.server.baseUrl, 'designer@demo.test');
    await page.goto(`${suite.server.baseUrl}/admin/demo/journeys/${journeyId}/translations?language=nn&lang=nb`);
    await page.locator('#field-journey-title').fill('Eg skal byggje garasje');
    await Promise.all([page.waitForLoadState('load'), page.locator('form.app-translations button[type="submit"]').click()]);
    expect(await page.locator('.ds-alert[data-color="success"]').innerText()).toContain(nb.flash.translationsSaved);
    expect(await page.locator('#field-journey-title').inputValue()).toBe('Eg skal byggje garasje');
  });
});
