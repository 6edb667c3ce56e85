// The journey editor: authorization, validation, reordering, publishing, versions and diffs.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  for (const role of ['designer', 'moderator', 'analyst', 'admin'] as const) {
    await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  }
  await createUser(t.services, { email: 'designer@vest.no', municipality: 'vest', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const journeyCount = () => t.db.prepare('SELECT count(*) FROM journeys').pluck().get() as number;
const validJourney = { title: 'Jeg skal flytte', slug: 'flytte', lifeEvent: 'flytte', persona: '', scenario: '', trigger: '', outcome: '', summary: '' };
const validStep = { title: 'Melde flytting', residentAction: 'Melder flytting', touchpoint: 'skatteetaten.no', channel: 'digital', departmentId: '', backstage: '', systems: '', emotion: '0', duration: '10 minutter' };

describe('authorization of the journey editor', () => {
  it.each([
    ['designer@aust.no', 200],
    ['admin@aust.no', 200],
    ['moderator@aust.no', 403],
    ['analyst@aust.no', 403],
    ['designer@vest.no', 404],
  ])('%s gets %i on the journey list, the new form and an editor page', async (email, status) => {
    const { journeyId } = buildJourney(t.services, 'aust', { slug: `auth-${email.split('@')[0]}-${status}`, phases: { Fase: ['Steg'] } });
    const { agent } = await signIn(t.app, email);
    for (const path of ['/admin/aust/journeys', '/admin/aust/journeys/new', `/admin/aust/journeys/${journeyId}`, '/admin/aust/departments']) {
      expect([path, (await agent.get(path)).status]).toEqual([path, status]);
    }
  });

  it('refuses a create from a moderator (403) and from another municipality (404), writing nothing', async () => {
    const before = journeyCount();
    for (const [email, status] of [['moderator@aust.no', 403], ['designer@vest.no', 404]] as const) {
      const { agent, csrf } = await signIn(t.app, email);
      const res = await agent.post('/admin/aust/journeys').type('form').send({ _csrf: csrf, ...validJourney, slug: 'inntrenger' });
      expect(res.status).toBe(status);
    }
    expect(journeyCount()).toBe(before);
  });

  it('sends signed-out visitors to login', async () => {
    expect((await request(t.app).get('/admin/aust/journeys')).status).toBe(303);
  });
});

describe('creating and editing a journey', () => {
  it('creates a draft journey, adds two phases and three steps, and records every change in the audit log', async () => {
    const { agent, csrf } = designer;
    const created = await agent.post('/admin/aust/journeys').type('form').send({ _csrf: csrf, ...validJourney });
    expect(created.status).toBe(303);
    const base = created.headers.location as string;
    expect(base).toMatch(/^\/admin\/aust\/journeys\/\d+$/);
    for (const title of ['Før flytting', 'Etter flytting']) {
      // The "add phase" grid (#19.1) with no steps typed: a phase alone.
      expect((await agent.post(`${base}/phases`).type('form').send({ _csrf: csrf, phaseTitle: title, phaseDescription: '' })).status).toBe(303);
    }
    const journeyId = Number(base.split('/').pop());
    const [first, second] = t.db.prepare('SELECT id FROM phases WHERE journey_id = ? ORDER BY position').pluck().all(journeyId) as number[];
    for (const [phaseId, title] of [[first, 'Finne ny bolig'], [first, 'Melde flytting'], [second, 'Bytte fastlege']] as const) {
      const res = await agent.post(`${base}/phases/${phaseId}/steps`).type('form').send({ _csrf: csrf, ...validStep, title });
      expect(res.status).toBe(303);
    }
    const page = await agent.get(base);
    expect(page.text).toContain('Finne ny bolig');
    expect(page.text).toContain('Bytte fastlege');
    const actions = t.db.prepare("SELECT action FROM audit_log WHERE entity_type = 'journey' AND entity_id = ?").pluck().all(journeyId);
    expect(actions).toEqual(['journey.created', 'journey.phase_added', 'journey.phase_added', 'journey.step_added', 'journey.step_added', 'journey.step_added']);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(161) }, 'title'],
    [{ slug: 'Ikke Gyldig' }, 'slug'],
    [{ lifeEvent: 'romfart' }, 'lifeEvent'],
    [{ summary: 'x'.repeat(2001) }, 'summary'],
  ])('refuses journey details %o with 400 on %s, keeping the values and writing nothing', async (change, field) => {
    const before = journeyCount();
    const res = await designer.agent.post('/admin/aust/journeys').type('form').send({ _csrf: designer.csrf, ...validJourney, slug: 'ny-reise', ...change });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(journeyCount()).toBe(before);
  });

  it('refuses a slug already used by another journey of the municipality, but allows it in another municipality', async () => {
    buildJourney(t.services, 'aust', { slug: 'opptatt', phases: {} });
    const res = await designer.agent.post('/admin/aust/journeys').type('form').send({ _csrf: designer.csrf, ...validJourney, slug: 'opptatt' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kortnavnet er allerede i bruk.');
    expect(() => buildJourney(t.services, 'vest', { slug: 'opptatt', phases: {} })).not.toThrow();
  });

  it.each([
    [{ emotion: '3' }, 'emotion'],
    [{ emotion: '-3' }, 'emotion'],
    [{ emotion: 'glad' }, 'emotion'],
    [{ title: '' }, 'title'],
    [{ touchpoint: 'x'.repeat(501) }, 'touchpoint'],
    [{ channel: 'brevdue' }, 'channel'],
  ])('refuses step %o with 400 on %s, writing nothing', async (change, field) => {
    const { journeyId, phaseIds } = buildJourney(t.services, 'aust', { slug: `steg-${field}-${Math.random().toString(36).slice(2, 7)}`, phases: { Fase: [] } });
    const res = await designer.agent
      .post(`/admin/aust/journeys/${journeyId}/phases/${phaseIds[0]}/steps`)
      .type('form')
      .send({ _csrf: designer.csrf, ...validStep, ...change });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(t.db.prepare('SELECT count(*) FROM steps WHERE journey_id = ?').pluck().get(journeyId)).toBe(0);
  });

  it('refuses a department of another municipality with 400', async () => {
    const vest = t.services.municipalities.bySlug('vest');
    const foreignDepartment = t.services.departments.findOrCreate(vest.id, 'Vest byggesak', 'municipal');
    const { journeyId, phaseIds } = buildJourney(t.services, 'aust', { slug: 'fremmed-enhet', phases: { Fase: [] } });
    const res = await designer.agent
      .post(`/admin/aust/journeys/${journeyId}/phases/${phaseIds[0]}/steps`)
      .type('form')
      .send({ _csrf: designer.csrf, ...validStep, departmentId: String(foreignDepartment) });
    expect(res.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM steps WHERE journey_id = ?').pluck().get(journeyId)).toBe(0);
  });

  it('answers 404 for a phase or step of another journey or municipality in the URL, changing nothing', async () => {
    const mine = buildJourney(t.services, 'aust', { slug: 'min-reise', phases: { Fase: ['Steg'] } });
    const other = buildJourney(t.services, 'aust', { slug: 'annen-reise', phases: { Fase: ['Steg'] } });
    const foreign = buildJourney(t.services, 'vest', { slug: 'vest-reise', phases: { Fase: ['Steg'] } });
    const { agent, csrf } = designer;
    const base = `/admin/aust/journeys/${mine.journeyId}`;
    expect((await agent.get(`${base}/phases/${other.phaseIds[0]}/edit`)).status).toBe(404);
    expect((await agent.get(`${base}/steps/${other.stepIds[0]}/edit`)).status).toBe(404);
    expect((await agent.post(`${base}/steps/${other.stepIds[0]}/remove`).type('form').send({ _csrf: csrf })).status).toBe(404);
    expect((await agent.post(`${base}/phases/${other.phaseIds[0]}/steps`).type('form').send({ _csrf: csrf, ...validStep })).status).toBe(404);
    expect((await agent.get(`/admin/aust/journeys/${foreign.journeyId}`)).status).toBe(404);
    expect((await agent.post(`/admin/aust/journeys/${foreign.journeyId}/publish`).type('form').send({ _csrf: csrf })).status).toBe(404);
    expect((await agent.get(`${base}/steps/not-a-number/edit`)).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) FROM steps WHERE removed_at IS NOT NULL AND id IN (?, ?)').pluck().get(other.stepIds[0], foreign.stepIds[0])).toBe(0);
  });

  it('moves a step to another phase from the edit form', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'flytt-fase', phases: { A: ['a1', 'a2'], B: ['b1'] } });
    const res = await designer.agent
      .post(`/admin/aust/journeys/${j.journeyId}/steps/${j.stepIds[0]}/edit`)
      .type('form')
      .send({ _csrf: designer.csrf, ...validStep, title: 'a1', phaseId: String(j.phaseIds[1]) });
    expect(res.status).toBe(303);
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(j.municipalityId, j.journeyId));
    expect(draft.phases.map((p) => p.steps.map((s) => s.title))).toEqual([['a2'], ['b1', 'a1']]);
  });
});

