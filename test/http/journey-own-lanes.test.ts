// #19.4 Lanes of the designer's own: added, renamed, reordered and removed on the editor page, written per step in the
// phase grid, shown on the public map and step page after publishing, and carried in the exchange format.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: { agent: Agent; csrf: string };
let m: number;
let journey: ReturnType<typeof buildJourney>;

beforeAll(async () => {
  t = makeTestApp();
  m = createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  journey = buildJourney(t.services, 'aust', { slug: 'garasje', phases: { Søke: ['Sende søknad', 'Vente'] } });
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const base = () => `/admin/aust/journeys/${journey.journeyId}`;
const post = (path: string, body: Record<string, string | string[]> = {}) => designer.agent.post(path).type('form').send({ _csrf: designer.csrf, ...body });
const lanes = () => t.db.prepare('SELECT id, title FROM journey_lanes WHERE journey_id = ? ORDER BY position').all(journey.journeyId) as { id: number; title: string }[];
const draft = () => t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(m, journey.journeyId));

/** The grid of the journey's one phase with the texts of one own lane. */
function grid(laneId: number, texts: string[]) {
  const steps = draft().phases[0]!.steps;
  return {
    phaseTitle: 'Søke', phaseDescription: '', stepId: steps.map((s) => String(s.id)), title: steps.map((s) => s.title), residentAction: steps.map((s) => s.residentAction),
    touchpoint: steps.map((s) => s.touchpoint), channel: steps.map((s) => s.channel), departmentId: steps.map(() => ''), backstage: steps.map(() => ''),
    systems: steps.map(() => ''), emotion: steps.map(() => '0'), duration: steps.map(() => ''), [`lane${laneId}`]: texts,
  };
}

describe('own lanes', () => {
  it('adds lanes, refuses an empty or taken name with 400 at its field, renames and reorders them', async () => {
    expect((await post(`${base()}/lanes`, { title: 'Sitat fra innbyggeren' })).status).toBe(303);
    expect((await post(`${base()}/lanes`, { title: 'Lovgrunnlag' })).status).toBe(303);
    const taken = await post(`${base()}/lanes`, { title: 'lovgrunnlag' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('href="#field-lane-new-title"');
    expect(taken.text).toContain(nb.validation.laneTaken);
    expect((await post(`${base()}/lanes`, { title: ' ' })).status).toBe(400);
    const [quote, law] = lanes();
    expect((await post(`${base()}/lanes/${law!.id}`, { title: 'Lovgrunnlag og forskrift' })).status).toBe(303);
    expect((await post(`${base()}/lanes/${law!.id}/move`, { direction: 'up' })).status).toBe(303);
    expect(lanes().map((l) => l.title)).toEqual(['Lovgrunnlag og forskrift', 'Sitat fra innbyggeren']);
    expect((await post(`${base()}/lanes/${law!.id}/move`, { direction: 'up' })).status).toBe(400);
    const editor = (await designer.agent.get(base())).text;
    expect(editor).toContain(`name="lane${quote!.id}"`);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'journey.lane_%'").pluck().get()).toBe(4);
  });

  it('saves each step’s text in a lane from the grid, shows it on the map and the step page once published', async () => {
    const quote = lanes().find((l) => l.title === 'Sitat fra innbyggeren')!;
    expect((await post(`${base()}/phases/${journey.phaseIds[0]}/grid`, grid(quote.id, ['«Jeg skjønte ingenting»', '']))).status).toBe(303);
    expect(draft().phases[0]!.steps.map((s) => s.lanes)).toEqual([{ [String(quote.id)]: '«Jeg skjønte ingenting»' }, undefined]);
    t.services.journeyEditor.publish(null, m, journey.journeyId);
    const map = (await request(t.app).get('/aust/reiser/garasje')).text;
    expect(map).toContain('Sitat fra innbyggeren');
    expect(map).toContain('«Jeg skjønte ingenting»');
    const step = (await request(t.app).get(`/aust/reiser/garasje/steg/${journey.stepIds[0]}`)).text;
    expect(step).toContain('«Jeg skjønte ingenting»');
  });

  it('refuses a lane of another journey in the grid, and a text too long, writing nothing', async () => {
    const other = buildJourney(t.services, 'aust', { slug: 'annen', phases: { A: ['x'] } });
    const foreignLane = t.services.journeyLanes.add(null, m, other.journeyId, 'Fremmed');
    expect((await post(`${base()}/phases/${journey.phaseIds[0]}/grid`, grid(foreignLane, ['x', 'y']))).status).toBe(400);
    const quote = lanes().find((l) => l.title === 'Sitat fra innbyggeren')!;
    const long = await post(`${base()}/phases/${journey.phaseIds[0]}/grid`, grid(quote.id, ['x'.repeat(2001), '']));
    expect(long.status).toBe(400);
    expect(long.text).toContain(`href="#field-p${journey.phaseIds[0]}-lane${quote.id}-0"`);
    expect(draft().phases[0]!.steps[0]!.lanes).toEqual({ [String(quote.id)]: '«Jeg skjønte ingenting»' });
  });

  it('carries lanes and texts in the exchange format, and a removed lane leaves the draft but not the published version', async () => {
    const doc = t.services.journeyEditor.exportDocument(null, m, journey.journeyId);
    expect(doc.lanes).toEqual([{ title: 'Lovgrunnlag og forskrift' }, { title: 'Sitat fra innbyggeren' }]);
    expect(doc.phases[0]!.steps[0]!.lanes).toEqual(['', '«Jeg skjønte ingenting»']);
    const vest = t.services.municipalities.bySlug('vest').id;
    const copy = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(vest, t.services.journeyEditor.importDocument(null, vest, doc)));
    const quoteCopy = copy.lanes!.find((l) => l.title === 'Sitat fra innbyggeren')!;
    expect(copy.phases[0]!.steps[0]!.lanes).toEqual({ [String(quoteCopy.id)]: '«Jeg skjønte ingenting»' });
    const quote = lanes().find((l) => l.title === 'Sitat fra innbyggeren')!;
    expect((await post(`${base()}/lanes/${quote.id}/remove`)).status).toBe(303);
    expect(draft().phases[0]!.steps[0]!.lanes).toBeUndefined();
    expect((await request(t.app).get('/aust/reiser/garasje')).text).toContain('«Jeg skjønte ingenting»');
  });
});
