// #19.1 and #19.6: the editor's phase grid (a phase with all its steps in one form, new steps in empty columns, a new
// phase with its first steps), the step actions beside it (add after, duplicate, move to another phase), and safe
// deletes (a confirmation page naming what goes, and restoring from the draft's history).
import nb from '../../locales/nb.json';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
let journeyId: number;
let byggesak: number;

beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust');
  const vest = createMunicipality(t.services, 'vest');
  byggesak = t.services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  t.services.departments.findOrCreate(vest, 'Vest', 'municipal');
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
  const created = await designer.agent.post('/admin/aust/journeys').type('form')
    .send({ _csrf: designer.csrf, title: 'Jeg skal bygge garasje', slug: 'garasje', lifeEvent: 'bygge-og-bo', persona: '', scenario: '', trigger: '', outcome: '', summary: '' });
  journeyId = Number(/journeys\/(\d+)/.exec(created.headers.location as string)![1]);
});
afterAll(() => t.close());

const base = () => `/admin/aust/journeys/${journeyId}`;
const post = (path: string, body: Record<string, string | string[]> = {}) => designer.agent.post(path).type('form').send({ _csrf: designer.csrf, ...body });
type Column = { stepId?: string; title: string; residentAction?: string; touchpoint?: string; channel?: string; departmentId?: string; backstage?: string; systems?: string; emotion?: string; duration?: string };
/** A grid's body: each lane a list with one value per column, as the form sends it. */
function grid(phaseTitle: string, columns: Column[], extra: Record<string, string> = {}) {
  const lanes = ['stepId', 'title', 'residentAction', 'touchpoint', 'channel', 'departmentId', 'backstage', 'systems', 'emotion', 'duration'] as const;
  const defaults: Record<string, string> = { stepId: '', residentAction: '', touchpoint: '', channel: 'digital', departmentId: '', backstage: '', systems: '', emotion: '0', duration: '' };
  const body: Record<string, string | string[]> = { phaseTitle, phaseDescription: '', ...extra };
  for (const lane of lanes) body[lane] = columns.map((c) => (c as Record<string, string | undefined>)[lane] ?? defaults[lane] ?? '');
  return body;
}
const stepsOf = (phaseId: number) => t.db.prepare('SELECT id, title, resident_action, department_id, emotion FROM steps WHERE phase_id = ? AND removed_at IS NULL ORDER BY position').all(phaseId) as { id: number; title: string; resident_action: string; department_id: number | null; emotion: number }[];
const phaseIds = () => t.db.prepare('SELECT id FROM phases WHERE journey_id = ? AND removed_at IS NULL ORDER BY position').pluck().all(journeyId) as number[];

