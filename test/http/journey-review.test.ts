// #19.7 Review across departments: any staff member of the municipality comments on a draft's steps or on the journey
// as a whole; designers resolve; publishing with open comments asks first; comments never reach the public.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let journeyId: number;
let stepIds: number[];
let analyst: { agent: Agent; csrf: string };
let designer: { agent: Agent; csrf: string };

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'garasje', title: 'Jeg skal bygge garasje', phases: { Søke: ['Sende søknad', 'Vente på svar'] } });
  ({ journeyId, stepIds } = j);
  for (const role of ['analyst', 'designer', 'moderator'] as const) await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  await createUser(t.services, { email: 'designer@vest.no', municipality: 'vest', roles: ['designer'] });
  analyst = await signIn(t.app, 'analyst@aust.no');
  designer = await signIn(t.app, 'designer@aust.no');
});
afterAll(() => t.close());

const reviewPath = () => `/admin/aust/review/${journeyId}`;
const comment = (who: { agent: Agent; csrf: string }, body: Record<string, string>) => who.agent.post(`${reviewPath()}/comments`).type('form').send({ _csrf: who.csrf, ...body });
const comments = () => t.db.prepare('SELECT step_id, step_title, body, resolved_at IS NOT NULL AS resolved FROM journey_comments ORDER BY id').all();

describe('commenting', () => {
  it('lets staff of any department find the draft and comment on a step, back at that step', async () => {
    const list = (await analyst.agent.get('/admin/aust/review')).text;
    expect(list).toContain('Jeg skal bygge garasje');
    expect(list).toContain('0 åpne kommentarer');
    expect((await analyst.agent.get('/admin/aust')).text).toContain('/admin/aust/review');
    const res = await comment(analyst, { stepId: String(stepIds[1]), body: 'Her venter folk i tolv uker, ikke tre.' });
    expect([res.status, res.headers.location]).toEqual([303, `${reviewPath()}#steg-${stepIds[1]}`]);
    const page = (await analyst.agent.get(reviewPath())).text;
    expect(page).toContain('Her venter folk i tolv uker, ikke tre.');
    expect(page).toContain(nb.flash.commentAdded);
    expect(page).toContain('1 åpen kommentar');
    // An analyst does not resolve.
    expect(page).not.toContain(nb.journeys.review.resolve);
    const moderator = await signIn(t.app, 'moderator@aust.no');
    expect((await comment(moderator, { stepId: '', body: 'Mangler steget der man klager på vedtaket.' })).status).toBe(303);
    expect(comments()).toEqual([
      { step_id: stepIds[1], step_title: 'Vente på svar', body: 'Her venter folk i tolv uker, ikke tre.', resolved: 0 },
      { step_id: null, step_title: '', body: 'Mangler steget der man klager på vedtaket.', resolved: 0 },
    ]);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'journey.commented' AND details NOT LIKE '%tolv uker%'").pluck().get()).toBe(2);
  });

  it('refuses an empty comment or a step of another journey with 400, keeping the text', async () => {
    const before = comments();
    const empty = await comment(analyst, { stepId: String(stepIds[0]), body: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#field-body"');
    const other = buildJourney(t.services, 'aust', { slug: 'annen', phases: { A: ['x'] } });
    const foreign = await comment(analyst, { stepId: String(other.stepIds[0]), body: 'Feil sted' });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain('Feil sted');
    expect(comments()).toEqual(before);
  });

  it('keeps the review to the municipality’s own staff', async () => {
    const vest = await signIn(t.app, 'designer@vest.no');
    expect((await vest.agent.get(reviewPath())).status).toBe(404);
    expect((await vest.agent.get(`/admin/vest/review/${journeyId}`)).status).toBe(404);
    expect((await request(t.app).get(reviewPath())).status).toBe(303);
  });
});

describe('publishing and resolving', () => {
  it('asks before publishing with open comments, publishes when confirmed, and never shows comments to the public', async () => {
    const asked = await designer.agent.post(`/admin/aust/journeys/${journeyId}/publish`).type('form').send({ _csrf: designer.csrf });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('2 kommentarer er ikke løst');
    expect(asked.text).toContain('Her venter folk i tolv uker, ikke tre.');
    expect(t.db.prepare('SELECT status FROM journeys WHERE id = ?').pluck().get(journeyId)).toBe('draft');
    const confirmed = await designer.agent.post(`/admin/aust/journeys/${journeyId}/publish`).type('form').send({ _csrf: designer.csrf, confirmOpenComments: '1' });
    expect(confirmed.status).toBe(303);
    expect(t.db.prepare('SELECT status FROM journeys WHERE id = ?').pluck().get(journeyId)).toBe('published');
    for (const path of ['/aust/reiser/garasje', `/aust/reiser/garasje/steg/${stepIds[1]}`, '/api/v1/municipalities/aust/journeys/garasje']) {
      expect((await request(t.app).get(path)).text).not.toContain('tolv uker, ikke tre');
    }
  });

  it('lets designers resolve comments, and publishes without asking once none is open', async () => {
    const ids = t.db.prepare('SELECT id FROM journey_comments WHERE resolved_at IS NULL').pluck().all() as number[];
    expect((await analyst.agent.post(`${reviewPath()}/comments/${ids[0]}/resolve`).type('form').send({ _csrf: analyst.csrf })).status).toBe(403);
    for (const id of ids) expect((await designer.agent.post(`${reviewPath()}/comments/${id}/resolve`).type('form').send({ _csrf: designer.csrf })).status).toBe(303);
    expect((await designer.agent.post(`${reviewPath()}/comments/${ids[0]}/resolve`).type('form').send({ _csrf: designer.csrf })).status).toBe(404);
    const page = (await designer.agent.get(reviewPath())).text;
    expect(page).toContain('0 åpne kommentarer');
    expect(page).toContain('Løst av');
    t.services.journeyEditor.addStep(null, t.services.municipalities.bySlug('aust').id, journeyId, t.db.prepare('SELECT id FROM phases WHERE journey_id = ?').pluck().get(journeyId) as number, {
      title: 'Klage på vedtaket', residentAction: '', touchpoint: '', channel: 'letter', departmentId: null, backstage: '', systems: '', emotion: -1, duration: '',
    });
    const published = await designer.agent.post(`/admin/aust/journeys/${journeyId}/publish`).type('form').send({ _csrf: designer.csrf });
    expect(published.status).toBe(303);
  });
});
