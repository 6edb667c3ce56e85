// A resident reports a pain point (with JavaScript on and off), sees the duplicate hint, says "me too" to another;
// a moderator approves the report and it appears on the step page; a moderator works through the queue (next item after a
// decision, several rejected at once), merges a duplicate after seeing both side by side, and answers from a saved
// answer. Every page on the way has no axe violations.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;
let stepPath: string;
let existingId: number;

beforeAll(async () => {
  server = await startServer();
  const { services, db } = server.testApp;
  createMunicipality(services, 'fjord', 'Fjord kommune');
  const j = buildJourney(services, 'fjord', { slug: 'garasje', title: 'Jeg skal bygge garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  stepPath = `/fjord/reiser/garasje/steg/${j.stepIds[0]}`;
  // An existing published report that a new, similar one should be pointed to.
  const m = services.municipalities.bySlug('fjord');
  const participant = services.feedback.ensureParticipant('e2e-existing-participant');
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m.id);
  existingId = services.feedback.submit(participant, services.municipalities.bySlug('fjord'), j.journeyId, j.stepIds[0]!, {
    title: 'Lang ventetid på byggesøknaden',
    body: 'Det tok tolv uker før byggesøknaden ble behandlet.',
    severity: 4,
    channel: 'digital',
  }).id;
  db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m.id);
  await createUser(services, { email: 'moderator@fjord.test', municipality: 'fjord', roles: ['moderator'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.locator(selector).first().click()]);
}

/** axe runs inside the page, so it is checked in the JavaScript run; the no-JavaScript run checks the flow. */
async function noViolations(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
}

async function reportThroughForms(page: Page, title: string, js: boolean): Promise<void> {
  await page.goto(`${server.baseUrl}${stepPath}?lang=nb`);
  await click(page, `a[href="${stepPath}/meld"]`);
  await noViolations(page, js);
  await page.locator('#field-title').fill(title);
  await page.locator('#field-body').fill('Byggesøknaden ble liggende i mange uker uten svar. Ring meg på 412 34 567.');
  await page.locator('input[name="severity"][value="4"]').check();
  await click(page, 'main form button[type="submit"]');
  // The check step: what was removed, and the similar report.
  await page.getByText('Vi fjernet personopplysninger').waitFor();
  expect(await page.getByText('Lang ventetid på byggesøknaden').count()).toBeGreaterThan(0);
  await noViolations(page, js);
  await click(page, 'button[name="confirmed"]');
  await page.getByText('Takk! Innspillet ditt er mottatt').waitFor();
  expect(await page.locator('main').innerText()).toContain('[fjernet: telefonnummer]');
  await noViolations(page, js);
}

describe.each([true, false])('a resident with JavaScript %s', (javaScriptEnabled) => {
  let context: BrowserContext;
  afterEach(async () => context?.close());

  it('reports a pain point, says "me too" to another, and a moderator approves the report', async () => {
    context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const title = `Venter på svar (${javaScriptEnabled ? 'med' : 'uten'} JavaScript)`;
    await reportThroughForms(page, title, javaScriptEnabled);

    await page.goto(`${server.baseUrl}/fjord/innspill/${existingId}?lang=nb`);
    await click(page, 'form[action$="/meg-ogsa"] button[type="submit"]');
    await page.getByText('Du har sagt «meg også».').waitFor();
    await noViolations(page, javaScriptEnabled);

    const moderatorContext = await browser.newContext({ javaScriptEnabled });
    const staff = await moderatorContext.newPage();
    await signInThroughForm(staff, server.baseUrl, 'moderator@fjord.test');
    await staff.goto(`${server.baseUrl}/admin/fjord/moderation?lang=nb`);
    await click(staff, `a:has-text("${title}")`);
    await noViolations(staff, javaScriptEnabled);
    await click(staff, 'form[action$="/approve"] button[type="submit"]');
    await staff.getByText('Innspillet er publisert.').waitFor();
    await moderatorContext.close();

    await page.goto(`${server.baseUrl}${stepPath}?lang=nb`);
    expect(await page.locator('.app-pain-card h3').allInnerTexts()).toContain(title);
    await noViolations(page, javaScriptEnabled);
  });
});

describe.each([true, false])('a moderator working through the queue with JavaScript %s (#18)', (javaScriptEnabled) => {
  it('goes from a decision to the next item waiting, then rejects the chosen ones together with one reason', async () => {
    const { services, db } = server.testApp;
    const m = services.municipalities.bySlug('fjord');
    const journeyId = db.prepare("SELECT id FROM journeys WHERE slug = 'garasje'").pluck().get() as number;
    const stepId = Number(stepPath.split('/').pop());
    // Nothing else waits, so the order is these three, oldest first.
    db.prepare("UPDATE pain_points SET moderation_status = 'rejected', rejection_reason = 'Ryddet.' WHERE moderation_status = 'pending'").run();
    const suffix = javaScriptEnabled ? 'med' : 'uten';
    const ids = ['første', 'andre', 'tredje'].map((n, i) => {
      const id = services.feedback.submit(services.feedback.ensureParticipant(`kø-${suffix}-${n}`), m, journeyId, stepId, { title: `Kø ${n} (${suffix})`, body: 'Tekst.', severity: 3, channel: null }).id;
      db.prepare('UPDATE pain_points SET created_at = ? WHERE id = ?').run(new Date(Date.now() - (3 - i) * 3_600_000).toISOString(), id);
      return id;
    });
    const context = await browser.newContext({ javaScriptEnabled });
    const staff = await context.newPage();
    await signInThroughForm(staff, server.baseUrl, 'moderator@fjord.test');
    await staff.goto(`${server.baseUrl}/admin/fjord/moderation?lang=nb`);
    expect(await staff.locator('tbody th a').first().innerText()).toBe(`Kø første (${suffix})`);
    await noViolations(staff, javaScriptEnabled);
    await click(staff, `a:has-text("Kø første (${suffix})")`);
    await click(staff, 'form[action$="/approve"] button[type="submit"]');
    await staff.getByText('Her er det neste som venter.').waitFor();
    expect(new URL(staff.url()).pathname).toBe(`/admin/fjord/moderation/${ids[1]}`);
    await staff.goto(`${server.baseUrl}/admin/fjord/moderation?lang=nb`);
    for (const id of ids.slice(1)) await staff.locator(`input[name="ids"][value="${id}"]`).check();
    await staff.locator('#field-reason').fill('Ikke innspill om tjenesten.');
    await click(staff, 'button[name="decision"][value="reject"]');
    await staff.getByText('De valgte innspillene er avvist.').waitFor();
    await noViolations(staff, javaScriptEnabled);
    const statuses = ids.map((id) => db.prepare('SELECT moderation_status FROM pain_points WHERE id = ?').pluck().get(id));
    expect(statuses).toEqual(['published', 'rejected', 'rejected']);
    await context.close();
  });
});

describe.each([true, false])('a moderator merging a duplicate and answering from a saved answer with JavaScript %s (#18)', (javaScriptEnabled) => {
  it('picks the likeliest duplicate on the step, sees both side by side, merges; fills an answer from a saved one', async () => {
    const { services, db } = server.testApp;
    const m = services.municipalities.bySlug('fjord');
    const journeyId = db.prepare("SELECT id FROM journeys WHERE slug = 'garasje'").pluck().get() as number;
    const stepId = Number(stepPath.split('/').pop());
    const suffix = javaScriptEnabled ? 'med' : 'uten';
    const duplicate = services.feedback.submit(services.feedback.ensureParticipant(`dup-${suffix}`), m, journeyId, stepId, {
      title: `Ventet tolv uker på byggesøknaden (${suffix})`, body: 'Byggesøknaden tok tolv uker å behandle.', severity: 4, channel: null,
    }).id;
    services.moderation.approve(null, m.id, duplicate);
    services.savedAnswers.create(null, m.id, { title: `Vi ser på ventetiden (${suffix})`, body: `Vi ser på ventetiden i byggesak nå (${suffix}).` });
    const context = await browser.newContext({ javaScriptEnabled });
    const staff = await context.newPage();
    await signInThroughForm(staff, server.baseUrl, 'moderator@fjord.test');
    await staff.goto(`${server.baseUrl}/admin/fjord/moderation/${duplicate}?lang=nb`);
    // The likeliest duplicate is offered first, nothing chosen in advance.
    expect(await staff.locator('#field-targetId').inputValue()).toBe('');
    const first = staff.locator('#field-targetId optgroup').first().locator('option').first();
    expect(await first.getAttribute('value')).toBe(String(existingId));
    await staff.locator('#field-targetId').selectOption(String(existingId));
    await click(staff, 'form[action$="/merge"] button[type="submit"]');
    await staff.getByRole('heading', { name: 'Slå sammen: se begge før du bekrefter' }).waitFor();
    const main = await staff.locator('main').innerText();
    expect(main).toContain('Lang ventetid på byggesøknaden');
    expect(main).toContain(`Ventet tolv uker på byggesøknaden (${suffix})`);
    await noViolations(staff, javaScriptEnabled);
    await click(staff, 'main form[method="post"] button[type="submit"]');
    expect(db.prepare('SELECT merged_into_id FROM pain_points WHERE id = ?').pluck().get(duplicate)).toBe(existingId);
    // The official answer on the report it went into, from the saved answer.
    await staff.goto(`${server.baseUrl}/admin/fjord/moderation/${existingId}?lang=nb`);
    const saved = db.prepare('SELECT id FROM saved_answers WHERE title = ?').pluck().get(`Vi ser på ventetiden (${suffix})`) as number;
    await staff.locator('#field-answerFrom').selectOption(String(saved));
    await click(staff, 'form:has(#field-answerFrom) button[type="submit"]');
    expect(await staff.locator('#field-text').inputValue()).toBe(`Vi ser på ventetiden i byggesak nå (${suffix}).`);
    await noViolations(staff, javaScriptEnabled);
    await click(staff, 'form[action$="/answer"] button[type="submit"]');
    expect(db.prepare('SELECT response_text FROM pain_points WHERE id = ?').pluck().get(existingId)).toBe(`Vi ser på ventetiden i byggesak nå (${suffix}).`);
    await context.close();
  });
});
