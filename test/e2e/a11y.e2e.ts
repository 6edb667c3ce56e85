// Accessibility in a real browser over every page type of test/helpers/page-types.ts: axe (WCAG 2.0/2.1 A and AA),
// html lang, one h1, landmarks, named navigation, text alternatives for SVG charts, and a title that no other page
// type shares. Public pages and a resident's own pages in nb, nn and en; staff pages and the first-run setup page in
// nb; the not-found page; the login error summary. Reflow and text spacing are in reflow.e2e.ts, keyboard use in keyboard-*.e2e.ts.
import type { BrowserContext, Page } from 'playwright-core';
import { formatDate } from '../../src/lib/format';
import { STATEMENT_REVIEWED_ON } from '../../src/modules/site/site.controller';
import { LANGS, pagesFor, pageUrl, type PageType } from '../helpers/page-types';
import { axeViolations } from './helpers/axe';
import { focusedElement, signInThroughForm } from './helpers/browser';
import { demoSuite, PLATFORM_ADMIN } from './helpers/demo-server';
import { startServer } from './helpers/server';

const SITE_NAME_SEPARATOR = ' – ';

const suite = demoSuite();
/** lang -> route -> the page's <title>, filled by the page checks and compared at the end of each language. */
const titles = new Map<string, Map<string, string>>(LANGS.map((lang) => [lang, new Map()]));

async function open(page: Page, pathAndQuery: string, status = 200): Promise<void> {
  const response = await page.goto(`${suite.server.baseUrl}${pathAndQuery}`);
  expect(response?.status()).toBe(status);
}

// Landmarks by the roles assistive technology sees (Playwright computes them as the browser's accessibility tree
// does, so a <header> inside <main> is not a banner). Each navigation needs a name once there are several.
async function structureProblems(page: Page, lang: string): Promise<string[]> {
  const problems: string[] = [];
  const htmlLang = await page.locator('html').getAttribute('lang');
  if (htmlLang !== lang) problems.push(`html lang is ${htmlLang}, not ${lang}`);
  const h1s = await page.locator('h1').allInnerTexts();
  if (h1s.length !== 1 || !h1s[0]?.trim()) problems.push(`expected one h1 with text, found ${JSON.stringify(h1s)}`);
  for (const role of ['banner', 'main', 'contentinfo'] as const) {
    const count = await page.getByRole(role).count();
    if (count !== 1) problems.push(`${count} ${role} landmarks`);
  }
  const navs = page.getByRole('navigation');
  if ((await navs.count()) === 0) problems.push('no navigation landmark');
  for (const nav of await navs.all()) {
    if (!(await nav.getAttribute('aria-label')) && !(await nav.getAttribute('aria-labelledby'))) problems.push(`unnamed navigation: ${(await nav.innerText()).slice(0, 60)}`);
  }
  problems.push(...(await page.evaluate<string[]>(SVG_PROBLEMS)));
  return problems;
}

// A chart is an <svg role="img"> named by its heading or <title> and described by <desc>; decoration is
// aria-hidden. A bar chart also carries the same figures as a table (the alternative for anyone who cannot read
// the bars), so every chart figure must hold one.
const SVG_PROBLEMS = `(() => {
  const problems = [];
  const textOf = (ids) => (ids || '').split(/\\s+/).map((id) => document.getElementById(id)).filter(Boolean).map((el) => el.textContent.trim()).join(' ');
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('aria-hidden') === 'true') continue;
    const name = svg.getAttribute('aria-label') || textOf(svg.getAttribute('aria-labelledby')) || (svg.querySelector(':scope > title') || {}).textContent || '';
    if (svg.getAttribute('role') !== 'img' || !name.trim()) problems.push('svg.' + svg.getAttribute('class') + ' has no role="img" with a name');
  }
  for (const figure of document.querySelectorAll('figure.app-chart')) {
    if (figure.querySelector('svg') && !figure.querySelector('table')) problems.push('chart ' + figure.getAttribute('aria-labelledby') + ' has no table alternative');
  }
  return problems;
})()`;

