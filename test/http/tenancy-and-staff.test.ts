// Roles and tenancy on staff routes, and staff management by a municipality admin (SECURITY.md 1-2, 10, 13).
import request from 'supertest';
import { pendingInvitationLink } from '../helpers/invitations';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type TestApp } from '../helpers/test-app';
import { settingsFormOf } from '../helpers/settings-form';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  createMunicipality(t.services, 'vest');
  await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin'] });
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
  await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
  await createUser(t.services, { email: 'admin@vest.no', municipality: 'vest', roles: ['admin'] });
  await createUser(t.services, { email: 'platform@example.no', platformAdmin: true });
});
afterAll(() => t.close());

const ADMIN_ONLY_PAGES = ['/settings', '/settings/users', '/settings/users/new', '/settings/audit'];

describe('role matrix on the municipality admin pages', () => {
  it.each([
    ['admin@aust.no', 200],
    ['platform@example.no', 200],
    ['designer@aust.no', 403],
    ['moderator@aust.no', 403],
    ['analyst@aust.no', 403],
    ['admin@vest.no', 404],
  ])('%s gets %i on every admin-only page of aust', async (email, status) => {
    const { agent } = await signIn(t.app, email);
    for (const page of ADMIN_ONLY_PAGES) {
      expect([page, (await agent.get(`/admin/aust${page}`)).status]).toEqual([page, status]);
    }
  });

  it('lets any member see the municipality overview, and gives 404 to staff of another municipality', async () => {
    expect((await (await signIn(t.app, 'analyst@aust.no')).agent.get('/admin/aust')).status).toBe(200);
    expect((await (await signIn(t.app, 'admin@vest.no')).agent.get('/admin/aust')).status).toBe(404);
  });

  it('redirects signed-out visitors to login', async () => {
    for (const page of ['', ...ADMIN_ONLY_PAGES]) {
      expect((await request(t.app).get(`/admin/aust${page}`)).status).toBe(303);
    }
  });

  it('refuses a POST from the admin of another municipality with 404, changing nothing', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@vest.no');
    const res = await agent.post('/admin/aust/settings/users').type('form').send({
      _csrf: csrf, name: 'Inntrenger', email: 'inn@vest.no', password: 'Lang-og-sikker-99', roles: 'admin',
    });
    expect(res.status).toBe(404);
    expect(t.db.prepare("SELECT count(*) FROM users WHERE email = 'inn@vest.no'").pluck().get()).toBe(0);
  });

  it('hides platform administration from municipality admins', async () => {
    const { agent } = await signIn(t.app, 'admin@aust.no');
    expect((await agent.get('/admin/municipalities/new')).status).toBe(404);
    expect((await agent.get('/admin/audit')).status).toBe(404);
  });
});

