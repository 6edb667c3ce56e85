// A busy step or journey shows its pain points a page at a time, in the chosen order, with links between the pages.
import request from 'supertest';
import { FEEDBACK_PAGE_SIZE } from '../../src/modules/feedback/feedback.service';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
const COUNT = FEEDBACK_PAGE_SIZE + 5;

beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'travel', phases: { A: ['a'] }, publish: true });
  const m = t.services.municipalities.bySlug('aust');
  for (let i = 1; i <= COUNT; i += 1) {
    const participant = t.services.feedback.ensureParticipant(`pages-${i}`);
    t.services.feedback.submit(participant, m, j.journeyId, j.stepIds[0]!, { title: `Innspill nummer ${i}`, body: 'Tekst', severity: 3, channel: null });
    t.services.feedback.submit(participant, m, j.journeyId, null, { title: `Hele reisen ${i}`, body: 'Tekst', severity: 3, channel: null });
  }
  stepPath = `/aust/reiser/travel/steg/${j.stepIds[0]}`;
});
afterAll(() => t.close());

const cards = (html: string, prefix: string) => [...html.matchAll(new RegExp(`${prefix} (\\d+)<`, 'g'))].map((m) => Number(m[1]));

describe('pages of pain points', () => {
  it('shows the first page on a step, says how many there are, and links to the next', async () => {
    const res = await request(t.app).get(`${stepPath}?sort=newest`);
    expect(res.status).toBe(200);
    expect(cards(res.text, 'Innspill nummer')).toEqual(Array.from({ length: FEEDBACK_PAGE_SIZE }, (_, i) => COUNT - i));
    expect(res.text).toContain(`Viser 1–${FEEDBACK_PAGE_SIZE} av ${COUNT} innspill`);
    expect(res.text).toContain(`href="${stepPath}?sort=newest&amp;side=2#innspill"`);
    expect(res.text).not.toContain('rel="prev" href="' + stepPath + '?');
  });

  it('shows the rest on the next page, with a link back, and a vote there returns to that page', async () => {
    const res = await request(t.app).get(`${stepPath}?sort=newest&side=2`);
    expect(cards(res.text, 'Innspill nummer')).toEqual([5, 4, 3, 2, 1]);
    expect(res.text).toContain(`Viser ${FEEDBACK_PAGE_SIZE + 1}–${COUNT} av ${COUNT} innspill`);
    expect(res.text).toContain(`href="${stepPath}?sort=newest&amp;side=1#innspill"`);
    expect(res.text).toContain(`value="${stepPath}?sort=newest&amp;side=2#innspill-`);
  });

  it('pages the pain points about the whole journey on the map in the same way', async () => {
    const res = await request(t.app).get('/aust/reiser/travel?sort=newest&side=2');
    expect(cards(res.text, 'Hele reisen')).toEqual([5, 4, 3, 2, 1]);
    expect(res.text).toContain('href="/aust/reiser/travel?sort=newest&amp;side=1#hele-reisen"');
  });

  it('sorts by supporters, the most supported first', async () => {
    const m = t.services.municipalities.bySlug('aust');
    const third = t.db.prepare("SELECT id FROM pain_points WHERE title = 'Innspill nummer 3'").pluck().get() as number;
    for (const who of ['a', 'b']) t.services.feedback.vote(t.services.feedback.ensureParticipant(`supporter-${who}`), m.id, third, 4);
    const res = await request(t.app).get(`${stepPath}?sort=supported`);
    expect(cards(res.text, 'Innspill nummer').slice(0, 2)).toEqual([3, COUNT]);
  });

  it('shows the last page for a page number past the end, and refuses one that is no number', async () => {
    const past = await request(t.app).get(`${stepPath}?sort=newest&side=99`);
    expect(cards(past.text, 'Innspill nummer')).toEqual([5, 4, 3, 2, 1]);
    const bad = await request(t.app).get(`${stepPath}?side=to`);
    expect(bad.status).toBe(400);
  });
});
