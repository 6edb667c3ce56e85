// Drives pages with the keyboard alone and checks every stop on the way: the focus indicator must be visible and
// the order must run skip link -> header -> main -> footer. Everything page-side is source text, so it also runs
// in a context with JavaScript disabled (and the project's TypeScript lib has no DOM types).
import type { Page } from 'playwright-core';
import { nextTotpCode, totpSecretOf } from '../../helpers/second-factor';
import { completeSecondFactorInBrowser, DESCRIBE_ELEMENT } from './browser';
import { testAppAt } from './server';

/** Where a stop sits, in the order a sensible page presents them. */
export const REGIONS = ['skip link', 'banner', 'main', 'contentinfo'] as const;
export type Region = (typeof REGIONS)[number] | 'outside';

export interface FocusStop {
  /** e.g. `button.ds-button "Meg også" in form[action="/fjord/innspill/1/meg-ogsa"]` */
  label: string;
  region: Region;
  /** The element or one of its two nearest ancestors changes outline or box-shadow when focused. */
  indicatorVisible: boolean;
  /** Outline and box-shadow focused -> unfocused, for the failure message. */
  indicator: string;
  /** The element is (in or after) the fragment the page was opened at, or the page has no fragment. */
  afterStart: boolean;
}

// Reads the focus ring, blurs the element to read the same properties unfocused, and focuses it again. The two
// ancestors count because Designsystemet draws a radio's or checkbox's ring on the field around it. Focus moved
// back by script keeps :focus-visible in Chromium after keyboard use, so the next Tab goes on from the same place.
// A date input is one element with several Tab stops inside; focusing it again would restart at its first part,
// so a stop on the element just inspected (`previous`) is reported as `same` and not inspected again.
const inspectFocus = (previous: string | null) => `((previous) => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const describe = ${DESCRIBE_ELEMENT};
  const text = (el.getAttribute('aria-label') || el.innerText || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
  const form = el.form ? ' in form[action="' + (el.form.getAttribute('action') || '') + '"]' : '';
  const label = describe(el) + (text ? ' "' + text + '"' : '') + form;
  if (label === previous) return { label, same: true };
  const ring = (node) => {
    const s = getComputedStyle(node);
    const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor;
    return outline + ' / ' + s.boxShadow;
  };
  const chain = [el, el.parentElement, el.parentElement && el.parentElement.parentElement].filter(Boolean);
  const focused = chain.map(ring);
  el.blur();
  const unfocused = chain.map(ring);
  el.focus({ preventScroll: true });
  const changed = chain.map((_, i) => focused[i] !== unfocused[i] && focused[i] !== 'none / none');
  const region = el.classList.contains('ds-skip-link') ? 'skip link'
    : el.closest('main') ? 'main' : el.closest('footer') ? 'contentinfo' : el.closest('header') ? 'banner' : 'outside';
  const start = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  return {
    label,
    same: false,
    region,
    indicatorVisible: changed.some(Boolean) && document.activeElement === el,
    indicator: chain.map((_, i) => focused[i] + ' -> ' + unfocused[i]).join(' | '),
    afterStart: !start || start === el || Boolean(start.compareDocumentPosition(el) & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING)),
  };
})(${JSON.stringify(previous)})`;

export async function focusStop(page: Page, previous: string | null = null): Promise<(FocusStop & { same: boolean }) | null> {
  return page.evaluate<(FocusStop & { same: boolean }) | null>(inspectFocus(previous));
}

/**
 * Presses Tab until the focused element's label matches `target`, checking at every stop that the focus indicator
 * is visible. Returns every stop passed, the target last; throws with the list if it never gets there.
 */
export async function tabTo(page: Page, target: RegExp, options: { max?: number } = {}): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < (options.max ?? 120); i += 1) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page, stops.at(-1)?.label ?? null);
    if (!stop || stop.same) continue;
    stops.push(stop);
    if (!stop.indicatorVisible) throw new Error(`focus is not visible on ${stop.label} (${stop.indicator})`);
    if (target.test(stop.label)) return stops;
  }
  throw new Error(`Tab never reached ${target}; it went through:\n  ${stops.map((s) => s.label).join('\n  ')}`);
}

/**
 * Problems with the order of stops taken from where a freshly loaded page starts: the skip link first (or, on a
 * page opened at a fragment such as #innspill-3, the fragment's element or what follows it), then regions in page order.
 */
