// Moderation: every action, its authorization, merge and unmerge with supporters, official answers, flags, audit.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let moderator: { agent: Agent; csrf: string };
let municipalityId: number;

beforeAll(async () => {
  t = makeTestApp();
  municipalityId = createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Steg en', 'Steg to'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  for (const role of ['moderator', 'admin', 'designer', 'analyst'] as const) {
    await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  }
  await createUser(t.services, { email: 'moderator@vest.no', municipality: 'vest', roles: ['moderator'] });
  moderator = await signIn(t.app, 'moderator@aust.no');
});
afterAll(() => t.close());

const statusOf = (id: number) => t.db.prepare('SELECT moderation_status FROM pain_points WHERE id = ?').pluck().get(id);
const post = (path: string, body: Record<string, string> = {}) => moderator.agent.post(path).type('form').send({ _csrf: moderator.csrf, ...body });

describe('authorization', () => {
  it.each([
    ['moderator@aust.no', 200],
    ['admin@aust.no', 200],
    ['designer@aust.no', 403],
    ['analyst@aust.no', 403],
    ['moderator@vest.no', 404],
  ])('%s gets %i on the queue and on a pain point, and the same refusal on an action', async (email, status) => {
    const id = await report(await resident(t.app, stepPath), stepPath);
    const { agent, csrf } = await signIn(t.app, email);
    expect((await agent.get('/admin/aust/moderation')).status).toBe(status);
    expect((await agent.get(`/admin/aust/moderation/${id}`)).status).toBe(status);
    const approve = await agent.post(`/admin/aust/moderation/${id}/approve`).type('form').send({ _csrf: csrf });
    expect(approve.status).toBe(status === 200 ? 303 : status);
    expect(statusOf(id)).toBe(status === 200 ? 'published' : 'pending');
  });

  it('sends signed-out visitors to login', async () => {
    expect((await request(t.app).get('/admin/aust/moderation')).status).toBe(303);
  });
});

describe('the queue', () => {
  it('lists pending reports by default and filters by journey, status and flags; refuses values outside the lists', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Venter i køen' });
    const queue = await moderator.agent.get('/admin/aust/moderation');
    expect(queue.text).toContain('Venter i køen');
    expect((await moderator.agent.get('/admin/aust/moderation?status=published')).text).not.toContain('Venter i køen');
    expect((await moderator.agent.get('/admin/aust/moderation?status=all&flagged=1')).text).not.toContain('Venter i køen');
    expect((await moderator.agent.get(`/admin/aust/moderation?journey=${t.db.prepare('SELECT journey_id FROM pain_points WHERE id = ?').pluck().get(id)}`)).text).toContain('Venter i køen');
    expect((await moderator.agent.get('/admin/aust/moderation?status=deleted')).status).toBe(400);
    expect((await moderator.agent.get('/admin/aust/moderation?journey=abc')).status).toBe(400);
  });
});

