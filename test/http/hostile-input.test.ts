// Hostile strings (SECURITY.md 6) through the free-text fields of residents and staff (journey, step lanes, report,
// answer, department, initiative, staff name) and back out inert on every page that shows them.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { appearsRaw, HOSTILE } from '../helpers/hostile';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
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
    const m = t.services.municipalities.bySlug('aust');
    const admin = t.db.prepare("SELECT id FROM users WHERE email = 'admin@aust.no'").pluck().get() as number;
    const text = (prefix: string, max = 500) => `${prefix} ${hostile}`.slice(0, max);
    // The journey's own free-text fields, a step's lanes, the official answer, a portfolio initiative and a staff name.
    t.services.journeyEditor.updateDetails(admin, m.id, j.journeyId, {
      title: text('Reise', 160), slug, lifeEvent: 'annet', persona: text('Persona'), scenario: text('Scenario'),
      trigger: text('Start'), outcome: text('Slutt'), summary: text('Sammendrag'),
    });
    t.services.journeyEditor.updateStep(admin, m.id, j.journeyId, j.stepIds[0]!, {
      title: text('Steg', 160), residentAction: text('Handling'), touchpoint: text('Kontaktpunkt'), channel: 'digital', departmentId: null,
      backstage: text('Bak'), systems: text('System'), emotion: -1, duration: text('Varighet', 120), phaseId: j.phaseIds[0]!,
    });
    t.services.journeyEditor.publish(admin, m.id, j.journeyId);
    t.services.moderation.answer(admin, m.id, id, 'planned', text('Svar'));
    const department = t.services.departments.findOrCreate(m.id, text('Enhet', 120), 'municipal');
    const initiative = t.services.portfolio.create(admin, m.id, {
      title: text('Tiltak', 160), description: text('Beskrivelse'), ownerDepartmentId: department, departmentIds: [],
      effort: 'S', confidence: 'high', status: 'in_progress', progress: 10, publicNote: text('Notat'),
    }, [id]);
    const staffId = await createUser(t.services, { email: `hostile-${HOSTILE.indexOf(hostile)}@aust.no`, name: text('Navn', 120), municipality: 'aust', roles: ['analyst'] });
    const { agent } = await signIn(t.app, 'admin@aust.no');
    const pages = [
      await request(t.app).get('/aust/vi-gjor'),
      await request(t.app).get('/aust/viktigst'),
      await agent.get(`/admin/aust/insights/${id}`),
      await agent.get('/admin/aust/insights'),
      await agent.get(`/admin/aust/portfolio/${initiative}`),
      await agent.get('/admin/aust/portfolio'),
      await agent.get(`/admin/aust/journeys/${j.journeyId}/steps/${j.stepIds[0]}/edit`),
      await agent.get(`/admin/aust/journeys/${j.journeyId}/edit`),
      await agent.get('/admin/aust/settings/users'),
      await agent.get(`/admin/aust/settings/users/${staffId}`),
      await agent.get('/admin/aust/settings/audit'),
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
    const stepPage = pages[13]!.text;
    expect(stepPage).toContain('Tittel ');
    if (hostile.startsWith('$t(')) expect(stepPage).toContain('Tittel $t(site.name)');
  });
});
