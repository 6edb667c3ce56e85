// The report form's check step with resident text the full-text index could read as query syntax (migration 0014):
// every draft is answered with the check step (200) or the form's error summary (400), never a 500.
import { buildJourney } from '../helpers/journeys';
import { REPORT, resident, type Resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;

beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'aust', 'Aust', { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'garasje', phases: { Søke: ['Sende søknad'] }, publish: true });
  stepPath = `/aust/reiser/garasje/steg/${j.stepIds[0]}`;
  const m = t.services.municipalities.bySlug('aust');
  const published = [
    ['Søknad "OR" NEAR(kø, 2) * ^ - :', 'Anførselstegn " og \' og AND NOT col:verdi * ** ((('],
    ['Очередь была слишком длинной', 'Я ждал три часа в очереди.'],
    ['Kø', 'Kø'],
    ['Lang ventetid på byggesøknad', 'Det tok tolv uker før jeg fikk svar på byggesøknaden.'],
  ];
  published.forEach(([title, body], i) => {
    const participant = t.services.feedback.ensureParticipant(`earlier-resident-${i}`);
    t.services.feedback.submit(participant, m, j.journeyId, j.stepIds[0]!, { title: title!, body: body!, severity: 3, channel: null });
  });
});
afterAll(() => t.close());

/** Sends the report form without `confirmed`: the check step. A CSRF token goes along only where the form has one. */
function check(r: Resident, fields: Record<string, string>) {
  const token = 'csrf' in r ? { _csrf: r.csrf as string } : {};
  return r.agent.post(`${stepPath}/meld`).type('form').send({ ...token, ...REPORT, ...fields });
}

describe('the check step with hostile text', () => {
  it.each([
    ['a double quote', 200, { title: '"', body: '"' }],
    ['unbalanced quotes', 200, { title: '"""', body: '\'"\'' }],
    ['OR alone', 200, { title: 'OR', body: 'OR' }],
    ['NEAR(', 200, { title: 'NEAR(', body: 'NEAR(a b' }],
    ['stars', 200, { title: '*', body: '* ** ***' }],
    ['operators, a column filter, ^ + -', 200, { title: 'a OR b AND NOT c', body: 'col:title ^start -minus +plus' }],
    ['emoji only', 200, { title: '🙂', body: '🙂🙂🙂 👩‍👩‍👧‍👦' }],
    ['one character each', 200, { title: 'K', body: 'ø' }],
    ['two characters each', 200, { title: 'Kø', body: 'Kø' }],
    ['Chinese', 200, { title: '申请', body: '我等了三个月才收到答复。' }],
    ['the longest title and body allowed', 200, { title: 'x'.repeat(120), body: 'æøå "OR" '.repeat(222) }],
    ['a body of 5 000 characters', 400, { title: 'Lang nok', body: 'x'.repeat(5000) }],
    ['a title of 5 000 characters', 400, { title: 'y'.repeat(5000), body: 'Lang nok' }],
    ['a NUL character', 400, { title: 'Nullbyte\u0000', body: 'inni' }],
  ])('answers a draft with %s: %i, never 500', async (_case, status, fields) => {
    const r = await resident(t.app, stepPath);
    const res = await check(r, fields);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.text).toContain('Se over før du sender');
  });

  it('finds the pain point whose text holds the same quotes and operators, and one in Cyrillic', async () => {
    const r = await resident(t.app, stepPath);
    const quoted = await check(r, { title: 'Søknad "OR" NEAR(kø, 2)', body: 'Anførselstegn " og AND NOT col:verdi' });
    expect(quoted.status).toBe(200);
    expect(quoted.text).toContain('Har noen meldt fra om det samme?');
    expect(quoted.text).toContain('Søknad &#34;OR&#34; NEAR(kø, 2) * ^ - :');
    const cyrillic = await check(r, { title: 'ОЧЕРЕДЬ БЫЛА ДЛИННОЙ', body: 'Я ждал три часа' });
    expect(cyrillic.text).toContain('Очередь была слишком длинной');
  });
});