describe('working through the queue (#18)', () => {
  it('shows how long each item has waited, the longest waiting first, and filters by step', async () => {
    const first = await report(await resident(t.app, stepPath), stepPath, { title: 'Ventet lengst' });
    const second = await report(await resident(t.app, stepPath), stepPath, { title: 'Kom etterpå' });
    t.db.prepare('UPDATE pain_points SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 3 * 86_400_000).toISOString(), first);
    t.db.prepare('UPDATE pain_points SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 2 * 3_600_000).toISOString(), second);
    const queue = (await moderator.agent.get('/admin/aust/moderation')).text;
    expect(queue.indexOf('Ventet lengst')).toBeLessThan(queue.indexOf('Kom etterpå'));
    expect(queue).toMatch(/Ventet lengst<\/a><\/th>\s*<td>3 dager<\/td>/);
    expect(queue).toMatch(/Kom etterpå<\/a><\/th>\s*<td>2 timer<\/td>/);
    expect((await moderator.agent.get('/admin/aust/moderation?lang=en')).text).toMatch(/Ventet lengst<\/a><\/th>\s*<td>3 days<\/td>/);
    await moderator.agent.get('/admin/aust/moderation?lang=nb');
    const stepOne = Number(stepPath.split('/').pop());
    const stepTwo = t.db.prepare('SELECT id FROM steps WHERE id <> ? AND journey_id = (SELECT journey_id FROM steps WHERE id = ?)').pluck().get(stepOne, stepOne) as number;
    expect((await moderator.agent.get(`/admin/aust/moderation?step=${stepOne}`)).text).toContain('Ventet lengst');
    expect((await moderator.agent.get(`/admin/aust/moderation?step=${stepTwo}`)).text).not.toContain('Ventet lengst');
    expect((await moderator.agent.get('/admin/aust/moderation?step=abc')).status).toBe(400);
    // The step filter lists the published steps, grouped by journey.
    expect(queue).toMatch(/<optgroup label="[^"]+">[\s\S]*Steg en[\s\S]*Steg to[\s\S]*<\/optgroup>/);
  });

  it('takes the moderator from a decision to the next item waiting, and to the queue when none is left', async () => {
    const ids = t.db.prepare("SELECT id FROM pain_points WHERE municipality_id = ? AND moderation_status = 'pending'").pluck().all(municipalityId) as number[];
    for (const pending of ids) t.db.prepare("UPDATE pain_points SET moderation_status = 'rejected' WHERE id = ?").run(pending);
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Først i køen' });
    const b = await report(await resident(t.app, stepPath), stepPath, { title: 'Nest i køen' });
    const approved = await post(`/admin/aust/moderation/${a}/approve`);
    expect(approved.headers.location).toBe(`/admin/aust/moderation/${b}`);
    expect((await moderator.agent.get(approved.headers.location!)).text).toContain(nb.flash.approvedNext);
    const rejected = await post(`/admin/aust/moderation/${b}/reject`, { reason: 'Dobbelt.' });
    expect(rejected.headers.location).toBe('/admin/aust/moderation');
    expect((await moderator.agent.get('/admin/aust/moderation')).text).toContain(nb.flash.rejected);
  });

  it('keeps the reason with rejecting, in a group of its own', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Skal vurderes' });
    const html = (await moderator.agent.get(`/admin/aust/moderation/${id}`)).text;
    const group = html.match(/<fieldset class="ds-fieldset" id="reject">[\s\S]*?<\/fieldset>/)![0];
    expect(group).toContain(nb.moderation.rejectHeading);
    expect(group).toContain('name="reason"');
    expect(group).toContain(nb.moderation.reject);
    expect(group).not.toContain(nb.moderation.approve);
  });
});

describe('notices after an action', () => {
  it('announces each action once, on the pain point’s page, and never in the address', async () => {
    const target = await report(await resident(t.app, stepPath), stepPath, { title: 'Målet' });
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Får meldinger' });
    await post(`/admin/aust/moderation/${target}/approve`);
    const page = `/admin/aust/moderation/${id}`;
    // Decisions (publish, merge, reject) go on to the next item waiting, or to the queue when none waits (#18).
    const actions: [string, Record<string, string>, string, string | null][] = [
      ['approve', {}, nb.flash.approved, nb.flash.approvedNext],
      ['redact', { title: 'Får meldinger', body: 'Ny tekst.' }, nb.flash.redacted, null],
      ['answer', { status: 'planned', text: 'Vi ser på det.' }, nb.flash.answered, null],
      ['clear-flags', {}, nb.flash.flagsCleared, null],
      ['merge', { targetId: String(target) }, nb.flash.merged, nb.flash.mergedNext],
      ['unmerge', {}, nb.flash.unmerged, null],
      ['reject', { reason: 'Ikke et innspill.' }, nb.flash.rejected, nb.flash.rejectedNext],
    ];
    for (const [action, body, notice, onNext] of actions) {
      const next = onNext === null ? null : t.services.moderation.nextPending(municipalityId, id);
      const res = await post(`${page}/${action}`, body);
      const to = onNext === null ? page : next === null ? '/admin/aust/moderation' : `/admin/aust/moderation/${next}`;
      const shown = onNext !== null && next !== null ? onNext : notice;
      expect([action, res.status, res.headers.location]).toEqual([action, 303, to]);
      expect([action, (await moderator.agent.get(to)).text.includes(shown)]).toEqual([action, true]);
      expect([action, (await moderator.agent.get(to)).text.includes(shown)]).toEqual([action, false]);
    }
    // A refused action announces nothing, and the page's other forms keep what is stored.
    const refused = await post(`${page}/answer`, { status: 'nonsense', text: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/id="field-title"[^>]*value="Får meldinger"/);
    expect((await moderator.agent.get(page)).text).not.toContain('role="status"');
  });
});

describe('actions', () => {
  it('approves, so it appears on the step page', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Blir godkjent' });
    expect((await request(t.app).get(stepPath)).text).not.toContain('Blir godkjent');
    expect((await post(`/admin/aust/moderation/${id}/approve`)).status).toBe(303);
    expect((await request(t.app).get(stepPath)).text).toContain('Blir godkjent');
  });

  it('rejects with a reason that the author sees; an empty reason is refused', async () => {
    const author = await resident(t.app, stepPath);
    const id = await report(author, stepPath, { title: 'Blir avvist' });
    const empty = await post(`/admin/aust/moderation/${id}/reject`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#field-reason"');
    expect((await post(`/admin/aust/moderation/${id}/reject`, { reason: 'Handler om en navngitt ansatt.' })).status).toBe(303);
    expect(statusOf(id)).toBe('rejected');
    const seen = await author.agent.get(`/aust/innspill/${id}`);
    expect(seen.text).toContain('Handler om en navngitt ansatt.');
    expect((await request(t.app).get(`/aust/innspill/${id}`)).status).toBe(404);
  });

  it('redacts more text, and the audit log records that without the text', async () => {
    // What the automatic redaction cannot know (a person described, not named) is the moderator's to take out.
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Han med bart i byggesak var frekk', body: 'Den eldste med bart på byggesak var frekk.' });
    expect((await post(`/admin/aust/moderation/${id}/redact`, { title: 'En saksbehandler var frekk', body: 'En saksbehandler på byggesak var frekk.' })).status).toBe(303);
    expect(t.db.prepare('SELECT title FROM pain_points WHERE id = ?').pluck().get(id)).toBe('En saksbehandler var frekk');
    const audit = t.db.prepare("SELECT details FROM audit_log WHERE action = 'pain_point.redacted' AND entity_id = ?").pluck().get(id) as string;
    expect(JSON.parse(audit)).toEqual({ fields: ['title', 'body'] });
    expect(audit).not.toContain('bart');
  });

  it('merges a duplicate: supporters move and count once; unmerge gives them back', async () => {
    const a = await resident(t.app, stepPath);
    const b = await resident(t.app, stepPath);
    const both = await resident(t.app, stepPath);
    const target = await report(a, stepPath, { title: 'Originalen' });
    const duplicate = await report(b, stepPath, { title: 'Duplikatet' });
    await post(`/admin/aust/moderation/${target}/approve`);
    await post(`/admin/aust/moderation/${duplicate}/approve`);
    await both.agent.post(`/aust/innspill/${target}/meg-ogsa`).type('form').send({});
    await both.agent.post(`/aust/innspill/${duplicate}/meg-ogsa`).type('form').send({});
    const supporters = (id: number) => t.services.moderation.get(municipalityId, id).supporters;
    expect([supporters(target), supporters(duplicate)]).toEqual([2, 2]);

    expect((await post(`/admin/aust/moderation/${duplicate}/merge`, { targetId: String(target) })).status).toBe(303);
    expect(statusOf(duplicate)).toBe('merged');
    // a, b and the one who supported both: three people, counted once each.
    expect(supporters(target)).toBe(3);
    expect((await request(t.app).get(stepPath)).text).not.toContain('Duplikatet');
    // The duplicate's address leads to the pain point it was merged into.
    expect((await request(t.app).get(`/aust/innspill/${duplicate}`)).headers.location).toBe(`/aust/innspill/${target}`);

    expect((await post(`/admin/aust/moderation/${duplicate}/unmerge`)).status).toBe(303);
    expect([statusOf(duplicate), supporters(target), supporters(duplicate)]).toEqual(['published', 2, 2]);
    const actions = t.db.prepare("SELECT action FROM audit_log WHERE entity_type = 'pain_point' AND entity_id = ? ORDER BY id").pluck().all(duplicate);
    expect(actions).toEqual(['pain_point.approved', 'pain_point.merged', 'pain_point.unmerged']);
  });

  it('refuses a merge into itself, into another journey, or into a pain point of another municipality', async () => {
    const other = buildJourney(t.services, 'aust', { slug: 'annen', phases: { A: ['x'] }, publish: true });
    const otherStep = `/aust/reiser/annen/steg/${other.stepIds[0]}`;
    const id = await report(await resident(t.app, stepPath), stepPath);
    const elsewhere = await report(await resident(t.app, otherStep), otherStep);
    await post(`/admin/aust/moderation/${elsewhere}/approve`);
    for (const targetId of [String(id), String(elsewhere), '999999', 'abc']) {
      const res = await post(`/admin/aust/moderation/${id}/merge`, { targetId });
      expect([targetId, res.status]).toEqual([targetId, 400]);
    }
    expect(statusOf(id)).toBe('pending');
  });

  it('offers merge targets from the same step, the likeliest duplicates first, nothing chosen; the whole journey on request', async () => {
    const stepTwoPath = stepPath.replace(/\d+$/, String(t.db.prepare('SELECT id FROM steps WHERE journey_id = (SELECT journey_id FROM steps WHERE id = ?) AND id <> ?').pluck().get(Number(stepPath.split('/').pop()), Number(stepPath.split('/').pop()))));
    const make = async (path: string, title: string, body: string) => {
      const id = await report(await resident(t.app, path), path, { title, body });
      await post(`/admin/aust/moderation/${id}/approve`);
      return id;
    };
    const alike = await make(stepPath, 'Søknadsskjemaet for garasje henger seg opp', 'Skjemaet for garasjesøknad henger når jeg laster opp tegninger.');
    const unrelated = await make(stepPath, 'Aaa: åpningstidene er for korte', 'Kontoret stenger for tidlig.');
    const elsewhere = await make(stepTwoPath, 'Søknadsskjemaet for garasje stopper helt', 'Skjemaet for garasjesøknad stopper når jeg laster opp tegninger.');
    const duplicate = await make(stepPath, 'Garasjesøknaden henger seg opp', 'Søknadsskjemaet for garasje henger seg opp når jeg laster opp tegninger.');
    const page = (await moderator.agent.get(`/admin/aust/moderation/${duplicate}`)).text;
    const select = page.slice(page.indexOf('name="targetId"'), page.indexOf('</select>', page.indexOf('name="targetId"')));
    // Nothing is chosen in advance, the likeliest comes first, with how alike it is, and only this step's reports.
    expect(select).not.toMatch(/value="\d+" selected/);
    expect(select.indexOf(`value="${alike}"`)).toBeGreaterThan(-1);
    expect(select.indexOf(`value="${alike}"`)).toBeLessThan(select.indexOf(`value="${unrelated}"`));
    expect(select).toContain(`label="${nb.moderation.similarTargets}"`);
    expect(select).toMatch(/Søknadsskjemaet for garasje henger seg opp \(\d+ % likt\)/);
    expect(select).not.toContain(`value="${elsewhere}"`);
    // Across the journey, with each report's step named.
    const wide = (await moderator.agent.get(`/admin/aust/moderation/${duplicate}?targets=journey`)).text;
    expect(wide).toContain(`value="${elsewhere}"`);
    expect(wide).toMatch(/Søknadsskjemaet for garasje stopper helt – Steg to \(\d+ % likt\)/);
    expect((await moderator.agent.get(`/admin/aust/moderation/${duplicate}?targets=everything`)).status).toBe(400);
  });

  it('shows both reports side by side before a merge, changes nothing until confirmed, and refuses a preview without a fit target', async () => {
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Beholdes ved sammenslåing', body: 'Den første teksten.' });
    const b = await report(await resident(t.app, stepPath), stepPath, { title: 'Flyttes ved sammenslåing', body: 'Den andre teksten.' });
    await post(`/admin/aust/moderation/${a}/approve`);
    await post(`/admin/aust/moderation/${b}/approve`);
    const preview = await moderator.agent.get(`/admin/aust/moderation/${b}/merge?targetId=${a}`);
    expect(preview.status).toBe(200);
    for (const text of ['Beholdes ved sammenslåing', 'Flyttes ved sammenslåing', 'Den første teksten.', 'Den andre teksten.', nb.moderation.mergePreview.duplicate, nb.moderation.mergePreview.kept, 'Steg en']) {
      expect(preview.text).toContain(text);
    }
    expect(preview.text).toContain(`name="targetId" value="${a}"`);
    expect(statusOf(b)).toBe('published');
    const none = await moderator.agent.get(`/admin/aust/moderation/${b}/merge?targetId=`);
    expect(none.status).toBe(400);
    expect(none.text).toContain(nb.validation.chooseMergeTarget);
    expect(none.text).toContain('href="#field-targetId"');
    for (const targetId of [String(b), '999999', 'abc']) {
      expect([targetId, (await moderator.agent.get(`/admin/aust/moderation/${b}/merge?targetId=${targetId}`)).status]).toEqual([targetId, 400]);
    }
    expect((await post(`/admin/aust/moderation/${b}/merge`, { targetId: String(a) })).status).toBe(303);
    expect(statusOf(b)).toBe('merged');
  });

  it('answers officially: status and text on the pain point and in the feed; an unknown status is refused', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Får et svar' });
    await post(`/admin/aust/moderation/${id}/approve`);
    expect((await post(`/admin/aust/moderation/${id}/answer`, { status: 'nonsense', text: 'x' })).status).toBe(400);
    expect((await post(`/admin/aust/moderation/${id}/answer`, { status: 'planned', text: 'Vi lager en ny veileder i vår.' })).status).toBe(303);
    const page = await request(t.app).get(`/aust/innspill/${id}`);
    expect(page.text).toContain('Planlagt');
    expect(page.text).toContain('Vi lager en ny veileder i vår.');
    const feed = await request(t.app).get('/aust/reiser/reise/feed.atom');
    expect(feed.text).toContain('Planlagt: Får et svar');
    expect(feed.text).toContain('Vi lager en ny veileder i vår.');
  });

  it('reviews flags: clearing them shows a hidden pain point again', async () => {
    const id = await report(await resident(t.app, stepPath), stepPath, { title: 'Rapportert men grei' });
    await post(`/admin/aust/moderation/${id}/approve`);
    t.db.prepare('UPDATE municipalities SET flag_hide_threshold = 1 WHERE id = ?').run(municipalityId);
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${id}/rapporter`).type('form').send({ reason: 'spam' });
    expect((await request(t.app).get(`/aust/innspill/${id}`)).status).toBe(404);
    expect((await moderator.agent.get('/admin/aust/moderation?status=all&flagged=1')).text).toContain('Rapportert men grei');
    expect((await post(`/admin/aust/moderation/${id}/clear-flags`)).status).toBe(303);
    expect((await request(t.app).get(`/aust/innspill/${id}`)).status).toBe(200);
    t.db.prepare('UPDATE municipalities SET flag_hide_threshold = 3 WHERE id = ?').run(municipalityId);
  });

  it('answers 404 for a pain point of another municipality and refuses extra fields', async () => {
    const vest = buildJourney(t.services, 'vest', { slug: 'vest', phases: { A: ['v'] }, publish: true });
    const vestStep = `/vest/reiser/vest/steg/${vest.stepIds[0]}`;
    const foreign = await report(await resident(t.app, vestStep), vestStep);
    expect((await moderator.agent.get(`/admin/aust/moderation/${foreign}`)).status).toBe(404);
    expect((await post(`/admin/aust/moderation/${foreign}/approve`)).status).toBe(404);
    const id = await report(await resident(t.app, stepPath), stepPath);
    expect((await post(`/admin/aust/moderation/${id}/approve`, { moderation_status: 'published' })).status).toBe(400);
    expect(statusOf(foreign)).toBe('pending');
  });
});

describe('several at once (#18)', () => {
  it('publishes the chosen reports together, each audited', async () => {
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Samlet en' });
    const b = await report(await resident(t.app, stepPath), stepPath, { title: 'Samlet to' });
    const queue = (await moderator.agent.get('/admin/aust/moderation')).text;
    expect(queue).toMatch(new RegExp(`type="checkbox" name="ids" value="${a}"[^>]*aria-label="Velg «Samlet en»"`));
    const res = await post('/admin/aust/moderation/valgte', { ids: [String(a), String(b)], decision: 'approve' } as unknown as Record<string, string>);
    expect([res.status, res.headers.location]).toEqual([303, '/admin/aust/moderation']);
    expect([statusOf(a), statusOf(b)]).toEqual(['published', 'published']);
    expect((await moderator.agent.get('/admin/aust/moderation')).text).toContain(nb.flash.approvedMany);
    const audited = t.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'pain_point.approved' AND entity_id IN (?, ?)").pluck().all(a, b);
    expect(audited.sort()).toEqual([a, b].sort());
  });

  it('rejects the chosen reports with one reason, and refuses a rejection without one or a choice of none, changing nothing', async () => {
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Avvis en' });
    const b = await report(await resident(t.app, stepPath), stepPath, { title: 'Avvis to' });
    const noReason = await post('/admin/aust/moderation/valgte', { ids: [String(a), String(b)], decision: 'reject' } as unknown as Record<string, string>);
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(nb.validation.reasonWhenRejecting);
    // What the moderator chose stays chosen.
    expect(noReason.text).toMatch(new RegExp(`value="${a}"[^>]*checked`));
    const none = await post('/admin/aust/moderation/valgte', { decision: 'approve' });
    expect(none.status).toBe(400);
    expect(none.text).toContain(nb.validation.chooseAtLeastOne);
    expect([statusOf(a), statusOf(b)]).toEqual(['pending', 'pending']);
    const done = await post('/admin/aust/moderation/valgte', { ids: [String(a), String(b)], decision: 'reject', reason: 'Ikke innspill om tjenesten.' } as unknown as Record<string, string>);
    expect(done.status).toBe(303);
    expect([statusOf(a), statusOf(b)]).toEqual(['rejected', 'rejected']);
    expect(t.db.prepare('SELECT rejection_reason FROM pain_points WHERE id = ?').pluck().get(b)).toBe('Ikke innspill om tjenesten.');
  });

  it('decides all or none: one that cannot be published stops the batch with its reason', async () => {
    const a = await report(await resident(t.app, stepPath), stepPath, { title: 'Alle eller ingen' });
    const target = await report(await resident(t.app, stepPath), stepPath, { title: 'Mål for sammenslåing' });
    await post(`/admin/aust/moderation/${target}/approve`);
    const merged = await report(await resident(t.app, stepPath), stepPath, { title: 'Slått sammen' });
    await post(`/admin/aust/moderation/${merged}/merge`, { targetId: String(target) });
    const res = await post('/admin/aust/moderation/valgte', { ids: [String(a), String(merged)], decision: 'approve' } as unknown as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.text).toContain(nb.moderation.errors.unmergeFirst);
    expect([statusOf(a), statusOf(merged)]).toEqual(['pending', 'merged']);
    expect((await post('/admin/aust/moderation/valgte', { ids: ['abc'], decision: 'approve' } as unknown as Record<string, string>)).status).toBe(400);
  });
});
