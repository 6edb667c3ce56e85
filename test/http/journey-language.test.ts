// A journey's content language and its translations (#19.9): set on the details form (defaulting to the municipality's
// language), carried by snapshots, exports, imports, copies, templates and the API; journey text marked with `lang`
// where it is not in the page's language; translations saved on the editor's page, published with the journey and
// shown in the interface language they are in, and only in that language's copy of a kept page.
import request from 'supertest';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { asJourneyDocument } from '../../src/modules/journeys/journey-editor.service';
import type { JourneySnapshot } from '../../src/modules/journeys/journey-snapshot';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
let nynorskDesigner: { agent: Agent; csrf: string };
let aust: number;

/** A published bokmål journey with every text filled, so each lane has something to mark. */
const TEXTS = {
  title: 'Jeg skal bygge garasje',
  summary: 'Fra idé til ferdig garasje',
  persona: 'Kari, 46 år',
  scenario: 'Kari vil bygge en garasje',
  trigger: 'Familien har fått bil nummer to',
  outcome: 'Garasjen står ferdig',
  phase: 'Finne ut hva som gjelder',
  phaseDescription: 'Kari leser seg opp',
  steps: ['Lese reglene', 'Sende søknaden'],
  residentAction: 'Jeg leser på nettsiden',
  touchpoint: 'Kommunens nettside',
  backstage: 'Saksbehandler svarer',
  systems: 'Sak og arkiv',
  duration: 'To kvelder',
};

function richJourney(slug: string, municipality = 'aust', publish = true) {
  const m = t.services.municipalities.bySlug(municipality);
  const editor = t.services.journeyEditor;
  const journeyId = editor.create(null, m.id, {
    slug, title: TEXTS.title, lifeEvent: 'bygge-og-bo', persona: TEXTS.persona, scenario: TEXTS.scenario, trigger: TEXTS.trigger, outcome: TEXTS.outcome, summary: TEXTS.summary,
  });
  const phaseId = editor.addPhase(null, m.id, journeyId, { title: TEXTS.phase, description: TEXTS.phaseDescription });
  const stepIds = TEXTS.steps.map((title) =>
    editor.addStep(null, m.id, journeyId, phaseId, {
      title, residentAction: TEXTS.residentAction, touchpoint: TEXTS.touchpoint, channel: 'digital', departmentId: null,
      backstage: TEXTS.backstage, systems: TEXTS.systems, emotion: 0, duration: TEXTS.duration,
    }),
  );
  if (publish) editor.publish(null, m.id, journeyId);
  return { journeyId, phaseId, stepIds, municipalityId: m.id };
}

beforeAll(async () => {
  t = makeTestApp();
  aust = createMunicipality(t.services, 'aust', 'Aust kommune');
  createMunicipality(t.services, 'nyn', 'Nynorsk kommune');
  const nyn = t.services.municipalities.bySlug('nyn');
  t.services.municipalities.updateSettings(null, nyn, {
    name: nyn.name, defaultLocale: 'nn', premoderation: true, halfLifeDays: nyn.half_life_days, severityPriorWeight: nyn.severity_prior_weight,
    wipLimit: nyn.wip_limit, flagHideThreshold: nyn.flag_hide_threshold, reportLimitPerHour: 5, voteLimitPerHour: 60, flagLimitPerHour: 10,
  });
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  await createUser(t.services, { email: 'designer@nyn.no', municipality: 'nyn', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
  nynorskDesigner = await signIn(t.app, 'designer@nyn.no');
});
afterAll(() => t.close());

const contentLanguage = (journeyId: number) => t.db.prepare('SELECT content_language FROM journeys WHERE id = ?').pluck().get(journeyId) as string;
const translationCount = () => t.db.prepare('SELECT count(*) FROM journey_translations').pluck().get() as number;
const editorPath = (journeyId: number, rest = '') => `/admin/aust/journeys/${journeyId}${rest}`;
const translationsPath = (journeyId: number, language?: string) => editorPath(journeyId, '/translations') + (language ? `?language=${language}` : '');
const detailsOf = (slug: string) => ({
  title: TEXTS.title, slug, lifeEvent: 'bygge-og-bo' as const, persona: TEXTS.persona, scenario: TEXTS.scenario, trigger: TEXTS.trigger, outcome: TEXTS.outcome, summary: TEXTS.summary,
});
const publishedSnapshot = (journeyId: number) =>
  JSON.parse(t.db.prepare('SELECT v.snapshot FROM journeys j JOIN journey_versions v ON v.id = j.current_version_id WHERE j.id = ?').pluck().get(journeyId) as string) as JourneySnapshot;

function saveTranslations(journeyId: number, language: string, fields: Record<string, string>) {
  return designer.agent.post(translationsPath(journeyId, language)).type('form').send({ _csrf: designer.csrf, ...fields });
}

/** The elements inside <main> that carry a lang attribute: their tag, language and the text right inside them. */
function marked(html: string): { tag: string; lang: string; text: string }[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<(\w+)\b[^>]*?\slang="([^"]+)"[^>]*>([^<]*)/g)].map((m) => ({ tag: m[1]!, lang: m[2]!, text: m[3]!.trim() }));
}

const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&amp;/g, '&');