describe('reordering', () => {
  it('moves steps and phases with buttons, and refuses a move beyond the ends with 400 and a message', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'rekkefolge', phases: { A: ['1', '2', '3'], B: ['4'] } });
    const base = `/admin/aust/journeys/${j.journeyId}`;
    const { agent, csrf } = designer;
    const order = () =>
      t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(j.municipalityId, j.journeyId)).phases.map((p) => [p.title, ...p.steps.map((s) => s.title)]);
    expect((await agent.post(`${base}/steps/${j.stepIds[0]}/move`).type('form').send({ _csrf: csrf, direction: 'down' })).status).toBe(303);
    expect(order()).toEqual([['A', '2', '1', '3'], ['B', '4']]);
    expect((await agent.post(`${base}/phases/${j.phaseIds[1]}/move`).type('form').send({ _csrf: csrf, direction: 'up' })).status).toBe(303);
    expect(order()).toEqual([['B', '4'], ['A', '2', '1', '3']]);

    const first = await agent.post(`${base}/steps/${j.stepIds[1]}/move`).type('form').send({ _csrf: csrf, direction: 'up' });
    expect(first.status).toBe(400);
    expect(first.text).toContain('Den står allerede først.');
    const last = await agent.post(`${base}/phases/${j.phaseIds[0]}/move`).type('form').send({ _csrf: csrf, direction: 'down' });
    expect(last.status).toBe(400);
    expect(last.text).toContain('Den står allerede sist.');
    const sideways = await agent.post(`${base}/steps/${j.stepIds[1]}/move`).type('form').send({ _csrf: csrf, direction: 'sideways' });
    expect(sideways.status).toBe(400);
    expect(order()).toEqual([['B', '4'], ['A', '2', '1', '3']]);
  });
});

