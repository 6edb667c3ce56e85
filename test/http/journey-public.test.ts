// Residents' pages: the municipality front page, the journey map and the step page show only published versions.
import request from 'supertest';
import { seedDemo } from '../../src/modules/demo/demo-seed';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust kommune');
  buildJourney(t.services, 'aust', { slug: 'garasje', title: 'Jeg skal bygge garasje', lifeEvent: 'bygge-og-bo', phases: { Planlegge: ['Finne ut'] }, publish: true });
  buildJourney(t.services, 'aust', { slug: 'arv', title: 'Vi har mistet en av våre nærmeste', lifeEvent: 'dodsfall-og-arv', phases: { Dødsfallet: ['Melde'] }, publish: true });
  buildJourney(t.services, 'aust', { slug: 'hemmelig', title: 'Et hemmelig utkast', lifeEvent: 'bygge-og-bo', phases: { A: ['a'] } });
});
afterAll(() => t.close());

describe('municipality front page', () => {
  it('lists published journeys grouped by life event, and never a draft', async () => {
    const res = await request(t.app).get('/aust');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 class="ds-heading" data-size="xl">Aust kommune</h1>');
    const byggeOgBo = res.text.indexOf('Bygge og bo');
    const dodsfall = res.text.indexOf('Dødsfall og arv');
    expect(byggeOgBo).toBeGreaterThan(0);
    expect(res.text.indexOf('Jeg skal bygge garasje')).toBeGreaterThan(byggeOgBo);
    expect(dodsfall).toBeGreaterThan(res.text.indexOf('Jeg skal bygge garasje'));
    expect(res.text).not.toContain('Et hemmelig utkast');
  });

  it('filters by text', async () => {
    const res = await request(t.app).get('/aust?q=garasje');
    expect(res.text).toContain('Jeg skal bygge garasje');
    expect(res.text).not.toContain('Vi har mistet');
    const none = await request(t.app).get('/aust?q=romferd');
    expect(none.text).toContain('Ingen innbyggerreiser passer til «romferd».');
    const drafted = await request(t.app).get('/aust?q=hemmelig');
    expect(drafted.text).not.toContain('Et hemmelig utkast');
  });
});

describe('journey map page', () => {
  it('is a real table: phases as column groups, steps as column headers, lanes as row headers', async () => {
    const res = await request(t.app).get('/aust/reiser/garasje');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<th scope="colgroup" colspan="1" class="app-map__phase">Planlegge<\/th>/);
    expect(res.text).toMatch(/<th scope="col" class="app-map__step">/);
    for (const lane of ['Hva du gjør', 'Kontaktpunkt og kanal', 'Hvem har ansvaret', 'Bak kulissene', 'Systemer', 'Slik føles det', 'Smertepunkter']) {
      expect(res.text).toContain(`<th scope="row" class="app-map__lane">${lane}</th>`);
    }
    expect(res.text).toMatch(/<svg class="app-curve"[^>]*role="img"/);
  });

  it('never shows a draft, an archived journey or an unknown slug', async () => {
    expect((await request(t.app).get('/aust/reiser/hemmelig')).status).toBe(404);
    expect((await request(t.app).get('/aust/reiser/finnes-ikke')).status).toBe(404);
    expect((await request(t.app).get('/ingen/reiser/garasje')).status).toBe(404);
  });

  it('marks the handovers a designer stated, not every change of the responsible department (#19.2)', async () => {
    const m = t.services.municipalities.bySlug('aust');
    const byggesak = t.services.departments.findOrCreate(m.id, 'Byggesak', 'municipal');
    const nav = t.services.departments.findOrCreate(m.id, 'NAV', 'state');
    const j = buildJourney(t.services, 'aust', { slug: 'overlevering', phases: { A: ['Hos byggesak', 'Alene', 'Hos NAV', 'Fortsatt NAV'] } });
    const editor = t.services.journeyEditor;
    const departments = [byggesak, null, nav, nav];
    j.stepIds.forEach((id, i) =>
      editor.updateStep(null, m.id, j.journeyId, id, {
        title: ['Hos byggesak', 'Alene', 'Hos NAV', 'Fortsatt NAV'][i]!,
        residentAction: '', touchpoint: '', channel: 'digital', departmentId: departments[i]!, backstage: '', systems: '', emotion: 0, duration: '', phaseId: j.phaseIds[0]!,
      }),
    );
    t.services.handovers.state(null, m.id, j.journeyId, j.stepIds[2]!, { fromDepartmentId: byggesak, toDepartmentId: nav, what: 'case', note: 'Søknaden' });
    editor.publish(null, m.id, j.journeyId);
    const res = await request(t.app).get('/aust/reiser/overlevering');
    expect(res.text).toContain('Overlevering: Byggesak → NAV (saken): Søknaden');
    expect(res.text.match(/Overlevering: /g)).toHaveLength(res.text.match(/Overlevering: Byggesak → NAV/g)!.length);
    const step = await request(t.app).get(`/aust/reiser/overlevering/steg/${j.stepIds[2]}`);
    expect(step.text).toContain('Overlevering: Byggesak → NAV (saken): Søknaden. Slike overleveringer er ofte der innbyggere faller mellom to stoler.');
    expect((await request(t.app).get(`/aust/reiser/overlevering/steg/${j.stepIds[3]}`)).text).not.toContain('Overlevering:');
  });
});