describe('the content language on the details form', () => {
  it('is saved, shown again, and left as it is when the form does not send it', async () => {
    const { journeyId } = richJourney('spraak-lagres', 'aust', false);
    expect(contentLanguage(journeyId)).toBe('nb');
    const saved = await designer.agent.post(editorPath(journeyId, '/edit')).type('form').send({ _csrf: designer.csrf, ...detailsOf('spraak-lagres'), contentLanguage: 'en' });
    expect(saved.status).toBe(303);
    expect(contentLanguage(journeyId)).toBe('en');
    const page = await designer.agent.get(editorPath(journeyId, '/edit?lang=nb'));
    expect(page.text).toMatch(/<select class="ds-input" id="field-contentLanguage" name="contentLanguage"[^>]*>/);
    expect(page.text).toContain('<option value="en" selected>engelsk</option>');
    // An older client (or a test) that sends no language changes nothing.
    await designer.agent.post(editorPath(journeyId, '/edit')).type('form').send({ _csrf: designer.csrf, ...detailsOf('spraak-lagres') });
    expect(contentLanguage(journeyId)).toBe('en');
  });

  it('refuses another language with 400, a message and every value kept, writing nothing', async () => {
    const { journeyId } = richJourney('spraak-feil', 'aust', false);
    const res = await designer.agent
      .post(editorPath(journeyId, '/edit?lang=nb'))
      .type('form')
      .send({ _csrf: designer.csrf, ...detailsOf('spraak-feil'), title: 'Ny tittel som ikke skal lagres', contentLanguage: 'de' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(nb.validation.contentLanguage);
    expect(res.text).toContain('href="#field-contentLanguage"');
    expect(res.text).toContain('value="Ny tittel som ikke skal lagres"');
    expect(contentLanguage(journeyId)).toBe('nb');
    expect(t.db.prepare('SELECT title FROM journeys WHERE id = ?').pluck().get(journeyId)).toBe(TEXTS.title);
  });

  it("starts a new journey in the municipality's language, on the form and when the form does not say", async () => {
    const form = await nynorskDesigner.agent.get('/admin/nyn/journeys/new?lang=nb');
    expect(form.text).toContain('<option value="nn" selected>nynorsk</option>');
    const chosen = await nynorskDesigner.agent.post('/admin/nyn/journeys').type('form').send({ _csrf: nynorskDesigner.csrf, ...detailsOf('valt'), contentLanguage: 'en' });
    expect(contentLanguage(Number(/(\d+)$/.exec(chosen.headers.location as string)![1]))).toBe('en');
    const unsaid = await nynorskDesigner.agent.post('/admin/nyn/journeys').type('form').send({ _csrf: nynorskDesigner.csrf, ...detailsOf('usagt') });
    expect(contentLanguage(Number(/(\d+)$/.exec(unsaid.headers.location as string)![1]))).toBe('nn');
    // In bokmål's municipality, bokmål.
    const created = await designer.agent.post('/admin/aust/journeys').type('form').send({ _csrf: designer.csrf, ...detailsOf('bokmaal-som-standard') });
    expect(contentLanguage(Number(/(\d+)$/.exec(created.headers.location as string)![1]))).toBe('nb');
  });

  it("follows the municipality's default language setting, which says so on the settings page", async () => {
    await createUser(t.services, { email: 'admin@nyn.no', municipality: 'nyn', roles: ['admin'] });
    const admin = await signIn(t.app, 'admin@nyn.no');
    const settings = await admin.agent.get('/admin/nyn/settings?lang=nb');
    expect(settings.text).toContain(nb.admin.settings.defaultLocaleHelp);
    const m = t.services.municipalities.bySlug('nyn');
    expect(t.services.municipalities.defaultLanguage(m.id)).toBe('nn');
    const id = t.services.journeyEditor.create(null, m.id, detailsOf('fra-tjenesten'));
    expect(contentLanguage(id)).toBe('nn');
  });

  it('makes a draft from a template in the template text’s language', async () => {
    const res = await designer.agent.post('/admin/aust/journeys').type('form').send({ _csrf: designer.csrf, start: 'template', template: 'having-a-child', language: 'nn' });
    expect(res.status).toBe(303);
    expect(contentLanguage(Number(/(\d+)$/.exec(res.headers.location as string)![1]))).toBe('nn');
  });
});

describe('the content language in snapshots, documents and the API', () => {
  it('leaves bokmål and empty translations out of snapshots, so journeys published before stay unchanged', async () => {
    const { journeyId } = richJourney('gammel');
    const snapshot = publishedSnapshot(journeyId);
    // Exactly the keys versions had before content languages existed.
    expect(Object.keys(snapshot.journey).sort()).toEqual(['lifeEvent', 'outcome', 'persona', 'scenario', 'slug', 'summary', 'title', 'trigger']);
    expect(Object.keys(snapshot.phases[0]!).sort()).toEqual(['description', 'id', 'steps', 'title']);
    expect(Object.keys(snapshot.phases[0]!.steps[0]!)).not.toContain('translations');
    const journey = t.services.journeyEditor.get(aust, journeyId);
    expect(t.services.journeyEditor.hasUnpublishedChanges(journey)).toBe(false);
    const overview = await designer.agent.get(editorPath(journeyId, '?lang=nb'));
    expect(overview.text).not.toContain(nb.journeys.editor.unpublishedChanges);
  });

  it('carries another language in the snapshot, which then counts as a change to publish', async () => {
    const { journeyId } = richJourney('ny-spraak');
    await designer.agent.post(editorPath(journeyId, '/edit')).type('form').send({ _csrf: designer.csrf, ...detailsOf('ny-spraak'), contentLanguage: 'nn' });
    const journey = t.services.journeyEditor.get(aust, journeyId);
    expect(t.services.journeyEditor.hasUnpublishedChanges(journey)).toBe(true);
    const diff = t.services.journeyEditor.diff(aust, journeyId, 1, 'draft');
    expect(diff.diff.journeyFields).toEqual(['language']);
    t.services.journeyEditor.publish(null, aust, journeyId);
    expect(publishedSnapshot(journeyId).journey.language).toBe('nn');
    // Back to bokmål: the same JSON as a journey that never had another language.
    await designer.agent.post(editorPath(journeyId, '/edit')).type('form').send({ _csrf: designer.csrf, ...detailsOf('ny-spraak'), contentLanguage: 'nb' });
    expect(t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(aust, journeyId)).journey).not.toHaveProperty('language');
  });

  it('exports the language (bokmål too) and the translations, and an import or a copy keeps both', async () => {
    const { journeyId, stepIds } = richJourney('eksport');
    expect((await saveTranslations(journeyId, 'en', { 'journey-title': 'I am building a garage', [`step-${stepIds[0]}-title`]: 'Read the rules' })).status).toBe(303);
    const exported = await designer.agent.get(editorPath(journeyId, '/export.json'));
    expect(exported.body.journey.language).toBe('nb');
    expect(exported.body.journey.translations).toEqual({ en: { title: 'I am building a garage' } });
    expect(exported.body.phases[0].steps[0].translations).toEqual({ en: { title: 'Read the rules' } });
    expect(exported.body.phases[0].steps[1]).not.toHaveProperty('translations');

    const doc = { ...exported.body, journey: { ...exported.body.journey, language: 'nn', slug: 'importert' } };
    const imported = await designer.agent.post('/admin/aust/journeys/import').type('form').send({ _csrf: designer.csrf, document: JSON.stringify(doc) });
    expect(imported.status).toBe(303);
    const importedId = Number(/(\d+)$/.exec(imported.headers.location as string)![1]);
    expect(contentLanguage(importedId)).toBe('nn');
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(aust, importedId));
    expect(draft.journey.language).toBe('nn');
    expect(draft.journey.translations).toEqual({ en: { title: 'I am building a garage' } });
    expect(draft.phases[0]!.steps[0]!.translations).toEqual({ en: { title: 'Read the rules' } });

    // Another municipality copies the published journey (once the translations are published).
    t.services.journeyEditor.publish(null, aust, journeyId);
    const nyn = t.services.municipalities.bySlug('nyn');
    const copyId = t.services.journeyEditor.copyFrom(null, nyn.id, journeyId);
    expect(contentLanguage(copyId)).toBe('nb');
    expect(t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(nyn.id, copyId)).journey.translations).toEqual({ en: { title: 'I am building a garage' } });
  });

  it('reads a document without a language as bokmål, and refuses an unknown language or an empty translation whole', async () => {
    const { journeyId } = richJourney('dokument', 'aust', false);
    const doc = asJourneyDocument(t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(aust, journeyId)));
    const { language: _dropped, ...older } = doc.journey;
    const importDoc = (d: unknown) => designer.agent.post('/admin/aust/journeys/import?lang=nb').type('form').send({ _csrf: designer.csrf, document: JSON.stringify(d) });
    const ok = await importDoc({ ...doc, journey: { ...older, slug: 'eldre-dokument' } });
    expect(ok.status).toBe(303);
    expect(contentLanguage(Number(/(\d+)$/.exec(ok.headers.location as string)![1]))).toBe('nb');
    const before = t.db.prepare('SELECT count(*) FROM journeys').pluck().get();
    for (const journey of [{ ...doc.journey, language: 'de' }, { ...doc.journey, translations: { en: { title: '' } } }, { ...doc.journey, translations: { de: { title: 'x' } } }]) {
      const res = await importDoc({ ...doc, journey });
      expect(res.status).toBe(400);
      expect(res.text).toContain(nb.validation.importInvalid);
    }
    expect(t.db.prepare('SELECT count(*) FROM journeys').pluck().get()).toBe(before);
  });

  it("gives the API each journey's language, and its published translations", async () => {
    const { journeyId, stepIds, phaseId } = richJourney('api-reise');
    await saveTranslations(journeyId, 'nn', { 'journey-summary': 'Frå idé til ferdig garasje', [`phase-${phaseId}-title`]: 'Finne ut kva som gjeld' });
    t.services.journeyEditor.publish(null, aust, journeyId);
    const list = await request(t.app).get('/api/v1/municipalities/aust/journeys');
    expect(list.body.journeys.find((j: { slug: string }) => j.slug === 'api-reise').language).toBe('nb');
    const one = await request(t.app).get('/api/v1/municipalities/aust/journeys/api-reise');
    expect(one.body.journey.language).toBe('nb');
    expect(one.body.journey.translations).toEqual({ nn: { summary: 'Frå idé til ferdig garasje' } });
    expect(one.body.phases[0].translations).toEqual({ nn: { title: 'Finne ut kva som gjeld' } });
    expect(one.body.phases[0].steps.find((s: { id: number }) => s.id === stepIds[0]).translations).toEqual({});
  });
});

