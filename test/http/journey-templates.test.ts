// Journey templates (#19): Digdir's prioritised life events as skeleton journeys. Every template is a valid exchange
// document in every language with the phases and steps the page claims; creating from one makes a draft (and only a
// draft, only in the designer's own municipality) through the real app; bad choices are refused with 400.
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { LOCALES, type Locale } from '../../src/lib/i18n';
import { JourneyDocumentSchema, parseJourneyDocument } from '../../src/modules/journeys/journey-document.schema';
import { TEMPLATE_KEYS, templateDocument, templateSummaries } from '../../src/modules/journeys/templates/journey-templates';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

const LOCALE_TEXTS = { nb, nn, en };

let t: TestApp;
let designer: { agent: Agent; csrf: string };
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
  await createUser(t.services, { email: 'designer@vest.no', municipality: 'vest', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const count = (table: 'journeys' | 'phases' | 'steps' | 'departments') => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
/** Everything a creation writes; sign-ins and refused access have audit rows of their own, so only journeys' count. */
const everything = () => [
  ...(['journeys', 'phases', 'steps', 'departments'] as const).map(count),
  t.db.prepare("SELECT count(*) FROM audit_log WHERE entity_type = 'journey'").pluck().get(),
];
const municipalityId = (slug: string) => t.services.municipalities.bySlug(slug).id;
const idOf = (location: string) => Number(/\/journeys\/(\d+)$/.exec(location)![1]);

/** What the page says about a template's size, in one language. */
const sizeText = (lang: Locale, phases: number, steps: number) =>
  LOCALE_TEXTS[lang].journeys.new.templateSize.replace('{{phases}}', String(phases)).replace('{{steps}}', String(steps));

async function postTemplate(agent: Agent, csrf: string, fields: Record<string, string>, municipality = 'aust') {
  return agent.post(`/admin/${municipality}/journeys`).type('form').send({ _csrf: csrf, start: 'template', ...fields });
}

async function exportJson(journeyId: number): Promise<Record<string, unknown>> {
  const res = await designer.agent.get(`/admin/aust/journeys/${journeyId}/export.json`);
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as Record<string, unknown>;
}

describe('the templates', () => {
  it('are the seven life events Digdir prioritises, each once', () => {
    expect(TEMPLATE_KEYS).toHaveLength(7);
    for (const lang of LOCALES) {
      const names = templateSummaries(lang).map((s) => s.name);
      expect(new Set(names).size).toBe(7);
    }
    expect(templateSummaries('nb').map((s) => s.name)).toEqual([
      'Å få barn',
      'Alvorlig sykt barn',
      'Miste og finne jobb',
      'Ny i Norge',
      'Starte og drive bedrift',
      'Dødsfall og arv',
      'Starte og drive en frivillig organisasjon',
    ]);
  });

  describe.each(TEMPLATE_KEYS)('%s', (key) => {
    it.each(LOCALES)('is a valid exchange document in %s, as an import would read it, with the phases and steps it claims', (lang) => {
      const doc = templateDocument(key, lang);
      expect(JourneyDocumentSchema.safeParse(doc).success).toBe(true);
      // The import path's own reader (JSON, character safety, schema) accepts it too.
      expect(parseJourneyDocument(JSON.stringify(doc))).toEqual(doc);

      const summary = templateSummaries(lang).find((s) => s.key === key)!;
      expect(doc.phases.length).toBe(summary.phaseCount);
      expect(doc.phases.reduce((n, p) => n + p.steps.length, 0)).toBe(summary.stepCount);
      expect(summary.phaseCount).toBeGreaterThanOrEqual(3);
      expect(summary.phaseCount).toBeLessThanOrEqual(6);
      for (const phase of doc.phases) expect([phase.title, phase.steps.length >= 2]).toEqual([phase.title, true]);
      expect(summary.summary).toBe(doc.journey.summary);

      // A skeleton: what differs from one municipality to the next is left for the designer.
      expect(doc.journey).toMatchObject({ persona: '', scenario: '' });
      for (const step of doc.phases.flatMap((p) => p.steps)) {
        expect(step).toMatchObject({ backstage: '', systems: '', duration: '', emotion: 0 });
        expect([step.title, step.residentAction.length > 0, step.touchpoint.length > 0]).toEqual([step.title, true, true]);
      }
    });

    it('has the same skeleton in bokmål, nynorsk and English, with each language its own text', () => {
      const [docNb, docNn, docEn] = LOCALES.map((lang) => templateDocument(key, lang));
      const shape = (doc: typeof docNb) =>
        doc!.phases.map((p) => p.steps.map((s) => [s.channel, s.department?.kind ?? null, s.emotion]));
      expect(shape(docNn)).toEqual(shape(docNb));
      expect(shape(docEn)).toEqual(shape(docNb));
      expect(docEn!.journey.lifeEvent).toBe(docNb!.journey.lifeEvent);
      const texts = (doc: typeof docNb) => doc!.phases.flatMap((p) => [p.title, p.description, ...p.steps.map((s) => s.residentAction)]);
      // English differs everywhere a sentence is written; nynorsk differs from bokmål in most of them.
      const englishSame = texts(docEn).filter((text, i) => text === texts(docNb)[i]);
      expect(englishSame).toEqual([]);
      const nynorskSame = texts(docNn).filter((text, i) => text === texts(docNb)[i]);
      expect(nynorskSame.length).toBeLessThan(texts(docNb).length / 2);
    });
  });

  it('names a state agency the same in every language, so drafts in two languages share one department', () => {
    for (const key of TEMPLATE_KEYS) {
      const departments = (lang: Locale) =>
        templateDocument(key, lang).phases.flatMap((p) => p.steps.map((s) => s.department));
      const nbDepartments = departments('nb');
      departments('en').forEach((d, i) => {
        if (d && ['Nav', 'Skatteetaten', 'UDI', 'Politiet', 'Brønnøysundregistrene'].includes(nbDepartments[i]!.name)) {
          expect(d.name).toBe(nbDepartments[i]!.name);
        }
      });
    }
  });
});

describe('the new-journey page', () => {
  it.each(LOCALES)('offers an empty journey, the templates with their size, a copy and an import, in %s', async (lang) => {
    const res = await designer.agent.get(`/admin/aust/journeys/new?lang=${lang}`);
    expect(res.status).toBe(200);
    const texts = LOCALE_TEXTS[lang].journeys.new;
    for (const text of [texts.empty, texts.template, texts.templateHeading, texts.emptyHeading]) expect(res.text).toContain(text);
    expect(res.text).toContain('href="/admin/aust/journeys/copy"');
    expect(res.text).toContain('href="/admin/aust/journeys/import"');
    for (const s of templateSummaries(lang)) {
      expect(res.text).toContain(`value="${s.key}"`);
      expect(res.text).toContain(s.name.replace(/'/g, '&#39;'));
      expect(res.text).toContain(sizeText(lang, s.phaseCount, s.stepCount));
    }
    // The template's language defaults to the interface language.
    expect(res.text).toMatch(new RegExp(`<option value="${lang}" lang="${lang}" selected>`));
    // The template's language, and the empty journey's life event and content language (#19.9).
    expect((res.text.match(/ selected>/g) ?? []).length).toBe(3);
  });
});

describe('creating a journey from a template', () => {
  it.each(TEMPLATE_KEYS)('makes a draft from %s and lands in its editor with a notice, audited with the template', async (key) => {
    const before = count('journeys');
    const res = await postTemplate(designer.agent, designer.csrf, { template: key, language: 'nb' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/aust\/journeys\/\d+$/);
    const journeyId = idOf(res.headers.location as string);
    expect(count('journeys')).toBe(before + 1);

    const editor = await designer.agent.get(`${res.headers.location as string}?lang=nb`);
    expect(editor.status).toBe(200);
    expect(editor.text).toContain(nb.flash.createdFromTemplate);
    const doc = templateDocument(key, 'nb');
    expect(editor.text).toContain(doc.phases[0]!.steps[0]!.title.replace(/'/g, '&#39;'));

    const row = t.db.prepare('SELECT status, municipality_id, slug, copied_from_journey_id FROM journeys WHERE id = ?').get(journeyId);
    expect(row).toEqual({ status: 'draft', municipality_id: municipalityId('aust'), slug: doc.journey.slug, copied_from_journey_id: null });
    const audit = t.db
      .prepare("SELECT action, actor_user_id, municipality_id, details FROM audit_log WHERE entity_type = 'journey' AND entity_id = ?")
      .all(journeyId) as { action: string; actor_user_id: number; municipality_id: number; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(['journey.created_from_template']);
    expect(audit[0]!.municipality_id).toBe(municipalityId('aust'));
    expect(audit[0]!.actor_user_id).toBe(t.db.prepare("SELECT id FROM users WHERE email = 'designer@aust.no'").pluck().get());
    expect(JSON.parse(audit[0]!.details)).toEqual({ template: key, language: 'nb' });

    // The draft is the template's document, field for field: the same path as an import.
    expect(await exportJson(journeyId)).toEqual(doc);
  });

  it.each([['nn'], ['en']] as const)('writes the draft in the language chosen (%s), whatever the interface language', async (language) => {
    const res = await designer.agent
      .post('/admin/aust/journeys?lang=nb')
      .type('form')
      .send({ _csrf: designer.csrf, start: 'template', template: 'seriously-ill-child', language });
    expect(res.status).toBe(303);
    const exported = await exportJson(idOf(res.headers.location as string));
    expect(exported).toEqual(templateDocument('seriously-ill-child', language));
    expect((exported.journey as { title: string }).title).toBe(language === 'nn' ? 'Barnet vårt er alvorleg sjukt' : 'Our child is seriously ill');
  });

  it('gives a second draft of the same template a free slug and reuses the departments the first made', async () => {
    const first = await postTemplate(designer.agent, designer.csrf, { template: 'new-in-norway', language: 'en' });
    const departments = count('departments');
    const second = await postTemplate(designer.agent, designer.csrf, { template: 'new-in-norway', language: 'en' });
    expect(second.status).toBe(303);
    const slug = (location: string) => t.db.prepare('SELECT slug FROM journeys WHERE id = ?').pluck().get(idOf(location));
    expect(slug(first.headers.location as string)).toMatch(/^new-in-norway(-\d+)?$/);
    expect(slug(second.headers.location as string)).toMatch(/^new-in-norway-\d+$/);
    expect(count('departments')).toBe(departments);
  });

  it.each([
    ['an unknown template', { template: 'winning-the-lottery', language: 'nb' }, 'template', nb.validation.templateUnknown],
    ['no template chosen', { language: 'nb' }, 'template', nb.validation.templateUnknown],
    ['an empty template', { template: '', language: 'nb' }, 'template', nb.validation.templateUnknown],
    ['a template key in another case', { template: 'Having-A-Child', language: 'nb' }, 'template', nb.validation.templateUnknown],
    ['an unknown language', { template: 'having-a-child', language: 'de' }, 'language', nb.validation.templateLanguage],
    ['a regional language tag', { template: 'having-a-child', language: 'nb-NO' }, 'language', nb.validation.templateLanguage],
    ['no language', { template: 'having-a-child' }, 'language', nb.validation.templateLanguage],
  ])('refuses %s with 400 and a message on the form, creating nothing', async (_label, fields, field, message) => {
    const before = everything();
    const res = await postTemplate(designer.agent, designer.csrf, fields);
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="error-summary"');
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(res.text).toContain(message);
    expect(res.text).toContain(`id="field-${field}-error"`);
    // Still the whole new-journey page: the other ways to start are there.
    expect(res.text).toContain(nb.journeys.new.emptyHeading);
    expect(everything()).toEqual(before);
  });

  it('refuses a template list sent twice, and fields of the empty journey mixed in', async () => {
    const before = everything();
    for (const body of [
      `_csrf=${encodeURIComponent(designer.csrf)}&start=template&template=having-a-child&template=new-in-norway&language=nb`,
      `_csrf=${encodeURIComponent(designer.csrf)}&start=template&template=having-a-child&language=nb&title=Hei`,
    ]) {
      const res = await designer.agent.post('/admin/aust/journeys').type('form').send(body);
      expect(res.status).toBe(400);
    }
    expect(everything()).toEqual(before);
  });

  it('keeps the choices on a refused form and shows the message in the interface language', async () => {
    const res = await designer.agent
      .post('/admin/aust/journeys?lang=en')
      .type('form')
      .send({ _csrf: designer.csrf, start: 'template', template: 'death-and-inheritance', language: 'xx' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(en.validation.templateLanguage);
    expect(res.text).toMatch(/value="death-and-inheritance" aria-describedby="[^"]+" checked>/);
  });

  it('still creates an empty journey from the details form on the same page', async () => {
    const res = await designer.agent.post('/admin/aust/journeys').type('form').send({
      _csrf: designer.csrf, title: 'Jeg skal flytte', slug: 'flytte-tom', lifeEvent: 'flytte', persona: '', scenario: '', trigger: '', outcome: '', summary: '',
    });
    expect(res.status).toBe(303);
    expect(count('phases')).toBeGreaterThan(0);
    expect(t.db.prepare('SELECT count(*) FROM phases WHERE journey_id = ?').pluck().get(idOf(res.headers.location as string))).toBe(0);
  });
});

describe('who may create from a template', () => {
  it('lets a designer create only in their own municipality: another gets 404, a moderator 403, nothing is written', async () => {
    const before = everything();
    const vest = await signIn(t.app, 'designer@vest.no');
    expect((await postTemplate(vest.agent, vest.csrf, { template: 'having-a-child', language: 'nb' }, 'aust')).status).toBe(404);
    const moderator = await signIn(t.app, 'moderator@aust.no');
    expect((await postTemplate(moderator.agent, moderator.csrf, { template: 'having-a-child', language: 'nb' })).status).toBe(403);
    expect(everything()).toEqual(before);

    // In their own municipality the same form works, and the draft and its departments are theirs.
    const page = await vest.agent.get('/admin/vest/journeys/new');
    const res = await postTemplate(vest.agent, csrfFrom(page.text), { template: 'having-a-child', language: 'nb' }, 'vest');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/vest\/journeys\/\d+$/);
    const journeyId = idOf(res.headers.location as string);
    expect(t.db.prepare('SELECT municipality_id FROM journeys WHERE id = ?').pluck().get(journeyId)).toBe(municipalityId('vest'));
    const foreignDepartments = t.db
      .prepare('SELECT count(*) FROM steps s JOIN departments d ON d.id = s.department_id WHERE s.journey_id = ? AND d.municipality_id <> ?')
      .pluck()
      .get(journeyId, municipalityId('vest'));
    expect(foreignDepartments).toBe(0);
  });

  it('refuses a post without the CSRF token, creating nothing', async () => {
    const before = everything();
    const { agent } = await signIn(t.app, 'designer@aust.no');
    const noToken = await agent.post('/admin/aust/journeys').type('form').send({ start: 'template', template: 'having-a-child', language: 'nb' });
    expect(noToken.status).toBe(403);
    expect(everything()).toEqual(before);
  });
});
