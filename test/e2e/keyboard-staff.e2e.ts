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
import { chooseOption, follow, followErrorSummaryTo, named, pressAndLoad, signInWithKeyboard, tabFromStartTo, tabTo, typeInto } from './helpers/keyboard';

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
      await page.keyboard.press('Tab');
      await typeInto(page, /^textarea#field-summary\b/, 'Fra du finner ny bolig til alt er meldt.');
      await tabTo(page, named('button', nb.journeys.editor.create));
      await pressAndLoad(page, 'Enter');
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/fjord\/journeys\/\d+$/);

      // A phase: its one field submits with Enter.
      await tabFromStartTo(page, /^input#field-phase-title\b/);
      await page.keyboard.type('Før flyttingen');
      await pressAndLoad(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain(nb.flash.phaseAdded);

      await follow(page, named('a', nb.journeys.editor.addStepTo.replace('{{phase}}', 'Før flyttingen')));
      await tabFromStartTo(page, /^input#field-title\b/);
      await page.keyboard.type('Melde flytting');
      await page.keyboard.press('Tab');
      await typeInto(page, /^textarea#field-residentAction\b/, 'Jeg melder flytting på nett.');
      await page.keyboard.press('Tab');
      await typeInto(page, /^input#field-touchpoint\b/, 'Skatteetatens nettside');
      await tabTo(page, /^input#field-emotion\b/);
      await page.keyboard.press('Space');
      await tabTo(page, named('button', nb.journeys.editor.addStep));
      await pressAndLoad(page, 'Enter');
      expect(await page.locator('main').innerText()).toContain(nb.flash.stepAdded);

      await follow(page, named('button', nb.journeys.editor.publish));
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
      await tabTo(page, named('button', nb.moderation.merge));
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