describe('the phase grid', () => {
  it('adds a phase with its first steps in one form, skipping empty columns, and lands at the phase', async () => {
    const res = await post(`${base()}/phases`, grid('Finne ut hva som gjelder', [
      { title: 'Lese veiledningen', residentAction: 'Leser på dibk.no', emotion: '-1' },
      { title: '' },
      { title: 'Ringe kommunen', channel: 'phone', departmentId: String(byggesak) },
    ]));
    const [phaseId] = phaseIds();
    expect([res.status, res.headers.location]).toEqual([303, `${base()}#phase-${phaseId}`]);
    expect(stepsOf(phaseId!).map((s) => [s.title, s.resident_action, s.department_id, s.emotion])).toEqual([
      ['Lese veiledningen', 'Leser på dibk.no', null, -1],
      ['Ringe kommunen', '', byggesak, 0],
    ]);
    const editor = (await designer.agent.get(base())).text;
    expect(editor).toContain(`id="field-p${phaseId}-title-0"`);
    expect(editor).toContain('value="Lese veiledningen"');
    // Three empty columns for new steps after the two.
    expect(editor).toContain(`id="field-p${phaseId}-title-4"`);
    expect(editor).not.toContain(`id="field-p${phaseId}-title-5"`);
  });

  it('saves a whole phase at once: its fields, every step, and new steps at the end', async () => {
    const [phaseId] = phaseIds();
    const [a, b] = stepsOf(phaseId!);
    const res = await post(`${base()}/phases/${phaseId}/grid`, grid('Finne ut hva som gjelder nå', [
      { stepId: String(a!.id), title: 'Lese veiledningen på nett', residentAction: 'Leser', emotion: '-2' },
      { stepId: String(b!.id), title: 'Ringe servicetorget', channel: 'phone' },
      { title: 'Bestille forhåndskonferanse', departmentId: String(byggesak) },
      { title: '' },
    ]));
    expect([res.status, res.headers.location]).toEqual([303, `${base()}#phase-${phaseId}`]);
    expect(t.db.prepare('SELECT title FROM phases WHERE id = ?').pluck().get(phaseId)).toBe('Finne ut hva som gjelder nå');
    expect(stepsOf(phaseId!).map((s) => [s.title, s.emotion, s.department_id])).toEqual([
      ['Lese veiledningen på nett', -2, null],
      ['Ringe servicetorget', 0, null],
      ['Bestille forhåndskonferanse', 0, byggesak],
    ]);
  });

  it('refuses a bad cell with 400, linking to that cell and keeping everything typed, and writes nothing', async () => {
    const [phaseId] = phaseIds();
    const before = stepsOf(phaseId!);
    const res = await post(`${base()}/phases/${phaseId}/grid`, grid('Finne ut', [
      { stepId: String(before[0]!.id), title: 'Endret, men ikke lagret' },
      { stepId: String(before[1]!.id), title: '' },
      { stepId: String(before[2]!.id), title: 'Tredje', emotion: '7' },
      { title: 'Ny kolonne som venter' },
    ]));
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-p${phaseId}-title-1"`);
    expect(res.text).toContain(`href="#field-p${phaseId}-emotion-2"`);
    expect(res.text).toContain('Tittel, kolonne 2');
    expect(res.text).toContain('value="Endret, men ikke lagret"');
    expect(res.text).toContain('value="Ny kolonne som venter"');
    expect(stepsOf(phaseId!)).toEqual(before);
  });

  it.each([
    ['an unknown field', (g: Record<string, string | string[]>) => ({ ...g, sneaky: '1' })],
    ['lanes of different lengths', (g: Record<string, string | string[]>) => ({ ...g, title: [...(g.title as string[]), 'ekstra'] })],
    ['a department of another municipality', (g: Record<string, string | string[]>) => ({ ...g, departmentId: [String(t.db.prepare("SELECT id FROM departments WHERE name = 'Vest'").pluck().get()), '', ''] })],
    ['a step of another phase (a stale page)', (g: Record<string, string | string[]>) => ({ ...g, stepId: ['999999', ...(g.stepId as string[]).slice(1)] })],
  ])('refuses %s with 400, writing nothing', async (_what, change) => {
    const [phaseId] = phaseIds();
    const before = stepsOf(phaseId!);
    const body = change(grid('Finne ut', before.map((s) => ({ stepId: String(s.id), title: s.title }))));
    expect((await post(`${base()}/phases/${phaseId}/grid`, body)).status).toBe(400);
    expect(stepsOf(phaseId!)).toEqual(before);
  });
});

describe('step actions beside the grid', () => {
  it('adds a blank step right after another, duplicates one after itself, and moves one to the end of another phase', async () => {
    const [first] = phaseIds();
    await post(`${base()}/phases`, grid('Søke', [{ title: 'Sende søknad' }]));
    const second = phaseIds()[1]!;
    const [a, b] = stepsOf(first!);
    const after = await post(`${base()}/steps/${a!.id}/add-after`);
    expect(after.status).toBe(303);
    const added = stepsOf(first!)[1]!;
    expect(added.title).toBe(nb.journeys.grid.newStepTitle);
    expect(after.headers.location).toBe(`${base()}#steg-${added.id}`);
    const duplicated = await post(`${base()}/steps/${b!.id}/duplicate`);
    expect(duplicated.status).toBe(303);
    expect(stepsOf(first!).map((s) => s.title)).toEqual(['Lese veiledningen på nett', nb.journeys.grid.newStepTitle, 'Ringe servicetorget', 'Ringe servicetorget', 'Bestille forhåndskonferanse']);
    expect((await post(`${base()}/steps/${a!.id}/phase`, { phaseId: String(second) })).status).toBe(303);
    expect(stepsOf(second).map((s) => s.title)).toEqual(['Sende søknad', 'Lese veiledningen på nett']);
    expect((await post(`${base()}/steps/${a!.id}/phase`, { phaseId: '999999' })).status).toBe(400);
  });
});

