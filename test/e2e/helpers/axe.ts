// Runs axe-core on a page against WCAG 2.0/2.1 A and AA, and formats violations so a failing expect says what to fix.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A page in `lang` with one h1 and no axe violations; `what` names the page in a failure. */
export async function expectAccessible(page: Page, lang: string, what: string): Promise<void> {
  expect([what, await page.locator('html').getAttribute('lang')]).toEqual([what, lang]);
  expect([what, await page.locator('h1').count()]).toEqual([what, 1]);
  expect([what, await axeViolations(page)]).toEqual([what, []]);
}

/** One readable string per violation: rule id, impact, help text, link, and each failing node's selector and summary. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Only violations are read, so axe is told not to build the (much larger) lists of passes and incomplete checks.
  // Legacy mode runs axe.run inside the page; the default opens a second page for every run to merge results from
  // cross-origin frames, which these pages never have. Same rules, same results, two to three times faster.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ');
      const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `    - ${target}${summary ? `: ${summary}` : ''}`;
    });
    return [`${v.id} (${v.impact ?? 'n/a'}): ${v.help}`, `    ${v.helpUrl}`, ...nodes].join('\n');
  });
}
