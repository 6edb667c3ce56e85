// Sharing journeys: JSON export and import (round trip, bad input writes nothing) and copying between municipalities.
import nb from '../../locales/nb.json';
import { JourneyDocumentSchema } from '../../src/modules/journeys/journey-document.schema';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const journeyCount = () => t.db.prepare('SELECT count(*) FROM journeys').pluck().get() as number;

async function exportJson(journeyId: number): Promise<Record<string, unknown>> {
  const res = await designer.agent.get(`/admin/aust/journeys/${journeyId}/export.json`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="?aust-[a-z0-9-]+\.reisekart\.json"?/);
  return JSON.parse(res.text) as Record<string, unknown>;
}

async function importJson(text: string) {
  const form = await designer.agent.get('/admin/aust/journeys/import');
  return designer.agent.post('/admin/aust/journeys/import').type('form').send({ _csrf: csrfFrom(form.text), document: text });
}

describe('JSON export and import', () => {
  it('exports a documented, versioned document that imports back into an equal journey', async () => {
    const j = buildJourney(t.services, 'aust', {
      slug: 'rundtur',
      title: 'Jeg skal til og fra',
      phases: { Ut: ['Pakke', 'Reise'], Hjem: ['Lande'] },
      department: { name: 'Reisekontoret', kind: 'private' },
    });
    const exported = await exportJson(j.journeyId);
    expect(JourneyDocumentSchema.safeParse(exported).success).toBe(true);
    expect(exported).toMatchObject({ format: 'reisekart.journey', formatVersion: 1 });

    const res = await importJson(JSON.stringify(exported));
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/aust\/journeys\/\d+$/);
    expect((await designer.agent.get(res.headers.location as string)).text).toContain(nb.flash.imported);
    const importedId = Number(/journeys\/(\d+)/.exec(res.headers.location as string)![1]);
    const again = await exportJson(importedId);
    // Equal except that the slug was taken and got a suffix.
    expect((again.journey as { slug: string }).slug).toBe('rundtur-2');
    expect({ ...again, journey: { ...(again.journey as object), slug: 'rundtur' } }).toEqual(exported);
    expect(t.db.prepare("SELECT status FROM journeys WHERE id = ?").pluck().get(importedId)).toBe('draft');
  });

  it.each([
    ['not JSON', '{"format": "reisekart.journey",', 'Teksten er ikke gyldig JSON'],
    ['another format', JSON.stringify({ format: 'other', formatVersion: 1 }), 'Dette er ikke en reise eksportert fra Reisekart'],
    ['a future version', JSON.stringify({ format: 'reisekart.journey', formatVersion: 2 }), 'Dette er ikke en reise eksportert fra Reisekart'],
    ['an emotion out of range', 'EMOTION', 'Feilen gjelder feltet «phases.0.steps.0.emotion»'],
    ['an empty field', '', 'Fyll ut feltet.'],
    ['an oversized text', 'x'.repeat(600 * 1024), 'Filen er for stor'],
    // #15.7: JSON escapes can carry what a form cannot; SQLite would store a lone surrogate as invalid UTF-8.
    ['a NUL in a step title', 'NUL', 'Feilen gjelder feltet «phases.0.steps.0.title»'],
    ['a lone surrogate in the journey title', 'SURROGATE', 'Feilen gjelder feltet «journey.title»'],
    ['a lone low surrogate in a phase description', 'LOW_SURROGATE', 'Feilen gjelder feltet «phases.0.description»'],
  ])('refuses %s with 400 and a clear message, writing nothing', async (_name, text, message) => {
    let body = text;
    if (['EMOTION', 'NUL', 'SURROGATE', 'LOW_SURROGATE'].includes(text)) {
      const doc = await exportJson(buildJourney(t.services, 'aust', { slug: `mal-${Date.now()}`, phases: { A: ['a'] } }).journeyId);
      const phase = (doc.phases as { description: string; steps: { emotion: number; title: string }[] }[])[0]!;
      if (text === 'EMOTION') phase.steps[0]!.emotion = 7;
      if (text === 'NUL') phase.steps[0]!.title = 'før\u0000etter';
      if (text === 'SURROGATE') (doc.journey as { title: string }).title = 'Tittel \ud800';
      if (text === 'LOW_SURROGATE') phase.description = '\udc00 beskrivelse';
      body = JSON.stringify(doc);
    }
    const before = journeyCount();
    const departments = t.db.prepare('SELECT count(*) FROM departments').pluck().get();
    const res = await importJson(body);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    if (['NUL', 'SURROGATE', 'LOW_SURROGATE'].includes(text)) expect(res.text).toContain('tegn som ikke kan lagres');
    expect(journeyCount()).toBe(before);
    expect(t.db.prepare('SELECT count(*) FROM departments').pluck().get()).toBe(departments);
  });

  it('answers a body beyond the upload cap with a 413 page, writing nothing', async () => {
    const before = journeyCount();
    const res = await importJson('x'.repeat(2.5 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(journeyCount()).toBe(before);
  });

  it('creates the departments an import names when the municipality lacks them, and reuses existing ones', async () => {
    const doc = await exportJson(buildJourney(t.services, 'aust', { slug: 'enheter', phases: { A: ['a'] }, department: { name: 'NAV', kind: 'state' } }).journeyId);
    const vest = t.services.municipalities.bySlug('vest');
    const id = t.services.journeyEditor.importDocument(null, vest.id, JourneyDocumentSchema.parse(doc));
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(vest.id, id));
    expect(draft.phases[0]!.steps[0]!.department).toMatchObject({ name: 'NAV', kind: 'state' });
    t.services.journeyEditor.importDocument(null, vest.id, JourneyDocumentSchema.parse(doc));
    expect(t.db.prepare("SELECT count(*) FROM departments WHERE municipality_id = ? AND name = 'NAV'").pluck().get(vest.id)).toBe(1);
  });
});