/** Runs every check on the page that is open, and records its title under its page type. */
async function checkPage(page: Page, pageType: PageType, lang: string, variant: boolean): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await structureProblems(page, lang)).toEqual([]);
  const title = await page.title();
  // "<page> – Reisekart": the page's own part must be there, not just the site name.
  expect(title.split(SITE_NAME_SEPARATOR).length).toBeGreaterThan(1);
  expect(title.split(SITE_NAME_SEPARATOR)[0]!.trim()).not.toBe('');
  if (!variant) titles.get(lang)!.set(pageType.route, title);
}

/** The page type and its variants as test cases: [label, page type, query]. */
function cases(pages: PageType[]): [string, PageType, string | undefined][] {
  return pages.flatMap((p) => [
    [p.route + (p.query ? `?${p.query}` : ''), p, undefined] as [string, PageType, string | undefined],
    ...(p.variants ?? []).map((q) => [`${p.route}?${q}`, p, q] as [string, PageType, string | undefined]),
  ]);
}

function expectUniqueTitles(lang: string, expectedCount: number): void {
  const seen = titles.get(lang)!;
  // All page types must have been visited: a filtered run (-t) cannot vouch for uniqueness.
  expect(seen.size).toBe(expectedCount);
  const byTitle = new Map<string, string[]>();
  for (const [route, title] of seen) byTitle.set(title, [...(byTitle.get(title) ?? []), route]);
  expect([...byTitle].filter(([, routes]) => routes.length > 1)).toEqual([]);
}

describe.each(LANGS)('public pages in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it.each(cases(pagesFor('public')))('%s: no axe violations, lang, one h1, landmarks, chart alternatives, a title', async (_label, pageType, variant) => {
    await open(page, pageUrl(pageType, suite.server.values, lang, variant ?? pageType.query));
    await checkPage(page, pageType, lang, variant !== undefined);
  });

  // A resident's own pages (audience 'resident'): only the browser that took part may open them, so this one says "me
  // too" on the demo's pain point 1 and reports on step 1 first; each page's address is then the first link to it on
  // "my contributions".
  describe('a resident’s own pages', () => {
    let own: BrowserContext;
    let ownPage: Page;
    beforeAll(async () => {
      own = await suite.browser.newContext();
      ownPage = await own.newPage();
      await takePart(ownPage, lang);
    });
    afterAll(async () => own?.close());

    it.each(cases(pagesFor('resident')))('%s: no axe violations, lang, one h1, landmarks, a title', async (_label, pageType) => {
      await open(ownPage, `/mine?lang=${lang}`);
      const route = new RegExp(`^${pageType.route.replace(/:\w+/g, '[^/?#]+')}$`);
      const links = await ownPage.evaluate<string[]>("[...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href'))");
      const link = links.find((href) => route.test(href));
      expect([pageType.route, link !== undefined]).toEqual([pageType.route, true]);
      await open(ownPage, `${link}?lang=${lang}`);
      await checkPage(ownPage, pageType, lang, false);
    });
  });

  if (lang !== 'nb') {
    it('gives every public page type a title of its own', () => expectUniqueTitles(lang, pagesFor('public').length + pagesFor('resident').length));
  }
});

/**
 * Takes part as a resident does, through the forms: "me too" on the demo's pain point 1 and their own story there
 * (#20.5, its check step checked by axe too), and a report on step 1.
 */
async function takePart(page: Page, lang: string): Promise<void> {
  await open(page, `/${suite.server.values.municipality}/innspill/${suite.server.values.painPointId}?lang=${lang}`);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/meg-ogsa')),
    page.locator('form[action$="/meg-ogsa"] button[type="submit"]').first().click(),
  ]);
  await page.waitForLoadState('load');
  await page.locator('form[action$="/opplevelse"] textarea[name="body"]').fill('Det samme skjedde meg i fjor.');
  await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/opplevelse"] button[type="submit"]').click()]);
  expect(await axeViolations(page)).toEqual([]);
  await Promise.all([page.waitForURL(/innspill\/\d+/), page.locator('button[name="confirmed"]').click()]);
  await open(page, `/${suite.server.values.municipality}/reiser/${suite.server.values.journey}/steg/${suite.server.values.stepId}/meld?lang=${lang}`);
  await page.locator('#field-title').fill('Skjemaet forsvant');
  await page.locator('#field-body').fill('Jeg mistet alt jeg hadde skrevet da økten gikk ut.');
  await page.locator('input[name="severity"][value="3"]').check();
  await Promise.all([page.waitForLoadState('load'), page.locator('form.app-form button[type="submit"]').click()]);
  await Promise.all([page.waitForURL(/innspill\/\d+$/), page.locator('button[name="confirmed"]').click()]);
}

