// #20.5 "Add my experience": a resident adds their own story to an existing report beside "me too", through the same
// check step, redaction and moderation as a report; at a report's check step, "me too" on a similar report keeps the
// resident's text as their story there.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let m: number;
let stepPath: string;
let existing: number;
let moderator: { agent: Agent; csrf: string };

beforeAll(async () => {
  t = makeTestApp();
  m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'garasje', phases: { Søke: ['Sende byggesøknad'] }, publish: true });
  stepPath = `/aust/reiser/garasje/steg/${j.stepIds[0]}`;
  existing = await report(await resident(t.app, stepPath), stepPath, { title: 'Lang ventetid på byggesøknaden', body: 'Det tok tolv uker før byggesøknaden ble behandlet.' });
  await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
  moderator = await signIn(t.app, 'moderator@aust.no');
});
afterAll(() => t.close());

const stories = () => t.db.prepare('SELECT pain_point_id, body, moderation_status FROM experiences ORDER BY id').all();
const supporters = (id: number) => t.services.moderation.get(m, id).supporters;

describe('adding my experience', () => {
  it('shows the check step with what was removed, keeps nothing until sent, then keeps the story and the "me too"', async () => {
    const r = await resident(t.app, stepPath);
    const before = supporters(existing);
    const check = await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: 'Jeg ventet også. Ring meg på 412 34 567.', severity: '4' });
    expect(check.status).toBe(200);
    expect(check.text).toContain(nb.feedback.experience.checkTitle);
    expect(check.text).toContain('[fjernet: telefonnummer]');
    expect(stories()).toEqual([]);
    const sent = await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: 'Jeg ventet også i tolv uker. Ring meg på 412 34 567.', severity: '4', confirmed: '1' });
    expect([sent.status, sent.headers.location]).toEqual([303, `/aust/innspill/${existing}#opplevelser`]);
    expect(stories()).toEqual([{ pain_point_id: existing, body: 'Jeg ventet også i tolv uker. Ring meg på [fjernet: telefonnummer].', moderation_status: 'published' }]);
    expect(supporters(existing)).toBe(before + 1);
    const page = (await request(t.app).get(`/aust/innspill/${existing}`)).text;
    expect(page).toContain('Jeg ventet også i tolv uker.');
    expect(page).toContain('Andres opplevelser (1)');
  });

  it('refuses an empty story with 400 on the check step, and one on one’s own report', async () => {
    const r = await resident(t.app, stepPath);
    const empty = await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: ' ', confirmed: '1' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#field-body"');
    const mine = await report(r, stepPath, { title: 'Mitt eget innspill om skjemaet', body: 'Skjemaet var vanskelig.' });
    const own = await r.agent.post(`/aust/innspill/${mine}/opplevelse`).type('form').send({ body: 'Mer om mitt eget', confirmed: '1' });
    expect(own.status).toBe(400);
    expect(stories()).toHaveLength(1);
  });

  it('at the check step of a new report, "me too" on a similar report keeps the draft as the story there', async () => {
    const r = await resident(t.app, stepPath);
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send({ title: 'Ventetid på byggesøknad', body: 'Byggesøknaden lå i tolv uker.', severity: '5', channel: '' });
    expect(check.text).toContain(nb.feedback.check.meTooWithStory);
    const form = /<form method="post" action="(\/aust\/innspill\/\d+\/opplevelse)">([\s\S]*?)<\/form>/.exec(check.text)!;
    const fields = Object.fromEntries([...form[2]!.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((f) => [f[1], f[2]!.replace(/&#10;/g, '\n')]));
    const res = await r.agent.post(form[1]!).type('form').send(fields);
    expect(res.status).toBe(303);
    expect(stories().at(-1)).toEqual({ pain_point_id: existing, body: 'Ventetid på byggesøknad\n\nByggesøknaden lå i tolv uker.', moderation_status: 'published' });
  });
});

describe('moderation of stories', () => {
  it('holds stories under pre-moderation until a moderator publishes or rejects them from the queue', async () => {
    t.db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m);
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: 'Venter på moderator', confirmed: '1' });
    await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: 'Dette avvises', confirmed: '1' });
    expect((await request(t.app).get(`/aust/innspill/${existing}`)).text).not.toContain('Venter på moderator');
    const queue = (await moderator.agent.get('/admin/aust/moderation')).text;
    expect(queue).toContain('Opplevelser som venter (2)');
    const [first, second] = t.db.prepare("SELECT id FROM experiences WHERE moderation_status = 'pending' ORDER BY id").pluck().all() as number[];
    expect((await moderator.agent.post(`/admin/aust/moderation/opplevelser/${first}`).type('form').send({ _csrf: moderator.csrf, decision: 'approve' })).status).toBe(303);
    expect((await moderator.agent.post(`/admin/aust/moderation/opplevelser/${second}`).type('form').send({ _csrf: moderator.csrf, decision: 'reject', reason: 'Ikke om tjenesten' })).status).toBe(303);
    expect((await moderator.agent.post(`/admin/aust/moderation/opplevelser/${second}`).type('form').send({ _csrf: moderator.csrf, decision: 'maybe' })).status).toBe(400);
    const page = (await request(t.app).get(`/aust/innspill/${existing}`)).text;
    expect(page).toContain('Venter på moderator');
    expect(page).not.toContain('Dette avvises');
    expect(t.db.prepare("SELECT action FROM audit_log WHERE entity_type = 'experience' ORDER BY id").pluck().all()).toEqual(['experience.approved', 'experience.rejected']);
    t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  });
});

describe('my contributions', () => {
  it('lists my stories on /mine, asks before deleting one, and deletes only my own', async () => {
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${existing}/opplevelse`).type('form').send({ body: 'Min egen historie om ventetiden', confirmed: '1' });
    const id = t.db.prepare("SELECT id FROM experiences WHERE body = 'Min egen historie om ventetiden'").pluck().get() as number;
    const mine = (await r.agent.get('/mine')).text;
    expect(mine).toContain('Min egen historie om ventetiden');
    expect(mine).toContain(`/mine/opplevelser/${id}/slett`);
    const confirm = await r.agent.get(`/mine/opplevelser/${id}/slett`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(nb.feedback.deleteExperience.title);
    const stranger = await resident(t.app, stepPath);
    expect((await stranger.agent.get(`/mine/opplevelser/${id}/slett`)).status).toBe(404);
    expect((await stranger.agent.post(`/mine/opplevelser/${id}/slett`).type('form').send({})).status).toBe(404);
    expect((await r.agent.post(`/mine/opplevelser/${id}/slett`).type('form').send({})).status).toBe(303);
    expect(t.db.prepare('SELECT count(*) FROM experiences WHERE id = ?').pluck().get(id)).toBe(0);
  });
});
