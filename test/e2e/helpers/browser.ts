// Launches Debian's chromium through playwright-core (never a downloaded browser), and signs staff in through the login form.
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../helpers/test-app';

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

/** Signs in the way a person does: fills the login form in bokmål and submits it; resolves once /admin has loaded. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login?lang=nb`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.locator('form[action="/login"] button[type="submit"]').click(),
  ]);
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