describe('publishing', () => {
  it('residents see the old version while a draft is edited, the new one after publishing; snapshots never change', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'publisering', title: 'Jeg skal publiseres', phases: { Fase: ['Gammelt steg', 'Blir fjernet'] } });
    const { agent, csrf } = designer;
    const base = `/admin/aust/journeys/${j.journeyId}`;
    expect((await request(t.app).get('/aust/reiser/publisering')).status).toBe(404);

    expect((await agent.post(`${base}/publish`).type('form').send({ _csrf: csrf })).status).toBe(303);
    const v1 = t.db.prepare('SELECT snapshot FROM journey_versions WHERE journey_id = ? AND version = 1').pluck().get(j.journeyId) as string;
    expect((await request(t.app).get('/aust/reiser/publisering')).text).toContain('Gammelt steg');

    await agent.post(`${base}/steps/${j.stepIds[0]}/edit`).type('form').send({ _csrf: csrf, ...validStep, title: 'Nytt steg', phaseId: String(j.phaseIds[0]) });
    await agent.post(`${base}/steps/${j.stepIds[1]}/remove`).type('form').send({ _csrf: csrf });
    const during = await request(t.app).get('/aust/reiser/publisering');
    expect(during.text).toContain('Gammelt steg');
    expect(during.text).not.toContain('Nytt steg');
    // The removed step still has its page in the published version.
    expect((await request(t.app).get(`/aust/reiser/publisering/steg/${j.stepIds[1]}`)).status).toBe(200);
    expect((await agent.get(base)).text).toContain('Upubliserte endringer');

    expect((await agent.post(`${base}/publish`).type('form').send({ _csrf: csrf })).status).toBe(303);
    const after = await request(t.app).get('/aust/reiser/publisering');
    expect(after.text).toContain('Nytt steg');
    expect(after.text).not.toContain('Blir fjernet');
    expect((await request(t.app).get(`/aust/reiser/publisering/steg/${j.stepIds[1]}`)).status).toBe(404);

    expect(t.db.prepare('SELECT snapshot FROM journey_versions WHERE journey_id = ? AND version = 1').pluck().get(j.journeyId)).toBe(v1);
    expect(() => t.db.prepare("UPDATE journey_versions SET snapshot = '{}' WHERE journey_id = ?").run(j.journeyId)).toThrow(/immutable/);
    const versions = await agent.get(`${base}/versions`);
    expect(versions.text).toContain('Versjon 2');
    expect(versions.text).toContain('Versjon 1');
  });

  it('refuses to publish an empty journey, or one without changes, with 400', async () => {
    const empty = buildJourney(t.services, 'aust', { slug: 'tom', phases: { Fase: [] } });
    const res = await designer.agent.post(`/admin/aust/journeys/${empty.journeyId}/publish`).type('form').send({ _csrf: designer.csrf });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Legg til minst én fase med ett steg');
    const same = buildJourney(t.services, 'aust', { slug: 'uendret', phases: { Fase: ['Steg'] }, publish: true });
    const again = await designer.agent.post(`/admin/aust/journeys/${same.journeyId}/publish`).type('form').send({ _csrf: designer.csrf });
    expect(again.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM journey_versions WHERE journey_id = ?').pluck().get(same.journeyId)).toBe(1);
  });

  it('keeps the published URL until a changed slug is published', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'gammel-adresse', phases: { Fase: ['Steg'] }, publish: true });
    const res = await designer.agent.post(`/admin/aust/journeys/${j.journeyId}/edit`).type('form').send({ _csrf: designer.csrf, ...validJourney, slug: 'ny-adresse' });
    expect(res.status).toBe(303);
    expect((await request(t.app).get('/aust/reiser/gammel-adresse')).status).toBe(200);
    expect((await request(t.app).get('/aust/reiser/ny-adresse')).status).toBe(404);
    await designer.agent.post(`/admin/aust/journeys/${j.journeyId}/publish`).type('form').send({ _csrf: designer.csrf });
    expect((await request(t.app).get('/aust/reiser/ny-adresse')).status).toBe(200);
    expect((await request(t.app).get('/aust/reiser/gammel-adresse')).status).toBe(404);
  });

  it('archive hides a journey from residents; restore brings it back', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'arkiv', title: 'Arkivreisen', phases: { Fase: ['Steg'] }, publish: true });
    const base = `/admin/aust/journeys/${j.journeyId}`;
    expect((await designer.agent.post(`${base}/archive`).type('form').send({ _csrf: designer.csrf })).status).toBe(303);
    expect((await request(t.app).get('/aust/reiser/arkiv')).status).toBe(404);
    expect((await request(t.app).get('/aust')).text).not.toContain('Arkivreisen');
    expect((await designer.agent.post(`${base}/restore`).type('form').send({ _csrf: designer.csrf })).status).toBe(303);
    expect((await request(t.app).get('/aust/reiser/arkiv')).status).toBe(200);
  });
});

