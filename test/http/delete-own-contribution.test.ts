// #20: "Slett" on one's own report deleted at once. Now it leads to a page that asks first (a GET, so it works without
// JavaScript): what is deleted, that it cannot be undone, and what remains; only its button deletes (the POST, as
// before). The page is the resident's own: private, never a shared page, and a 404 for anyone else's report or vote.
import request from 'supertest';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { buildJourney } from '../helpers/journeys';
import { report, resident, type Resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let municipalityId: number;
let moderator: number;

beforeAll(async () => {
  t = makeTestApp();
  municipalityId = createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Søke', 'Vente'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  moderator = await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
});
afterAll(() => t.close());

const exists = (id: number) => t.db.prepare('SELECT count(*) FROM pain_points WHERE id = ?').pluck().get(id) === 1;
const voted = (id: number) => (t.db.prepare('SELECT count(*) FROM votes WHERE pain_point_id = ?').pluck().get(id) as number) > 0;
const meToo = (r: Resident, id: number) => r.agent.post(`/aust/innspill/${id}/meg-ogsa`).type('form').send({ severity: '3' });

describe('deleting one’s own report', () => {
  it('is a link on “my contributions” to a page that asks first, and nothing is deleted until its button is used', async () => {
    const me = await resident(t.app, stepPath);
    const mine = await report(me, stepPath, { title: 'Skjemaet hang seg opp', body: 'Det stoppet på side tre hver gang.' });
    for (const other of [await resident(t.app, stepPath), await resident(t.app, stepPath)]) expect((await meToo(other, mine)).status).toBe(303);

    const list = await me.agent.get('/mine');
    expect(list.text).toContain(`href="/mine/innspill/${mine}/slett"`);
    expect(list.text).not.toMatch(new RegExp(`<form[^>]*action="/mine/innspill/${mine}/slett"`));

    const page = await me.agent.get(`/mine/innspill/${mine}/slett`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    // Never a kept shared page, whose ETag is a strong one of build, language and data version.
    expect(page.headers.etag ?? 'W/').toMatch(/^W\//);
    expect(page.text).toContain(`<title>${nb.feedback.deleteReport.title} – Reisekart</title>`);
    expect(page.text).toContain('Skjemaet hang seg opp');
    expect(page.text).toContain('Det stoppet på side tre hver gang.');
    expect(page.text).toContain(nb.feedback.deleteReport.report);
    expect(page.text).toContain('«Meg også» fra 2 andre på dette innspillet.');
    expect(page.text).toContain(nb.feedback.deleteReport.final);
    expect(page.text).toContain(nb.feedback.deleteReport.yourVotes);
    // The one button POSTs to the same address; the way back is a link to the list.
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/mine/innspill/${mine}/slett"[\\s\\S]*?${nb.feedback.deleteReport.confirm}`));
    expect(page.text).toContain(`<a class="ds-link" href="/mine">${nb.feedback.deleteReport.cancel}</a>`);
    expect(exists(mine)).toBe(true);
    expect(voted(mine)).toBe(true);

    const deleted = await me.agent.post(`/mine/innspill/${mine}/slett`).type('form').send({});
    expect([deleted.status, deleted.headers.location]).toEqual([303, '/mine']);
    expect(exists(mine)).toBe(false);
    expect(voted(mine)).toBe(false);
    expect((await me.agent.get(`/mine/innspill/${mine}/slett`)).status).toBe(404);
  });

  it('says what an answer, flags and reports merged into it come to, as the deletion does', async () => {
    const me = await resident(t.app, stepPath);
    const mine = await report(me, stepPath, { title: 'Ventetiden er for lang' });
    const duplicate = await report(await resident(t.app, stepPath), stepPath, { title: 'Ventetiden er altfor lang' });
    t.services.moderation.merge(moderator, municipalityId, duplicate, mine);
    t.services.moderation.answer(moderator, municipalityId, mine, 'under_review', 'Vi ser på saken.');
    expect((await (await resident(t.app, stepPath)).agent.post(`/aust/innspill/${mine}/rapporter`).type('form').send({ reason: 'other' })).status).toBe(303);

    const page = (await me.agent.get(`/mine/innspill/${mine}/slett`)).text;
    expect(page).toContain(nb.feedback.deleteReport.answer);
    expect(page).toContain(nb.feedback.deleteReport.flags);
    expect(page).toContain(nb.feedback.deleteReport.merged_one);
    expect(page).not.toContain('«Meg også» fra');

    await me.agent.post(`/mine/innspill/${mine}/slett`).type('form').send({});
    // What the page said stays: the merged report is its own again.
    expect(t.db.prepare('SELECT moderation_status, merged_into_id FROM pain_points WHERE id = ?').get(duplicate)).toEqual({ moderation_status: 'published', merged_into_id: null });
  });

  it('asks in nynorsk and English too', async () => {
    const me = await resident(t.app, stepPath);
    const mine = await report(me, stepPath);
    expect((await me.agent.get(`/mine/innspill/${mine}/slett?lang=nn`)).text).toContain(nn.feedback.deleteReport.final);
    expect((await me.agent.get(`/mine/innspill/${mine}/slett?lang=en`)).text).toContain(en.feedback.deleteReport.final);
  });

  it('is a 404 for someone else’s report, for a visitor who never took part and for an id that is no id, and deletes nothing', async () => {
    const author = await resident(t.app, stepPath);
    const theirs = await report(author, stepPath, { title: 'Ikke ditt' });
    const stranger = await resident(t.app, stepPath);
    expect((await meToo(stranger, theirs)).status).toBe(303);
    expect((await stranger.agent.get(`/mine/innspill/${theirs}/slett`)).status).toBe(404);
    expect((await request(t.app).get(`/mine/innspill/${theirs}/slett`)).status).toBe(404);
    expect((await stranger.agent.get('/mine/innspill/abc/slett')).status).toBe(404);
    expect((await stranger.agent.get('/mine/innspill/99999/slett')).status).toBe(404);
    expect((await stranger.agent.post(`/mine/innspill/${theirs}/slett`).type('form').send({})).status).toBe(404);
    expect(exists(theirs)).toBe(true);
  });
});

describe('withdrawing one’s own “me too”', () => {
  it('asks first on a page of its own, and withdraws only when its button is used', async () => {
    const theirs = await report(await resident(t.app, stepPath), stepPath, { title: 'Telefonkøen er lang' });
    const me = await resident(t.app, stepPath);
    expect((await meToo(me, theirs)).status).toBe(303);

    expect((await me.agent.get('/mine')).text).toContain(`href="/mine/stemmer/${theirs}/slett"`);
    const page = await me.agent.get(`/mine/stemmer/${theirs}/slett`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.text).toContain(`<title>${nb.feedback.deleteVote.title} – Reisekart</title>`);
    expect(page.text).toContain('Telefonkøen er lang');
    expect(page.text).toContain(nb.feedback.deleteVote.stays);
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/mine/stemmer/${theirs}/slett"`));
    expect(voted(theirs)).toBe(true);

    const withdrawn = await me.agent.post(`/mine/stemmer/${theirs}/slett`).type('form').send({});
    expect([withdrawn.status, withdrawn.headers.location]).toEqual([303, '/mine']);
    expect(voted(theirs)).toBe(false);
    expect(exists(theirs)).toBe(true);
  });

  it('is a 404 where this browser said no “me too”', async () => {
    const theirs = await report(await resident(t.app, stepPath), stepPath);
    const someone = await resident(t.app, stepPath);
    expect((await meToo(someone, theirs)).status).toBe(303);
    const other = await resident(t.app, stepPath);
    await report(other, stepPath);
    expect((await other.agent.get(`/mine/stemmer/${theirs}/slett`)).status).toBe(404);
    expect((await request(t.app).get(`/mine/stemmer/${theirs}/slett`)).status).toBe(404);
    expect(voted(theirs)).toBe(true);
  });
});
