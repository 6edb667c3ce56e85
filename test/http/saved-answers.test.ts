// #18.5 saved answers: a municipality's moderators keep texts they give often, fill a rejection's reason or an
// official answer from one (also when rejecting several at once), and nothing of them crosses municipalities.
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let moderator: { agent: Agent; csrf: string };

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Steg en'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  for (const role of ['moderator', 'designer'] as const) await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  await createUser(t.services, { email: 'moderator@vest.no', municipality: 'vest', roles: ['moderator'] });
  moderator = await signIn(t.app, 'moderator@aust.no');
});
afterAll(() => t.close());

const post = (path: string, body: Record<string, string | string[]> = {}) => moderator.agent.post(path).type('form').send({ _csrf: moderator.csrf, ...body });
const idOf = (title: string) => t.db.prepare('SELECT id FROM saved_answers WHERE title = ?').pluck().get(title) as number;
const WRONG_PLACE = 'Dette gjelder en annen kommune. Ta kontakt med kommunen der du bor.';

describe('keeping saved answers', () => {
  it('adds, lists, changes and removes them, each audited with the name only', async () => {
    const added = await post('/admin/aust/moderation/svar', { title: 'Feil kommune', body: WRONG_PLACE });
    expect([added.status, added.headers.location]).toEqual([303, '/admin/aust/moderation/svar']);
    const list = (await moderator.agent.get('/admin/aust/moderation/svar')).text;
    expect(list).toContain('Feil kommune');
    expect(list).toContain(WRONG_PLACE);
    expect(list).toContain(nb.flash.savedAnswerAdded);
    const id = idOf('Feil kommune');
    const edit = await moderator.agent.get(`/admin/aust/moderation/svar/${id}/edit`);
    expect(edit.text).toContain(WRONG_PLACE);
    expect((await post(`/admin/aust/moderation/svar/${id}/edit`, { title: 'Feil kommune', body: `${WRONG_PLACE} Takk!` })).status).toBe(303);
    expect(t.db.prepare('SELECT body FROM saved_answers WHERE id = ?').pluck().get(id)).toBe(`${WRONG_PLACE} Takk!`);
    const temporary = await post('/admin/aust/moderation/svar', { title: 'Midlertidig', body: 'x' });
    expect(temporary.status).toBe(303);
    expect((await post(`/admin/aust/moderation/svar/${idOf('Midlertidig')}/remove`)).status).toBe(303);
    expect(idOf('Midlertidig')).toBeUndefined();
    const audit = t.db.prepare("SELECT action, details FROM audit_log WHERE entity_type = 'saved_answer' ORDER BY id").all() as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(['saved_answer.created', 'saved_answer.updated', 'saved_answer.created', 'saved_answer.deleted']);
    expect(audit.map((a) => a.details).join(' ')).not.toContain(WRONG_PLACE);
  });

  it('refuses an empty text, a name taken (in any case) and unknown fields with 400, keeping what was typed', async () => {
    const before = t.db.prepare('SELECT count(*) FROM saved_answers').pluck().get();
    const empty = await post('/admin/aust/moderation/svar', { title: 'Tomt', body: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#field-body"');
    expect(empty.text).toContain('value="Tomt"');
    const taken = await post('/admin/aust/moderation/svar', { title: 'FEIL KOMMUNE', body: 'Noe annet å si.' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain(nb.validation.savedAnswerTaken);
    expect(taken.text).toContain('Noe annet å si.');
    expect((await post('/admin/aust/moderation/svar', { title: 'a', body: 'b', extra: '1' })).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM saved_answers').pluck().get()).toBe(before);
  });

  it('belongs to moderators of its own municipality', async () => {
    const id = idOf('Feil kommune');
    const designer = await signIn(t.app, 'designer@aust.no');
    expect((await designer.agent.get('/admin/aust/moderation/svar')).status).toBe(403);
    const vest = await signIn(t.app, 'moderator@vest.no');
    expect((await vest.agent.get(`/admin/vest/moderation/svar/${id}/edit`)).status).toBe(404);
    expect((await vest.agent.post(`/admin/vest/moderation/svar/${id}/remove`).type('form').send({ _csrf: vest.csrf })).status).toBe(404);
    expect((await vest.agent.get('/admin/vest/moderation/svar')).text).not.toContain('Feil kommune');
    expect(idOf('Feil kommune')).toBe(id);
  });
});

describe('using them', () => {
  it('fills the reason for rejecting, or the official answer, on a report’s page, from a saved answer', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Om en annen kommune' });
    const saved = idOf('Feil kommune');
    const page = (await moderator.agent.get(`/admin/aust/moderation/${id}`)).text;
    expect(page).toContain('name="reasonFrom"');
    expect(page).toContain('name="answerFrom"');
    const reason = (await moderator.agent.get(`/admin/aust/moderation/${id}?reasonFrom=${saved}`)).text;
    expect(reason).toMatch(new RegExp(`name="reason"[^>]*>${WRONG_PLACE}`));
    const answer = (await moderator.agent.get(`/admin/aust/moderation/${id}?answerFrom=${saved}&reasonFrom=${saved}`)).text;
    expect(answer).toMatch(new RegExp(`name="text"[^>]*>${WRONG_PLACE}`));
    expect((await moderator.agent.get(`/admin/aust/moderation/${id}?reasonFrom=999999`)).status).toBe(404);
    expect((await moderator.agent.get(`/admin/aust/moderation/${id}?reasonFrom=abc`)).status).toBe(400);
  });

  it('rejects several at once with a saved answer as the reason; a written reason wins', async () => {
    const saved = String(idOf('Feil kommune'));
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Samlet avvist en' });
    const b = await report(await resident(t.app, stepPath), stepPath, { title: 'Samlet avvist to' });
    expect((await moderator.agent.get('/admin/aust/moderation')).text).toContain('name="savedAnswer"');
    const res = await post('/admin/aust/moderation/valgte', { ids: [String(a)], decision: 'reject', savedAnswer: saved });
    expect(res.status).toBe(303);
    expect(t.db.prepare('SELECT rejection_reason FROM pain_points WHERE id = ?').pluck().get(a)).toBe(`${WRONG_PLACE} Takk!`);
    expect((await post('/admin/aust/moderation/valgte', { ids: [String(b)], decision: 'reject', reason: 'Egen grunn.', savedAnswer: saved })).status).toBe(303);
    expect(t.db.prepare('SELECT rejection_reason FROM pain_points WHERE id = ?').pluck().get(b)).toBe('Egen grunn.');
  });

  it('refuses a saved answer too long to be a reason, or of another municipality, with 400, keeping the choice', async () => {
    await post('/admin/aust/moderation/svar', { title: 'Langt svar', body: 'Lang tekst. '.repeat(60) });
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Ikke avvist ennå' });
    const tooLong = await post('/admin/aust/moderation/valgte', { ids: [String(a)], decision: 'reject', savedAnswer: String(idOf('Langt svar')) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain(nb.validation.savedAnswerTooLongForReason);
    // The report stays chosen, so nothing the moderator did is lost.
    expect(tooLong.text).toMatch(new RegExp(`name="ids" value="${a}"[^>]*checked`));
    t.db.prepare("INSERT INTO saved_answers (municipality_id, title, body, created_at, updated_at) VALUES ((SELECT id FROM municipalities WHERE slug = 'vest'), 'Vest sitt', 'x', '', '')").run();
    const foreign = await post('/admin/aust/moderation/valgte', { ids: [String(a)], decision: 'reject', savedAnswer: String(idOf('Vest sitt')) });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain(nb.validation.savedAnswerGone);
    expect(t.db.prepare('SELECT moderation_status FROM pain_points WHERE id = ?').pluck().get(a)).toBe('pending');
  });
});
