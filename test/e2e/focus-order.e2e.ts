// Focus order and visibility over whole pages: Tab from the top of each key page to its end must start at the skip
// link, go header -> main -> footer, show a focus ring at every stop, and use no positive tabindex; Shift+Tab from
// the top reaches the last stop first. The flows in keyboard-*.e2e.ts check the stops on their way.
import type { BrowserContext, Page } from 'playwright-core';
import { pageUrl, PAGE_TYPES } from '../helpers/page-types';
import { signInThroughForm } from './helpers/browser';
import { demoSuite, PLATFORM_ADMIN } from './helpers/demo-server';
import { focusStop, orderProblems, tabThrough } from './helpers/keyboard';

const PUBLIC_ROUTES = [
  '/',
  '/:municipality',
  '/:municipality/reiser/:journey',
  '/:municipality/reiser/:journey/steg/:stepId',
  '/:municipality/reiser/:journey/steg/:stepId/meld',
  '/:municipality/innspill/:painPointId',
  '/:municipality/viktigst',
  '/:municipality/vi-gjor',
  '/login',
];
const STAFF_ROUTES = [
  '/admin/:municipality',
  '/admin/:municipality/insights',
  '/admin/:municipality/moderation/:painPointId',
  '/admin/:municipality/journeys/:journeyId',
  '/admin/:municipality/portfolio',
];

const suite = demoSuite();

function pageType(route: string) {
  const found = PAGE_TYPES.find((p) => p.route === route);
  if (!found) throw new Error(`${route} is not a page type`);
  return found;
}

async function checkWholePage(page: Page, route: string): Promise<void> {
  const url = `${suite.server.baseUrl}${pageUrl(pageType(route), suite.server.values, 'nb')}`;
  expect((await page.goto(url))?.status()).toBe(200);
  expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex^="-"])').count()).toBe(0);

  // The journey editor's phase grids (#19.1) have a field in every cell: some 430 stops on the demo journey.
  const stops = await tabThrough(page, 1000);
  expect(orderProblems(stops, false)).toEqual([]);
  expect(stops.at(-1)?.region).toBe('contentinfo');

  await page.goto(url);
  await page.keyboard.press('Shift+Tab');
  expect((await focusStop(page))?.label).toBe(stops.at(-1)?.label);
}

describe('focus order on public pages', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => context?.close());

  it.each(PUBLIC_ROUTES)('%s: skip link, header, main, footer, a focus ring at every stop', async (route) => {
    await checkWholePage(await context.newPage(), route);
  });
});

describe('focus order on staff pages', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signInThroughForm(await context.newPage(), suite.server.baseUrl, PLATFORM_ADMIN);
  });
  afterAll(async () => context?.close());

  it.each(STAFF_ROUTES)('%s: skip link, header, main, footer, a focus ring at every stop', async (route) => {
    await checkWholePage(await context.newPage(), route);
  });
});