describe('versions and diff', () => {
  it('shows phases and steps added, removed and changed between two versions', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'diff', phases: { Start: ['Beholdes', 'Endres', 'Fjernes'] }, publish: true });
    const editor = t.services.journeyEditor;
    editor.updateStep(null, j.municipalityId, j.journeyId, j.stepIds[1]!, { ...stepValues('Endret tittel'), phaseId: j.phaseIds[0]! });
    editor.removeStep(null, j.municipalityId, j.journeyId, j.stepIds[2]!);
    const phase = editor.addPhase(null, j.municipalityId, j.journeyId, { title: 'Ny fase', description: '' });
    editor.addStep(null, j.municipalityId, j.journeyId, phase, stepValues('Nytt steg'));
    editor.publish(null, j.municipalityId, j.journeyId);
    const res = await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/diff?from=1&to=2`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/Ny<\/span> Ny fase/);
    expect(res.text).toMatch(/Ny<\/span> Nytt steg/);
    expect(res.text).toMatch(/Fjernet<\/span> Fjernes/);
    expect(res.text).toMatch(/Endret<\/span> Endret tittel: navn/);
    expect(res.text).not.toContain('Beholdes');
    expect((await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/diff?from=1&to=draft`)).status).toBe(200);
    expect((await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/diff?from=1&to=2&lang=en`)).status).toBe(200);
    expect((await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/diff?from=1&to=9`)).status).toBe(404);
    expect((await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/diff?from=x&to=2`)).status).toBe(400);
  });
});

function stepValues(title: string) {
  return { title, residentAction: '', touchpoint: '', channel: 'digital' as const, departmentId: null, backstage: '', systems: '', emotion: 0, duration: '' };
}

describe('merging steps', () => {
  it('merges a step into another through the form, and refuses a target outside the journey with 400', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'slaa-sammen', phases: { A: ['Første', 'Andre'] } });
    const other = buildJourney(t.services, 'aust', { slug: 'annen-for-merge', phases: { A: ['Fremmed'] } });
    const base = `/admin/aust/journeys/${j.journeyId}/steps/${j.stepIds[0]}/merge`;
    await designer.agent.get('/?lang=nb'); // an earlier test left this agent in English
    const bad = await designer.agent.post(base).type('form').send({ _csrf: designer.csrf, targetStepId: String(other.stepIds[0]) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Velg et annet steg i samme reise.');
    expect((await designer.agent.post(base).type('form').send({ _csrf: designer.csrf, targetStepId: 'x' })).status).toBe(400);
    const ok = await designer.agent.post(base).type('form').send({ _csrf: designer.csrf, targetStepId: String(j.stepIds[1]) });
    expect(ok.status).toBe(303);
    expect(t.db.prepare('SELECT merged_into_step_id FROM steps WHERE id = ?').pluck().get(j.stepIds[0])).toBe(j.stepIds[1]);
    expect((await designer.agent.get(`/admin/aust/journeys/${j.journeyId}/steps/${j.stepIds[1]}/edit`)).text).toContain('Slå sammen med et annet steg');
  });
});

describe('notices after a change', () => {
  it('announces each change once, on the next page the designer opens, and never in the address', async () => {
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    const j = buildJourney(t.services, 'aust', { slug: 'meldinger', phases: { A: ['a1', 'a2'], B: ['b1'] } });
    const base = `/admin/aust/journeys/${j.journeyId}`;
    const [a1, a2, b1] = j.stepIds as [number, number, number];
    const [phaseA, phaseB] = j.phaseIds as [number, number];
    const changes: [string, Record<string, string>, string][] = [
      [`${base}/edit`, { ...validJourney, slug: 'meldinger' }, nb.flash.saved],
      [`${base}/phases`, { phaseTitle: 'C', phaseDescription: '' }, nb.flash.phaseAdded],
      [`${base}/phases/${phaseA}/steps`, validStep, nb.flash.stepAdded],
      [`${base}/phases/${phaseB}/edit`, { title: 'B2', description: '' }, nb.flash.saved],
      [`${base}/phases/${phaseB}/move`, { direction: 'up' }, nb.flash.moved],
      [`${base}/steps/${a1}/edit`, { ...validStep, title: 'a1', phaseId: String(phaseA) }, nb.flash.saved],
      [`${base}/steps/${a1}/move`, { direction: 'down' }, nb.flash.moved],
      [`${base}/steps/${a1}/merge`, { targetStepId: String(a2) }, nb.flash.stepsMerged],
      [`${base}/steps/${b1}/remove`, {}, nb.flash.removed],
      [`${base}/phases/${phaseB}/remove`, {}, nb.flash.removed],
      [`${base}/publish`, {}, nb.flash.published],
      [`${base}/archive`, {}, nb.flash.archived],
      [`${base}/restore`, {}, nb.flash.restored],
    ];
    for (const [url, body, notice] of changes) {
      const res = await agent.post(url).type('form').send({ _csrf: csrf, ...body });
      // Back to the editor, at the phase or step the change was about (#19.1), and never a notice in the address.
      expect([url, res.status, String(res.headers.location).split('#')[0]]).toEqual([url, 303, base]);
      expect(res.headers.location).not.toContain('?');
      expect([url, (await agent.get(base)).text.includes(notice)]).toEqual([url, true]);
      expect([url, (await agent.get(base)).text.includes(notice)]).toEqual([url, false]);
    }
    // A refused change announces nothing.
    expect((await agent.post(`${base}/publish`).type('form').send({ _csrf: csrf })).status).toBe(400);
    // (The grid's script keeps an empty live region of its own on the page, #19.1: no notice is the flash's alert.)
    expect((await agent.get(base)).text).not.toContain('class="ds-alert" data-color="success" role="status"');
  });

  it('shows a refused new phase on the editor page with its own field ids, keeping what was typed', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'ny-fase-feil', phases: { A: ['a'] } });
    const res = await designer.agent.post(`/admin/aust/journeys/${j.journeyId}/phases`).type('form').send({ _csrf: designer.csrf, phaseTitle: '', phaseDescription: 'Beholdt tekst' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#field-new-title"');
    expect(res.text).toMatch(/id="field-new-description"[^>]*>Beholdt tekst<\/textarea>/);
    expect(t.db.prepare('SELECT count(*) FROM phases WHERE journey_id = ?').pluck().get(j.journeyId)).toBe(1);
  });
});
