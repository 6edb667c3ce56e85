// Launches Debian's chromium through playwright-core (never a downloaded browser), and signs staff in through the login form.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { nextTotpCode, totpSecretOf } from '../../helpers/second-factor';
import { TEST_PASSWORD } from '../../helpers/test-app';
import { testAppAt } from './server';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Runs `fn` on a page of a fresh context (its own cookies), closed afterwards whatever happens. */
export async function withPage(browser: Browser, options: BrowserContextOptions, fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Where a sign-in goes after the password: signed in, the second step (#21.2), or the required enrolment. */
const AFTER_PASSWORD = ['/admin', '/login/kode', '/admin/konto/totp'];

/**
 * Signs in the way a person does: fills the login form in bokmål and submits it; with TOTP, types the code from the
 * app (otplib on the user's secret), and where a second factor is required and missing, enrols first (#21.2).
 * Resolves once /admin has loaded.
 */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD): Promise<void> {
  // The code is chosen before the password goes: the harness clock may move on to an unused time step.
  const harness = testAppAt(baseUrl);
  const code = harness && totpSecretOf(harness.db, email) !== undefined ? nextTotpCode(harness, email) : undefined;
  await page.goto(`${baseUrl}/login?lang=nb`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await Promise.all([
    page.waitForURL((url) => AFTER_PASSWORD.includes(url.pathname)),
    page.locator('form[action="/login"] button[type="submit"]').click(),
  ]);
  await completeSecondFactorInBrowser(page, baseUrl, email, code);
}

/** The second step's code, or the enrolment (QR page, one code, the recovery codes, then on to /admin). */
export async function completeSecondFactorInBrowser(page: Page, baseUrl: string, email: string, code?: string): Promise<void> {
  const where = new URL(page.url()).pathname;
  if (where === '/admin') return;
  const harness = testAppAt(baseUrl);
  if (!harness) throw new Error(`a second factor asked by ${baseUrl}, which no test server of this process runs`);
  await page.locator('#field-code').fill(where === '/login/kode' ? (code ?? nextTotpCode(harness, email)) : nextTotpCode(harness, email));
  if (where === '/login/kode') {
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.locator('form[action="/login/kode"] button[type="submit"]').click()]);
    return;
  }
  await Promise.all([page.waitForSelector('[data-testid="recovery-codes"]'), page.locator('form[action="/admin/konto/totp"] button[type="submit"]').click()]);
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.locator('a.ds-button[href="/admin"]').click()]);
}

/**
 * A page-side function (as source text) naming an element, e.g. `a.ds-skip-link[href="#main"]` or `input#field-email`.
 * Source text, not a function: the project's TypeScript lib has no DOM types, and it works with JavaScript disabled.
 */
export const DESCRIBE_ELEMENT = `(el) => {
  const id = el.id ? '#' + el.id : '';
  const cls = el.classList.length ? '.' + Array.from(el.classList).join('.') : '';
  const href = el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '';
  return el.tagName.toLowerCase() + id + cls + href;
}`;

/** Describes the focused element in DESCRIBE_ELEMENT's form, or `body` when nothing has focus. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'body' : (${DESCRIBE_ELEMENT})(el);
  })()`);
}
