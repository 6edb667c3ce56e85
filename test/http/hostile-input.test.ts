// Hostile strings (SECURITY.md 6) through the free-text fields of residents and staff, and back out inert on every
// page that shows them: the step page, the pain point, "my contributions", the feed, moderation and the editor.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { appearsRaw, HOSTILE } from '../helpers/hostile';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust');
  t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
});
afterAll(() => t.close());

describe.each(HOSTILE)('the hostile string %j', (hostile) => {
  it('is stored as text and shown inert by every page a resident or moderator opens', async () => {
    const slug = `reise-${HOSTILE.indexOf(hostile)}`;
    const j = buildJourney(t.services, 'aust', {
      slug,
      title: `Reise ${hostile}`.slice(0, 160),
      phases: { [`Fase ${hostile}`]: [`Steg ${hostile}`] },
      department: { name: `Enhet ${hostile}`.slice(0, 120), kind: 'municipal' },
      publish: true,
    });
    const stepPath = `/aust/reiser/${slug}/steg/${j.stepIds[0]}`;
    const r = await resident(t.app, stepPath);
    const id = await report(r, stepPath, { title: `Tittel ${hostile}`.slice(0, 120), body: `Tekst ${hostile} ${'lang tekst '.repeat(150)}`.slice(0, 2000) });
    const { agent } = await signIn(t.app, 'admin@aust.no');
    const pages = [
      await request(t.app).get('/aust'),
      await request(t.app).get(`/aust/reiser/${slug}`),
      await request(t.app).get(stepPath),
      await request(t.app).get(`/aust/innspill/${id}`),
      await request(t.app).get(`/aust/reiser/${slug}/feed.atom`),
      await r.agent.get('/mine'),
      await agent.get('/admin/aust/moderation?status=all'),
      await agent.get(`/admin/aust/moderation/${id}`),
      await agent.get(`/admin/aust/journeys/${j.journeyId}`),
      await agent.get('/admin/aust/journeys'),
      await agent.get('/admin/aust/departments'),
    ];
    for (const page of pages) {
      const where = page.request.url;
      expect([where, page.status]).toEqual([where, 200]);
      expect([where, appearsRaw(page.text, hostile)]).toEqual([where, false]);
      expect(page.text).not.toMatch(/<script>alert|<svg onload/);
      // No template or translation expression is evaluated.
      expect([where, /\bTittel 49\b|Reise 49/.test(page.text)]).toEqual([where, false]);
    }
    const stepPage = pages[2]!.text;
    expect(stepPage).toContain('Tittel ');
    if (hostile.startsWith('$t(')) expect(stepPage).toContain('Tittel $t(site.name)');
  });
});