describe('lang on the public pages', () => {
  let slug: string;
  let stepIds: number[];
  beforeAll(() => {
    slug = 'merket';
    ({ stepIds } = richJourney(slug));
  });

  const ownTexts = new Set([TEXTS.title, TEXTS.summary, TEXTS.persona, TEXTS.scenario, TEXTS.trigger, TEXTS.outcome, TEXTS.phase, TEXTS.phaseDescription, ...TEXTS.steps, TEXTS.residentAction, TEXTS.touchpoint, TEXTS.backstage, TEXTS.systems, TEXTS.duration]);

  it('marks nothing on a bokmål page of a bokmål journey', async () => {
    for (const path of [`/aust/reiser/${slug}?lang=nb`, `/aust/reiser/${slug}/steg/${stepIds[0]}?lang=nb`, '/aust?lang=nb', `/aust/viktigst?reise=${slug}&lang=nb`]) {
      const res = await request(t.app).get(path);
      expect([path, res.status]).toEqual([path, 200]);
      // The journey list and the ranking also hold a journey another test moved to nynorsk, marked as such.
      const shown = path.includes('/reiser/') ? marked(res.text) : marked(res.text).filter((m) => m.lang !== 'nn');
      expect([path, shown]).toEqual([path, []]);
    }
  });

  it.each(['nn', 'en'] as const)('marks every text of a bokmål journey, and nothing else, on the map in %s', async (lang) => {
    const res = await request(t.app).get(`/aust/reiser/${slug}?lang=${lang}`);
    expect(res.text).toContain(`<html lang="${lang}">`);
    const marks = marked(res.text);
    expect(marks.every((m) => m.lang === 'nb')).toBe(true);
    // Every element marked holds the journey's own text (or one of its lanes left empty), never the interface's.
    expect(marks.filter((m) => m.text !== '' && !ownTexts.has(decode(m.text)))).toEqual([]);
    // And every text of the journey is marked wherever it stands on its own.
    expect(new Set(marks.map((m) => decode(m.text)))).toEqual(ownTexts);
    expect(res.text).toContain(`<h1 class="ds-heading" data-size="xl" lang="nb">${TEXTS.title}</h1>`);
    expect(res.text).toMatch(new RegExp(`<th scope="colgroup" colspan="2" class="app-map__phase" lang="nb">${TEXTS.phase}</th>`));
    // The step's title in the table's column header is marked, its number and handover are not.
    expect(res.text).toContain(`/steg/${stepIds[0]}" lang="nb">${TEXTS.steps[0]}</a>`);
    // The table's caption is the interface's sentence with the title marked inside it.
    expect(res.text).toMatch(new RegExp(`<caption class="ds-sr-only">[^<]+<span lang="nb">${TEXTS.title}</span>[^<]+</caption>`));
  });

  it.each(['nn', 'en'] as const)('marks the step page’s own text in %s, splitting the sentences that name a title', async (lang) => {
    const res = await request(t.app).get(`/aust/reiser/${slug}/steg/${stepIds[0]}?lang=${lang}`);
    const marks = marked(res.text);
    expect(marks.filter((m) => m.text !== '' && !ownTexts.has(decode(m.text)))).toEqual([]);
    expect(new Set(marks.map((m) => decode(m.text)))).toEqual(
      new Set([TEXTS.title, TEXTS.phase, TEXTS.steps[0], TEXTS.steps[1], TEXTS.residentAction, TEXTS.touchpoint, TEXTS.backstage, TEXTS.systems, TEXTS.duration]),
    );
    expect(res.text).toContain(`<h1 class="ds-heading" data-size="lg" lang="nb">${TEXTS.steps[0]}</h1>`);
    const texts = { nn, en }[lang].journeys.step;
    expect(res.text).toContain(`${texts.next.replace('{{title}}', `<span lang="nb">${TEXTS.steps[1]}</span>`)}</a>`);
  });

  it('marks the journey list and the ranking by journey', async () => {
    const list = await request(t.app).get('/aust?lang=en');
    expect(list.text).toContain(`/aust/reiser/${slug}" lang="nb">${TEXTS.title}</a>`);
    expect(list.text).toContain(`<p class="ds-paragraph" data-size="sm" lang="nb">${TEXTS.summary}</p>`);
    const top = await request(t.app).get(`/aust/viktigst?reise=${slug}&lang=en`);
    expect(top.text).toMatch(new RegExp(`<h1 class="ds-heading" data-size="lg">[^<]*<span lang="nb">${TEXTS.title}</span>`));
  });

  it('marks a nynorsk journey on the bokmål page, and nothing on the nynorsk page', async () => {
    const nyn = t.services.municipalities.bySlug('nyn');
    const id = t.services.journeyEditor.create(null, nyn.id, { ...detailsOf('nynorsk-reise'), title: 'Eg skal byggje garasje' });
    const phase = t.services.journeyEditor.addPhase(null, nyn.id, id, { title: 'Finne ut', description: '' });
    t.services.journeyEditor.addStep(null, nyn.id, id, phase, { title: 'Lese', residentAction: '', touchpoint: '', channel: 'digital', departmentId: null, backstage: '', systems: '', emotion: 0, duration: '' });
    t.services.journeyEditor.publish(null, nyn.id, id);
    const bokmal = await request(t.app).get('/nyn/reiser/nynorsk-reise?lang=nb');
    expect(bokmal.text).toContain('<h1 class="ds-heading" data-size="xl" lang="nn">Eg skal byggje garasje</h1>');
    const nynorsk = await request(t.app).get('/nyn/reiser/nynorsk-reise?lang=nn');
    expect(marked(nynorsk.text)).toEqual([]);
  });
});

