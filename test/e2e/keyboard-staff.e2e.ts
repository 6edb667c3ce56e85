// Staff with the keyboard alone, with JavaScript on and off: a designer builds and publishes a journey (after the
// error summary has led them to the field they missed), a moderator approves a pending pain point and merges two,
// an analyst filters the insights and exports them. page.goto opens the login page only; after that it is Tab,
// Enter, Space, arrows and typing, with visible focus and a sensible order checked at every stop.
import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, TEST_PASSWORD } from '../helpers/test-app';
import { launchBrowser } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';
import { chooseOption, focusStop, follow, followErrorSummaryTo, named, pressAndLoad, signInWithKeyboard, tabFromStartTo, tabTo, typeInto } from './helpers/keyboard';

let server: TestServer;
let browser: Browser;
let municipalityId: number;
let garasje: ReturnType<typeof buildJourney>;
let flytte: ReturnType<typeof buildJourney>;

beforeAll(async () => {
  server = await startServer();
  const { services } = server.testApp;
  municipalityId = createMunicipality(services, 'fjord', 'Fjord kommune');
  garasje = buildJourney(services, 'fjord', { slug: 'garasje', title: 'Jeg skal bygge garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  flytte = buildJourney(services, 'fjord', { slug: 'flytte', title: 'Jeg skal flytte', phases: { Flytte: ['Melde flytting'] }, publish: true });
  for (const role of ['designer', 'moderator', 'analyst'] as const) {
    await createUser(services, { email: `${role}@fjord.test`, municipality: 'fjord', roles: [role] });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A pain point on the journey's first step, by a resident of its own; published unless `pending`. */
function painPoint(journey: ReturnType<typeof buildJourney>, title: string, pending = false): number {
  const { services, db } = server.testApp;
  db.prepare('UPDATE municipalities SET premoderation = ? WHERE id = ?').run(pending ? 1 : 0, municipalityId);
  const participant = services.feedback.ensureParticipant(`kb-${title}`);
  return services.feedback.submit(participant, services.municipalities.bySlug('fjord'), journey.journeyId, journey.stepIds[0]!, {
    title,
    body: `${title}, skrevet for tastaturtesten.`,
    severity: 3,
    channel: null,
  }).id;
}

function row(sql: string, ...params: unknown[]): Record<string, unknown> {
  return server.testApp.db.prepare(sql).get(...params) as Record<string, unknown>;
}

async function inStaffContext(options: BrowserContextOptions, role: string, fn: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await signInWithKeyboard(page, server.baseUrl, `${role}@fjord.test`, TEST_PASSWORD);
    await follow(page, /^a\.ds-link\[href="\/admin\/fjord"\]/);
    await fn(page);
  } finally {
    await context.close();
  }
}

/** Presses Shift+Tab until the focused element's label matches `target`, checking at every stop that focus is visible. */
async function shiftTabTo(page: Page, target: RegExp, max = 30): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Shift+Tab');
    const stop = await focusStop(page, seen.at(-1) ?? null);
    if (!stop || stop.same) continue;
    seen.push(stop.label);
    if (!stop.indicatorVisible) throw new Error(`focus is not visible on ${stop.label} (${stop.indicator})`);
    if (target.test(stop.label)) return;
  }
  throw new Error(`Shift+Tab never reached ${target}; it went through:\n  ${seen.join('\n  ')}`);
}

/** Text for the tests' titles, so the runs with and without JavaScript do not meet each other's data. */
const mode = (o: BrowserContextOptions) => (o.javaScriptEnabled === false ? 'uten JS' : 'med JS');

const variants: [string, BrowserContextOptions][] = [
  ['with JavaScript', {}],
  ['without JavaScript', { javaScriptEnabled: false }],
];

describe.each(variants)('staff using only the keyboard, %s', (_label, options) => {
  it('a designer creates a journey with a phase and a step and publishes it', async () => {
    const slug = `flytte-${options.javaScriptEnabled === false ? 'nojs' : 'js'}`;
    await inStaffContext(options, 'designer', async (page) => {
      await follow(page, /^a\.ds-link\[href="\/admin\/fjord\/journeys"\]/);
      await follow(page, /^a\.ds-button\[href="\/admin\/fjord\/journeys\/new"\]/);

      // Sent empty first: the error summary has focus and its first link leads into the title field.
      await tabFromStartTo(page, named('button', nb.journeys.editor.create));
      await pressAndLoad(page, 'Enter');
      await followErrorSummaryTo(page, 'title');
      await typeInto(page, /^input#field-title\b/, `Jeg skal flytte (${mode(options)})`);
      await page.keyboard.press('Tab');
      await typeInto(page, /^input#field-slug\b/, slug);
      await page.keyboard.press('Tab');
      await chooseOption(page, 'flytte');
      // Past the content language (#19.9), left at the municipality's default.
      await tabTo(page, /^textarea#field-summary\b/);
      await typeInto(page, /^textarea#field-summary\b/, 'Fra du finner ny bolig til alt er meldt.');
      await tabTo(page, named('button', nb.journeys.editor.create));
      await pressAndLoad(page, 'Enter');
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/fjord\/journeys\/\d+$/);

      // A phase with its first step, in the "add phase" grid (#19.1): the phase's name, then the step's cells
      // (the grid's rows go lane by lane, so Tab passes the other new columns' titles on the way).
      await tabFromStartTo(page, /^input#field-new-title\b/);
      await page.keyboard.type('Før flyttingen');
      await tabTo(page, /^input#field-new-title-0\b/);
      await page.keyboard.type('Melde flytting');
      await tabTo(page, /^textarea#field-new-residentAction-0\b/);
      await page.keyboard.type('Jeg melder flytting på nett.');
      await tabTo(page, /^input#field-new-touchpoint-0\b/);
      await page.keyboard.type('Skatteetatens nettside');
      await tabTo(page, /^select#field-new-emotion-0\b/);
      await chooseOption(page, '-1');
      await tabTo(page, named('button', nb.journeys.editor.addPhase));
      await pressAndLoad(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain(nb.flash.phaseAdded);
      expect(new URL(page.url()).hash).toMatch(/^#phase-\d+$/);

      // The page opens at the new phase; publishing is just above the phases.
      await shiftTabTo(page, named('button', nb.journeys.editor.publish));
      await pressAndLoad(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain(nb.flash.published);
    });
    const journey = row('SELECT status, current_version_id FROM journeys WHERE slug = ? AND municipality_id = ?', slug, municipalityId);
    expect(journey).toEqual({ status: 'published', current_version_id: expect.any(Number) });
  });

  it('a moderator approves a pending pain point and merges a duplicate into another', async () => {
    const pending = painPoint(garasje, `Venter på godkjenning (${mode(options)})`, true);
    const original = painPoint(garasje, `Søknaden ble borte (${mode(options)})`);
    const duplicate = painPoint(garasje, `Søknaden forsvant i systemet (${mode(options)})`);

    await inStaffContext(options, 'moderator', async (page) => {
      await follow(page, /^a\.ds-link\[href="\/admin\/fjord\/moderation"\]/);
      await follow(page, new RegExp(`^a\\.ds-link\\[href="/admin/fjord/moderation/${pending}"\\]`));
      await follow(page, named('button', nb.moderation.approve));
      expect(await page.locator('main').innerText()).toContain(nb.flash.approved);

      // Back to the queue, filtered to published pain points, to open the duplicate.
      await follow(page, /^a\.ds-link\[href="\/admin\/fjord"\]/);
      await follow(page, /^a\.ds-link\[href="\/admin\/fjord\/moderation"\]/);
      await tabFromStartTo(page, /^select#field-status\b/);
      await chooseOption(page, 'published');
      await tabTo(page, named('button', nb.moderation.filter));
      await pressAndLoad(page, 'Enter');
      await follow(page, new RegExp(`^a\\.ds-link\\[href="/admin/fjord/moderation/${duplicate}"\\]`));

      await tabFromStartTo(page, /^select#field-targetId\b/);
      await chooseOption(page, String(original));
      // Both side by side first (#18.5), then the merge is confirmed there.
      await tabTo(page, named('button', nb.moderation.mergePreview.show));
      await pressAndLoad(page, 'Enter');
      await tabFromStartTo(page, named('button', nb.moderation.mergePreview.confirm));
      await pressAndLoad(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain(nb.flash.merged);
    });
    expect(row('SELECT moderation_status AS status FROM pain_points WHERE id = ?', pending)).toEqual({ status: 'published' });
    expect(row('SELECT moderation_status AS status, merged_into_id AS mergedInto FROM pain_points WHERE id = ?', duplicate)).toEqual({ status: 'merged', mergedInto: original });
  });

  it('an analyst filters the insights to one journey and exports exactly that as CSV', async () => {
    const onFlytte = `Adressen ble ikke oppdatert (${mode(options)})`;
    painPoint(flytte, onFlytte);
    const onGarasje = `Uklart om garasjen må søkes (${mode(options)})`;
    painPoint(garasje, onGarasje);

    await inStaffContext(options, 'analyst', async (page) => {
      await follow(page, /^a\.ds-link\[href="\/admin\/fjord\/insights"\]/);
      await tabFromStartTo(page, /^select#field-journey\b/);
      await chooseOption(page, String(flytte.journeyId));
      await tabTo(page, named('button', nb.insights.apply));
      await pressAndLoad(page, 'Enter');
      expect(new URL(page.url()).searchParams.get('journey')).toBe(String(flytte.journeyId));
      const titles = await page.locator('.app-insights-table tbody th a').allInnerTexts();
      expect(titles).toContain(onFlytte);
      expect(titles).not.toContain(onGarasje);

      await tabFromStartTo(page, named('a', nb.insights.exportCsv));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toMatch(/^.*fjord.*\.csv$/);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      expect(csv).toContain(onFlytte);
      expect(csv).not.toContain(onGarasje);
    });
  });
});