describe('staff management', () => {
  it('invites a new staff member by e-mail; they choose a password at the link, and then reach what the roles allow', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const res = await agent.post('/admin/aust/settings/users').type('form').send({
      _csrf: csrf, name: 'Nina Ny', email: 'nina@aust.no', roles: ['designer', 'analyst'],
    });
    expect(res.status).toBe(303);
    const list = await agent.get('/admin/aust/settings/users');
    expect(list.text).toContain('Invitasjoner som venter på svar');
    expect(list.text).toContain('Nina Ny');
    // No account, so no sign-in and no role, before the link is used.
    await expect(signIn(t.app, 'nina@aust.no', 'Sommerfugl-Vinge-77')).rejects.toThrow('sign-in failed');
    const nina = request.agent(t.app);
    const link = pendingInvitationLink(t.db, 'nina@aust.no');
    const page = await nina.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Nina Ny er invitert til Reisekart for Kommune aust med rollene: Analytiker, Tjenestedesigner.');
    const created = await nina.post(link).type('form').send({ password: 'Sommerfugl-Vinge-77', passwordConfirm: 'Sommerfugl-Vinge-77' });
    expect(created.status).toBe(303);
    expect((await nina.get('/admin/aust')).status).toBe(200);
    expect((await nina.get('/admin/aust/settings')).status).toBe(403);
    expect((await agent.get('/admin/aust/settings/users')).text).toContain('Ingen invitasjoner venter på svar.');
    // The password she chose is hers: a new sign-in with it works.
    expect((await (await signIn(t.app, 'nina@aust.no', 'Sommerfugl-Vinge-77')).agent.get('/admin/aust')).status).toBe(200);
  });

  it('refuses an extra field such as municipality_id (strict schema), keeping the values', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const res = await agent.post('/admin/aust/settings/users').type('form').send({
      _csrf: csrf, name: 'Per Ekstra', email: 'per@aust.no', password: 'Sommerfugl-Vinge-77', roles: 'analyst', municipality_id: '2',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('value="Per Ekstra"');
    expect(t.db.prepare("SELECT count(*) FROM users WHERE email = 'per@aust.no'").pluck().get()).toBe(0);
  });

  it('refuses an unknown role and a missing role with 400', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    for (const roles of ['superuser', undefined]) {
      const res = await agent.post('/admin/aust/settings/users').type('form').send({
        _csrf: csrf, name: 'Rolle Løs', email: 'rolle@aust.no', password: 'Sommerfugl-Vinge-77', ...(roles ? { roles } : {}),
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#field-roles"');
    }
  });

  it('changes roles and writes the change to the audit log that the admin can read', async () => {
    const id = await createUser(t.services, { email: 'endre@aust.no', municipality: 'aust', roles: ['analyst'] });
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const res = await agent.post(`/admin/aust/settings/users/${id}/roles`).type('form').send({ _csrf: csrf, roles: ['moderator'] });
    expect(res.status).toBe(303);
    expect(t.services.staff.rolesIn(id, t.services.municipalities.bySlug('aust').id)).toEqual(['moderator']);
    const log = await agent.get('/admin/aust/settings/audit');
    expect(log.text).toContain('Roller endret');
  });

  it('disabling a user ends all their sessions at once and blocks new logins; enabling lets them back', async () => {
    const id = await createUser(t.services, { email: 'borte@aust.no', municipality: 'aust', roles: ['designer'] });
    const victim1 = await signIn(t.app, 'borte@aust.no');
    const victim2 = await signIn(t.app, 'borte@aust.no');
    expect(t.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(id)).toBe(2);
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    expect((await agent.post(`/admin/aust/settings/users/${id}/disable`).type('form').send({ _csrf: csrf })).status).toBe(303);
    // The rows are gone from the store before either browser comes back.
    expect(t.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect((await victim1.agent.get('/admin/aust')).status).toBe(303);
    expect((await victim2.agent.get('/admin/aust')).status).toBe(303);
    await expect(signIn(t.app, 'borte@aust.no')).rejects.toThrow('sign-in failed');
    expect((await agent.post(`/admin/aust/settings/users/${id}/enable`).type('form').send({ _csrf: csrf })).status).toBe(303);
    await expect(signIn(t.app, 'borte@aust.no')).resolves.toBeDefined();
  });

  it('does not let an admin disable themself or a user of another municipality', async () => {
    const own = t.db.prepare("SELECT id FROM users WHERE email = 'admin@aust.no'").pluck().get() as number;
    const foreign = t.db.prepare("SELECT id FROM users WHERE email = 'admin@vest.no'").pluck().get() as number;
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    expect((await agent.post(`/admin/aust/settings/users/${own}/disable`).type('form').send({ _csrf: csrf })).status).toBe(403);
    expect((await agent.post(`/admin/aust/settings/users/${foreign}/disable`).type('form').send({ _csrf: csrf })).status).toBe(404);
    expect((await agent.post('/admin/aust/settings/users/abc/disable').type('form').send({ _csrf: csrf })).status).toBe(404);
    expect(t.db.prepare('SELECT count(*) FROM users WHERE disabled_at IS NOT NULL AND id IN (?, ?)').pluck().get(own, foreign)).toBe(0);
  });

  it('lets a designer reach no user management, not even by POST', async () => {
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    expect((await agent.get('/admin/aust/settings/users')).status).toBe(403);
    const res = await agent.post('/admin/aust/settings/users').type('form').send({
      _csrf: csrf, name: 'X', email: 'x@aust.no', password: 'Sommerfugl-Vinge-77', roles: 'admin',
    });
    expect(res.status).toBe(403);
  });
});

describe('municipality settings', () => {
  it('saves valid settings and refuses out-of-range numbers with 400, changing nothing', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const good = { _csrf: csrf, name: 'Aust kommune', defaultLocale: 'nn', premoderation: 'on', halfLifeDays: '90', severityPriorWeight: '4', wipLimit: '5', flagHideThreshold: '2', reportLimitPerHour: '5', voteLimitPerHour: '60', flagLimitPerHour: '10' };
    expect((await agent.post('/admin/aust/settings').type('form').send(good)).status).toBe(303);
    const saved = t.services.municipalities.bySlug('aust');
    expect([saved.name, saved.default_locale, saved.half_life_days, saved.wip_limit]).toEqual(['Aust kommune', 'nn', 90, 5]);
    const bad = await agent.post('/admin/aust/settings').type('form').send({ ...good, halfLifeDays: '0', name: 'Endret' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#field-halfLifeDays"');
    expect(t.services.municipalities.bySlug('aust').name).toBe('Aust kommune');
  });

  it('announces saved settings once, on the settings page it returns to (a flash notice, not ?saved=1)', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const m = t.services.municipalities.bySlug('aust');
    const res = await agent.post('/admin/aust/settings').type('form').send({
      _csrf: csrf, name: m.name, defaultLocale: m.default_locale, halfLifeDays: String(m.half_life_days), severityPriorWeight: String(m.severity_prior_weight),
      wipLimit: String(m.wip_limit), flagHideThreshold: String(m.flag_hide_threshold), reportLimitPerHour: String(m.report_limit_per_hour),
      voteLimitPerHour: String(m.vote_limit_per_hour), flagLimitPerHour: String(m.flag_limit_per_hour),
    });
    expect([res.status, res.headers.location]).toEqual([303, '/admin/aust/settings']);
    expect((await agent.get('/admin/aust/settings')).text).toContain('Innstillingene er lagret.');
    expect((await agent.get('/admin/aust/settings')).text).not.toContain('Innstillingene er lagret.');
  });

  it.each([
    ['wipLimit', '0x10'],
    ['wipLimit', '1e1'],
    ['wipLimit', '5.0'],
    ['wipLimit', ' '],
    ['halfLifeDays', '0b11'],
    ['halfLifeDays', 'Infinity'],
    ['severityPriorWeight', '1e-400'],
    ['severityPriorWeight', '0x1'],
    ['severityPriorWeight', '-0'],
    ['severityPriorWeight', '.5'],
  ])('refuses %s=%j with 400 naming the field: numbers are plain decimal (#15.9)', async (field, value) => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const before = t.services.municipalities.bySlug('aust');
    const good = { _csrf: csrf, name: 'Aust kommune', defaultLocale: 'nn', premoderation: 'on', halfLifeDays: '90', severityPriorWeight: '4', wipLimit: '5', flagHideThreshold: '2', reportLimitPerHour: '5', voteLimitPerHour: '60', flagLimitPerHour: '10' };
    const res = await agent.post('/admin/aust/settings').type('form').send({ ...good, [field]: value, name: 'Endret' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(t.services.municipalities.bySlug('aust')).toEqual(before);
  });

  it('takes a decimal prior weight written with a comma or a point', async () => {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const good = { _csrf: csrf, name: 'Aust kommune', defaultLocale: 'nn', premoderation: 'on', halfLifeDays: '90', severityPriorWeight: '4,5', wipLimit: '5', flagHideThreshold: '2', reportLimitPerHour: '5', voteLimitPerHour: '60', flagLimitPerHour: '10' };
    expect((await agent.post('/admin/aust/settings').type('form').send(good)).status).toBe(303);
    expect(t.services.municipalities.bySlug('aust').severity_prior_weight).toBe(4.5);
    expect((await agent.post('/admin/aust/settings').type('form').send({ ...good, severityPriorWeight: '2.25' })).status).toBe(303);
    expect(t.services.municipalities.bySlug('aust').severity_prior_weight).toBe(2.25);
  });
});

// The open data's publisher and contact point (#22.4): the organisation number in Enhetsregisteret (nine digits, the
// last a modulus-11 check digit) and a public e-mail address, both optional, on the same settings page.
describe('municipality settings: organisation number and contact e-mail', () => {
  const OSLO = '974760673';
  async function admin() {
    const { agent, csrf } = await signIn(t.app, 'admin@aust.no');
    const form = { _csrf: csrf, ...settingsFormOf(t.services.municipalities.bySlug('aust')) };
    return { agent, form };
  }
  const saved = () => {
    const m = t.services.municipalities.bySlug('aust');
    return [m.organisation_number, m.contact_email];
  };

  it('saves a number typed with spaces as its nine digits, and the address, and shows both on the page again', async () => {
    const { agent, form } = await admin();
    const res = await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: ' 974 760 673 ', contactEmail: ' postmottak@aust.kommune.no ' });
    expect(res.status).toBe(303);
    expect(saved()).toEqual([OSLO, 'postmottak@aust.kommune.no']);
    const page = await agent.get('/admin/aust/settings');
    expect(page.text).toContain(`value="${OSLO}"`);
    expect(page.text).toContain('value="postmottak@aust.kommune.no"');
  });

  it('clears both when the fields are sent empty', async () => {
    const { agent, form } = await admin();
    await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: OSLO, contactEmail: 'postmottak@aust.kommune.no' }).expect(303);
    await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: '', contactEmail: '' }).expect(303);
    expect(saved()).toEqual([null, null]);
  });

  it.each([
    ['nb', 'Dette er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke.'],
    ['nn', 'Dette er ikkje eit gyldig organisasjonsnummer: kontrollsifferet stemmer ikkje.'],
    ['en', 'This is not a valid organisation number: the check digit does not match.'],
  ])('refuses a wrong check digit with 400 and a message in %s, changing nothing and keeping every value typed', async (lang, message) => {
    const { agent, form } = await admin();
    const before = t.services.municipalities.bySlug('aust');
    const res = await agent
      .post('/admin/aust/settings')
      .set('Accept-Language', lang)
      .type('form')
      .send({ ...form, name: 'Aust kommune endret', organisationNumber: '974 760 674', contactEmail: 'postmottak@aust.kommune.no' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#field-organisationNumber"');
    expect(res.text).toContain(message);
    expect(res.text).toContain('value="974 760 674"');
    expect(res.text).toContain('value="postmottak@aust.kommune.no"');
    expect(res.text).toContain('value="Aust kommune endret"');
    expect(t.services.municipalities.bySlug('aust')).toEqual(before);
  });

  it('refuses a number another municipality already gives, with 400 and the message, keeping what was typed', async () => {
    const vest = t.services.municipalities.bySlug('vest');
    t.db.prepare('UPDATE municipalities SET organisation_number = ? WHERE id = ?').run(OSLO, vest.id);
    try {
      const { agent, form } = await admin();
      const before = t.services.municipalities.bySlug('aust');
      const res = await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: '974 760 673', contactEmail: 'post@aust.no' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#field-organisationNumber"');
      expect(res.text).toContain('Organisasjonsnummeret er allerede registrert for en annen kommune.');
      expect(res.text).toContain('value="974 760 673"');
      expect(res.text).toContain('value="post@aust.no"');
      expect(t.services.municipalities.bySlug('aust')).toEqual(before);
      // The database refuses it too, whatever the path.
      expect(() => t.db.prepare('UPDATE municipalities SET organisation_number = ? WHERE id = ?').run(OSLO, before.id)).toThrow(/UNIQUE/);
    } finally {
      t.db.prepare('UPDATE municipalities SET organisation_number = NULL WHERE id = ?').run(vest.id);
    }
  });

  it.each(['97476067', '9747606731', '974-760-673', 'nine'])('refuses %j, not nine digits, with the length message', async (typed) => {
    const { agent, form } = await admin();
    const res = await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: typed });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Organisasjonsnummeret skal ha ni sifre.');
    expect(res.text).not.toContain('kontrollsifferet');
    expect(res.text).toContain(`value="${typed}"`);
  });

  const NOT_AN_ADDRESS = 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.';
  it.each([
    ['postmottak', NOT_AN_ADDRESS],
    ['postmottak@', NOT_AN_ADDRESS],
    ['@aust.kommune.no', NOT_AN_ADDRESS],
    ['post mottak@aust.no', NOT_AN_ADDRESS],
    ['postmottak@aust', NOT_AN_ADDRESS],
    [`${'a'.repeat(250)}@aust.no`, 'Teksten er for lang.'],
  ])(
    'refuses the address %j with 400 and its message, keeping what was typed',
    async (typed, message) => {
      const { agent, form } = await admin();
      const before = t.services.municipalities.bySlug('aust');
      const res = await agent.post('/admin/aust/settings').type('form').send({ ...form, organisationNumber: OSLO, contactEmail: typed });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#field-contactEmail"');
      expect(res.text).toContain(message);
      expect(res.text).toContain(`value="${typed}"`);
      expect(res.text).toContain(`value="${OSLO}"`);
      expect(t.services.municipalities.bySlug('aust')).toEqual(before);
    },
  );

  it('says on the page what each field is for, and what the description shows without it', async () => {
    const { agent } = await admin();
    const page = await agent.get('/admin/aust/settings');
    expect(page.text).toContain('Uten nummer står kommunen som utgiver bare med navn.');
    expect(page.text).toContain('aria-describedby="field-organisationNumber-description"');
    expect(page.text).toContain('type="email"');
  });
});

