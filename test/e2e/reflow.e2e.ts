// Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) in chromium: every public page type, in every language, at
// 320 CSS px and at 200 % zoom needs no sideways scrolling and clips no text; with the text-spacing overrides,
// public and staff pages still neither scroll sideways nor clip text.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { LANGS, pagesFor, pageUrl, PAGE_TYPES, type PageType } from '../helpers/page-types';
import { signInThroughForm } from './helpers/browser';
import { demoSuite, PLATFORM_ADMIN } from './helpers/demo-server';

// 1.4.10 names 320 CSS px. 200 % zoom of a 1280 px wide browser window leaves 640 CSS px of layout viewport with
// two device pixels per CSS pixel, which is what Chromium's zoom does to a page (media queries see 640 px), so it
// is emulated as a 640 px viewport with deviceScaleFactor 2.
const VIEWPORTS: [string, BrowserContextOptions][] = [
  ['320 CSS px', { viewport: { width: 320, height: 640 } }],
  ['200 % zoom (1280 px window = 640 CSS px)', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
];

// The overrides 1.4.12 lists, as the usual text-spacing bookmarklet injects them.
const TEXT_SPACING_CSS = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

const STAFF_PAGES_FOR_SPACING = [
  '/admin/:municipality',
  '/admin/:municipality/journeys/:journeyId',
  '/admin/:municipality/journeys/:journeyId/steps/:stepId/edit',
  '/admin/:municipality/moderation/:painPointId',
  '/admin/:municipality/insights',
  '/admin/:municipality/portfolio',
].map((route) => PAGE_TYPES.find((p) => p.route === route)!);

const suite = demoSuite();

// Text is clipped when an element that hides its overflow holds text and is smaller than its content. Elements of
// 1 px or less are skipped: that is the visually-hidden pattern (text for screen readers, the skip link until
// focused), not lost content.
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push('page scrolls sideways: scrollWidth ' + doc.scrollWidth + ' > ' + window.innerWidth);
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const hides = (o) => o === 'hidden' || o === 'clip';
    if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const text = (el.innerText || '').trim();
    if (!text) continue;
    const wide = hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const tall = hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (wide || tall) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
      problems.push('clipped text in ' + name + ' (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + '): ' + text.slice(0, 60));
    }
  }
  return problems;
})()`;

async function layoutProblems(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(`${suite.server.baseUrl}${url}`);
  expect(response?.status()).toBe(200);
  return (await page.evaluate<string[]>(LAYOUT_PROBLEMS)).map((p) => `${url}: ${p}`);
}

describe.each(VIEWPORTS)('reflow at %s (WCAG 1.4.10)', (_label, options) => {
  // Norwegian compounds are long: every language is checked, since nynorsk and bokmål overflow where English does not.
  it.each(pagesFor('public').map((p) => [p.route, p] as [string, PageType]))('%s neither scrolls sideways nor clips text in any language', async (_route, pageType) => {
    const context = await suite.browser.newContext(options);
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      for (const lang of LANGS) problems.push(...(await layoutProblems(page, pageUrl(pageType, suite.server.values, lang))));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('text spacing overrides (WCAG 1.4.12)', () => {
  // bypassCSP: the overrides come as an inline stylesheet, which the app's CSP (style-src 'self') would refuse.
  async function withSpacing(options: BrowserContextOptions, fn: (page: Page) => Promise<void>): Promise<void> {
    const context = await suite.browser.newContext({ ...options, bypassCSP: true });
    try {
      await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  async function spacedProblems(page: Page, url: string): Promise<string[]> {
    const response = await page.goto(`${suite.server.baseUrl}${url}`);
    expect(response?.status()).toBe(200);
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    // The stylesheet is really in force: a paragraph's letter spacing is 0.12 of its font size.
    const spacing = await page.evaluate<number>(`(() => { const p = document.querySelector('main p') || document.querySelector('p'); const s = getComputedStyle(p); return parseFloat(s.letterSpacing) / parseFloat(s.fontSize); })()`);
    expect(spacing).toBeCloseTo(0.12, 2);
    return (await page.evaluate<string[]>(LAYOUT_PROBLEMS)).map((p) => `${url}: ${p}`);
  }

  it.each([
    ['320 CSS px', { viewport: { width: 320, height: 640 } }],
    ['1280 CSS px', { viewport: { width: 1280, height: 900 } }],
  ] as [string, BrowserContextOptions][])('break nothing on any public page type at %s', async (_label, options) => {
    await withSpacing(options, async (page) => {
      const problems: string[] = [];
      for (const pageType of pagesFor('public')) problems.push(...(await spacedProblems(page, pageUrl(pageType, suite.server.values, 'nb'))));
      expect(problems).toEqual([]);
    });
  });

  it('break nothing on the main staff pages at 1280 CSS px', async () => {
    await withSpacing({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await signInThroughForm(page, suite.server.baseUrl, PLATFORM_ADMIN);
      const problems: string[] = [];
      for (const pageType of STAFF_PAGES_FOR_SPACING) problems.push(...(await spacedProblems(page, pageUrl(pageType, suite.server.values, 'nb'))));
      expect(problems).toEqual([]);
    });
  });
});
