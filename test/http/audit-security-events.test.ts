// Security events land in the audit log: failed sign-ins, refused access (role, tenancy, platform pages), exports,
// moderation and settings changes, each through the real HTTP flow a person would use.
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { pendingInvitationLink } from '../helpers/invitations';
import { report, resident } from '../helpers/residents';
import { anonymousAgent, createMunicipality, createUser, makeTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

interface Entry {
  actor_user_id: number | null;
  municipality_id: number | null;
  action: string;
  details: string | null;
}

let t: TestApp;
let aust: number;
let journeyId: number;
let painPoint: number;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = makeTestApp();
  aust = createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  journeyId = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, publish: true }).journeyId;
  painPoint = await report(await resident(t.app, '/aust/reiser/reise'), '/aust/reiser/reise');
  users.admin = await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
  users.analyst = await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
  users.vest = await createUser(t.services, { email: 'admin@vest.no', municipality: 'vest', roles: ['admin'] });
});
afterAll(() => t.close());

/** Entries written while `act` ran. */
async function recorded(act: () => Promise<unknown>): Promise<Entry[]> {
  const before = t.db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck().get() as number;
  await act();
  return t.db.prepare('SELECT actor_user_id, municipality_id, action, details FROM audit_log WHERE id > ? ORDER BY id').all(before) as Entry[];
}

describe('security events in the audit log', () => {
  jest.setTimeout(30_000);

  it('records a failed sign-in, with its reason but never the password', async () => {
    const agent = anonymousAgent(t.app);
    const entries = await recorded(() => agent.post('/login').type('form').send({ email: 'admin@aust.no', password: 'Feil-Passord-123' }));
    expect(entries).toEqual([expect.objectContaining({ action: 'login.failed', details: JSON.stringify({ reason: 'wrong_password' }) })]);
    expect(JSON.stringify(entries)).not.toContain('Feil-Passord-123');
  });

  it('records refused access: a missing role (403), another municipality (404) and platform pages (404)', async () => {
    const analyst = (await signIn(t.app, 'analyst@aust.no')).agent;
    const vest = (await signIn(t.app, 'admin@vest.no')).agent;
    const role = await recorded(async () => expect((await analyst.get('/admin/aust/settings')).status).toBe(403));
    expect(role).toEqual([{ actor_user_id: users.analyst, municipality_id: aust, action: 'access.refused', details: JSON.stringify({ reason: 'role', method: 'GET', path: '/admin/aust/settings' }) }]);
    const tenancy = await recorded(async () => expect((await vest.get('/admin/aust/insights?x=1')).status).toBe(404));
    expect(tenancy).toEqual([{ actor_user_id: users.vest, municipality_id: aust, action: 'access.refused', details: JSON.stringify({ reason: 'not_member', method: 'GET', path: '/admin/aust/insights' }) }]);
    const platform = await recorded(async () => expect((await vest.get('/admin/audit')).status).toBe(404));
    expect(platform).toEqual([expect.objectContaining({ actor_user_id: users.vest, municipality_id: null, action: 'access.refused', details: expect.stringContaining('not_platform_admin') })]);
    // Aust's admins see the attempt from vest in their own log.
    const admin = (await signIn(t.app, 'admin@aust.no')).agent;
    expect((await admin.get('/admin/aust/settings/audit')).text).toContain('admin@vest.no');
  });

  it('records nothing for a signed-out visitor sent to the login page, nor for pages the person may open', async () => {
    const analyst = (await signIn(t.app, 'analyst@aust.no')).agent;
    const entries = await recorded(async () => {
      await request(t.app).get('/admin/aust/settings');
      await analyst.get('/admin/aust/insights');
    });
    expect(entries.filter((e) => e.action === 'access.refused')).toEqual([]);
  });

  it('records every export: insights, portfolio and a journey document', async () => {
    const { agent } = await signIn(t.app, 'analyst@aust.no');
    const admin = (await signIn(t.app, 'admin@aust.no')).agent;
    const entries = await recorded(async () => {
      expect((await agent.get('/admin/aust/insights/export?format=csv')).status).toBe(200);
      expect((await agent.get('/admin/aust/portfolio/export?format=csv')).status).toBe(200);
      expect((await admin.get(`/admin/aust/journeys/${journeyId}/export.json`)).status).toBe(200);
    });
    expect(entries.map((e) => [e.action, e.actor_user_id, e.municipality_id])).toEqual([
      ['insights.exported', users.analyst, aust],
      ['portfolio.exported', users.analyst, aust],
      ['journey.exported', users.admin, aust],
    ]);
  });

  it('records moderation actions and settings changes', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const m = t.services.municipalities.bySlug('aust');
    const entries = await recorded(async () => {
      expect((await agent.post(`/admin/aust/moderation/${painPoint}/approve`).type('form').send({ _csrf: csrf })).status).toBe(303);
      const settings = {
        _csrf: csrf, name: m.name, defaultLocale: 'nn', halfLifeDays: '60', severityPriorWeight: '2', wipLimit: '5',
        flagHideThreshold: '3', reportLimitPerHour: '10', voteLimitPerHour: '100', flagLimitPerHour: '10',
      };
      expect((await agent.post('/admin/aust/settings').type('form').send(settings)).status).toBe(303);
      expect((await agent.post(`/admin/aust/settings/users/${users.analyst}/roles`).type('form').send({ _csrf: csrf, roles: ['analyst', 'moderator'] })).status).toBe(303);
    });
    expect(entries.map((e) => e.action)).toEqual(['pain_point.approved', 'municipality.settings_changed', 'user.roles_changed']);
    expect(entries.every((e) => e.actor_user_id === users.admin && e.municipality_id === aust)).toBe(true);
  });

  it("keeps an invitation's link and the invitee's chosen password out of the log", async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const invited = await recorded(() =>
      agent.post('/admin/aust/settings/users').type('form').send({ _csrf: csrf, name: 'Ny', email: 'ny@aust.no', roles: 'analyst' }),
    );
    expect(invited.map((e) => e.action)).toEqual(['user.invited']);
    const link = pendingInvitationLink(t.db, 'ny@aust.no');
    const token = link.split('/').pop()!;
    const accepted = await recorded(() =>
      request.agent(t.app).post(link).type('form').send({ password: `${TEST_PASSWORD}-ny`, passwordConfirm: `${TEST_PASSWORD}-ny` }),
    );
    expect(accepted.map((e) => e.action)).toEqual(['user.invitation_accepted']);
    for (const text of [JSON.stringify(invited), JSON.stringify(accepted)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(`${TEST_PASSWORD}-ny`);
    }
  });
});
