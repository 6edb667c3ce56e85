// Staff invitations (#15.2, #21.2) against a real SMTP server: the admin gives e-mail, name and roles; the invitee gets
// an e-mail in the municipality's language with a link that works once, for 72 hours; a new person chooses their own
// password there, an existing account's holder signs in and answers there. Used, expired, withdrawn and unknown links
// answer 410. Nobody gains a role before accepting; an existing account is never changed nor described to the
// inviting admin; each municipality's admin can always remove their own municipality's roles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { ParsedMail } from 'mailparser';
import { createLogger } from '../../src/lib/logger';
import { fileTransport, smtpTransport, type MailTransport } from '../../src/modules/notices/mail-transport';
import { DEFAULT_SENDER_OPTIONS, type NoticeSender } from '../../src/modules/notices/notice-sender';
import { startMailServer, type MailServer } from '../helpers/mail-server';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, TEST_BASE_URL, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

let t: TestApp;
let mail: MailServer;
let transport: MailTransport;
let sender: NoticeSender;
let moderatorId: number;
beforeAll(async () => {
  t = makeTestApp();
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  sender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport, logger: createLogger('silent'), options: DEFAULT_SENDER_OPTIONS });
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
  await createUser(t.services, { email: 'admin@vest.no', municipality: 'vest', roles: ['admin'] });
  moderatorId = await createUser(t.services, { email: 'kari@vest.no', name: 'Kari Vestmann', municipality: 'vest', roles: ['moderator'] });
});
afterAll(async () => {
  transport.close();
  await mail.close();
  t.close();
});

const aust = () => t.services.municipalities.bySlug('aust').id;
const vest = () => t.services.municipalities.bySlug('vest').id;
const count = (sql: string, ...params: unknown[]) => t.db.prepare(sql).pluck().get(...params) as number;
const userId = (email: string) => t.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email) as number | undefined;

const invite = async (agent: request.Agent, csrf: string, email: string, name: string, roles: string | string[] = 'admin', municipality = 'aust') =>
  agent.post(`/admin/${municipality}/settings/users`).type('form').send({ _csrf: csrf, name, email, roles });

/** Delivers the outbox to the SMTP server and returns what reached this address. */
async function deliveredTo(email: string): Promise<ParsedMail[]> {
  const before = mail.accepted.length;
  await sender.round();
  return mail.accepted.slice(before).filter((m) => (m.to as { text: string }).text === email);
}

/** The invitation link in an e-mail's text, as a path on the portal. */
function linkIn(message: ParsedMail): string {
  const url = /https:\/\/\S+\/admin\/konto\/invitasjon\/\S+/.exec(message.text ?? '')![0];
  expect(url.startsWith(TEST_BASE_URL)).toBe(true);
  return new URL(url).pathname;
}

/** Invites and delivers: the e-mail the invitee gets, and its link. */
async function invited(agent: request.Agent, csrf: string, email: string, name: string, roles: string | string[] = 'analyst'): Promise<{ message: ParsedMail; link: string }> {
  expect((await invite(agent, csrf, email, name, roles)).status).toBe(303);
  const [message] = await deliveredTo(email.toLowerCase());
  expect(message).toBeDefined();
  return { message: message!, link: linkIn(message!) };
}

/** The invitations section of aust's staff page. */
async function invitationsSection(agent: request.Agent): Promise<string> {
  const page = (await agent.get('/admin/aust/settings/users')).text;
  return page.slice(page.indexOf('Invitasjoner som venter på svar'));
}

const PASSWORD = 'Sommerfugl-Vinge-77';
const choose = (agent: request.Agent, link: string, password = PASSWORD) => agent.post(link).type('form').send({ password, passwordConfirm: password });

