// #19 items 8 and 10 in the HTML: the map's step cards are open <details> for everyone (the script closes them), a
// phase menu links to each phase, and on paper the phases are grouped into pages of at most seven steps, each page with
// its own lane headers; the HTML is the same whether or not the visitor runs JavaScript.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let html: string;
let stepIds: number[];

const LONG = ['Én', 'To', 'Tre', 'Fire', 'Fem', 'Seks', 'Sju', 'Åtte', 'Ni'];

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'vest', 'Vest kommune');
  // A phase longer than a printed page, a short one that shares the next page with its rest, and one of its own.
  const j = buildJourney(t.services, 'vest', {
    slug: 'lang',
    title: 'Jeg skal gjøre noe langt',
    phases: { Langfase: LONG, Kortfase: ['Elleve', 'Tolv'], Siste: ['A', 'B', 'C', 'D'] },
    publish: true,
  });
  stepIds = j.stepIds;
  html = (await request(t.app).get('/vest/reiser/lang?lang=nb')).text;
});
afterAll(() => t.close());

/** The parts of the HTML between each opening of `open` and the next one (or the end). */
function chunks(text: string, open: string): string[] {
  return text.split(open).slice(1);
}

describe('journey map step cards', () => {
  it('are open <details> in the HTML, one per step, with the step title in the summary', () => {
    const cards = html.match(/<details class="app-step-card[^"]*" open>/g) ?? [];
    expect(cards).toHaveLength(stepIds.length);
    expect(html).toMatch(/<summary class="app-step-card__summary"><h4 class="ds-heading" data-size="2xs"><span class="app-map__number">10\.<\/span> Elleve<\/h4><\/summary>/);
  });

  it('link to the step page and the report form from inside the card, named after the step', () => {
    expect(html).toContain(`href="/vest/reiser/lang/steg/${stepIds[0]}" aria-label="Gå til steget Én">Gå til steget</a>`);
    expect(html).toContain(`href="/vest/reiser/lang/steg/${stepIds[0]}/meld" aria-label="Meld fra om steget Én">Meld fra</a>`);
  });

  it('come with a phase menu linking to each phase heading, and the script as a file (no inline script or style)', () => {
    const nav = html.match(/<nav class="app-phase-nav" aria-label="Fasene i reisen">([\s\S]*?)<\/nav>/)?.[1] ?? '';
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toHaveLength(3);
    for (const id of targets) expect(html).toMatch(new RegExp(`<h3 class="ds-heading" data-size="xs" id="${id}">`));
    expect(html).toContain('<script src="/assets/js/journey-map.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('hide the open-all and close-all buttons until the script shows them', () => {
    expect(html).toMatch(/<div class="app-step-tools" hidden>\s*<button class="ds-button"[^>]*data-step-cards="open">Åpne alle stegene<\/button>/);
  });

  it('keep a step’s empty lanes for the printed rows, marked so the screen hides them; the step page does not', async () => {
    // buildJourney leaves backstage, systems and duration empty.
    const firstCard = chunks(html, '<details class="app-step-card')[0]!;
    expect(firstCard).toContain('<div data-lane="backstage" class="app-lanes__empty">');
    expect(firstCard).toContain('<div data-lane="action"><dt>Hva du gjør</dt><dd>Gjør Én</dd></div>');
    const step = await request(t.app).get(`/vest/reiser/lang/steg/${stepIds[0]}`);
    expect(step.text).toContain('<div data-lane="action">');
    expect(step.text).not.toContain('app-lanes__empty');
  });
});

describe('journey map on paper', () => {
  const pages = () => chunks(html.slice(0, html.indexOf('<script src="/assets/js/journey-map.js"')), '<div class="app-print-page">');

  it('groups whole phases into pages of at most seven steps; a longer phase goes on, titled as continued, on the next', () => {
    const stepsPerPage = pages().map((page) => (page.match(/<li class="app-step">/g) ?? []).length);
    expect(stepsPerPage).toEqual([7, 4, 4]);
    expect(pages()[1]).toContain('<p class="app-phase-steps__continued" aria-hidden="true">Langfase (fortsatt)</p>');
    expect(pages()[1]).toContain('id="phase-');
    const spans = [...html.matchAll(/class="app-phase-steps" (?:aria-labelledby="[^"]+" )?data-steps="(\d+)"/g)].map((m) => Number(m[1]));
    expect(spans).toEqual([7, 2, 2, 4]);
  });

  it('gives every page its own lane headers, in the order of the card lanes', () => {
    for (const page of pages()) {
      const lanes = page.match(/<div class="app-print-lanes" aria-hidden="true">([\s\S]*?)<\/div>/)?.[1] ?? '';
      expect([...lanes.matchAll(/<span data-lane="(\w+)">([^<]+)<\/span>/g)].map((m) => m[2])).toEqual([
        'Steg', 'Hva du gjør', 'Kontaktpunkt og kanal', 'Hvem har ansvaret', 'Bak kulissene', 'Systemer', 'Slik føles det',
        'Følelseskurve', 'Varighet', 'Smertepunkter',
      ]);
    }
  });

  it('draws each step’s piece of the curve as its own cell, joined to its neighbours', () => {
    const cells = [...html.matchAll(/<path class="app-curve__line" d="M0 ([\d.]+) L50 ([\d.]+) L100 ([\d.]+)"><\/path>/g)];
    expect(cells).toHaveLength(stepIds.length);
  });
});

describe('journey map for every visitor', () => {
  it('is the same HTML whatever the browser says about scripts', async () => {
    const a = await request(t.app).get('/vest/reiser/lang?lang=nb');
    const b = await request(t.app).get('/vest/reiser/lang?lang=nb').set('Sec-CH-UA-Mobile', '?1').set('User-Agent', 'Lynx/2.9');
    expect(b.text).toBe(a.text);
  });

  it('serves the map script as JavaScript', async () => {
    const res = await request(t.app).get('/assets/js/journey-map.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toContain('details.app-step-card');
  });
});
