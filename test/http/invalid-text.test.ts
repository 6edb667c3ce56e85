// #15.7: every text field of every form refuses NUL and other control characters with a 400 naming the field, and
// keeps nothing of it. The forms are read from the pages themselves (staff and residents'), so a new form is covered.
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type TestApp } from '../helpers/test-app';
import { declaredRoutes, fillPath } from '../helpers/routes';

let t: TestApp;
let values: Record<string, string>;
beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  const stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  const painPoint = await report(await resident(t.app, stepPath), stepPath);
  const department = t.db.prepare("SELECT id FROM departments WHERE name = 'Byggesak'").pluck().get() as number;
  const initiative = t.services.portfolio.create(null, m, { title: 'i', description: '', ownerDepartmentId: department, departmentIds: [], effort: 'S', confidence: 'low', status: 'proposed', progress: 0, publicNote: '' }, [painPoint]);
  const userId = await createUser(t.services, { email: 'admin@aust.no', municipality: 'aust', roles: ['admin', 'designer', 'moderator', 'analyst'] });
  values = {
    municipality: 'aust', journey: 'reise', journeyId: String(j.journeyId), phaseId: String(j.phaseIds[0]), stepId: String(j.stepIds[0]),
    painPointId: String(painPoint), initiativeId: String(initiative), userId: String(userId), departmentId: String(department),
  };
});
afterAll(() => t.close());

interface Form {
  page: string;
  action: string;
  textFields: string[];
  /** The ids of each text field's elements: an error summary names a field by linking to one of them. */
  ids: Record<string, string[]>;
}

/** The POST forms of a page with their free-text fields (text-like inputs and text areas). */
function formsOn(page: string, html: string): Form[] {
  return [...html.matchAll(/<form\b[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => ({
    page,
    action: m[1]!.replace(/&amp;/g, '&'),
    ids: [...m[2]!.matchAll(/<(?:input|textarea)\b[^>]*>/g)].reduce<Record<string, string[]>>((ids, el) => {
      const name = / name="([A-Za-z]\w*)"/.exec(el[0])?.[1];
      const id = / id="([^"]+)"/.exec(el[0])?.[1];
      if (name && id) (ids[name] ??= []).push(id);
      return ids;
    }, {}),
    textFields: [
      ...[...m[2]!.matchAll(/<input\b[^>]*>/g)]
        .map((i) => i[0])
        .filter((i) => /type="(?:text|email|search|url|tel|password)"/.test(i) || !/type="/.test(i))
        .map((i) => / name="([A-Za-z]\w*)"/.exec(i)?.[1]),
      ...[...m[2]!.matchAll(/<textarea\b[^>]*name="([A-Za-z]\w*)"/g)].map((i) => i[1]),
    ].filter((n): n is string => !!n && n !== '_csrf'),
  }));
}

describe('text with NUL or control characters (#15.7)', () => {
  jest.setTimeout(60_000);

  it('is refused with 400 naming the field, by every text field of every form, storing nothing', async () => {
    const { agent } = await signIn(t.app, 'admin@aust.no');
    const pages = declaredRoutes(t.app)
      .filter((r) => r.method === 'GET' && !/\.(?:csv|xlsx|json|atom)$|export|\/feed/.test(r.path))
      .map((r) => fillPath(r.path, values));
    const forms: Form[] = [];
    for (const page of [...new Set(pages)]) {
      const res = await agent.get(page);
      if (res.status === 200 && /text\/html/.test(res.headers['content-type'] ?? '')) forms.push(...formsOn(page, res.text));
    }
    const withText = forms.filter((f) => f.textFields.length > 0);
    const fieldCount = withText.reduce((n, f) => n + f.textFields.length, 0);
    // Staff and residents' forms: journeys, steps, departments, settings, staff, moderation, portfolio, reports, sign-in.
    expect(fieldCount).toBeGreaterThan(40);

    const dump = () => JSON.stringify(['pain_points', 'journeys', 'phases', 'steps', 'departments', 'initiatives', 'municipalities', 'users'].map((table) => t.db.prepare(`SELECT * FROM ${table}`).all()));
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const form of withText) {
      for (const field of form.textFields) {
        if (seen.has(`${form.action} ${field}`)) continue;
        seen.add(`${form.action} ${field}`);
        const page = await agent.get(form.page);
        for (const bad of ['før\u0000etter', 'bjelle\u0007', 'escape\u001b[31m']) {
          const res = await agent.post(form.action).type('form').send({ _csrf: csrfFrom(page.text), [field]: bad });
          // Named by a link to the field: to its id as the page has it (a form sharing its page with others prefixes its
          // ids, the journey grid's cells are per column), or, for a field without an id of its own, field-<name>.
          const named = [...(form.ids[field] ?? []), `field-${field}`].some((id) => res.text.includes(`href="#${id}"`));
          if (res.status !== 400 || !named || !res.text.includes('tegn som ikke kan lagres')) {
            failures.push(`${form.action} ${field} ${JSON.stringify(bad)}: ${res.status}${named ? '' : ', field not named'}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(dump()).not.toMatch(/\\u0000|\\u0007|\\u001b/);
  });

  it('keeps tab, line breaks, emoji, joiners and right-to-left text', async () => {
    const r = await resident(t.app, `/aust/reiser/reise/steg/${values.stepId}`);
    const body = 'Linje 1\r\nLinje 2\tmed tab 👩‍👩‍👧 ‏שלום‏ og null\u200bbredde';
    const id = await report(r, `/aust/reiser/reise/steg/${values.stepId}`, { body });
    expect(t.db.prepare('SELECT body FROM pain_points WHERE id = ?').pluck().get(id)).toBe(body);
  });
});
