// #19.1 in the browser: the editor's phase grid. Without JavaScript a designer builds a journey of 5 phases and 15
// steps with a handful of form submissions (one per phase, where the editor of one step per page took some 36),
// states two handovers, publishes, and the public map shows exactly those two. With JavaScript (journey-grid.js)
// cells save themselves, steps move by keyboard and by dragging, are duplicated and added, and the last change is
// undone, all without a page load and each announced in the status line. axe stays clean on the grid and on the new
// editor pages in all three languages.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser } from '../helpers/test-app';
import { axeViolations } from './helpers/axe';
import { launchBrowser, signInThroughForm } from './helpers/browser';
import { startServer, type TestServer } from './helpers/server';

let server: TestServer;
let browser: Browser;
const dept: Record<'service' | 'plan' | 'byggesak', number> = { service: 0, plan: 0, byggesak: 0 };

beforeAll(async () => {
  server = await startServer();
  const { services } = server.testApp;
  const m = createMunicipality(services, 'fjord', 'Fjord kommune');
  dept.service = services.departments.findOrCreate(m, 'Servicetorget', 'municipal');
  dept.plan = services.departments.findOrCreate(m, 'Plan og geodata', 'municipal');
  dept.byggesak = services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  await createUser(services, { email: 'designer@fjord.test', municipality: 'fjord', roles: ['designer'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k]));
const db = () => server.testApp.db;
const journeyIdOf = (slug: string) => db().prepare('SELECT id FROM journeys WHERE slug = ?').pluck().get(slug) as number;
/** The draft's steps in journey order: phase title and step title. */
function stepsOf(journeyId: number): { id: number; phase: string; title: string }[] {
  return db()
    .prepare(`SELECT s.id, p.title AS phase, s.title FROM steps s JOIN phases p ON p.id = s.phase_id
              WHERE s.journey_id = ? AND s.removed_at IS NULL AND p.removed_at IS NULL ORDER BY p.position, s.position`)
    .all(journeyId) as { id: number; phase: string; title: string }[];
}
const titlesIn = (journeyId: number, phase: string) => stepsOf(journeyId).filter((s) => s.phase === phase).map((s) => s.title);

/** Waits until `read` gives `expected` (a background save has landed), or fails with what it gave last. */
async function eventually<T>(read: () => T | Promise<T>, expected: T, timeout = 10000): Promise<void> {
  const end = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

async function inContext(options: BrowserContextOptions, fn: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    await signInThroughForm(page, server.baseUrl, 'designer@fjord.test');
    await fn(page, context);
  } finally {
    await context.close();
  }
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

// Five phases of three steps; the responsible department changes at six places, so the editor suggests six
// handovers, of which the designer states two.
type StepSpec = { title: string; department?: keyof typeof dept };
const PHASES: { title: string; steps: StepSpec[] }[] = [
  { title: 'Finne ut hva som gjelder', steps: [{ title: 'Lese veiledningen' }, { title: 'Ringe servicetorget', department: 'service' }, { title: 'Sjekke reguleringsplanen', department: 'plan' }] },
  { title: 'Forberede søknaden', steps: [{ title: 'Velge ansvarlig søker' }, { title: 'Ha forhåndskonferanse', department: 'byggesak' }, { title: 'Skaffe situasjonskart', department: 'plan' }] },
  { title: 'Søke', steps: [{ title: 'Sende søknaden' }, { title: 'Få bekreftelse', department: 'byggesak' }, { title: 'Svare på mangelbrev', department: 'byggesak' }] },
  { title: 'Vente på vedtak', steps: [{ title: 'Følge saken' }, { title: 'Få vedtak', department: 'byggesak' }, { title: 'Betale gebyret', department: 'service' }] },
  { title: 'Bygge og ferdigstille', steps: [{ title: 'Bygge garasjen' }, { title: 'Melde ferdig', department: 'byggesak' }, { title: 'Få ferdigattest', department: 'byggesak' }] },
];

describe('the phase grid without JavaScript', () => {
  it('builds 5 phases and 15 steps in a few submissions, states two handovers, publishes, and the map shows exactly those', async () => {
    await inContext({ javaScriptEnabled: false }, async (page) => {
      // Every form submission from here on: the journey, its phases, the handovers and the publishing.
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
      });

      await page.goto(`${server.baseUrl}/admin/fjord/journeys/new?lang=nb`);
      await page.locator('#field-title').fill('Jeg skal bygge garasje');
      await page.locator('#field-slug').fill('garasje-rutenett');
      await page.locator('#field-lifeEvent').selectOption('bygge-og-bo');
      await page.locator('#field-summary').fill('Fra idé til ferdigattest.');
      await submit(page, 'main form.app-form button[type="submit"]');
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/fjord\/journeys\/\d+$/);
      const journeyId = journeyIdOf('garasje-rutenett');

      for (const phase of PHASES) {
        await page.locator('#field-new-title').fill(phase.title);
        for (const [i, step] of phase.steps.entries()) {
          await page.locator(`#field-new-title-${i}`).fill(step.title);
          await page.locator(`#field-new-residentAction-${i}`).fill(`Jeg ${step.title.toLowerCase()}.`);
          if (step.department) await page.locator(`#field-new-departmentId-${i}`).selectOption(String(dept[step.department]));
        }
        await submit(page, '#new-form button[type="submit"]');
        await page.getByText(nb.flash.phaseAdded).waitFor();
        // Back at the new phase, which is now a grid of its own.
        expect(new URL(page.url()).hash).toMatch(/^#phase-\d+$/);
      }
      expect(stepsOf(journeyId).map((s) => s.title)).toEqual(PHASES.flatMap((p) => p.steps.map((s) => s.title)));

      // Six suggestions under the grids; two are stated on the step's handover page.
      expect(await page.locator('.app-grid-notes li').count()).toBe(6);
      const handovers = [
        { step: 'Skaffe situasjonskart', from: dept.byggesak, to: dept.plan, what: 'documents', note: 'Situasjonskart og nabolister' },
        { step: 'Betale gebyret', from: dept.byggesak, to: dept.service, what: 'case', note: '' },
      ];
      for (const h of handovers) {
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: fill(nb.journeys.handover.stateNamed, { title: h.step }) }).click()]);
        expect(await page.locator('h1').innerText()).toBe(fill(nb.journeys.handover.title, { step: h.step }));
        await page.locator('#field-fromDepartmentId').selectOption(String(h.from));
        await page.locator('#field-toDepartmentId').selectOption(String(h.to));
        await page.locator(`input[name="what"][value="${h.what}"]`).check();
        if (h.note) await page.locator('#field-note').fill(h.note);
        await submit(page, 'main form.app-form button[type="submit"]');
        await page.getByText(nb.flash.handoverStated).waitFor();
      }

      await submit(page, 'form[action$="/publish"] button[type="submit"]');
      await page.getByText(nb.flash.published).first().waitFor();

      // 1 journey + 5 phases + 2 handovers + 1 publish; the old editor took a page per step (about 36).
      expect(posts).toHaveLength(9);
      expect(posts.length).toBeLessThanOrEqual(12);
    });

    const resident = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const map = await resident.newPage();
      const response = await map.goto(`${server.baseUrl}/fjord/reiser/garasje-rutenett?lang=nb`);
      expect(response?.status()).toBe(200);
      const steps = await map.locator('table.app-map thead th[scope="col"].app-map__step').allInnerTexts();
      expect(steps).toHaveLength(15);
      const tags = (await map.locator('table.app-map .app-handover__tag').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(tags).toEqual([
        `${fill(nb.journeys.handover.label, { from: 'Byggesak', to: 'Plan og geodata', what: nb.handoverKinds.documents })}: Situasjonskart og nabolister`,
        fill(nb.journeys.handover.label, { from: 'Byggesak', to: 'Servicetorget', what: nb.handoverKinds.case }),
      ]);
      // The step cards (narrow screens, paper) carry the same two and no others.
      expect(await map.locator('.app-step-card .app-handover__tag').count()).toBe(2);
      // Only the two stated steps are marked as handovers.
      const marked = await map.locator('table.app-map thead th.app-handover').allInnerTexts();
      expect(marked.map((t) => t.replace(/\s+/g, ' '))).toEqual([expect.stringContaining('Skaffe situasjonskart'), expect.stringContaining('Betale gebyret')]);
    } finally {
      await resident.close();
    }
  });
});

