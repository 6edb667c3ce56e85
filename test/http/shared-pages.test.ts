// Maps and step pages are rendered once for all anonymous visitors and are the same bytes for each of them (#17): no
// CSRF token, no nonce. Every change shows at once, and residents and staff always get a page of their own.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let painPointId: number;

beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust kommune', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'delt', phases: { A: ['Søke'] }, publish: true });
  const m = t.services.municipalities.bySlug('aust');
  painPointId = t.services.feedback.submit(t.services.feedback.ensureParticipant('forfatter'), m, j.journeyId, j.stepIds[0]!, {
    title: 'Skjemaet var uklart',
    body: 'Tekst',
    severity: 3,
    channel: null,
  }).id;
  stepPath = `/aust/reiser/delt/steg/${j.stepIds[0]}`;
});
afterAll(() => t.close());

const noSlots = (html: string) => expect(html).not.toMatch(/rk-(token|nonce)-slot/);

describe('pages shared by anonymous visitors', () => {
  it('gives every anonymous visitor the same bytes, with no token, and takes their votes without one', async () => {
    const visitors = [request.agent(t.app), request.agent(t.app)];
    const pages = await Promise.all(visitors.map((v) => v.get(stepPath)));
    expect(pages.map((p) => p.status)).toEqual([200, 200]);
    expect(pages[0]!.text).toBe(pages[1]!.text);
    expect(pages[0]!.text).not.toContain('name="_csrf"');
    noSlots(pages[0]!.text);
    const votes = await Promise.all(visitors.map((v) => v.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({ severity: '4' })));
    expect(votes.map((v) => v.status)).toEqual([303, 303]);
  });

  it('shows a change at once, and marks a resident’s own vote only on their own page', async () => {
    const before = await request(t.app).get('/aust/reiser/delt');
    const count = Number(/(\d+) innspill, (\d+) støtter/.exec(before.text)![2]);
    const voter = request.agent(t.app);
    await voter.get(stepPath);
    await voter.post(`/aust/innspill/${painPointId}/meg-ogsa`).type('form').send({ severity: '2' });
    const after = await request(t.app).get('/aust/reiser/delt');
    expect(after.text).toContain(`1 innspill, ${count + 1} støtter`);
    const own = await voter.get(stepPath);
    expect(own.text).toContain('Trekk tilbake');
    const stranger = await request(t.app).get(stepPath);
    expect(stranger.text).not.toContain('Trekk tilbake');
    expect(stranger.text).toContain('Meg også');
  });

  it('keeps languages apart, and gives signed-in staff their own header', async () => {
    const en = await request(t.app).get(`${stepPath}?lang=en`);
    const nb = await request(t.app).get(stepPath);
    expect(en.text).toContain('<html lang="en">');
    expect(nb.text).toContain('<html lang="nb">');
    await createUser(t.services, { email: 'admin@aust.no', platformAdmin: true });
    const { agent } = await signIn(t.app, 'admin@aust.no');
    const staff = await agent.get(stepPath);
    expect(staff.text).toContain('/logout');
    noSlots(staff.text);
    expect((await request(t.app).get(stepPath)).text).not.toContain('/logout');
  });
});

describe('a staff member’s own copy of the insights page', () => {
  it('is each person’s own, carries their own session’s token, and shows a change at once', async () => {
    await createUser(t.services, { email: 'ane@aust.no', name: 'Ane Analytiker', municipality: 'aust', roles: ['analyst'] });
    await createUser(t.services, { email: 'bo@aust.no', name: 'Bo Analytiker', municipality: 'aust', roles: ['analyst'] });
    const ane = await signIn(t.app, 'ane@aust.no');
    const bo = await signIn(t.app, 'bo@aust.no');
    const path = '/admin/aust/insights';
    const [a1, b1] = [await ane.agent.get(path), await bo.agent.get(path)];
    expect([a1.status, b1.status]).toEqual([200, 200]);
    expect(a1.text).toContain('Ane Analytiker');
    expect(a1.text).not.toContain('Bo Analytiker');
    expect(b1.text).toContain('Bo Analytiker');
    const a2 = await ane.agent.get(path);
    noSlots(a2.text);
    expect(a2.headers['cache-control']).toBe('private, no-store');

    const m = t.services.municipalities.bySlug('aust')!;
    const journey = t.services.publicJourneys.map(m.id, 'delt');
    t.services.feedback.submit(t.services.feedback.ensureParticipant('ny-innsender'), m, journey.journeyId, null, {
      title: 'Køen på telefon var lang',
      body: 'Tekst',
      severity: 4,
      channel: null,
    });
    expect((await ane.agent.get(path)).text).toContain('Køen på telefon var lang');

    // The kept page holds each person's own token: another's is refused, one's own signs out.
    const page = await ane.agent.get(path);
    const crossed = await ane.agent.post('/logout').type('form').send({ _csrf: csrfFrom(b1.text) });
    expect(crossed.status).toBe(403);
    expect((await ane.agent.post('/logout').type('form').send({ _csrf: csrfFrom(page.text) })).status).toBe(303);
  });
});