export function orderProblems(stops: FocusStop[], openedAtFragment: boolean): string[] {
  const problems: string[] = [];
  const first = stops[0];
  if (!first) return ['no stop at all'];
  if (openedAtFragment ? !first.afterStart : first.region !== 'skip link') {
    problems.push(`first stop is ${first.label}, not ${openedAtFragment ? 'in or after the fragment the page opened at' : 'the skip link'}`);
  }
  let highest = 0;
  for (const stop of stops) {
    const rank = REGIONS.indexOf(stop.region as (typeof REGIONS)[number]);
    if (rank < 0) problems.push(`${stop.label} is outside every landmark`);
    else if (rank < highest) problems.push(`${stop.label} (${stop.region}) comes after ${REGIONS[highest]}`);
    else highest = rank;
  }
  return problems;
}

/** Tabs from where a freshly loaded page starts to `target`, asserting visible focus and a sensible order on the way. */
export async function tabFromStartTo(page: Page, target: RegExp): Promise<FocusStop[]> {
  const stops = await tabTo(page, target);
  expect(orderProblems(stops, new URL(page.url()).hash !== '')).toEqual([]);
  return stops;
}

/** Presses a key that leads to another page (a link, a submit button) and waits until that page has loaded. */
export async function pressAndLoad(page: Page, key: string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await page.keyboard.press(key);
  await navigated;
  await page.waitForLoadState('load');
}

/** From where the freshly loaded page starts: Tab to the target, then activate it with `key` and wait for the next page. */
export async function follow(page: Page, target: RegExp, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabFromStartTo(page, target);
  await pressAndLoad(page, key);
}

/** Types into the focused field, checking first that focus is where the flow expects it. */
export async function typeInto(page: Page, field: RegExp, text: string): Promise<void> {
  const stop = await focusStop(page);
  if (!stop || !field.test(stop.label)) throw new Error(`expected focus on ${field}, it is on ${stop?.label ?? 'nothing'}`);
  await page.keyboard.type(text);
}

/** Moves the focused <select> with the arrow keys, as a person does without opening it, until it holds `value`. */
export async function chooseOption(page: Page, value: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < 60; i += 1) {
    if ((await page.evaluate<string>('document.activeElement.value')) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the focused select never showed the value ${value}`);
}

/**
 * After a form came back with errors: the error summary has focus, Tab reaches its link to `field`, and Enter on
 * that link moves focus into the field. Leaves focus in the field.
 */
export async function followErrorSummaryTo(page: Page, field: string): Promise<void> {
  // autofocus is applied on a rendering step after load: wait for it rather than judge too early.
  await page.waitForFunction("document.activeElement && document.activeElement.id === 'error-summary'", undefined, { timeout: 3000 });
  await tabTo(page, new RegExp(`^a\\.ds-link\\[href="#field-${field}"\\]`), { max: 10 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.activeElement && document.activeElement.id === 'field-${field}'`, undefined, { timeout: 3000 });
}

/** Matches a stop whose element starts with `tag` and whose text (or aria-label) starts with `text`. */
export function named(tag: string, text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${tag}(?:[.#\\[].*?)? "${escaped}`);
}

/** Opens the login page (the flow's one page.goto) and signs in with Tab, typing and Enter; lands on /admin. */
export async function signInWithKeyboard(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login?lang=nb`);
  await tabFromStartTo(page, /^input#field-email\b/);
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  // With TOTP (#21.2), the code from the app, typed too: chosen before the password goes (the harness clock may move).
  const harness = testAppAt(baseUrl);
  const code = harness && totpSecretOf(harness.db, email) !== undefined ? nextTotpCode(harness, email) : undefined;
  await typeInto(page, /^input#field-password\b/, password);
  await pressAndLoad(page, 'Enter');
  if (new URL(page.url()).pathname === '/login/kode' && code) {
    await tabFromStartTo(page, /^input#field-code\b/);
    await page.keyboard.type(code);
    await pressAndLoad(page, 'Enter');
  } else {
    // A required enrolment is not what the keyboard flows test: it is done as signInThroughForm does it.
    await completeSecondFactorInBrowser(page, baseUrl, email, code);
  }
  expect(new URL(page.url()).pathname).toBe('/admin');
}

/**
 * Tabs through a freshly loaded page from its start to its end (until focus leaves the page or comes round to the
 * first stop again), checking the focus indicator at every stop. Returns the stops in order.
 */
export async function tabThrough(page: Page, max = 400): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page, stops.at(-1)?.label ?? null);
    if (!stop) return stops;
    if (stop.same) continue;
    if (stops.length > 0 && stop.label === stops[0]!.label) return stops;
    if (!stop.indicatorVisible) throw new Error(`focus is not visible on ${stop.label} (${stop.indicator})`);
    stops.push(stop);
  }
  throw new Error(`still tabbing after ${max} stops`);
}
