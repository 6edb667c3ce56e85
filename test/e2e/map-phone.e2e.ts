// #19 item 8: the public journey map on a phone (375 × 667). With JavaScript the step cards start closed and the
// garasje journey fits in five screen heights; the phase menu jumps to each phase and stays at the top; a card opens and
// closes by click and by keyboard; the emotion curve runs beside the steps, a point level with each title. Without
// JavaScript every card is open and readable. No axe violations in bokmål, nynorsk and English.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import nb from '../../locales/nb.json';
import { LANGS } from '../helpers/page-types';
import { axeViolations } from './helpers/axe';
import { demoSuite } from './helpers/demo-server';

const suite = demoSuite();
const PHONE = { viewport: { width: 375, height: 667 } };
const GARASJE = '/demo/reiser/bygge-garasje';

async function openMap(context: BrowserContext, lang = 'nb', path = GARASJE): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${suite.server.baseUrl}${path}?lang=${lang}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Whether a <details> is open. */
const isOpen = (details: Locator) => details.evaluate((el) => (el as unknown as { open: boolean }).open);
/** Whether an element has the focus. */
const hasFocus = (el: Locator) => el.evaluate((node) => node === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);

/** Whether each step card is open, in order. */
const cardsOpen = (page: Page) => page.evaluate<boolean[]>("Array.from(document.querySelectorAll('details.app-step-card'), (card) => card.open)");

describe('the garasje map at 375 px with JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext(PHONE);
    page = await openMap(context);
  });
  afterAll(() => context?.close());

  it('starts with every step card closed, and the whole page is at most five screen heights tall', async () => {
    const open = await cardsOpen(page);
    expect(open.length).toBeGreaterThanOrEqual(12);
    expect(open.filter(Boolean)).toEqual([]);
    expect(await isOpen(page.locator('details.app-about'))).toBe(false);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(height).toBeLessThanOrEqual(5 * 667);
  });

  it('has a phase menu at the top whose links jump to each phase; it stays in view and marks the phase under it', async () => {
    const headings = await page.evaluate<{ id: string; text: string }[]>(
      "Array.from(document.querySelectorAll('.app-phase-steps > h3'), (h) => ({ id: h.id, text: h.innerText }))",
    );
    const links = page.locator('nav.app-phase-nav a');
    expect(await links.allInnerTexts()).toEqual(headings.map((h) => h.text));
    // The menu comes first in the map, before any step.
    const navTop = (await page.locator('nav.app-phase-nav').boundingBox())!.y;
    expect(navTop).toBeLessThan((await page.locator('details.app-step-card').first().boundingBox())!.y);

    for (const [i, heading] of headings.entries()) {
      await links.nth(i).click();
      await page.waitForURL((url) => url.hash === `#${heading.id}`);
      const nav = (await page.locator('nav.app-phase-nav').boundingBox())!;
      const target = (await page.locator(`#${heading.id}`).boundingBox())!;
      // The heading lands just under the menu, which is stuck to the top of the screen (once the page has scrolled).
      expect(target.y).toBeGreaterThanOrEqual(nav.y + nav.height - 1);
      expect(target.y).toBeLessThan(nav.y + nav.height + 100);
      if (i > 0) expect(Math.round(nav.y)).toBe(0);
      // The menu marks the phase now in view, and only that one.
      await page.locator(`nav.app-phase-nav a[aria-current="true"][href="#${heading.id}"]`).waitFor({ timeout: 2000 });
      expect(await page.locator('nav.app-phase-nav a[aria-current]').count()).toBe(1);
      expect(await links.nth(i).isVisible()).toBe(true);
    }
  });

  it('opens and closes a card by click, showing its lanes only while open', async () => {
    const card = page.locator('details.app-step-card').nth(1);
    const action = card.locator('[data-lane="action"] dd');
    expect(await action.isVisible()).toBe(false);
    await card.locator('summary').click();
    expect(await isOpen(card)).toBe(true);
    expect(await action.isVisible()).toBe(true);
    expect((await action.innerText()).length).toBeGreaterThan(20);
    await card.locator('summary').click();
    expect(await isOpen(card)).toBe(false);
    expect(await action.isVisible()).toBe(false);
  });

  it('opens and closes a card with the keyboard: Tab reaches its title, Enter opens it, Space closes it', async () => {
    await page.getByRole('button', { name: nb.journeys.map.closeAll }).focus();
    await page.keyboard.press('Tab');
    const first = page.locator('details.app-step-card').first();
    expect(await hasFocus(first.locator('summary'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isOpen(first)).toBe(true);
    expect(await first.locator('[data-lane="action"] dd').isVisible()).toBe(true);
    // While it is open, Tab goes through its links before the next card.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(nb.journeys.map.openStep);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await isOpen(first)).toBe(false);
    await page.keyboard.press('Tab');
    expect(await hasFocus(page.locator('details.app-step-card').nth(1).locator('summary'))).toBe(true);
  });

  it('opens and closes every card with the two buttons', async () => {
    await page.getByRole('button', { name: nb.journeys.map.openAll }).click();
    expect((await cardsOpen(page)).every(Boolean)).toBe(true);
    await page.getByRole('button', { name: nb.journeys.map.closeAll }).click();
    expect((await cardsOpen(page)).some(Boolean)).toBe(false);
  });

  it('draws the emotion curve beside the steps: a point per step level with its title, further right the better it feels', async () => {
    const geometry = await page.evaluate<
      { emotion: number; curveLeft: number; curveRight: number; cardLeft: number; pointX: number; pointY: number; titleLineY: number; lineLeft: string; visible: boolean }[]
    >(`Array.from(document.querySelectorAll('li.app-step'), (li) => {
      const curve = li.querySelector('.app-vcurve');
      const point = li.querySelector('.app-vcurve circle');
      const title = li.querySelector('summary h4');
      const c = curve.getBoundingClientRect();
      const p = point.getBoundingClientRect();
      return {
        emotion: Number(curve.dataset.emotion),
        curveLeft: c.left,
        curveRight: c.right,
        cardLeft: li.querySelector('details').getBoundingClientRect().left,
        pointX: p.left + p.width / 2,
        pointY: p.top + p.height / 2,
        titleLineY: title.getBoundingClientRect().top + parseFloat(getComputedStyle(title).lineHeight) / 2,
        lineLeft: getComputedStyle(curve, '::before').left,
        visible: point.checkVisibility(),
      };
    })`);
    expect(geometry.length).toBe((await cardsOpen(page)).length);
    for (const g of geometry) {
      expect(g.visible).toBe(true);
      expect(g.curveRight).toBeLessThanOrEqual(g.cardLeft);
      expect(Math.abs(g.pointY - g.titleLineY)).toBeLessThan(6);
      // −2 at the left of the column, +2 at the right, 12 px a level; the line down from the point starts under it.
      expect(Math.round(g.pointX - g.curveLeft)).toBe(8 + (g.emotion + 2) * 12);
      expect(parseFloat(g.lineLeft) + 1.5).toBe(8 + (g.emotion + 2) * 12);
    }
    expect(new Set(geometry.map((g) => g.emotion)).size).toBeGreaterThan(2);
  });

  it('reopens the facts about the journey on a wide screen, where they have no summary to open them by', async () => {
    const facts = page.locator('details.app-about dl');
    expect(await facts.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await facts.isVisible()).toBe(true);
    expect(await page.locator('table.app-map').isVisible()).toBe(true);
    expect(await page.locator('.app-map-list').isVisible()).toBe(false);
    await page.setViewportSize(PHONE.viewport);
  });
});