describe('copy from another municipality', () => {
  it('lists published journeys of other municipalities and copies one as a draft with its departments', async () => {
    buildJourney(t.services, 'vest', { slug: 'vest-utkast', title: 'Vest sitt utkast', phases: { A: ['a'] } });
    const source = buildJourney(t.services, 'vest', {
      slug: 'vest-publisert',
      title: 'Vest sin publiserte reise',
      phases: { A: ['a1', 'a2'] },
      department: { name: 'Vest helse', kind: 'municipal' },
      publish: true,
    });
    const list = await designer.agent.get('/admin/aust/journeys/copy');
    expect(list.text).toContain('Vest sin publiserte reise');
    expect(list.text).not.toContain('Vest sitt utkast');

    const res = await designer.agent.post(`/admin/aust/journeys/copy/${source.journeyId}`).type('form').send({ _csrf: csrfFrom(list.text) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/aust\/journeys\/\d+$/);
    expect((await designer.agent.get(res.headers.location as string)).text).toContain(nb.flash.copied);
    const copyId = Number(/journeys\/(\d+)/.exec(res.headers.location as string)![1]);
    const aust = t.services.municipalities.bySlug('aust');
    const copy = t.services.journeyEditor.get(aust.id, copyId);
    expect([copy.status, copy.copied_from_journey_id, copy.title]).toEqual(['draft', source.journeyId, 'Vest sin publiserte reise']);
    const draft = t.services.journeyEditor.draftSnapshot(copy);
    expect(draft.phases[0]!.steps.map((s) => s.title)).toEqual(['a1', 'a2']);
    expect(draft.phases[0]!.steps[0]!.department).toMatchObject({ name: 'Vest helse' });
    expect(t.services.departments.list(aust.id).some((d) => d.name === 'Vest helse')).toBe(true);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'journey.copied' AND entity_id = ?").pluck().get(copyId)).toBe(1);
  });

  it('refuses to copy an unpublished journey or one of the own municipality (404)', async () => {
    const draft = buildJourney(t.services, 'vest', { slug: 'hemmelig', phases: { A: ['a'] } });
    const own = buildJourney(t.services, 'aust', { slug: 'egen', phases: { A: ['a'] }, publish: true });
    const before = journeyCount();
    for (const id of [draft.journeyId, own.journeyId, 999999]) {
      expect((await designer.agent.post(`/admin/aust/journeys/copy/${id}`).type('form').send({ _csrf: designer.csrf })).status).toBe(404);
    }
    expect(journeyCount()).toBe(before);
  });
});