describe('platform admin creates municipalities', () => {
  it('creates one, and refuses a taken or reserved slug and a bad kommunenummer', async () => {
    const { agent } = await signIn(t.app, 'platform@example.no');
    const form = await agent.get('/admin/municipalities/new');
    const csrf = csrfFrom(form.text);
    const create = (fields: Record<string, string>) =>
      agent.post('/admin/municipalities').type('form').send({ _csrf: csrf, name: 'Nord kommune', slug: 'nord', kommunenummer: '5001', defaultLocale: 'nb', ...fields });
    expect((await create({})).headers.location).toBe('/admin/nord');
    for (const [fields, field] of [
      [{ kommunenummer: '5002' }, 'slug'],
      [{ slug: 'admin', kommunenummer: '5003' }, 'slug'],
      [{ slug: 'Ugyldig Slug!', kommunenummer: '5004' }, 'slug'],
      [{ slug: 'sor', kommunenummer: '50' }, 'kommunenummer'],
      [{ slug: 'sor', kommunenummer: '5001' }, 'kommunenummer'],
    ] as const) {
      const res = await create(fields);
      expect([JSON.stringify(fields), res.status]).toEqual([JSON.stringify(fields), 400]);
      expect(res.text).toContain(`href="#field-${field}"`);
    }
    expect(t.db.prepare('SELECT count(*) FROM municipalities').pluck().get()).toBe(3);
  });
});
