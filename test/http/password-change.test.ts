// #21.2 (in part): a staff member changes their own password. The current one proves it is them, the new one meets the
// policy; every session of theirs ends; the old password stops working and the new one works; audited without either.
import request from 'supertest';
import nb from '../../locales/nb.json';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_PASSWORD, type TestApp } from '../helpers/test-app';

let t: TestApp;
const NEW_PASSWORD = 'fjellbekk tyttebær lanterne 47';

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  await createUser(t.services, { email: 'kari@aust.no', municipality: 'aust', roles: ['designer'], name: 'Kari Nordmann' });
});
afterAll(() => t.close());

const change = (who: Awaited<ReturnType<typeof signIn>>, body: Record<string, string>) =>
  who.agent.post('/admin/konto/passord').type('form').send({ _csrf: who.csrf, ...body });

describe('changing one’s own password', () => {
  it('is offered on the staff home page, and needs a signed-in person', async () => {
    const kari = await signIn(t.app, 'kari@aust.no');
    expect((await kari.agent.get('/admin')).text).toContain('href="/admin/konto/passord"');
    expect((await kari.agent.get('/admin/konto/passord')).status).toBe(200);
    expect((await request(t.app).get('/admin/konto/passord')).status).toBe(303);
  });

  it.each([
    [{ currentPassword: 'feil passord her', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, 'currentPassword', nb.validation.currentPasswordWrong],
    [{ currentPassword: TEST_PASSWORD, password: 'passord1', passwordConfirm: 'passord1' }, 'password', null],
    [{ currentPassword: TEST_PASSWORD, password: 'Kari Nordmann kari@aust.no', passwordConfirm: 'Kari Nordmann kari@aust.no' }, 'password', null],
    [{ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: 'noe annet' }, 'passwordConfirm', nb.validation.passwordMismatch],
    [{ currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, passwordConfirm: TEST_PASSWORD }, 'password', nb.validation.passwordUnchanged],
  ])('refuses %o with 400 on %s, keeps the old password, and never shows a password again', async (body, field, message) => {
    const kari = await signIn(t.app, 'kari@aust.no');
    const res = await change(kari, body);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    if (message) expect(res.text).toContain(message);
    for (const value of Object.values(body)) expect(res.text).not.toContain(`value="${value}"`);
    await signIn(t.app, 'kari@aust.no');
  });

  it('changes it, ends every session of the person, and lets only the new password in; audited without either', async () => {
    const here = await signIn(t.app, 'kari@aust.no');
    const elsewhere = await signIn(t.app, 'kari@aust.no');
    const res = await change(here, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect([res.status, res.headers.location]).toEqual([303, '/login']);
    expect((await here.agent.get('/admin')).status).toBe(303);
    expect((await elsewhere.agent.get('/admin')).status).toBe(303);
    await expect(signIn(t.app, 'kari@aust.no')).rejects.toThrow();
    const again = await signIn(t.app, 'kari@aust.no', NEW_PASSWORD);
    expect((await again.agent.get('/admin')).status).toBe(200);
    const audit = t.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'account.%' ORDER BY id").all() as { action: string; details: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['account.password_change_refused', 'account.password_changed']);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });
});