describe('safe deletes (#19.6)', () => {
  it('asks on its own page before removing a step with content, naming it, and brings it back from the history', async () => {
    const second = phaseIds()[1]!;
    const step = stepsOf(second).find((s) => s.title === 'Lese veiledningen på nett')!;
    const confirm = await designer.agent.get(`${base()}/steps/${step.id}/remove`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Fjerne steget «Lese veiledningen på nett»?');
    expect(confirm.text).toContain('Leser');
    expect(stepsOf(second).some((s) => s.id === step.id)).toBe(true);
    expect((await post(`${base()}/steps/${step.id}/remove`)).status).toBe(303);
    expect(stepsOf(second).some((s) => s.id === step.id)).toBe(false);
    const history = (await designer.agent.get(`${base()}/versions`)).text;
    expect(history).toContain('Steget «Lese veiledningen på nett»');
    const restored = await post(`${base()}/steps/${step.id}/restore`);
    expect([restored.status, restored.headers.location]).toEqual([303, `${base()}#steg-${step.id}`]);
    expect(stepsOf(second).map((s) => s.id)).toContain(step.id);
    expect((await post(`${base()}/steps/${step.id}/restore`)).status).toBe(404);
  });

  it('names the steps that go with a phase, and restores the phase with exactly those steps', async () => {
    const [first] = phaseIds();
    const steps = stepsOf(first!);
    const confirm = (await designer.agent.get(`${base()}/phases/${first}/remove`)).text;
    expect(confirm).toContain(`${steps.length} steg fjernes også`);
    for (const s of steps) expect(confirm).toContain(s.title);
    expect((await post(`${base()}/phases/${first}/remove`)).status).toBe(303);
    expect(phaseIds()).not.toContain(first);
    expect((await designer.agent.get(`${base()}/versions`)).text).toContain(`Fasen «Finne ut hva som gjelder nå» med ${steps.length} steg`);
    expect((await post(`${base()}/phases/${first}/restore`)).status).toBe(303);
    expect(phaseIds()).toContain(first);
    expect(stepsOf(first!).map((s) => s.id)).toEqual(steps.map((s) => s.id));
  });

  it('says a step with residents’ feedback can only be merged, and offers no remove button', async () => {
    const second = phaseIds()[0]!;
    const step = stepsOf(second)[0]!;
    t.services.journeyEditor.publish(null, t.services.municipalities.bySlug('aust').id, journeyId);
    t.services.feedback.submit(t.services.feedback.ensureParticipant('grid'), t.services.municipalities.bySlug('aust'), journeyId, step.id, { title: 'Vondt', body: 'x', severity: 3, channel: null });
    const confirm = (await designer.agent.get(`${base()}/steps/${step.id}/remove`)).text;
    expect(confirm).toContain(nb.journeys.remove.stepHasFeedback);
    expect(confirm).not.toContain(nb.journeys.remove.confirmStep);
    expect((await post(`${base()}/steps/${step.id}/remove`)).status).toBe(400);
  });

  it('offers a step merged into another back from the history; its feedback stays with the step it was merged into', async () => {
    const phase = phaseIds()[0]!;
    const [merged, target] = stepsOf(phase);
    const feedbackOn = (stepId: number) => t.db.prepare('SELECT count(*) FROM pain_points WHERE step_id = ?').pluck().get(stepId) as number;
    const before = feedbackOn(merged!.id) + feedbackOn(target!.id);
    expect(feedbackOn(merged!.id)).toBeGreaterThan(0);
    expect((await post(`${base()}/steps/${merged!.id}/merge`, { targetStepId: String(target!.id) })).status).toBe(303);
    expect(feedbackOn(target!.id)).toBe(before);
    const history = (await designer.agent.get(`${base()}/versions`)).text;
    expect(history).toContain(`Steget «${merged!.title}»`);
    expect(history).toContain(nb.journeys.remove.mergedInto.replace('{{title}}', target!.title));
    expect((await post(`${base()}/steps/${merged!.id}/restore`)).status).toBe(303);
    expect(stepsOf(phase).map((s) => s.id)).toContain(merged!.id);
    expect(t.db.prepare('SELECT merged_into_step_id FROM steps WHERE id = ?').pluck().get(merged!.id)).toBeNull();
    expect([feedbackOn(merged!.id), feedbackOn(target!.id)]).toEqual([0, before]);
    expect((await designer.agent.get(`${base()}/versions`)).text).not.toContain(nb.journeys.remove.mergedInto.replace('{{title}}', target!.title));
  });
});

describe('for the grid’s script (#19.1)', () => {
  it('answers JSON when asked: the saved columns’ step ids, or each refused cell’s message', async () => {
    const [phaseId] = phaseIds();
    const steps = stepsOf(phaseId!);
    const body = grid('Finne ut hva som gjelder nå', [...steps.map((s) => ({ stepId: String(s.id), title: s.title })), { title: 'Fra skriptet' }]);
    const saved = await designer.agent.post(`/admin/aust/journeys/${journeyId}/phases/${phaseId}/grid`).set('Accept', 'application/json').type('form').send({ _csrf: designer.csrf, ...body });
    expect(saved.status).toBe(200);
    const added = stepsOf(phaseId!).at(-1)!;
    expect(saved.body).toEqual({ ok: true, to: `${base()}#phase-${phaseId}`, stepIds: [...steps.map((s) => s.id), added.id] });
    const refused = await designer.agent.post(`/admin/aust/journeys/${journeyId}/phases/${phaseId}/grid`).set('Accept', 'application/json').type('form')
      .send({ _csrf: designer.csrf, ...grid('Finne ut', [{ stepId: String(added.id), title: '' }]) });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ ok: false, errors: { [`p${phaseId}-title-0`]: nb.validation.required } });
    const duplicated = await designer.agent.post(`${base()}/steps/${added.id}/duplicate`).set('Accept', 'application/json').type('form').send({ _csrf: designer.csrf });
    expect(duplicated.body).toMatchObject({ ok: true, id: expect.any(Number) });
  });

  it('places a step at an index of any phase, numbering both phases anew', async () => {
    const [first, second] = phaseIds();
    const moving = stepsOf(first!)[0]!;
    const res = await post(`${base()}/steps/${moving.id}/place`, { phaseId: String(second), index: '1' });
    expect(res.status).toBe(303);
    expect(stepsOf(second!).map((s) => s.id)[1]).toBe(moving.id);
    expect(stepsOf(first!).map((s) => s.id)).not.toContain(moving.id);
    const positions = (phase: number) => t.db.prepare('SELECT position FROM steps WHERE phase_id = ? AND removed_at IS NULL ORDER BY position').pluck().all(phase);
    expect(positions(second!)).toEqual(stepsOf(second!).map((_s, i) => i + 1));
    expect(positions(first!)).toEqual(stepsOf(first!).map((_s, i) => i + 1));
    await post(`${base()}/steps/${moving.id}/place`, { phaseId: String(first), index: '0' });
    expect(stepsOf(first!)[0]!.id).toBe(moving.id);
    expect((await post(`${base()}/steps/${moving.id}/place`, { phaseId: String(first), index: 'x' })).status).toBe(400);
  });
});