describe('the phase grid with JavaScript', () => {
  it('saves cells in the background, moves steps by keyboard and by dragging, duplicates, adds and undoes, announcing each', async () => {
    const j = buildJourney(server.testApp.services, 'fjord', { slug: 'grid-js', title: 'Rutenett med skript', phases: { Først: ['A1', 'A2', 'A3'], Siden: ['B1', 'B2', 'B3'] } });
    const [first, second] = j.phaseIds as [number, number];
    const [a1, a2, a3, b1] = j.stepIds as [number, number, number, number];
    // Tall enough for both phases at once: Playwright's dragTo does not scroll while dragging.
    await inContext({ viewport: { width: 1280, height: 2400 } }, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.baseUrl}/admin/fjord/journeys/${j.journeyId}?lang=nb`);
      // From here on nothing loads the page again.
      let loads = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) loads += 1;
      });

      const status = page.locator('#grid-status');
      expect(await status.getAttribute('role')).toBe('status');
      // The keys are explained, in words, once the script runs.
      expect(await page.locator('#grid-keys').isVisible()).toBe(true);
      expect(await page.locator('#grid-keys').innerText()).toContain(nb.journeys.gridScript.keyDuplicate);
      const undo = page.getByRole('button', { name: nb.journeys.gridScript.undo });
      expect(await undo.isDisabled()).toBe(true);

      // Polled from here, not in the page: the page's CSP allows no evaluated strings.
      /** Waits until the status line says exactly this. */
      const announced = (text: string) => eventually(() => status.textContent(), text);
      const focusedId = () => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
      const row = (id: number) => db().prepare('SELECT title, resident_action, touchpoint, phase_id, removed_at FROM steps WHERE id = ?').get(id) as Record<string, unknown>;

      // Before any change there is nothing to undo, and it says so.
      await page.locator(`#field-p${first}-channel-0`).focus();
      await page.keyboard.press('Alt+Shift+Z');
      await announced(nb.journeys.gridScript.nothingToUndo);

      // A cell saves itself.
      await page.locator(`#field-p${first}-residentAction-0`).fill('Jeg leser veiledningen på nett.');
      await announced(nb.journeys.gridScript.saved);
      expect(row(a1).resident_action).toBe('Jeg leser veiledningen på nett.');

      // A new column becomes a step once, and goes on being the same step.
      await page.locator(`#field-p${first}-title-3`).fill('A4');
      const newColumnId = page.locator(`#phase-${first} thead th:nth-child(5) input[name="stepId"]`);
      await eventually(async () => /^\d+$/.test(await newColumnId.inputValue()), true);
      await page.locator(`#field-p${first}-touchpoint-3`).fill('Kommunens nettside');
      await page.locator(`#field-p${first}-touchpoint-3`).press('Tab');
      await eventually(() => db().prepare("SELECT touchpoint FROM steps WHERE title = 'A4' AND journey_id = ?").pluck().all(j.journeyId), ['Kommunens nettside']);
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A1', 'A2', 'A3', 'A4']);

      // A refused cell says why, at the cell and in the status line; mending it saves.
      const title0 = page.locator(`#field-p${first}-title-0`);
      await title0.fill('');
      await eventually(async () => (await status.textContent())!.startsWith('Ikke lagret.'), true);
      expect(await title0.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await title0.getAttribute('aria-describedby'))!;
      expect(await page.locator(`#${describedBy}`).innerText()).not.toBe('');
      expect(await status.innerText()).toContain(fill(nb.journeys.grid.cellLabel, { lane: nb.journeys.grid.lanes.title, column: 1 }));
      await title0.fill('A1');
      await announced(nb.journeys.gridScript.saved);
      expect(await title0.getAttribute('aria-invalid')).toBeNull();
      expect(row(a1).title).toBe('A1');

      // Alt+Shift+→ moves the step a place later; focus stays on it, in the same lane.
      await page.locator(`#field-p${first}-duration-0`).focus();
      await page.keyboard.press('Alt+Shift+ArrowRight');
      await announced(fill(nb.journeys.gridScript.moved, { title: 'A1', number: 2, phase: 'Først' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A1', 'A3', 'A4']);
      expect(await focusedId()).toBe(`field-p${first}-duration-1`);

      // Undo (the button) puts it back.
      expect(await undo.isDisabled()).toBe(false);
      await undo.click();
      await announced(fill(nb.journeys.gridScript.undoneMove, { title: 'A1' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A1', 'A2', 'A3', 'A4']);
      expect(await focusedId()).toBe(`field-p${first}-duration-0`);

      // From the last step of a phase, Alt+Shift+→ goes to the start of the next phase; Alt+Shift+← brings it back.
      await page.locator(`#field-p${first}-title-3`).focus();
      await page.keyboard.press('Alt+Shift+ArrowRight');
      await announced(fill(nb.journeys.gridScript.moved, { title: 'A4', number: 4, phase: 'Siden' }));
      expect(titlesIn(j.journeyId, 'Siden')).toEqual(['A4', 'B1', 'B2', 'B3']);
      expect(await focusedId()).toBe(`field-p${second}-title-0`);
      await page.keyboard.press('Alt+Shift+ArrowLeft');
      await announced(fill(nb.journeys.gridScript.moved, { title: 'A4', number: 4, phase: 'Først' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A1', 'A2', 'A3', 'A4']);

      // Dragging A1's header onto the right half of A3's column puts it after A3.
      const header = (id: number) => page.locator(`th[data-step="${id}"]`);
      const target = await header(a3).boundingBox();
      await header(a1).dragTo(header(a3), { targetPosition: { x: target!.width - 4, y: 8 } });
      await announced(fill(nb.journeys.gridScript.moved, { title: 'A1', number: 3, phase: 'Først' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A1', 'A4']);
      // And onto the left half of B1's column: first in the next phase.
      const b1Box = await header(b1).boundingBox();
      await header(a2).dragTo(header(b1), { targetPosition: { x: 4, y: 8 } });
      await announced(fill(nb.journeys.gridScript.moved, { title: 'A2', number: 4, phase: 'Siden' }));
      expect(b1Box).not.toBeNull();
      expect(titlesIn(j.journeyId, 'Siden')).toEqual(['A2', 'B1', 'B2', 'B3']);

      // Ctrl+Z, with focus outside a text field, undoes the drag.
      await page.locator(`#field-p${first}-channel-0`).focus();
      await page.keyboard.press('Control+z');
      await announced(fill(nb.journeys.gridScript.undoneMove, { title: 'A2' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A1', 'A4']);
      expect(titlesIn(j.journeyId, 'Siden')).toEqual(['B1', 'B2', 'B3']);
      expect(row(a2).phase_id).toBe(first);

      // Alt+Shift+D duplicates; focus goes to the copy's title.
      await page.locator(`#field-p${first}-title-1`).focus();
      await page.keyboard.press('Alt+Shift+D');
      await announced(fill(nb.journeys.gridScript.duplicated, { title: 'A3', number: 3 }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A3', 'A1', 'A4']);
      expect(await focusedId()).toBe(`field-p${first}-title-2`);
      expect(await page.locator(`#field-p${first}-title-2`).inputValue()).toBe('A3');

      // "Add a step after" from the step's actions; then undo removes the new step again.
      await page.locator(`th[data-step="${a1}"] summary`).click();
      await page.locator(`th[data-step="${a1}"]`).getByRole('button', { name: nb.journeys.grid.addAfter }).click();
      await announced(fill(nb.journeys.gridScript.added, { title: 'A1', number: 5 }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A3', 'A1', nb.journeys.grid.newStepTitle, 'A4']);
      expect(await focusedId()).toBe(`field-p${first}-title-4`);
      const added = stepsOf(j.journeyId).find((s) => s.title === nb.journeys.grid.newStepTitle)!.id;
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneAdd, { title: nb.journeys.grid.newStepTitle }));
      expect(row(added).removed_at).not.toBeNull();
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A3', 'A1', 'A4']);

      // Undoing a cell change puts the old text back, in the page and in the draft.
      await page.locator(`#field-p${first}-touchpoint-0`).fill('Skranken');
      await announced(nb.journeys.gridScript.saved);
      expect(row(a2).touchpoint).toBe('Skranken');
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneCells, { phase: 'Først' }));
      expect(row(a2).touchpoint).toBe('Nettsiden');
      expect(await page.locator(`#field-p${first}-touchpoint-0`).inputValue()).toBe('Nettsiden');

      // Undo goes on back through the earlier changes, newest first: the duplicate, the drag of A1, then A4's two
      // moves between the phases (the first move was undone at the start), then the cells saved at the start.
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneAdd, { title: 'A3' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A2', 'A3', 'A1', 'A4']);
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneMove, { title: 'A1' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A1', 'A2', 'A3', 'A4']);
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneMove, { title: 'A4' }));
      expect(titlesIn(j.journeyId, 'Siden')).toEqual(['A4', 'B1', 'B2', 'B3']);
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneMove, { title: 'A4' }));
      expect(titlesIn(j.journeyId, 'Først')).toEqual(['A1', 'A2', 'A3', 'A4']);
      await page.keyboard.press('Alt+Shift+Z');
      await announced(fill(nb.journeys.gridScript.undoneCells, { phase: 'Først' }));

      expect(loads).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});

describe('axe on the grid and the new editor pages', () => {
  // axe runs in the page, so JavaScript is on; the editor is also checked as it is when its script fails to load.
  it.each([
    ['with the grid script', false],
    ['with the grid script failing to load', true],
  ])('finds nothing on the editor, the step removal confirmation and the handover page in nb, nn and en, %s', async (_label, blockScript) => {
    const j = buildJourney(server.testApp.services, 'fjord', { slug: `grid-axe-${blockScript ? 'noscript' : 'script'}`, phases: { Først: ['Søke om tillatelse', 'Få svar'], Siden: ['Bygge'] }, department: { name: 'Byggesak', kind: 'municipal' } });
    const step = j.stepIds[1]!;
    const base = `/admin/fjord/journeys/${j.journeyId}`;
    await inContext({}, async (page) => {
      if (blockScript) await page.route('**/assets/js/journey-grid.js', (route) => route.abort());
      for (const [lang, texts] of [['nb', nb], ['nn', nn], ['en', en]] as const) {
        for (const [path, h1] of [
          [base, 'Reise grid-axe-' + (blockScript ? 'noscript' : 'script')],
          [`${base}/steps/${step}/remove`, fill(texts.journeys.remove.stepTitle, { title: 'Få svar' })],
          [`${base}/steps/${step}/handover`, fill(texts.journeys.handover.title, { step: 'Få svar' })],
        ] as const) {
          const response = await page.goto(`${server.baseUrl}${path}?lang=${lang}`);
          expect([path, lang, response?.status()]).toEqual([path, lang, 200]);
          expect(await page.locator('h1').innerText()).toBe(h1);
          if (path === base) {
            // The keys are explained and the undo button shown only where the script runs.
            expect(await page.locator('#grid-keys').isVisible()).toBe(!blockScript);
            expect(await page.locator('#grid-undo').isVisible()).toBe(!blockScript);
            if (!blockScript) expect(await page.locator('#grid-keys').innerText()).toContain(texts.journeys.gridScript.keyMoveHelp);
          }
          expect([path, lang, await axeViolations(page)]).toEqual([path, lang, []]);
        }
      }
      if (blockScript) {
        // Without the script the grid is a form as before: saving loads the page with the notice.
        await page.goto(`${server.baseUrl}${base}?lang=nb`);
        await page.locator(`#field-p${j.phaseIds[0]}-title-0`).fill('Søke om byggetillatelse');
        await submit(page, `#p${j.phaseIds[0]}-form > button[type="submit"]`);
        await page.getByText(nb.flash.saved).waitFor();
        expect(stepsOf(j.journeyId)[0]!.title).toBe('Søke om byggetillatelse');
      }
    });
  });
});
