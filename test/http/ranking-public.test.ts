// The public ranking: "what residents say matters most", step pages sorted by need score, and the map's pain lane.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let popular: number;
let lonely: number;
let pending: number;

beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', title: 'Jeg skal rangeres', phases: { A: ['Steg med mye', 'Stille steg'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  popular = await report(await resident(t.app, stepPath), stepPath, { title: 'Mange er enige', severity: '4' });
  lonely = await report(await resident(t.app, stepPath), stepPath, { title: 'Bare jeg', severity: '5' });
  for (let i = 0; i < 6; i += 1) {
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${popular}/meg-ogsa`).type('form').send({ severity: '4' });
  }
  t.db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m);
  pending = await report(await resident(t.app, stepPath), stepPath, { title: 'Venter fortsatt' });
});
afterAll(() => t.close());

describe('what residents say matters most', () => {
  it('ranks published candidates by need score and shows every figure in words', async () => {
    const res = await request(t.app).get('/aust/viktigst');
    expect(res.status).toBe(200);
    expect(res.text.indexOf('Mange er enige')).toBeLessThan(res.text.indexOf('Bare jeg'));
    expect(res.text).toMatch(/7 innbyggere, 7,0 nylig; alvorlighet [\d,]+ fra 7 vurderinger/);
    expect(res.text).toMatch(/Behov [\d,]+/);
    expect(res.text).not.toContain('Venter fortsatt');
    expect(pending).toBeGreaterThan(lonely);
  });

  it('filters by journey, refuses a malformed one with 400 and an unknown one with 404', async () => {
    expect((await request(t.app).get('/aust/viktigst?reise=reise')).text).toContain('Mange er enige');
    expect((await request(t.app).get('/aust/viktigst?reise=%3Cscript%3E')).status).toBe(400);
    expect((await request(t.app).get('/aust/viktigst?reise=ukjent')).status).toBe(404);
  });

  it('agrees with the figures the ranking service computes from scratch', () => {
    const m = t.services.municipalities.bySlug('aust');
    const ranked = t.services.ranking.ranked(m.id, { limit: 10 });
    for (const c of ranked) {
      const scratch = t.services.ranking.fromScratch(c.id, m.id);
      expect(c.figures.n).toBe(scratch.n);
      expect(c.figures.needScore).toBeCloseTo(scratch.needScore, 4); // read a moment later: decay moves the last digits
    }
  });
});

describe('step page and map', () => {
  it('sorts by need score under "most important" and by time under "newest"', async () => {
    const important = (await request(t.app).get(stepPath)).text;
    expect(important.indexOf('Mange er enige')).toBeLessThan(important.indexOf('Bare jeg'));
    const newest = (await request(t.app).get(`${stepPath}?sort=newest`)).text;
    expect(newest.indexOf('Bare jeg')).toBeLessThan(newest.indexOf('Mange er enige'));
  });

  it('shows the summed need of each step in the pain lane, as text as well as shade', async () => {
    const map = (await request(t.app).get('/aust/reiser/reise')).text;
    expect(map).toMatch(/data-heat="4">\s*2 innspill, 8 støtter\s*<br><span class="app-muted">Samlet behov: \d+,\d<\/span>/);
    expect(map).toMatch(/data-heat="0">\s*Ingen innspill ennå/);
  });
});