describe('an invitation by e-mail to a new person (#21.2)', () => {
  jest.setTimeout(30_000);

  it('mails a single-use link in the municipality’s language; the person chooses a password and gets the roles only then', async () => {
    t.db.prepare("UPDATE municipalities SET default_locale = 'nn' WHERE slug = 'aust'").run();
    let message: ParsedMail;
    let link: string;
    try {
      const admin = await signIn(t.app, 'admin@aust.no');
      ({ message, link } = await invited(admin.agent, admin.csrf, 'Nina@Aust.no', 'Nina Ny', ['designer', 'analyst']));
    } finally {
      t.db.prepare("UPDATE municipalities SET default_locale = 'nb' WHERE slug = 'aust'").run();
    }
    // Nynorsk, text and HTML, the link in both; the outbox keeps neither the link nor the address once it has gone.
    expect(message.subject).toBe('Invitasjon til Reisekart for Kommune aust');
    expect(message.text).toContain('Lenkja verkar éin gong');
    expect(message.html).toContain(`href="${TEST_BASE_URL}${link}"`);
    const token = link.split('/').pop()!;
    const row = t.db.prepare("SELECT * FROM outbox WHERE kind = 'invitation' ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;
    expect([row.status, row.payload, row.recipient]).toEqual(['sent', '{}', null]);
    expect(JSON.stringify(row)).not.toContain(token);
    // Only a hash of the token is stored with the invitation.
    expect(JSON.stringify(t.db.prepare("SELECT * FROM staff_invitations WHERE email = 'nina@aust.no'").get())).not.toContain(token);

    // Nobody gains anything before the link is used: no account, no role, no sign-in.
    expect(userId('nina@aust.no')).toBeUndefined();
    const nina = request.agent(t.app);
    const page = await nina.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Nina Ny er invitert til Reisekart for Kommune aust med rollene: Analytiker, Tjenestedesigner.');
    expect(page.text).toContain('autocomplete="new-password"');

    const created = await choose(nina, link);
    expect([created.status, created.headers.location]).toEqual([303, '/admin']);
    const id = userId('nina@aust.no')!;
    expect(t.services.staff.rolesIn(id, aust())).toEqual(['analyst', 'designer']);
    expect((await nina.get('/admin/aust')).status).toBe(200);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'user.invitation_accepted' AND entity_id = ?", id)).toBe(1);
    // Her own password signs her in.
    expect((await (await signIn(t.app, 'nina@aust.no', PASSWORD)).agent.get('/admin/aust')).status).toBe(200);

    // The link works once: a second use, even by the same browser, is refused with the 410 page.
    const again = await request(t.app).get(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Be administratoren i kommunen om å sende en ny invitasjon');
    expect(again.text).toContain('<h1 class="ds-heading" data-size="lg">Invitasjonen virker ikke lenger</h1>');
    expect((await choose(request.agent(t.app), link, 'Heilt-Anna-Passord-55')).status).toBe(410);
  });

  it('spends the link once when it is used twice at the same moment', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    const { link } = await invited(admin.agent, admin.csrf, 'samtidig@aust.no', 'Samtidig Person');
    const answers = await Promise.all([choose(request.agent(t.app), link), choose(request.agent(t.app), link, 'Heilt-Anna-Passord-55')]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 410]);
    expect(count("SELECT count(*) FROM users WHERE email = 'samtidig@aust.no'")).toBe(1);
  });

  it("refuses a password made from the municipality's name (#15.4) and keeps the link working", async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    const { link } = await invited(admin.agent, admin.csrf, 'ola.ny@aust.no', 'Ola Ny');
    const weak = await choose(request.agent(t.app), link, 'Kommune aust 2024!');
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('href="#field-password"');
    expect(weak.text).not.toContain('Kommune aust 2024!');
    const mismatch = await request.agent(t.app).post(link).type('form').send({ password: PASSWORD, passwordConfirm: 'noe annet' });
    expect(mismatch.status).toBe(400);
    expect(userId('ola.ny@aust.no')).toBeUndefined();
    expect((await choose(request.agent(t.app), link)).status).toBe(303);
  });

  it('stops working after 72 hours; sending it again gives a new link and kills the old one', async () => {
    const start = new Date();
    t.clock.set(start);
    try {
      const admin = await signIn(t.app, 'admin@aust.no');
      const { link: first } = await invited(admin.agent, admin.csrf, 'sen@aust.no', 'Sen Person');
      const { created_at: createdAt, expires_at: expiresAt } = t.db.prepare("SELECT created_at, expires_at FROM staff_invitations WHERE email = 'sen@aust.no'").get() as { created_at: string; expires_at: string };
      expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(72 * 3600_000);
      t.clock.set(new Date(Date.parse(expiresAt) - 1000));
      expect((await request(t.app).get(first)).status).toBe(200);
      t.clock.set(new Date(expiresAt));
      expect((await request(t.app).get(first)).status).toBe(410);
      expect((await choose(request.agent(t.app), first)).status).toBe(410);
      expect(userId('sen@aust.no')).toBeUndefined();

      // The admin sees it expired and sends it again.
      // (The admin's session from before: a new sign-in now would leave a code accepted 72 hours ahead of the tests after.)
      const again = admin;
      expect(await invitationsSection(again.agent)).toContain('Utløpt – send på nytt');
      const invitationId = count("SELECT id FROM staff_invitations WHERE email = 'sen@aust.no'");
      const resent = await again.agent.post(`/admin/aust/settings/invitations/${invitationId}/resend`).type('form').send({ _csrf: again.csrf });
      expect(resent.status).toBe(303);
      const [message] = await deliveredTo('sen@aust.no');
      const second = linkIn(message!);
      expect(second).not.toBe(first);
      expect((await request(t.app).get(first)).status).toBe(410);
      expect((await choose(request.agent(t.app), second)).status).toBe(303);
      expect(t.services.staff.rolesIn(userId('sen@aust.no')!, aust())).toEqual(['analyst']);
    } finally {
      t.clock.set(null);
    }
  });

  it('sent again before the first e-mail went: only the new link goes out, and the old token is dead', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    expect((await invite(admin.agent, admin.csrf, 'to-lenker@aust.no', 'To Lenker')).status).toBe(303);
    const oldPayload = JSON.parse(t.db.prepare("SELECT payload FROM outbox WHERE kind = 'invitation' AND recipient = 'to-lenker@aust.no'").pluck().get() as string) as { token: string };
    const invitationId = count("SELECT id FROM staff_invitations WHERE email = 'to-lenker@aust.no'");
    expect((await admin.agent.post(`/admin/aust/settings/invitations/${invitationId}/resend`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
    const messages = await deliveredTo('to-lenker@aust.no');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).not.toContain(oldPayload.token);
    expect((await request(t.app).get(`/admin/konto/invitasjon/${oldPayload.token}`)).status).toBe(410);
    expect((await request(t.app).get(linkIn(messages[0]!))).status).toBe(200);
  });

  it('withdrawn, the link is dead, and an e-mail not yet sent is never sent', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    const { link } = await invited(admin.agent, admin.csrf, 'trukket@aust.no', 'Trukket Person');
    const sentId = count("SELECT id FROM staff_invitations WHERE email = 'trukket@aust.no'");
    expect((await admin.agent.post(`/admin/aust/settings/invitations/${sentId}/withdraw`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
    expect((await request(t.app).get(link)).status).toBe(410);
    expect((await choose(request.agent(t.app), link)).status).toBe(410);
    expect(userId('trukket@aust.no')).toBeUndefined();

    expect((await invite(admin.agent, admin.csrf, 'aldri@aust.no', 'Aldri Sendt')).status).toBe(303);
    const unsentId = count("SELECT id FROM staff_invitations WHERE email = 'aldri@aust.no'");
    expect((await admin.agent.post(`/admin/aust/settings/invitations/${unsentId}/withdraw`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
    expect(await deliveredTo('aldri@aust.no')).toHaveLength(0);
    expect(count("SELECT count(*) FROM outbox WHERE kind = 'invitation' AND recipient = 'aldri@aust.no'")).toBe(0);
  });

  it('becomes an .eml file without an SMTP server, as residents’ notices do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-eml-'));
    const files = fileTransport(dir);
    try {
      const fileSender = t.services.noticeSender({ baseUrl: TEST_BASE_URL, from: 'Reisekart <noreply@reisekart.test>', transport: files, logger: createLogger('silent'), options: DEFAULT_SENDER_OPTIONS });
      const admin = await signIn(t.app, 'admin@aust.no');
      expect((await invite(admin.agent, admin.csrf, 'fil@aust.no', 'Fil Person')).status).toBe(303);
      await fileSender.round();
      const eml = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).find((text) => text.includes('To: fil@aust.no'));
      expect(eml).toBeDefined();
      const link = /https:\/\/reisekart\.test\.example\/admin\/konto\/invitasjon\/[A-Za-z0-9_-]+/.exec(eml!.replace(/=\r?\n/g, ''))![0];
      expect((await request(t.app).get(new URL(link).pathname)).status).toBe(200);
    } finally {
      files.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 410 to an unknown link, with the page that says to ask for a new invitation', async () => {
    const res = await request(t.app).get('/admin/konto/invitasjon/ukjent-lenke-som-ikke-finnes');
    expect(res.status).toBe(410);
    expect(res.text).toContain('ny invitasjon');
  });

  it('refuses a second invitation to the same e-mail with 400, and lets only its own admin withdraw the first', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    expect((await invite(admin.agent, admin.csrf, 'to-ganger@aust.no', 'To Ganger')).status).toBe(303);
    const again = await invite(admin.agent, admin.csrf, 'to-ganger@aust.no', 'To Ganger');
    expect(again.status).toBe(400);
    expect(again.text).toContain('allerede invitert');
    const invitationId = count("SELECT id FROM staff_invitations WHERE email = 'to-ganger@aust.no'");

    const vestAdmin = await signIn(t.app, 'admin@vest.no');
    for (const action of ['withdraw', 'resend']) {
      expect((await vestAdmin.agent.post(`/admin/aust/settings/invitations/${invitationId}/${action}`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(404);
      expect((await vestAdmin.agent.post(`/admin/vest/settings/invitations/${invitationId}/${action}`).type('form').send({ _csrf: vestAdmin.csrf })).status).toBe(404);
    }
    expect((await admin.agent.post(`/admin/aust/settings/invitations/${invitationId}/withdraw`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
    expect(count('SELECT count(*) FROM staff_invitations WHERE id = ?', invitationId)).toBe(0);
  });
});

describe('inviting an e-mail that already has an account (#15.2)', () => {
  jest.setTimeout(30_000);
  let link: string;

  it('answers as for a new e-mail, shows only what the admin typed, and changes nothing of the account', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const existing = await invite(agent, csrf, 'KARI@vest.no', 'Skrevet Navn');
    const fresh = await invite(agent, csrf, 'ny-person@aust.no', 'Ny Person');
    expect([existing.status, existing.headers.location]).toEqual([303, '/admin/aust/settings/users']);
    expect([fresh.status, fresh.headers.location]).toEqual([303, '/admin/aust/settings/users']);
    const [message] = await deliveredTo('kari@vest.no');
    link = linkIn(message!);

    const section = await invitationsSection(agent);
    expect(section).toContain('Skrevet Navn');
    expect(section).toContain('Ny Person');
    const whole = (await agent.get('/admin/aust/settings/users')).text;
    expect(whole).not.toContain('Kari Vestmann');

    // The account: same name, same password, no role in aust, still a moderator of vest.
    expect(t.db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(moderatorId)).toBe('Kari Vestmann');
    const kari = await signIn(t.app, 'kari@vest.no', TEST_PASSWORD);
    expect(t.services.staff.rolesIn(moderatorId, aust())).toEqual([]);
    expect((await kari.agent.get('/admin/aust')).status).toBe(404);
    expect(t.services.staff.rolesIn(moderatorId, vest())).toEqual(['moderator']);
  });

  it('offers no password form at the link: its holder signs in, and comes back to the link', async () => {
    const anonymous = request.agent(t.app);
    const page = await anonymous.get(link);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('name="password"');
    const loginHref = /href="(\/login\?returnTo=[^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    expect(decodeURIComponent(loginHref)).toContain(link);
    // A password sent to the link anyway creates nothing and changes nothing.
    expect((await choose(anonymous, link)).status).toBe(400);
    await expect(signIn(t.app, 'kari@vest.no', PASSWORD)).rejects.toThrow('sign-in failed');

    const kari = request.agent(t.app);
    const res = await kari.post('/login').type('form').send({ email: 'kari@vest.no', password: TEST_PASSWORD, returnTo: link });
    expect([res.status, res.headers.location]).toEqual([303, link]);
    const answerPage = await kari.get(link);
    expect(answerPage.text).toContain('Godta invitasjonen');
  });

  it("leaves the other municipality's admin in control: disabling still works while the invitation is unanswered", async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@vest.no');
    expect((await agent.post(`/admin/vest/settings/users/${moderatorId}/disable`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect((await agent.post(`/admin/vest/settings/users/${moderatorId}/enable`).type('form').send({ _csrf: csrf })).status).toBe(303);
  });

  it('lets only the invitee answer: someone else signed in is refused, and the invitation stays', async () => {
    const invitationId = count("SELECT id FROM staff_invitations WHERE email = 'kari@vest.no'");
    const other = await signIn(t.app, 'admin@vest.no');
    for (const answer of ['accept', 'decline']) {
      expect((await other.agent.post(`/admin/invitations/${invitationId}/${answer}`).type('form').send({ _csrf: other.csrf })).status).toBe(404);
      expect((await other.agent.post(`${link}/svar`).type('form').send({ _csrf: other.csrf, answer })).status).toBe(403);
    }
    expect((await other.agent.get(link)).text).toContain('Du er logget inn som admin@vest.no, men invitasjonen gjelder en annen adresse.');
    expect(count('SELECT count(*) FROM staff_invitations WHERE id = ? AND used_at IS NULL', invitationId)).toBe(1);
    expect(t.services.staff.rolesIn(userId('admin@vest.no')!, aust())).toEqual([]);
  });

  it('gives the roles once the invitee accepts at the link, which then is spent; the admin role then asks for a second factor', async () => {
    const kari = await signIn(t.app, 'kari@vest.no');
    const page = await kari.agent.get(link);
    const accepted = await kari.agent.post(`${link}/svar`).type('form').send({ _csrf: csrfFrom(page.text), answer: 'accept' });
    expect([accepted.status, accepted.headers.location]).toEqual([303, '/admin']);
    expect(t.services.staff.rolesIn(moderatorId, aust())).toEqual(['admin']);
    expect((await request(t.app).get(link)).status).toBe(410);
    // An admin now: nothing under /admin but the enrolment of a second factor (#21.2).
    const settings = await kari.agent.get('/admin/aust/settings/users');
    expect(settings.status).toBe(303);
    expect(settings.headers.location).toMatch(/^\/admin\/konto\/totp\?returnTo=/);
    // The sign-in helper enrols her, as she would herself; then the account serves both municipalities.
    const enrolled = await signIn(t.app, 'kari@vest.no');
    expect((await enrolled.agent.get('/admin/aust/settings/users')).status).toBe(200);
    expect((await enrolled.agent.get('/admin/vest')).status).toBe(200);
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
    const ownId = userId('admin@aust.no')!;
    const vestAdminId = userId('admin@vest.no')!;
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    expect((await agent.post(`/admin/aust/settings/users/${ownId}/remove`).type('form').send({ _csrf: csrf })).status).toBe(403);
    expect((await agent.post(`/admin/aust/settings/users/${vestAdminId}/remove`).type('form').send({ _csrf: csrf })).status).toBe(404);
    expect(t.services.staff.rolesIn(vestAdminId, vest())).toEqual(['admin']);
  });

  it('a declined invitation gives no role and is gone from both sides; its link is then dead', async () => {
    const admin = await signIn(t.app, 'admin@vest.no');
    await createUser(t.services, { email: 'nei@vest.no', municipality: 'vest', roles: ['analyst'] });
    const aAdmin = await signIn(t.app, 'admin@aust.no');
    const { link: declineLink } = await invited(aAdmin.agent, aAdmin.csrf, 'nei@vest.no', 'Nei Takk');
    const person = await signIn(t.app, 'nei@vest.no');
    const page = await person.agent.get(declineLink);
    expect((await person.agent.post(`${declineLink}/svar`).type('form').send({ _csrf: csrfFrom(page.text), answer: 'decline' })).status).toBe(303);
    expect((await person.agent.get('/admin/aust')).status).toBe(404);
    expect(await invitationsSection(aAdmin.agent)).not.toContain('Nei Takk');
    expect((await request(t.app).get(declineLink)).status).toBe(410);
    expect((await admin.agent.get('/admin/vest')).status).toBe(200);
  });
});

describe('the housekeeping of spent and expired invitations (#21 follow-up)', () => {
  jest.setTimeout(30_000);

  it('purges a used invitation at once and an expired one 30 days after it expired; until then the admin sees it expired', async () => {
    // Signed in before the clock moves (see the 72-hour test): the session outlives the moves, and no code is spent ahead.
    const admin = await signIn(t.app, 'admin@aust.no');
    const rows = () => t.db.prepare("SELECT email FROM staff_invitations WHERE email IN ('brukt@aust.no', 'glemt@aust.no') ORDER BY email").pluck().all();
    t.clock.set(new Date());
    try {
      const { link } = await invited(admin.agent, admin.csrf, 'brukt@aust.no', 'Brukt Person');
      expect((await choose(request.agent(t.app), link)).status).toBe(303);
      await invited(admin.agent, admin.csrf, 'glemt@aust.no', 'Glemt Person');
      const expiresAt = Date.parse(t.db.prepare("SELECT expires_at FROM staff_invitations WHERE email = 'glemt@aust.no'").pluck().get() as string);
      expect(rows()).toEqual(['brukt@aust.no', 'glemt@aust.no']);

      // The used one goes at the first round; the live one stays, and so does the account the used one made.
      expect(t.services.staff.purgeInvitations()).toBeGreaterThanOrEqual(1);
      expect(rows()).toEqual(['glemt@aust.no']);
      expect(userId('brukt@aust.no')).toBeDefined();

      // Expired: shown to the admin as expired (to send again), and kept for 30 days.
      t.clock.set(new Date(expiresAt));
      t.services.staff.purgeInvitations();
      const section = await invitationsSection(admin.agent);
      const row = section.slice(section.indexOf('Glemt Person'), section.indexOf('</tr>', section.indexOf('Glemt Person')));
      expect(row).toContain('glemt@aust.no');
      expect(row).toContain('Utløpt – send på nytt');
      t.clock.set(new Date(expiresAt + 30 * 24 * 3600_000 - 1000));
      t.services.staff.purgeInvitations();
      expect(rows()).toEqual(['glemt@aust.no']);
      expect(await invitationsSection(admin.agent)).toContain('Glemt Person');

      // 30 days after it expired, it is gone: from the database and from the admin's page.
      t.clock.set(new Date(expiresAt + 30 * 24 * 3600_000));
      expect(t.services.staff.purgeInvitations()).toBeGreaterThanOrEqual(1);
      expect(rows()).toEqual([]);
      expect(await invitationsSection(admin.agent)).not.toContain('Glemt Person');
    } finally {
      t.clock.set(null);
    }
  });

  it('keeps an expired invitation that was sent again: its new link counts from the sending', async () => {
    const admin = await signIn(t.app, 'admin@aust.no');
    t.clock.set(new Date());
    try {
      await invited(admin.agent, admin.csrf, 'igjen@aust.no', 'Igjen Person');
      const id = count("SELECT id FROM staff_invitations WHERE email = 'igjen@aust.no'");
      const firstExpiry = Date.parse(t.db.prepare('SELECT expires_at FROM staff_invitations WHERE id = ?').pluck().get(id) as string);
      t.clock.set(new Date(firstExpiry + 29 * 24 * 3600_000));
      expect((await admin.agent.post(`/admin/aust/settings/invitations/${id}/resend`).type('form').send({ _csrf: admin.csrf })).status).toBe(303);
      t.clock.set(new Date(firstExpiry + 31 * 24 * 3600_000));
      t.services.staff.purgeInvitations();
      expect(count('SELECT count(*) FROM staff_invitations WHERE id = ?', id)).toBe(1);
    } finally {
      t.clock.set(null);
    }
  });
});