describe('the first-run setup page, on an install with no users yet, in bokmål', () => {
  it('has no axe violations, lang, one h1, landmarks and a title', async () => {
    const empty = await startServer();
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      const [pageType] = pagesFor('first-run');
      const response = await page.goto(`${empty.baseUrl}${pageUrl(pageType!, { token: empty.testApp.services.auth.issueSetupToken() }, 'nb')}`);
      expect(response?.status()).toBe(200);
      await checkPage(page, pageType!, 'nb', false);
    } finally {
      await context.close();
      await empty.close();
    }
  });
});

describe('staff pages, signed in as a platform admin, in bokmål', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await suite.browser.newContext();
    page = await context.newPage();
    await signInThroughForm(page, suite.server.baseUrl, PLATFORM_ADMIN);
  });
  afterAll(async () => context?.close());

  it.each(cases(pagesFor('staff')))('%s: no axe violations, lang nb, one h1, landmarks, chart alternatives, a title', async (_label, pageType, variant) => {
    const url = pageUrl(pageType, suite.server.values, 'nb', variant ?? pageType.query);
    await open(page, url);
    expect(new URL(page.url()).pathname).toBe(url.split('?')[0]);
    await checkPage(page, pageType, 'nb', variant !== undefined);
  });

  it('gives every page type, public, first-run and staff, a title of its own in bokmål', () => {
    expectUniqueTitles('nb', pagesFor('public').length + pagesFor('resident').length + pagesFor('first-run').length + pagesFor('staff').length);
  });
});

// The staff pages in nynorsk and English too (#18, #19: "every page axe-clean in three languages"): axe and the page's
// structure; their titles' uniqueness is the bokmål run's.
describe.each(['nn', 'en'])('staff pages, signed in as a platform admin, in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await suite.browser.newContext();
    page = await context.newPage();
    await signInThroughForm(page, suite.server.baseUrl, PLATFORM_ADMIN);
  });
  afterAll(async () => context?.close());

  it.each(cases(pagesFor('staff')))('%s: no axe violations, lang, one h1, landmarks', async (_label, pageType, variant) => {
    const url = pageUrl(pageType, suite.server.values, lang, variant ?? pageType.query);
    await open(page, url);
    expect(new URL(page.url()).pathname).toBe(url.split('?')[0]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await structureProblems(page, lang)).toEqual([]);
  });
});

describe('the not-found page', () => {
  it.each(LANGS)('in %s has no axe violations, lang, one h1 and landmarks', async (lang) => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      await open(page, `/demo/finnes-ikke/her?lang=${lang}`, 404);
      expect(await axeViolations(page)).toEqual([]);
      expect(await structureProblems(page, lang)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('login error summary', () => {
  it('after submitting an empty form, shows an error summary that has focus and no axe violations', async () => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
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
    } finally {
      await context.close();
    }
  });
});

describe('the accessibility statement', () => {
  it.each(LANGS)('in %s says what was tested, how, what is known to fall short, where to complain and when it was reviewed', async (lang) => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      await open(page, `/tilgjengelighet?lang=${lang}`);
      const strings = (await import(`../../locales/${lang}.json`)) as { a11y: Record<string, string> };
      expect(await page.locator('main h2').allInnerTexts()).toEqual(
        ['statusHeading', 'testedHeading', 'howHeading', 'limitsHeading', 'feedbackHeading'].map((key) => strings.a11y[key]),
      );
      const text = await page.locator('main').innerText();
      // The figures the statement gives are the ones reflow.e2e.ts and the axe tags check.
      for (const figure of ['WCAG 2.1', '320', '200', '1.4.12', 'axe-core', 'Chromium', 'JavaScript']) expect(text).toContain(figure);
      expect(text).toContain(formatDate(STATEMENT_REVIEWED_ON, lang));
      expect(await page.locator('main a[href="https://www.uutilsynet.no/"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
