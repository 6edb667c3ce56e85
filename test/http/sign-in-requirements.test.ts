// A municipality's admin sets what its staff's sign-in requires (#21): single sign-on only, and a second factor for
// all staff. The settings page keeps both, says when single sign-on is not configured, and audits the change.
import nb from '../../locales/nb.json';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';
import { settingsFormOf } from '../helpers/settings-form';

let t: TestApp;

beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'nord', 'Nord kommune');
});
afterAll(() => t.close());

function settingsOf(slug: string) {
  return settingsFormOf(t.services.municipalities.bySlug(slug));
}

it('keeps "require single sign-on" and "require a second factor for all staff", ticked and unticked', async () => {
  await createUser(t.services, { email: 'admin@nord.no', municipality: 'nord', roles: ['admin'] });
  const admin = await signIn(t.app, 'admin@nord.no');
  const page = (await admin.agent.get('/admin/nord/settings')).text;
  expect(page).toContain('name="requireSso"');
  expect(page).toContain('name="requireTwoFactor"');
  // This app has no STAFF_OIDC_* settings: the page says the requirement cannot be met yet.
  expect(page).toContain(nb.admin.settings.requireSsoNotConfigured);

  const on = await admin.agent.post('/admin/nord/settings').type('form').send({ _csrf: admin.csrf, ...settingsOf('nord'), requireSso: 'on', requireTwoFactor: 'on' });
  expect(on.status).toBe(303);
  let m = t.services.municipalities.bySlug('nord');
  expect([m.require_sso, m.require_two_factor]).toEqual([1, 1]);
  expect((await admin.agent.get('/admin/nord/settings')).text).toMatch(/name="requireSso" value="on"[^>]*checked/);

  // A checkbox left unticked sends nothing: both requirements end.
  expect((await admin.agent.post('/admin/nord/settings').type('form').send({ _csrf: admin.csrf, ...settingsOf('nord') })).status).toBe(303);
  m = t.services.municipalities.bySlug('nord');
  expect([m.require_sso, m.require_two_factor]).toEqual([0, 0]);

  const audited = t.db
    .prepare("SELECT details FROM audit_log WHERE action = 'municipality.settings_changed' AND actor_user_id IS NOT NULL ORDER BY id")
    .pluck()
    .all()
    .map((d) => JSON.parse(String(d)) as { requireSso: boolean; requireTwoFactor: boolean });
  expect(audited.map((d) => [d.requireSso, d.requireTwoFactor])).toEqual([[true, true], [false, false]]);
});

it('refuses a value other than a ticked checkbox with a 400 and the form again', async () => {
  const admin = await signIn(t.app, 'admin@nord.no');
  const res = await admin.agent.post('/admin/nord/settings').type('form').send({ _csrf: admin.csrf, ...settingsOf('nord'), requireSso: 'yes please' });
  expect(res.status).toBe(400);
  expect(res.text).toContain('name="requireSso"');
  expect(t.services.municipalities.bySlug('nord').require_sso).toBe(0);
});

it('says nothing about a missing provider where single sign-on is configured', async () => {
  const { startOidcProvider } = await import('../helpers/oidc-provider');
  const op = await startOidcProvider({ kind: 'entra', redirectUris: ['https://reisekart.test.example/admin/innlogging/kommunekonto/svar'] });
  const withSso = makeTestApp({ staffOidc: { issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } });
  try {
    createMunicipality(withSso.services, 'nord', 'Nord kommune');
    await createUser(withSso.services, { email: 'admin@nord.no', municipality: 'nord', roles: ['admin'] });
    const admin = await signIn(withSso.app, 'admin@nord.no');
    const page = (await admin.agent.get('/admin/nord/settings')).text;
    expect(page).toContain(nb.admin.settings.requireSsoHelp);
    expect(page).not.toContain(nb.admin.settings.requireSsoNotConfigured);
  } finally {
    withSso.close();
    await op.close();
  }
});
