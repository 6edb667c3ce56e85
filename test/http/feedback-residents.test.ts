// Residents' feedback: reporting with a check step, redaction, duplicate hints, votes, flags, erasure, feed, limits.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { PARTICIPANT_COOKIE } from '../../src/modules/feedback/participant-key';
import { buildJourney } from '../helpers/journeys';
import { firstValidNationalId } from '../helpers/national-id';
import { report, REPORT, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let stepId: number;
let municipalityId: number;

function setPremoderation(on: boolean) {
  t.db.prepare('UPDATE municipalities SET premoderation = ? WHERE id = ?').run(on ? 1 : 0, municipalityId);
}

beforeAll(() => {
  t = makeTestApp();
  municipalityId = createMunicipality(t.services, 'aust');
  const j = buildJourney(t.services, 'aust', { slug: 'garasje', phases: { Søke: ['Sende søknad', 'Vente på vedtak'] }, publish: true });
  stepId = j.stepIds[0]!;
  stepPath = `/aust/reiser/garasje/steg/${stepId}`;
});
afterAll(() => t.close());

const count = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('reporting a pain point', () => {
  it('shows a check step first; confirming stores it, pending under pre-moderation and visible only to its author', async () => {
    setPremoderation(true);
    const r = await resident(t.app, stepPath);
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT });
    expect(check.status).toBe(200);
    expect(check.text).toContain('Se over før du sender');
    expect(count('pain_points')).toBe(0);

    const id = await report(r, stepPath);
    const row = t.db.prepare('SELECT moderation_status, step_id, severity FROM pain_points WHERE id = ?').get(id);
    expect(row).toEqual({ moderation_status: 'pending', step_id: stepId, severity: 4 });
    const own = await r.agent.get(`/aust/innspill/${id}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Venter på gjennomgang');
    expect((await request(t.app).get(`/aust/innspill/${id}`)).status).toBe(404);
    expect((await request(t.app).get(stepPath)).text).not.toContain(REPORT.title);
  });

  it('publishes at once under post-moderation and lists it on the step page', async () => {
    setPremoderation(false);
    const r = await resident(t.app, stepPath);
    const id = await report(r, stepPath, { title: 'Vedtaket kom aldri' });
    const page = await request(t.app).get(stepPath);
    expect(page.text).toContain('Vedtaket kom aldri');
    expect(page.text).toContain(`/aust/innspill/${id}`);
    setPremoderation(true);
  });

  it('gives the resident an HttpOnly participant cookie and stores only a keyed hash of it', async () => {
    const r = await resident(t.app, stepPath);
    const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, confirmed: '1' });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${PARTICIPANT_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const value = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!);
    const hashes = t.db.prepare('SELECT key_hash FROM participants').pluck().all() as string[];
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.some((h) => h.includes(value))).toBe(false);
    const dump = JSON.stringify(t.db.prepare('SELECT * FROM pain_points').all()) + JSON.stringify(t.db.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain(value);
    expect(dump).not.toContain('127.0.0.1');
  });

  it('redacts personal data before storage and tells the resident what was removed, even if the form is tampered with', async () => {
    const r = await resident(t.app, stepPath);
    const fnr = firstValidNationalId(3, 4, 88, 150);
    const body = `Ring meg på 412 34 567 eller skriv til kari@example.no. Fødselsnummer ${fnr}.`;
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, body });
    expect(check.text).toContain('Vi fjernet personopplysninger');
    expect(check.text).toContain('Telefonnummer: 1');
    expect(check.text).toContain('E-postadresser: 1');
    expect(check.text).toContain('Fødselsnummer eller D-nummer: 1');
    expect(check.text).not.toContain('412 34 567');
    // The check step sends the redacted text back; a tampered form with the raw text is redacted again.
    const id = await report(r, stepPath, { body });
    const stored = t.db.prepare('SELECT body FROM pain_points WHERE id = ?').pluck().get(id) as string;
    expect(stored).toBe('Ring meg på [fjernet: telefonnummer] eller skriv til [fjernet: e-postadresse]. Fødselsnummer [fjernet: fødselsnummer].');
  });

  it.each([
    [{ title: 'x'.repeat(121) }, 'title'],
    [{ body: 'x'.repeat(2001) }, 'body'],
    [{ title: '' }, 'title'],
    [{ severity: '6' }, 'severity'],
    [{ severity: '' }, 'severity'],
    [{ channel: 'brevdue' }, 'channel'],
  ])('refuses %o with 400 on %s, keeping the values and storing nothing', async (change, field) => {
    const r = await resident(t.app, stepPath);
    const before = count('pain_points');
    const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, ...change, confirmed: '1' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    if (field !== 'body') expect(res.text).toContain(REPORT.body);
    expect(count('pain_points')).toBe(before);
  });

  it('refuses an unknown field such as municipality_id', async () => {
    const r = await resident(t.app, stepPath);
    const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, municipality_id: '2', confirmed: '1' });
    expect(res.status).toBe(400);
  });

  it('stores nothing when the hidden honeypot is filled, but answers like a success', async () => {
    const r = await resident(t.app, stepPath);
    const before = count('pain_points');
    const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, website: 'http://spam.example', confirmed: '1' });
    expect(res.status).toBe(303);
    expect(count('pain_points')).toBe(before);
  });

  it('answers 404 for a report on a step that is not published', async () => {
    expect((await request(t.app).get('/aust/reiser/garasje/steg/999999/meld')).status).toBe(404);
    expect((await request(t.app).get('/aust/reiser/ukjent/meld')).status).toBe(404);
  });
});

describe('duplicate hints', () => {
  it('shows the most similar published pain points of the journey with a "me too" that keeps the draft as a story there (#20.5)', async () => {
    setPremoderation(false);
    const first = await resident(t.app, stepPath);
    const existing = await report(first, stepPath, { title: 'Lang ventetid på byggesøknad', body: 'Det tok tolv uker før jeg fikk svar på byggesøknaden.' });
    const r = await resident(t.app, stepPath);
    const check = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, title: 'Ventetiden på byggesøknaden', body: 'Byggesøknaden tok altfor lang tid, mange uker uten svar.' });
    expect(check.text).toContain('Har noen meldt fra om det samme?');
    expect(check.text).toContain(`action="/aust/innspill/${existing}/opplevelse"`);
    expect(check.text).toContain('Meg også – legg historien min til her');
    expect(check.text).toContain('Mitt er annerledes, send inn');
    setPremoderation(true);
  });
});

describe('"me too" votes', () => {
  let painPointId: number;
  beforeAll(async () => {
    setPremoderation(false);
    painPointId = await report(await resident(t.app, stepPath), stepPath, { title: 'Stemmes på' });
    setPremoderation(true);
  });
  const votes = () => t.db.prepare('SELECT count(*) FROM votes WHERE pain_point_id = ?').pluck().get(painPointId) as number;

  it('records one vote with an optional severity, and withdrawing removes it', async () => {
    const r = await resident(t.app, stepPath);
    expect((await r.agent.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({ severity: '5' })).status).toBe(303);
    expect((await r.agent.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({ severity: '' })).status).toBe(303);
    expect(t.db.prepare('SELECT severity FROM votes WHERE pain_point_id = ?').pluck().all(painPointId)).toEqual([5]);
    const page = await r.agent.get(`/aust/innspill/${painPointId}`);
    expect(page.text).toContain('Du har sagt «meg også».');
    expect(page.text).toContain('Antall som støtter: 2');
    expect((await r.agent.post(`/aust/innspill/${painPointId}/trekk`).type('form').send({})).status).toBe(303);
    expect(votes()).toBe(0);
  });

  it('leaves exactly one vote after 50 identical requests in parallel', async () => {
    const r = await resident(t.app, stepPath);
    // Give the resident their participant cookie first, as a real browser would have it.
    await r.agent.post(`/aust/innspill/${painPointId}/trekk`).type('form').send({});
    await r.agent.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({});
    await r.agent.post(`/aust/innspill/${painPointId}/trekk`).type('form').send({});
    const before = votes();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => r.agent.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({ severity: '3' })),
    );
    expect(results.every((res) => res.status === 303)).toBe(true);
    expect(votes()).toBe(before + 1);
  });

  it('refuses a vote on one’s own pain point and on a closed one with 400', async () => {
    setPremoderation(false);
    const r = await resident(t.app, stepPath);
    const own = await report(r, stepPath, { title: 'Mitt eget' });
    const res = await r.agent.post(`/aust/innspill/${own}/meg-ogsa`).type('form').send({});
    expect(res.status).toBe(400);
    expect(res.text).toContain('Du kan ikke si «meg også» til ditt eget innspill.');
    t.db.prepare("UPDATE pain_points SET response_status = 'solved' WHERE id = ?").run(own);
    const other = await resident(t.app, stepPath);
    const closed = await other.agent.post(`/aust/innspill/${own}/meg-ogsa`).type('form').send({});
    expect(closed.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM votes WHERE pain_point_id = ?').pluck().get(own)).toBe(0);
    setPremoderation(true);
  });

  it('gives 404 for a vote on a pending pain point or one of another municipality', async () => {
    const r = await resident(t.app, stepPath);
    const pending = await report(await resident(t.app, stepPath), stepPath);
    expect((await r.agent.post(`/aust/innspill/${pending}/meg-ogsa`).type('form').send({})).status).toBe(404);
    createMunicipality(t.services, 'vest');
    expect((await r.agent.post(`/vest/innspill/${painPointId}/meg-ogsa`).type('form').send({})).status).toBe(404);
  });
});

describe('flags', () => {
  it('hides a pain point after the threshold of flags from different residents', async () => {
    setPremoderation(false);
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Blir rapportert' });
    setPremoderation(true);
    t.db.prepare('UPDATE municipalities SET flag_hide_threshold = 2 WHERE id = ?').run(municipalityId);
    for (let i = 0; i < 2; i += 1) {
      const r = await resident(t.app, stepPath);
      expect((await r.agent.get(`/aust/innspill/${id}/rapporter`)).status).toBe(200);
      expect((await r.agent.post(`/aust/innspill/${id}/rapporter`).type('form').send({ reason: 'offensive' })).status).toBe(303);
    }
    expect((await request(t.app).get(`/aust/innspill/${id}`)).status).toBe(404);
    expect((await request(t.app).get(stepPath)).text).not.toContain('Blir rapportert');
    const r = await resident(t.app, stepPath);
    expect((await r.agent.post(`/aust/innspill/${id}/rapporter`).type('form').send({ reason: 'bad' })).status).toBe(404);
  });

  it('refuses an unknown reason with 400', async () => {
    setPremoderation(false);
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Feil grunn' });
    setPremoderation(true);
    const r = await resident(t.app, stepPath);
    const res = await r.agent.post(`/aust/innspill/${id}/rapporter`).type('form').send({ reason: 'boring' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#field-reason"');
  });
});

describe('my contributions and erasure', () => {
  it('lists the browser’s pain points and votes, and deleting removes them from every page and the feed', async () => {
    setPremoderation(false);
    const r = await resident(t.app, stepPath);
    const mine = await report(r, stepPath, { title: 'Skal slettes' });
    const other = await report(await resident(t.app, stepPath), stepPath, { title: 'Andres innspill' });
    await r.agent.post(`/aust/innspill/${other}/meg-ogsa`).type('form').send({});
    const moderator = await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
    t.services.moderation.answer(moderator, municipalityId, mine, 'under_review', 'Vi ser på dette.');
    setPremoderation(true);

    const list = await r.agent.get('/mine');
    expect(list.text).toContain('Skal slettes');
    expect(list.text).toContain('Vi ser på dette.');
    expect(list.text).toContain('Andres innspill');
    expect((await request(t.app).get('/aust/reiser/garasje/feed.atom')).text).toContain('Skal slettes');

    expect((await r.agent.post(`/mine/innspill/${mine}/slett`).type('form').send({})).status).toBe(303);
    expect((await r.agent.post(`/mine/stemmer/${other}/slett`).type('form').send({})).status).toBe(303);
    expect((await request(t.app).get(`/aust/innspill/${mine}`)).status).toBe(404);
    expect((await request(t.app).get(stepPath)).text).not.toContain('Skal slettes');
    expect((await request(t.app).get('/aust/reiser/garasje/feed.atom')).text).not.toContain('Skal slettes');
    expect((await r.agent.get('/mine')).text).not.toContain('Andres innspill');
    expect(t.db.prepare("SELECT count(*) FROM pain_points WHERE title = 'Skal slettes'").pluck().get()).toBe(0);
  });

  it('refuses to delete someone else’s pain point (404)', async () => {
    setPremoderation(false);
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Ikke ditt' });
    setPremoderation(true);
    const stranger = await resident(t.app, stepPath);
    await stranger.agent.post(`/aust/innspill/${id}/meg-ogsa`).type('form').send({});
    expect((await stranger.agent.post(`/mine/innspill/${id}/slett`).type('form').send({})).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) FROM pain_points WHERE id = ?').pluck().get(id)).toBe(1);
  });
});

describe('notices to residents', () => {
  const shows = async (r: { agent: ReturnType<typeof request.agent> }, path: string, notice: string) => (await r.agent.get(path)).text.includes(notice);

  it('thanks for a report once, on its page, in words that match its moderation status, and never in the address', async () => {
    for (const premoderation of [true, false]) {
      setPremoderation(premoderation);
      const r = await resident(t.app, stepPath);
      const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, confirmed: '1' });
      const id = Number(/innspill\/(\d+)$/.exec(res.headers.location as string)![1]);
      expect([res.status, res.headers.location]).toEqual([303, `/aust/innspill/${id}`]);
      const notice = premoderation ? nb.flash.reportPending : nb.flash.reportPublished;
      expect(await shows(r, `/aust/innspill/${id}`, notice)).toBe(true);
      expect(await shows(r, `/aust/innspill/${id}`, notice)).toBe(false);
    }
    setPremoderation(true);
  });

  it('thanks for a flag on the journey’s map, and confirms an erasure on “my contributions”', async () => {
    setPremoderation(false);
    const r = await resident(t.app, stepPath);
    const id = await report(r, stepPath, { title: 'Blir rapportert og slettet' });
    setPremoderation(true);
    const flagger = await resident(t.app, stepPath);
    const flagged = await flagger.agent.post(`/aust/innspill/${id}/rapporter`).type('form').send({ reason: 'spam' });
    expect([flagged.status, flagged.headers.location]).toEqual([303, '/aust/reiser/garasje']);
    expect(await shows(flagger, '/aust/reiser/garasje', nb.flash.reportFlagged)).toBe(true);
    expect(await shows(flagger, '/aust/reiser/garasje', nb.flash.reportFlagged)).toBe(false);
    // The thanks went to the one who flagged, not into the map every visitor is served.
    expect((await request(t.app).get('/aust/reiser/garasje')).text).not.toContain(nb.flash.reportFlagged);

    const deleted = await r.agent.post(`/mine/innspill/${id}/slett`).type('form').send({});
    expect([deleted.status, deleted.headers.location]).toEqual([303, '/mine']);
    expect(await shows(r, '/mine', nb.flash.contributionDeleted)).toBe(true);
    expect(await shows(r, '/mine', nb.flash.contributionDeleted)).toBe(false);
  });

  it('announces nothing after a check step, a refused report or a bot’s report', async () => {
    const r = await resident(t.app, stepPath);
    expect((await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT })).status).toBe(200);
    expect((await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, title: '', confirmed: '1' })).status).toBe(400);
    const bot = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, website: 'http://spam.example', confirmed: '1' });
    expect([bot.status, bot.headers.location]).toEqual([303, '/aust/reiser/garasje']);
    expect((await r.agent.get('/aust/reiser/garasje')).text).not.toContain('role="status"');
  });
});

describe('step page and feed', () => {
  it('sorts by a value from the list and refuses anything else', async () => {
    for (const sort of ['important', 'newest', 'supported']) expect((await request(t.app).get(`${stepPath}?sort=${sort}`)).status).toBe(200);
    expect((await request(t.app).get(`${stepPath}?sort=created_at`)).status).toBe(400);
  });

  it('serves an Atom feed of answers and status changes for published pain points only', async () => {
    const res = await request(t.app).get('/aust/reiser/garasje/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(res.text).not.toContain('Venter');
  });
});

describe('rate limits', () => {
  it('gives a clear 429 page after the municipality’s report limit, counting only confirmed reports', async () => {
    const limited = createMunicipality(t.services, 'grense');
    t.db.prepare('UPDATE municipalities SET report_limit_per_hour = 2 WHERE id = ?').run(limited);
    const j = buildJourney(t.services, 'grense', { slug: 'grense', phases: { A: ['a'] }, publish: true });
    const stepPath = `/grense/reiser/grense/steg/${j.stepIds[0]}`;
    const r = await resident(t.app, stepPath);
    // The first report hands out the participant cookie and already counts: exactly the limit gets through.
    await report(r, stepPath);
    // The check step does not count.
    for (let i = 0; i < 3; i += 1) await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT });
    await report(r, stepPath);
    const res = await r.agent.post(`${stepPath}/meld`).type('form').send({ ...REPORT, confirmed: '1' });
    expect(res.status).toBe(429);
    expect(res.text).toContain('For mange forsøk');
    // Another resident at the same address still gets through: the address limit is wider.
    const neighbour = await resident(t.app, stepPath);
    expect(await report(neighbour, stepPath)).toBeGreaterThan(0);
  });
});

describe('steps with feedback', () => {
  it('cannot be removed by a signed-in designer: 400 with the editor\'s message, and the step stays', async () => {
    const j = buildJourney(t.services, 'aust', { slug: 'fjerning', phases: { A: ['Med innspill', 'Uten innspill'] }, publish: true });
    const [withFeedback, withoutFeedback] = j.stepIds as [number, number];
    const path = `/aust/reiser/fjerning/steg/${withFeedback}`;
    await report(await resident(t.app, path), path, { title: 'Holder steget på plass' });
    await createUser(t.services, { email: 'designer-fjerning@aust.no', municipality: 'aust', roles: ['designer'] });
    const { agent, csrf } = await signIn(t.app, 'designer-fjerning@aust.no');
    const removedAt = (id: number) => t.db.prepare('SELECT removed_at FROM steps WHERE id = ?').pluck().get(id);
    const remove = (id: number) => agent.post(`/admin/aust/journeys/${j.journeyId}/steps/${id}/remove`).type('form').send({ _csrf: csrf });

    const refused = await remove(withFeedback);

    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Steget har innspill fra innbyggere og kan ikke fjernes. Flytt det heller.');
    expect(removedAt(withFeedback)).toBeNull();
    // The same designer removes a step without feedback, so the refusal was about the feedback, not the role.
    expect((await remove(withoutFeedback)).status).toBe(303);
    expect(removedAt(withoutFeedback)).not.toBeNull();
  });
});

describe('merging a step that carries feedback', () => {
  it('moves its pain points to the target step; the step leaves the draft and its feedback page moves with it', async () => {
    const editor = await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
    const j = buildJourney(t.services, 'aust', { slug: 'sammenslaing', phases: { A: ['Gammelt steg', 'Nytt steg'] }, publish: true });
    const from = `/aust/reiser/sammenslaing/steg/${j.stepIds[0]}`;
    setPremoderation(false);
    const id = await report(await resident(t.app, from), from, { title: 'Flyttes med' });
    setPremoderation(true);
    expect(() => t.services.journeyEditor.removeStep(editor, municipalityId, j.journeyId, j.stepIds[0]!)).toThrow();
    expect(t.services.journeyEditor.mergeStep(editor, municipalityId, j.journeyId, j.stepIds[0]!, j.stepIds[1]!)).toBe(1);
    expect(t.db.prepare('SELECT step_id FROM pain_points WHERE id = ?').pluck().get(id)).toBe(j.stepIds[1]);
    const draft = t.services.journeyEditor.draftSnapshot(t.services.journeyEditor.get(municipalityId, j.journeyId));
    expect(draft.phases[0]!.steps.map((s) => s.title)).toEqual(['Nytt steg']);
    expect(() => t.services.journeyEditor.mergeStep(editor, municipalityId, j.journeyId, j.stepIds[1]!, j.stepIds[1]!)).toThrow();
    t.services.journeyEditor.publish(editor, municipalityId, j.journeyId);
    expect((await request(t.app).get(`/aust/reiser/sammenslaing/steg/${j.stepIds[1]}`)).text).toContain('Flyttes med');
  });
});