describe('translations', () => {
  it('lists every text beside a field for its translation, in the page for each language the journey is not in', async () => {
    const { journeyId, stepIds, phaseId } = richJourney('oversettes');
    const page = await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=nb');
    expect(page.status).toBe(200);
    expect(page.text).toContain(nb.journeys.translations.title.replace('{{language}}', 'engelsk'));
    for (const name of ['journey-title', 'journey-persona', `phase-${phaseId}-description`, `step-${stepIds[1]}-duration`]) {
      expect(page.text).toMatch(new RegExp(`id="field-${name}" name="${name}"[^>]* lang="en"`));
    }
    // The originals are in the page's language here: unmarked; the fields are in English: marked.
    expect(page.text).toContain(`<span>${TEXTS.touchpoint}</span>`);
    expect(page.text).toContain(nb.journeys.translations.progress.replace('{{translated}}', '0').replace('{{total}}', String(6 + 2 + 2 * 6)));
    // Without a language, the first one the journey is not written in; the journey's own language is no page.
    expect((await designer.agent.get(translationsPath(journeyId))).text).toContain('?language=nn');
    expect((await designer.agent.get(translationsPath(journeyId, 'nb'))).status).toBe(400);
    expect((await designer.agent.get(translationsPath(journeyId, 'de'))).status).toBe(400);
    // In the English interface the originals are marked bokmål and the English fields need no mark.
    const english = await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=en');
    expect(english.text).toContain(`<span lang="nb">${TEXTS.touchpoint}</span>`);
    expect(english.text).not.toMatch(/name="journey-title"[^>]* lang=/);
    expect(english.text).toContain(en.journeys.translations.save);
  });

  it('saves them in the draft, publishes them with the journey, and shows each in its own language only', async () => {
    const { journeyId, stepIds, phaseId } = richJourney('vises');
    const res = await saveTranslations(journeyId, 'en', {
      'journey-title': '  I am building a garage  ',
      'journey-summary': '',
      [`phase-${phaseId}-title`]: 'Finding out what applies',
      [`step-${stepIds[0]}-title`]: 'Reading the rules',
      [`step-${stepIds[0]}-touchpoint`]: 'The municipality’s website',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${translationsPath(journeyId, 'en')}`);
    const page = await designer.agent.get(`${res.headers.location as string}&lang=nb`);
    expect(page.text).toContain(nb.flash.translationsSaved);
    expect(page.text).toContain('value="I am building a garage"');
    expect(t.db.prepare("SELECT count(*) FROM journey_translations WHERE item = 'journey'").pluck().get()).toBeGreaterThan(0);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'journey.translation_saved' AND entity_id = ?").pluck().get(journeyId)).toBe(1);

    // Not for residents until published: the draft has changes, the public map is as it was.
    expect(t.services.journeyEditor.hasUnpublishedChanges(t.services.journeyEditor.get(aust, journeyId))).toBe(true);
    expect((await request(t.app).get('/aust/reiser/vises?lang=en')).text).not.toContain('I am building a garage');
    t.services.journeyEditor.publish(null, aust, journeyId);

    const english = await request(t.app).get('/aust/reiser/vises?lang=en');
    expect(english.text).toContain('<h1 class="ds-heading" data-size="xl">I am building a garage</h1>');
    expect(english.text).toContain('class="app-map__phase">Finding out what applies</th>');
    expect(english.text).toContain(`/steg/${stepIds[0]}">Reading the rules</a>`);
    expect(english.text).toContain('The municipality’s website');
    // What is not translated falls back to the original, marked bokmål.
    expect(english.text).toContain(`<p class="ds-paragraph" data-size="lg" lang="nb">${TEXTS.summary}</p>`);
    expect(english.text).toContain(`/steg/${stepIds[1]}" lang="nb">${TEXTS.steps[1]}</a>`);
    expect(english.text).toContain(`<dd lang="nb">${TEXTS.persona}</dd>`);
    expect(marked(english.text).map((m) => decode(m.text))).not.toContain('I am building a garage');

    // Only the English copy of the kept page has the English text; Accept-Language picks the same copies.
    for (const lang of ['nb', 'nn']) {
      const other = await request(t.app).get(`/aust/reiser/vises?lang=${lang}`);
      expect(other.text).not.toContain('I am building a garage');
      expect(other.text).toContain(`>${TEXTS.title}</h1>`);
    }
    const negotiated = await request(t.app).get('/aust/reiser/vises').set('Accept-Language', 'en');
    expect(negotiated.text).toContain('I am building a garage');
    expect(negotiated.headers['content-language']).toBe('en');
    const bokmal = await request(t.app).get('/aust/reiser/vises').set('Accept-Language', 'nb');
    expect(bokmal.text).not.toContain('I am building a garage');
    // Kept copies answer again with the same text per language.
    expect((await request(t.app).get('/aust/reiser/vises?lang=en')).text).toBe(english.text);

    // The step page and the journey list show it too, marked only where untranslated.
    const step = await request(t.app).get(`/aust/reiser/vises/steg/${stepIds[0]}?lang=en`);
    expect(step.text).toContain('<h1 class="ds-heading" data-size="lg">Reading the rules</h1>');
    expect(step.text).toContain(`<dd lang="nb">${TEXTS.residentAction}</dd>`);
    const list = await request(t.app).get('/aust?lang=en&q=garage');
    expect(list.text).toContain('/aust/reiser/vises">I am building a garage</a>');
  });

  it('marks an original changed since its translation, until the translation is changed', async () => {
    const { journeyId, phaseId } = richJourney('utdatert', 'aust', false);
    await saveTranslations(journeyId, 'en', { [`phase-${phaseId}-title`]: 'Finding out' });
    t.services.journeyEditor.updatePhase(null, aust, journeyId, phaseId, { title: 'Finne ut alt', description: TEXTS.phaseDescription });
    const outdated = await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=nb');
    expect(outdated.text).toContain(nb.journeys.translations.outdated);
    // Saving the page as it is keeps the mark; changing the translation clears it.
    await saveTranslations(journeyId, 'en', { [`phase-${phaseId}-title`]: 'Finding out' });
    expect((await designer.agent.get(translationsPath(journeyId, 'en'))).text).toContain(nb.journeys.translations.outdated);
    await saveTranslations(journeyId, 'en', { [`phase-${phaseId}-title`]: 'Finding out everything' });
    expect((await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=nb')).text).not.toContain(nb.journeys.translations.outdated);
  });

  it('removes a translation whose field is emptied', async () => {
    const { journeyId } = richJourney('tommes', 'aust', false);
    await saveTranslations(journeyId, 'nn', { 'journey-title': 'Eg skal byggje garasje' });
    const before = translationCount();
    await saveTranslations(journeyId, 'nn', { 'journey-title': '   ' });
    expect(translationCount()).toBe(before - 1);
  });

  it('refuses bad input with 400, a message, what was typed kept, and nothing saved', async () => {
    const { journeyId, stepIds } = richJourney('feil-input', 'aust', false);
    const other = richJourney('annen-reise', 'aust', false);
    const before = translationCount();
    const typed = { 'journey-title': 'Kept title', [`step-${stepIds[0]}-title`]: 'Kept step' };
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...typed, 'journey-colour': 'blue' }, nb.validation.unknownField],
      [{ ...typed, [`step-${stepIds[0]}-emotion`]: '2' }, nb.validation.unknownField],
      [{ ...typed, [`step-${other.stepIds[0]}-title`]: 'Not this journey' }, nb.validation.translationStale],
      [{ ...typed, [`step-${stepIds[1]}-title`]: 'x'.repeat(161) }, nb.validation.tooLong],
      [{ ...typed, [`step-${stepIds[1]}-title`]: 'bad\u0000text' }, nb.validation.invalidCharacters],
      [{ ...typed, [`step-${stepIds[1]}-title`]: ['two', 'values'] }, nb.validation.invalid],
    ];
    for (const [fields, message] of cases) {
      const res = await designer.agent.post(translationsPath(journeyId, 'en') + '&lang=nb').type('form').send({ _csrf: designer.csrf, ...fields });
      expect([Object.keys(fields).at(-1), res.status]).toEqual([Object.keys(fields).at(-1), 400]);
      expect(res.text).toContain(message.replace(/'/g, '&#39;').replace(/"/g, '&#34;'));
      expect(res.text).toContain('value="Kept title"');
      expect(res.text).toContain('value="Kept step"');
    }
    for (const language of ['nb', 'de']) {
      const res = await designer.agent.post(translationsPath(journeyId, language)).type('form').send({ _csrf: designer.csrf, ...typed });
      expect([language, res.status]).toEqual([language, 400]);
    }
    expect(translationCount()).toBe(before);
  });

  it('is the editor overview’s and the details page’s way in', async () => {
    const { journeyId } = richJourney('veien-inn', 'aust', false);
    const overview = await designer.agent.get(editorPath(journeyId, '?lang=nb'));
    expect(overview.text).toContain(`href="${translationsPath(journeyId)}"`);
    const details = await designer.agent.get(editorPath(journeyId, '/edit?lang=nb'));
    expect(details.text).toContain(`href="/admin/aust/journeys/${journeyId}/translations?language=nn"`);
    expect(details.text).toContain(`href="/admin/aust/journeys/${journeyId}/translations?language=en"`);
    expect(details.text).not.toContain(`translations?language=nb"`);
  });

  it('previews the draft with its translations in the interface language', async () => {
    const { journeyId } = richJourney('forhaand', 'aust', false);
    await saveTranslations(journeyId, 'en', { 'journey-title': 'Preview title' });
    const preview = await designer.agent.get(editorPath(journeyId, '/preview?lang=en'));
    expect(preview.text).toContain('<h1 class="ds-heading" data-size="xl">Preview title</h1>');
    expect(preview.text).toContain(`<p class="ds-paragraph" data-size="lg" lang="nb">${TEXTS.summary}</p>`);
    const bokmal = await designer.agent.get(editorPath(journeyId, '/preview?lang=nb'));
    expect(bokmal.text).toContain(`<h1 class="ds-heading" data-size="xl">${TEXTS.title}</h1>`);
  });

  it('leaves translations into the language the journey is now written in out of what is published', async () => {
    const { journeyId } = richJourney('byttet', 'aust', false);
    await saveTranslations(journeyId, 'en', { 'journey-title': 'Switched' });
    await designer.agent.post(editorPath(journeyId, '/edit')).type('form').send({ _csrf: designer.csrf, ...detailsOf('byttet'), contentLanguage: 'en' });
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(aust, journeyId));
    expect(draft.journey.language).toBe('en');
    expect(draft.journey).not.toHaveProperty('translations');
  });
});

describe('translations of the own lanes and the handovers', () => {
  const QUOTE = 'Sitat fra innbyggeren';
  const CELL = 'Jeg skjønte ingenting';
  const NOTE = 'Søknaden sendes videre';

  /** A journey of the rich kind with an own lane (a text in it on the first step) and a handover into the second step. */
  function laneJourney(slug: string) {
    const journey = richJourney(slug, 'aust', false);
    const laneId = t.services.journeyLanes.add(null, aust, journey.journeyId, QUOTE);
    // The grid writes a step's lane text; the table is the shortest way to one here.
    t.db.prepare('INSERT INTO step_lane_texts (lane_id, step_id, text) VALUES (?, ?, ?)').run(laneId, journey.stepIds[0], CELL);
    const from = t.services.departments.findOrCreate(aust, 'Servicetorget', 'municipal');
    const to = t.services.departments.findOrCreate(aust, 'Byggesak', 'municipal');
    t.services.handovers.state(null, aust, journey.journeyId, journey.stepIds[1]!, { fromDepartmentId: from, toDepartmentId: to, what: 'case', note: NOTE });
    const names = { title: `lane-${laneId}-title`, cell: `step-${journey.stepIds[0]}-lane${laneId}`, note: `handover-${journey.stepIds[1]}-note` };
    return { ...journey, laneId, names };
  }

  it('lists a lane title with the journey’s texts, a lane text and a handover note with their step’s', async () => {
    const { journeyId, stepIds, phaseId, names } = laneJourney('rader-listes');
    const page = (await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=nb')).text;
    const at = (name: string) => page.indexOf(`name="${name}"`);
    for (const name of Object.values(names)) expect(page).toMatch(new RegExp(`id="field-${name}" name="${name}"[^>]* lang="en"`));
    expect(at('journey-outcome')).toBeLessThan(at(names.title));
    expect(at(names.title)).toBeLessThan(at(`phase-${phaseId}-title`));
    expect(at(`step-${stepIds[0]}-duration`)).toBeLessThan(at(names.cell));
    expect(at(names.cell)).toBeLessThan(at(`step-${stepIds[1]}-title`));
    expect(at(`step-${stepIds[1]}-duration`)).toBeLessThan(at(names.note));
    // Labelled by what they are, each beside its original; a lane's text names its lane.
    expect(page).toContain(`>${nb.journeys.translations.laneTitle.replace('{{number}}', '1')}</label>`);
    expect(page).toContain(`>${nb.journeys.translations.laneText.replace('{{number}}', '1')} (<span>${QUOTE}</span>)</label>`);
    expect(page).toContain(`>${nb.journeys.translations.handoverNote}</label>`);
    for (const original of [QUOTE, CELL, NOTE]) expect(page).toContain(`<span>${original}</span></div>`);
    expect(page).toContain(nb.journeys.translations.progress.replace('{{translated}}', '0').replace('{{total}}', String(6 + 2 + 2 * 6 + 3)));
    // In the English interface the originals are marked bokmål, the lane's title in the label too.
    const english = (await designer.agent.get(translationsPath(journeyId, 'nn') + '&lang=en')).text;
    expect(english).toContain(`>${en.journeys.translations.laneText.replace('{{number}}', '1')} (<span lang="nb">${QUOTE}</span>)</label>`);
    expect(english).toContain(`<span lang="nb">${NOTE}</span></div>`);
  });

  it('publishes them with the journey, shown on the English map, step page, phone cards and print, not before', async () => {
    const { journeyId, stepIds, laneId, names } = laneJourney('rader-vises');
    t.services.journeyEditor.publish(null, aust, journeyId);
    const res = await saveTranslations(journeyId, 'en', { [names.title]: 'Quote from the resident', [names.cell]: 'I understood nothing', [names.note]: 'The application is passed on' });
    expect(res.status).toBe(303);
    const saved = (await designer.agent.get(translationsPath(journeyId, 'en'))).text;
    expect(saved).toContain('value="Quote from the resident"');
    expect(saved).toContain('>I understood nothing</textarea>');
    expect(saved).toContain('value="The application is passed on"');

    // In the draft only: residents see the originals until the journey is published again.
    expect(t.services.journeyEditor.hasUnpublishedChanges(t.services.journeyEditor.get(aust, journeyId))).toBe(true);
    const { diff } = t.services.journeyEditor.diff(aust, journeyId, 1, 'draft');
    expect(diff.journeyFields).toContain('lanes');
    expect(diff.steps.changed.map((c) => [c.id, c.fields])).toEqual([[stepIds[0], ['translations']], [stepIds[1], ['handover']]]);
    const pages = async () => ({
      map: (await request(t.app).get('/aust/reiser/rader-vises?lang=en')).text,
      first: (await request(t.app).get(`/aust/reiser/rader-vises/steg/${stepIds[0]}?lang=en`)).text,
      second: (await request(t.app).get(`/aust/reiser/rader-vises/steg/${stepIds[1]}?lang=en`)).text,
    });
    const before = await pages();
    for (const text of ['Quote from the resident', 'I understood nothing', 'The application is passed on']) {
      expect([text, before.map.includes(text), before.first.includes(text), before.second.includes(text)]).toEqual([text, false, false, false]);
    }
    expect(before.map).toContain(`<th scope="row" class="app-map__lane" lang="nb">${QUOTE}</th>`);
    // The open API gives the handover note's translations beside the note, published ones only.
    const apiHandover = async () => {
      const body = (await request(t.app).get('/api/v1/municipalities/aust/journeys/rader-vises')).body as { phases: { steps: { id: number; handoverNote: string | null; handoverTranslations: unknown }[] }[] };
      const step = body.phases.flatMap((p) => p.steps).find((s) => s.id === stepIds[1])!;
      return { note: step.handoverNote, translations: step.handoverTranslations };
    };
    expect(await apiHandover()).toEqual({ note: NOTE, translations: {} });

    t.services.journeyEditor.publish(null, aust, journeyId);
    expect(await apiHandover()).toEqual({ note: NOTE, translations: { en: { note: 'The application is passed on' } } });
    const after = await pages();
    // The map's table, its step cards (the phone's and the printed map's) and the printed lane headers.
    expect(after.map).toContain('<th scope="row" class="app-map__lane">Quote from the resident</th>');
    expect(after.map).toMatch(/<td class="">I understood nothing<\/td>/);
    expect(after.map).toContain('<dt>Quote from the resident</dt><dd>I understood nothing</dd>');
    expect(after.map).toContain('<span data-lane="own1">Quote from the resident</span>');
    expect(after.map).toContain('(the case): The application is passed on</span>');
    expect(after.map).not.toContain(QUOTE);
    expect(after.map).not.toContain(NOTE);
    expect(after.first).toContain('<dt>Quote from the resident</dt><dd>I understood nothing</dd>');
    expect(after.second).toContain('(the case): The application is passed on. ');
    expect(marked(after.map).map((m) => m.text)).not.toContain('Quote from the resident');

    // The snapshot carries them; other languages show the originals, marked where the page is not in bokmål.
    const snapshot = publishedSnapshot(journeyId);
    expect(snapshot.lanes).toEqual([{ id: laneId, title: QUOTE, translations: { en: { title: 'Quote from the resident' } } }]);
    expect(snapshot.phases[0]!.steps[0]!.laneTranslations).toEqual({ en: { [String(laneId)]: 'I understood nothing' } });
    expect(snapshot.phases[0]!.steps[1]!.handover!.translations).toEqual({ en: { note: 'The application is passed on' } });
    const bokmal = (await request(t.app).get('/aust/reiser/rader-vises?lang=nb')).text;
    expect(bokmal).toContain(`<th scope="row" class="app-map__lane">${QUOTE}</th>`);
    expect(bokmal).not.toContain('Quote from the resident');
    const nynorsk = (await request(t.app).get('/aust/reiser/rader-vises?lang=nn')).text;
    expect(nynorsk).toContain(`<th scope="row" class="app-map__lane" lang="nb">${QUOTE}</th>`);
    expect(nynorsk).toContain(`<td class="" lang="nb">${CELL}</td>`);
    expect(nynorsk).toContain(`<dt lang="nb">${QUOTE}</dt><dd lang="nb">${CELL}</dd>`);
    expect(nynorsk).toContain(`: <span lang="nb">${NOTE}</span>`);
  });

  it('marks a lane title, a lane text and a handover note changed since translated, until the translation changes', async () => {
    const { journeyId, stepIds, laneId, names } = laneJourney('rader-utdatert');
    const translated = { [names.title]: 'Quote', [names.cell]: 'Nothing', [names.note]: 'Passed on' };
    expect((await saveTranslations(journeyId, 'en', translated)).status).toBe(303);
    const outdated = (text: string) => Object.values(names).filter((name) => text.includes(`id="field-${name}-outdated"`));
    expect(outdated((await designer.agent.get(translationsPath(journeyId, 'en'))).text)).toEqual([]);

    t.services.journeyLanes.rename(null, aust, journeyId, laneId, 'Sitat');
    t.db.prepare('UPDATE step_lane_texts SET text = ? WHERE lane_id = ? AND step_id = ?').run('Jeg skjønte lite', laneId, stepIds[0]);
    const handover = t.db.prepare('SELECT from_department_id AS f, to_department_id AS d FROM step_handovers WHERE step_id = ?').get(stepIds[1]) as { f: number; d: number };
    t.services.handovers.state(null, aust, journeyId, stepIds[1]!, { fromDepartmentId: handover.f, toDepartmentId: handover.d, what: 'case', note: 'Søknaden går videre' });
    const page = (await designer.agent.get(translationsPath(journeyId, 'en') + '&lang=nb')).text;
    expect(outdated(page)).toEqual(Object.values(names));
    expect(page).toContain(nb.journeys.translations.outdated);

    // Saved as they are, the marks stay; changed, they go.
    await saveTranslations(journeyId, 'en', translated);
    expect(outdated((await designer.agent.get(translationsPath(journeyId, 'en'))).text)).toEqual(Object.values(names));
    await saveTranslations(journeyId, 'en', { [names.title]: 'Quote!', [names.cell]: 'Little', [names.note]: 'Goes on' });
    expect(outdated((await designer.agent.get(translationsPath(journeyId, 'en'))).text)).toEqual([]);
  });

  it('refuses a translation too long or of a lane or handover not in the journey with 400, keeping what was typed', async () => {
    const { journeyId, stepIds, names } = laneJourney('rader-feil');
    const other = laneJourney('rader-annen');
    const before = translationCount();
    const typed = { 'journey-title': 'Kept title', [names.note]: 'Kept note' };
    const cases: [Record<string, string>, string][] = [
      [{ ...typed, [names.title]: 'x'.repeat(81) }, nb.validation.tooLong],
      [{ ...typed, [names.cell]: 'x'.repeat(2001) }, nb.validation.tooLong],
      [{ ...typed, [`handover-${stepIds[0]}-note`]: 'x'.repeat(501) }, nb.validation.tooLong],
      [{ ...typed, [other.names.title]: 'Not this journey' }, nb.validation.translationStale],
      [{ ...typed, [`handover-${stepIds[0]}-note`]: 'No handover into this step' }, nb.validation.translationStale],
      [{ ...typed, [`step-${stepIds[1]}-lane${other.laneId}`]: 'Not this journey’s lane' }, nb.validation.translationStale],
      [{ ...typed, [names.title.replace('title', 'colour')]: 'blue' }, nb.validation.unknownField],
    ];
    for (const [fields, message] of cases) {
      const res = await designer.agent.post(translationsPath(journeyId, 'en') + '&lang=nb').type('form').send({ _csrf: designer.csrf, ...fields });
      const name = Object.keys(fields).at(-1);
      expect([name, res.status]).toEqual([name, 400]);
      expect(res.text).toContain(message.replace(/'/g, '&#39;').replace(/"/g, '&#34;'));
      expect(res.text).toContain('value="Kept title"');
      expect(res.text).toContain('value="Kept note"');
    }
    // A lane text too long: the error summary leads to its field, which keeps what was typed.
    const long = await designer.agent.post(translationsPath(journeyId, 'en') + '&lang=nb').type('form').send({ _csrf: designer.csrf, [names.cell]: 'y'.repeat(2001) });
    expect(long.text).toContain(`href="#field-${names.cell}"`);
    expect(long.text).toContain(`>${'y'.repeat(2001)}</textarea>`);
    expect(translationCount()).toBe(before);
  });

  it('goes with its lane or handover when that is removed, and travels in the exchange format', async () => {
    const { journeyId, stepIds, laneId, names } = laneJourney('rader-reiser');
    await saveTranslations(journeyId, 'en', { [names.title]: 'Quote', [names.cell]: 'Nothing', [names.note]: 'Passed on' });
    await saveTranslations(journeyId, 'nn', { [names.title]: 'Sitat frå innbyggjaren' });
    const exported = (await designer.agent.get(editorPath(journeyId, '/export.json'))).body;
    expect(exported.lanes).toEqual([{ title: QUOTE, translations: { en: { title: 'Quote' }, nn: { title: 'Sitat frå innbyggjaren' } } }]);
    expect(exported.phases[0].steps[0].laneTranslations).toEqual({ en: ['Nothing'] });
    expect(exported.phases[0].steps[1].handover.translations).toEqual({ en: { note: 'Passed on' } });
    const doc = { ...exported, journey: { ...exported.journey, slug: 'rader-importert' } };
    const imported = await designer.agent.post('/admin/aust/journeys/import').type('form').send({ _csrf: designer.csrf, document: JSON.stringify(doc) });
    expect(imported.status).toBe(303);
    const copy = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(aust, Number(/(\d+)$/.exec(imported.headers.location as string)![1])));
    expect(copy.lanes![0]!.translations).toEqual({ en: { title: 'Quote' }, nn: { title: 'Sitat frå innbyggjaren' } });
    expect(Object.values(copy.phases[0]!.steps[0]!.laneTranslations!.en!)).toEqual(['Nothing']);
    expect(copy.phases[0]!.steps[1]!.handover!.translations).toEqual({ en: { note: 'Passed on' } });

    t.services.handovers.remove(null, aust, journeyId, stepIds[1]!);
    t.services.journeyLanes.remove(null, aust, journeyId, laneId);
    expect(t.db.prepare("SELECT count(*) FROM journey_translations WHERE journey_id = ? AND (item IN ('lane', 'handover') OR field LIKE 'lane%')").pluck().get(journeyId)).toBe(0);
    expect((await designer.agent.get(translationsPath(journeyId, 'en'))).text).not.toContain('name="lane-');
  });
});
