// #19.2 Handovers are stated: the editor suggests one where the responsible department changes but never adds it; a
// designer states, changes and removes them (from, to, what, a note); the public map, the API and insights show only
// stated ones; they travel in the exchange format; the departments they name cannot be deleted.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
let m: number;
let journeyId: number;
let stepIds: number[];
let byggesak: number;
let plan: number;

beforeAll(async () => {
  t = makeTestApp();
  m = createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'garasje', phases: { Finne: ['Lese planen', 'Ringe servicetorget'], Søke: ['Sende søknad', 'Få vedtak'] } });
  journeyId = j.journeyId;
  stepIds = j.stepIds;
  plan = t.services.departments.findOrCreate(m, 'Plan og geodata', 'municipal');
  const service = t.services.departments.findOrCreate(m, 'Servicetorget', 'municipal');
  byggesak = t.services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  const setDepartment = (stepId: number, departmentId: number) => t.db.prepare('UPDATE steps SET department_id = ? WHERE id = ?').run(departmentId, stepId);
  [plan, service, byggesak, byggesak].forEach((d, i) => setDepartment(stepIds[i]!, d));
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  await createUser(t.services, { email: 'designer@vest.no', municipality: 'vest', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const editorPath = () => `/admin/aust/journeys/${journeyId}`;
const handoverPath = (stepId: number) => `${editorPath()}/steps/${stepId}/handover`;
const post = (path: string, body: Record<string, string> = {}) => designer.agent.post(path).type('form').send({ _csrf: designer.csrf, ...body });
const stated = () => t.db.prepare('SELECT step_id, from_department_id, to_department_id, what, note FROM step_handovers ORDER BY step_id').all();

describe('suggested, never added by itself', () => {
  it('suggests a handover where the responsible department changes, and publishes a map with none', async () => {
    const editor = (await designer.agent.get(editorPath())).text;
    expect(editor).toContain('Forslag: overlevering fra Plan og geodata til Servicetorget?');
    expect(editor).toContain('Forslag: overlevering fra Servicetorget til Byggesak?');
    expect(stated()).toEqual([]);
    expect((await post(`${editorPath()}/publish`)).status).toBe(303);
    const map = (await request(t.app).get('/aust/reiser/garasje')).text;
    expect(map).not.toContain('Overlevering');
    const api = (await request(t.app).get('/api/v1/municipalities/aust/journeys/garasje')).body;
    expect(api.journey.handovers).toBe(0);
    expect(api.phases.flatMap((p: { steps: { handover: boolean }[] }) => p.steps.map((s) => s.handover))).toEqual([false, false, false, false]);
  });

  it('offers the suggestion in the form, and keeps a journey without handovers equal to its earlier versions', async () => {
    const form = (await designer.agent.get(handoverPath(stepIds[2]!))).text;
    expect(form).toMatch(new RegExp(`name="fromDepartmentId"[\\s\\S]*?<option value="${t.db.prepare("SELECT id FROM departments WHERE name = 'Servicetorget'").pluck().get()}" selected`));
    expect(form).toMatch(new RegExp(`name="toDepartmentId"[\\s\\S]*?<option value="${byggesak}" selected`));
    // Published just now, nothing changed since: the snapshot without handovers is the same JSON.
    expect((await designer.agent.get(editorPath())).text).not.toContain(nb.journeys.editor.unpublishedChanges);
  });
});

describe('stated by the designer', () => {
  it('states a handover with what and a note, back at the step; the map, the API and the diff show it after publishing', async () => {
    const res = await post(handoverPath(stepIds[3]!), { fromDepartmentId: String(plan), toDepartmentId: String(byggesak), what: 'documents', note: 'Situasjonskartet' });
    expect([res.status, res.headers.location]).toEqual([303, `${editorPath()}#steg-${stepIds[3]}`]);
    expect(stated()).toEqual([{ step_id: stepIds[3], from_department_id: plan, to_department_id: byggesak, what: 'documents', note: 'Situasjonskartet' }]);
    const editor = (await designer.agent.get(editorPath())).text;
    expect(editor).toContain('Overlevering: Plan og geodata → Byggesak (dokumenter): Situasjonskartet');
    expect(editor).toContain(nb.journeys.editor.unpublishedChanges);
    const diff = (await designer.agent.get(`${editorPath()}/diff?from=1&to=draft`)).text;
    expect(diff).toContain('Få vedtak: overlevering');
    await post(`${editorPath()}/publish`);
    const map = (await request(t.app).get('/aust/reiser/garasje')).text;
    expect(map).toContain('Overlevering: Plan og geodata → Byggesak (dokumenter): Situasjonskartet');
    expect(map).not.toContain('Servicetorget →');
    const api = (await request(t.app).get('/api/v1/municipalities/aust/journeys/garasje')).body;
    expect(api.journey.handovers).toBe(1);
    expect(api.phases[1].steps[1]).toMatchObject({
      handover: true,
      handoverFrom: { name: 'Plan og geodata', kind: 'municipal' },
      handoverTo: { name: 'Byggesak', kind: 'municipal' },
      handoverWhat: 'documents',
      handoverNote: 'Situasjonskartet',
    });
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'journey.handover_stated'").pluck().get()).toBe(1);
  });

  it.each([
    [{ fromDepartmentId: '', toDepartmentId: 'x', what: 'case' }, 'fromDepartmentId'],
    [{ fromDepartmentId: 'BYGG', toDepartmentId: 'BYGG', what: 'case' }, 'toDepartmentId'],
    [{ fromDepartmentId: 'PLAN', toDepartmentId: 'BYGG', what: 'everything' }, 'what'],
    [{ fromDepartmentId: 'PLAN', toDepartmentId: 'VEST', what: 'case' }, 'toDepartmentId'],
  ])('refuses %o with 400 on %s, changing nothing and keeping what was chosen', async (fields, field) => {
    const vestDepartment = t.services.departments.findOrCreate(t.services.municipalities.bySlug('vest').id, 'Vest', 'municipal');
    const ids: Record<string, string> = { BYGG: String(byggesak), PLAN: String(plan), VEST: String(vestDepartment) };
    const body = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, ids[v] ?? v]));
    const before = stated();
    const res = await post(handoverPath(stepIds[1]!), body);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(stated()).toEqual(before);
  });

  it('removes a handover, and refuses to delete a department a handover names', async () => {
    const unused = t.services.departments.findOrCreate(m, 'Kun overlevering', 'state');
    await post(handoverPath(stepIds[1]!), { fromDepartmentId: String(unused), toDepartmentId: String(plan), what: 'information', note: '' });
    const refused = await post(`/admin/aust/departments/${unused}/remove`);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(nb.validation.departmentInUse);
    expect((await post(`${handoverPath(stepIds[1]!)}/remove`)).status).toBe(303);
    expect(stated().map((h) => (h as { step_id: number }).step_id)).toEqual([stepIds[3]]);
    expect((await post(`/admin/aust/departments/${unused}/remove`)).status).toBe(303);
  });

  it('belongs to the designers of the journey’s municipality', async () => {
    const vest = await signIn(t.app, 'designer@vest.no');
    expect((await vest.agent.get(`/admin/vest/journeys/${journeyId}/steps/${stepIds[1]}/handover`)).status).toBe(404);
    const res = await vest.agent.post(`/admin/aust/journeys/${journeyId}/steps/${stepIds[1]}/handover`).type('form').send({ _csrf: vest.csrf, fromDepartmentId: String(plan), toDepartmentId: String(byggesak), what: 'case' });
    expect(res.status).toBe(404);
  });
});

describe('in the exchange format', () => {
  it('exports stated handovers and imports them into another municipality, departments matched by name', async () => {
    const exported = await designer.agent.get(`${editorPath()}/export.json`);
    const doc = JSON.parse(exported.text);
    const step = doc.phases[1].steps[1];
    expect(step.handover).toEqual({ from: { name: 'Plan og geodata', kind: 'municipal' }, to: { name: 'Byggesak', kind: 'municipal' }, what: 'documents', note: 'Situasjonskartet' });
    expect(doc.phases[0].steps[0].handover).toBeUndefined();
    const vest = t.services.municipalities.bySlug('vest');
    const copy = t.services.journeyEditor.importDocument(null, vest.id, doc);
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(vest.id, copy));
    const handover = draft.phases[1]!.steps[1]!.handover!;
    expect([handover.from?.name, handover.to?.name, handover.what, handover.note]).toEqual(['Plan og geodata', 'Byggesak', 'documents', 'Situasjonskartet']);
    expect(t.services.departments.findInMunicipality(vest.id, handover.to!.id)?.name).toBe('Byggesak');
  });
});
