// #15.2: one municipality's admin cannot take over another's staff. Adding an e-mail invites the person; an existing
// account is never changed nor described to the inviting admin; only the invitee answers; each municipality's admin can
// always remove their own municipality's roles.
import request from 'supertest';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

let t: TestApp;
let moderatorId: number;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
  await createUser(t.services, { email: 'admin@vest.no', municipality: 'vest', roles: ['admin'] });
  moderatorId = await createUser(t.services, { email: 'kari@vest.no', name: 'Kari Vestmann', municipality: 'vest', roles: ['moderator'] });
});
afterAll(() => t.close());

const aust = () => t.services.municipalities.bySlug('aust').id;
const vest = () => t.services.municipalities.bySlug('vest').id;
const invite = async (agent: request.Agent, csrf: string, email: string, name: string) =>
  agent.post('/admin/aust/settings/users').type('form').send({ _csrf: csrf, name, email, password: 'Annen-Lang-Frase-91', roles: 'admin' });

/** The invitations section of aust's staff page. */
async function invitationsSection(agent: request.Agent): Promise<string> {
  const page = (await agent.get('/admin/aust/settings/users')).text;
  return page.slice(page.indexOf('Invitasjoner som venter på svar'));
}

describe('inviting an e-mail that already has an account (#15.2)', () => {
  jest.setTimeout(30_000);

  it('answers as for a new e-mail, shows only what the admin typed, and changes nothing of the account', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const existing = await invite(agent, csrf, 'KARI@vest.no', 'Skrevet Navn');
    const fresh = await invite(agent, csrf, 'ny-person@aust.no', 'Ny Person');
    expect([existing.status, existing.headers.location]).toEqual([303, '/admin/aust/settings/users']);
    expect([fresh.status, fresh.headers.location]).toEqual([303, '/admin/aust/settings/users']);

    const section = await invitationsSection(agent);
    expect(section).toContain('Skrevet Navn');
    expect(section).toContain('Ny Person');
    const whole = (await agent.get('/admin/aust/settings/users')).text;
    expect(whole).not.toContain('Kari Vestmann');

    // The account: same name, same password, no role in aust, still a moderator of vest.
    expect(t.db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(moderatorId)).toBe('Kari Vestmann');
    await expect(signIn(t.app, 'kari@vest.no', 'Annen-Lang-Frase-91')).rejects.toThrow('sign-in failed');
    const kari = await signIn(t.app, 'kari@vest.no', TEST_PASSWORD);
    expect(t.services.staff.rolesIn(moderatorId, aust())).toEqual([]);
    expect((await kari.agent.get('/admin/aust')).status).toBe(404);
    expect(t.services.staff.rolesIn(moderatorId, vest())).toEqual(['moderator']);
  });

  it("leaves the other municipality's admin in control: disabling still works while the invitation is unanswered", async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@vest.no');
    expect((await agent.post(`/admin/vest/settings/users/${moderatorId}/disable`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect((await agent.post(`/admin/vest/settings/users/${moderatorId}/enable`).type('form').send({ _csrf: csrf })).status).toBe(303);
  });

  it('lets only the invitee answer: another signed-in person gets 404 and the invitation stays', async () => {
    const invitationId = t.db.prepare("SELECT id FROM staff_invitations WHERE email = 'kari@vest.no'").pluck().get() as number;
    const other = await signIn(t.app, 'admin@vest.no');
    for (const answer of ['accept', 'decline']) {
      expect((await other.agent.post(`/admin/invitations/${invitationId}/${answer}`).type('form').send({ _csrf: other.csrf })).status).toBe(404);
    }
    expect(t.db.prepare('SELECT count(*) FROM staff_invitations WHERE id = ?').pluck().get(invitationId)).toBe(1);
    expect(t.services.staff.rolesIn(t.db.prepare("SELECT id FROM users WHERE email = 'admin@vest.no'").pluck().get() as number, aust())).toEqual([]);
  });

  it('gives the roles once the invitee accepts; the account then serves both municipalities', async () => {
    const kari = await signIn(t.app, 'kari@vest.no');
    const home = await kari.agent.get('/admin');
    expect(home.text).toContain('Kommune aust inviterer deg som Administrator.');
    const invitationId = /\/admin\/invitations\/(\d+)\/accept/.exec(home.text)![1];
    expect((await kari.agent.post(`/admin/invitations/${invitationId}/accept`).type('form').send({ _csrf: csrfFrom(home.text) })).status).toBe(303);
    expect(t.services.staff.rolesIn(moderatorId, aust())).toEqual(['admin']);
    expect((await kari.agent.get('/admin/aust/settings/users')).status).toBe(200);
  });

  it("lets each municipality's admin remove their own municipality's roles from a person who also works elsewhere", async () => {
    const vestAdmin = await signIn(t.app, 'admin@vest.no');
    // Disabling the whole account is not theirs to do any more, and the page says what they can do instead.
    expect((await vestAdmin.agent.post(`/admin/vest/settings/users/${moderatorId}/disable`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(403);
    const page = await vestAdmin.agent.get(`/admin/vest/settings/users/${moderatorId}`);
    expect(page.text).toContain('Fjern fra Kommune vest');
    expect(page.text).not.toContain('Deaktiver brukeren');
    expect((await vestAdmin.agent.post(`/admin/vest/settings/users/${moderatorId}/remove`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(303);
    expect(t.services.staff.rolesIn(moderatorId, vest())).toEqual([]);
    expect(t.services.staff.rolesIn(moderatorId, aust())).toEqual(['admin']);
    const log = await vestAdmin.agent.get('/admin/vest/settings/audit');
    expect(log.text).toContain('Ansatt fjernet fra kommunen');
  });

  it('refuses to remove oneself, a person of another municipality, or by a non-admin', async () => {
    const ownId = t.db.prepare("SELECT id FROM users WHERE email = 'admin@aust.no'").pluck().get() as number;
    const vestAdminId = t.db.prepare("SELECT id FROM users WHERE email = 'admin@vest.no'").pluck().get() as number;
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    expect((await agent.post(`/admin/aust/settings/users/${ownId}/remove`).type('form').send({ _csrf: csrf })).status).toBe(403);
    expect((await agent.post(`/admin/aust/settings/users/${vestAdminId}/remove`).type('form').send({ _csrf: csrf })).status).toBe(404);
    expect(t.services.staff.rolesIn(vestAdminId, vest())).toEqual(['admin']);
  });
});

describe('answering and withdrawing invitations', () => {
  jest.setTimeout(30_000);

  it("refuses a temporary password made from the municipality's name (#15.4), keeping the other values", async () => {
    t.db.prepare("UPDATE municipalities SET name = 'Eidskog kommune' WHERE slug = 'aust'").run();
    try {
      const admin = await signIn(t.app, 'admin@aust.no');
      const res = await admin.agent.post('/admin/aust/settings/users').type('form').send({ _csrf: admin.csrf, name: 'Ola Ny', email: 'ola.ny@aust.no', password: 'Eidskog2024!', roles: 'analyst' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#field-password"');
      expect(res.text).toContain('value="Ola Ny"');
      expect(res.text).not.toContain('Eidskog2024!');
      expect(t.db.prepare("SELECT count(*) FROM users WHERE email = 'ola.ny@aust.no'").pluck().get()).toBe(0);
    } finally {
      t.db.prepare("UPDATE municipalities SET name = 'Kommune aust' WHERE slug = 'aust'").run();
    }
  });

  it('a declined invitation gives no role and is gone from both sides', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    expect((await invite(admin.agent, admin.csrf, 'nei@aust.no', 'Nei Takk')).status).toBe(303);
    const person = await signIn(t.app, 'nei@aust.no', 'Annen-Lang-Frase-91');
    const home = await person.agent.get('/admin');
    const invitationId = /\/admin\/invitations\/(\d+)\/decline/.exec(home.text)![1];
    expect((await person.agent.post(`/admin/invitations/${invitationId}/decline`).type('form').send({ _csrf: csrfFrom(home.text) })).status).toBe(303);
    expect((await person.agent.get('/admin/aust')).status).toBe(404);
    expect(await invitationsSection(admin.agent)).not.toContain('Nei Takk');
  });

  it('refuses a second invitation to the same e-mail with 400, and lets the admin withdraw the first', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    expect((await invite(admin.agent, admin.csrf, 'to-ganger@aust.no', 'To Ganger')).status).toBe(303);
    const again = await invite(admin.agent, admin.csrf, 'to-ganger@aust.no', 'To Ganger');
    expect(again.status).toBe(400);
    expect(again.text).toContain('allerede invitert');
    const invitationId = t.db.prepare("SELECT id FROM staff_invitations WHERE email = 'to-ganger@aust.no'").pluck().get() as number;

    const vestAdmin = await signIn(t.app, 'admin@vest.no');
    expect((await vestAdmin.agent.post(`/admin/aust/settings/invitations/${invitationId}/withdraw`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(404);
    expect((await vestAdmin.agent.post(`/admin/vest/settings/invitations/${invitationId}/withdraw`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(404);
    expect((await admin.agent.post(`/admin/aust/settings/invitations/${invitationId}/withdraw`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
    expect(t.db.prepare('SELECT count(*) FROM staff_invitations WHERE id = ?').pluck().get(invitationId)).toBe(0);
  });
});