describe('step page', () => {
  it('has a stable URL per step with its lanes and links to the neighbours', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'tre-steg', phases: { A: ['Første', 'Andre', 'Tredje'] }, publish: true });
    const res = await request(t.app).get(`/aust/reiser/tre-steg/steg/${j.stepIds[1]}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 class="ds-heading" data-size="lg">Andre</h1>');
    expect(res.text).toContain('steg 2 av 3');
    expect(res.text).toContain(`href="/aust/reiser/tre-steg/steg/${j.stepIds[0]}"`);
    expect(res.text).toContain(`href="/aust/reiser/tre-steg/steg/${j.stepIds[2]}"`);
  });

  it('answers 404 for a step of another journey, a draft step and a non-numeric id', async () => {
    const a = buildJourney(t.services, 'aust', { slug: 'a-reise', phases: { A: ['a'] }, publish: true });
    const b = buildJourney(t.services, 'aust', { slug: 'b-reise', phases: { B: ['b'] }, publish: true });
    const m = t.services.municipalities.bySlug('aust');
    const newStep = t.services.journeyEditor.addStep(null, m.id, a.journeyId, a.phaseIds[0]!, {
      title: 'Upublisert', residentAction: '', touchpoint: '', channel: 'digital', departmentId: null, backstage: '', systems: '', emotion: 0, duration: '',
    });
    expect((await request(t.app).get(`/aust/reiser/a-reise/steg/${b.stepIds[0]}`)).status).toBe(404);
    expect((await request(t.app).get(`/aust/reiser/a-reise/steg/${newStep}`)).status).toBe(404);
    expect((await request(t.app).get('/aust/reiser/a-reise/steg/abc')).status).toBe(404);
    expect((await request(t.app).get('/aust/reiser/a-reise/steg/99999999999999999999')).status).toBe(404);
  });
});

describe('demo seed', () => {
  it('publishes three realistic journeys with 4-6 phases and 12-25 steps each', async () => {
    const demo = makeTestApp();
    try {
      expect(seedDemo(demo.db, demo.services, demo.clock)).toBe(true);
      expect(seedDemo(demo.db, demo.services, demo.clock)).toBe(false);
      const m = demo.services.municipalities.bySlug('demo');
      const groups = demo.services.publicJourneys.listByLifeEvent(m.id);
      const maps = groups.flatMap((g) => g.journeys);
      expect(maps.map((j) => j.slug).sort()).toEqual(['alvorlig-sykt-barn', 'bygge-garasje', 'dodsfall']);
      for (const map of maps) {
        expect(map.snapshot.phases.length).toBeGreaterThanOrEqual(4);
        expect(map.snapshot.phases.length).toBeLessThanOrEqual(6);
        expect(map.steps.length).toBeGreaterThanOrEqual(12);
        expect(map.steps.length).toBeLessThanOrEqual(25);
        // The demo states its handovers (#19.2): garasje three, dødsfall four, alvorlig sykt barn eight.
        expect(map.handovers).toBeGreaterThanOrEqual(3);
      }
      const res = await request(demo.app).get('/demo/reiser/dodsfall');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Vi har mistet en av våre nærmeste');
    } finally {
      demo.close();
    }
  });
});