describe('the maps at 375 px without JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await suite.browser.newContext({ ...PHONE, javaScriptEnabled: false });
  });
  afterAll(() => context?.close());

  it.each(['/demo/reiser/bygge-garasje', '/demo/reiser/dodsfall'])('%s shows every step open, every lane it has readable', async (path) => {
    const page = await openMap(context, 'nb', path);
    const open = await cardsOpen(page);
    expect(open.length).toBeGreaterThanOrEqual(12);
    expect(open.every(Boolean)).toBe(true);
    const lanes = await page.evaluate<{ visible: boolean; label: string; text: string }[]>(
      `Array.from(document.querySelectorAll('details.app-step-card .app-lanes > div:not(.app-lanes__empty)'), (d) => ({
        visible: d.querySelector('dd').checkVisibility(),
        label: d.querySelector('dt').innerText,
        text: d.querySelector('dd').innerText.trim(),
      }))`,
    );
    expect(lanes.length).toBeGreaterThanOrEqual(open.length * 5);
    expect(lanes.filter((l) => !l.visible || l.text === '')).toEqual([]);
    expect(lanes.filter((l) => l.label === nb.journeys.lanes.action)).toHaveLength(open.length);
    // The facts about the journey are open too, and the buttons that need the script are not shown.
    expect(await page.locator('details.app-about dl').isVisible()).toBe(true);
    expect(await page.locator('.app-step-tools').isVisible()).toBe(false);
    expect(await page.locator('details.app-step-card').first().getByRole('link', { name: new RegExp(`^${nb.journeys.map.openStep}`) }).isVisible()).toBe(true);
    await page.close();
  });

});

describe.each(LANGS)('the garasje map at 375 px in %s', (lang) => {
  it('has no axe violations with the cards closed, with one open, nor with all open', async () => {
    const context = await suite.browser.newContext(PHONE);
    try {
      const page = await openMap(context, lang);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('details.app-step-card summary').nth(2).click();
      await page.locator('details.app-about summary').click();
      // A phase jumped to, so the menu marks one as current.
      await page.locator('nav.app-phase-nav a').nth(1).click();
      await page.locator('nav.app-phase-nav a[aria-current]').waitFor({ timeout: 2000 });
      expect(await axeViolations(page)).toEqual([]);
      // Every card open, as without JavaScript.
      await page.locator('.app-step-tools button').first().click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
