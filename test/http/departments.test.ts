// Departments: designers and admins manage them; one in use by a step cannot be deleted.
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust');
  await createUser(t.services, { email: 'designer@aust.no', municipality: 'aust', roles: ['designer'] });
});
afterAll(() => t.close());

const idOf = (name: string) => t.db.prepare('SELECT id FROM departments WHERE name = ?').pluck().get(name) as number | undefined;

describe('departments', () => {
  it('adds, renames and deletes a department, and audits each change', async () => {
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    expect((await agent.post('/admin/aust/departments').type('form').send({ _csrf: csrf, name: 'Skatteetaten', kind: 'state' })).status).toBe(303);
    const id = idOf('Skatteetaten')!;
    expect((await agent.post(`/admin/aust/departments/${id}/edit`).type('form').send({ _csrf: csrf, name: 'Skatteetaten region øst', kind: 'state' })).status).toBe(303);
    expect(idOf('Skatteetaten region øst')).toBe(id);
    expect((await agent.post(`/admin/aust/departments/${id}/remove`).type('form').send({ _csrf: csrf })).status).toBe(303);
    expect(idOf('Skatteetaten region øst')).toBeUndefined();
    const actions = t.db.prepare("SELECT action FROM audit_log WHERE entity_type = 'department' AND entity_id = ?").pluck().all(id);
    expect(actions).toEqual(['department.created', 'department.updated', 'department.deleted']);
  });

  it.each([
    [{ name: '', kind: 'state' }, 'name'],
    [{ name: 'Ok', kind: 'galactic' }, 'kind'],
    [{ name: 'x'.repeat(121), kind: 'state' }, 'name'],
  ])('refuses %o with 400', async (body, field) => {
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    const res = await agent.post('/admin/aust/departments').type('form').send({ _csrf: csrf, ...body });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
  });

  it('refuses a duplicate name, and deleting a department that a step uses', async () => {
    const { agent, csrf } = await signIn(t.app, 'designer@aust.no');
    buildJourney(t.services, 'aust', { slug: 'bruker-nav', phases: { A: ['a'] }, department: { name: 'NAV', kind: 'state' } });
    const dup = await agent.post('/admin/aust/departments').type('form').send({ _csrf: csrf, name: 'nav', kind: 'state' });
    expect(dup.status).toBe(400);
    expect(dup.text).toContain('Det finnes allerede en enhet med dette navnet.');
    const res = await agent.post(`/admin/aust/departments/${idOf('NAV')}/remove`).type('form').send({ _csrf: csrf });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enheten har ansvar for steg og kan ikke slettes.');
    expect(idOf('NAV')).toBeDefined();
  });
});
