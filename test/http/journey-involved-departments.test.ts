// #19.3 Several departments per step: one responsible, others involved. Set on the step's form, shown in the editor,
// the API and the exchange format; insights' silo chart and department filter count a step for every department in it.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
let m: number;
let journeyId: number;
let stepIds: number[];
let phaseIds: number[];
let byggesak: number;
let nav: number;
let skatt: number;

beforeAll(async () => {
  t = makeTestApp();
  m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'arv', phases: { Skifte: ['Få skifteattest', 'Betale skatt'] }, department: { name: 'Byggesak', kind: 'municipal' } });
  ({ journeyId, stepIds, phaseIds } = j);
  byggesak = t.services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  nav = t.services.departments.findOrCreate(m, 'NAV', 'state');
  skatt = t.services.departments.findOrCreate(m, 'Skatteetaten', 'state');
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const stepPath = (id: number) => `/admin/aust/journeys/${journeyId}/steps/${id}/edit`;
const stepForm = (fields: Record<string, string | string[]>) => ({
  _csrf: designer.csrf, title: 'Få skifteattest', residentAction: '', touchpoint: '', channel: 'letter', departmentId: String(byggesak),
  backstage: '', systems: '', emotion: '0', duration: '', phaseId: String(phaseIds[0]), ...fields,
});
const involvedOf = (stepId: number) => t.db.prepare('SELECT department_id FROM step_departments WHERE step_id = ? ORDER BY department_id').pluck().all(stepId);

describe('on the step form', () => {
  it('saves the departments involved beside the responsible one, and shows them checked again and on the overview', async () => {
    const res = await designer.agent.post(stepPath(stepIds[0]!)).type('form').send(stepForm({ involvedIds: [String(nav), String(skatt)] }));
    expect(res.status).toBe(303);
    expect(involvedOf(stepIds[0]!)).toEqual([nav, skatt].sort((a, b) => a - b));
    const form = (await designer.agent.get(stepPath(stepIds[0]!))).text;
    expect(form).toMatch(new RegExp(`name="involvedIds" value="${nav}"[^>]*checked`));
    expect(form).toMatch(new RegExp(`name="involvedIds" value="${skatt}"[^>]*checked`));
    // In the grid, under the step's responsible department (#19.1).
    expect((await designer.agent.get(`/admin/aust/journeys/${journeyId}`)).text).toContain('Involvert: NAV, Skatteetaten');
    // Unchecking all of them clears them.
    await designer.agent.post(stepPath(stepIds[0]!)).type('form').send(stepForm({}));
    expect(involvedOf(stepIds[0]!)).toEqual([]);
    await designer.agent.post(stepPath(stepIds[0]!)).type('form').send(stepForm({ involvedIds: String(nav) }));
    expect(involvedOf(stepIds[0]!)).toEqual([nav]);
  });

  it('refuses the responsible department as involved, and a department of another municipality, keeping the form', async () => {
    const vestDepartment = t.services.departments.findOrCreate(t.services.municipalities.bySlug('vest').id, 'Vest', 'municipal');
    for (const [ids, message] of [[[String(byggesak)], nb.validation.involvedIsResponsible], [[String(vestDepartment)], nb.validation.invalid]] as const) {
      const res = await designer.agent.post(stepPath(stepIds[0]!)).type('form').send(stepForm({ involvedIds: [...ids], title: 'Endret tittel' }));
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#field-involvedIds"');
      expect(res.text).toContain(message);
      expect(res.text).toContain('value="Endret tittel"');
    }
    expect(involvedOf(stepIds[0]!)).toEqual([nav]);
  });

  it('keeps a department involved in a step from being deleted', async () => {
    const res = await designer.agent.post(`/admin/aust/departments/${nav}/remove`).type('form').send({ _csrf: designer.csrf });
    expect(res.status).toBe(400);
  });
});

describe('published', () => {
  it('lists the involved departments in the API and carries them in the exchange format', async () => {
    t.services.journeyEditor.publish(null, m, journeyId);
    const api = (await request(t.app).get('/api/v1/municipalities/aust/journeys/arv')).body;
    expect(api.phases[0].steps[0].involvedDepartments).toEqual([{ name: 'NAV', kind: 'state' }]);
    expect(api.phases[0].steps[1].involvedDepartments).toEqual([]);
    const doc = t.services.journeyEditor.exportDocument(null, m, journeyId);
    expect(doc.phases[0]!.steps[0]!.involved).toEqual([{ name: 'NAV', kind: 'state' }]);
    expect(doc.phases[0]!.steps[1]!.involved).toBeUndefined();
    const vest = t.services.municipalities.bySlug('vest').id;
    const copy = t.services.journeyEditor.importDocument(null, vest, doc);
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(vest, copy));
    expect(draft.phases[0]!.steps[0]!.involved!.map((d) => d.name)).toEqual(['NAV']);
  });

  it('counts a step for every department in it in the silo chart and the department filter', async () => {
    t.services.feedback.submit(t.services.feedback.ensureParticipant('arving'), t.services.municipalities.bySlug('aust'), journeyId, stepIds[0]!, { title: 'Skifteattesten tok lang tid', body: 'x', severity: 4, channel: null });
    const analyst = await signIn(t.app, 'analyst@aust.no');
    const html = (await analyst.agent.get('/admin/aust/insights')).text;
    const chart = /<figure class="app-chart" aria-labelledby="chart-departments-heading">([\s\S]*?)<\/figure>/.exec(html)![1]!;
    expect(chart).toContain('Byggesak');
    expect(chart).toContain('NAV');
    expect(chart).not.toContain('Skatteetaten');
    expect((await analyst.agent.get(`/admin/aust/insights?department=${nav}`)).text).toContain('Skifteattesten tok lang tid');
    expect((await analyst.agent.get(`/admin/aust/insights?department=${skatt}`)).text).not.toContain('Skifteattesten tok lang tid');
  });
});

describe('on the public map', () => {
  it('names the departments involved beside the responsible one, on the map and the step page', async () => {
    const map = (await request(t.app).get('/aust/reiser/arv')).text;
    expect(map).toContain('Involvert: NAV');
    const step = (await request(t.app).get(`/aust/reiser/arv/steg/${stepIds[0]}`)).text;
    expect(step).toContain('Involvert: NAV');
    expect((await request(t.app).get(`/aust/reiser/arv/steg/${stepIds[1]}`)).text).not.toContain('Involvert:');
  });
});
