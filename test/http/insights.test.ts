// Staff insights: authorization, filters and sort from fixed lists, pagination, the explanation page, and exports
// read back with a CSV parser and a workbook reader.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { figures } from '../../src/modules/ranking/ranking.math';
import { InsightsRepository } from '../../src/modules/insights/insights.repository';
import { KEPT_NUMBERS_BYTES } from '../../src/modules/ranking/kept-numbers';
import { INSIGHT_SORTS, type InsightsFilter } from '../../src/modules/insights/insights.schema';
import { buildJourney } from '../helpers/journeys';
import { binaryBody, createMunicipality, createUser, makeTestApp, signIn, TEST_BASE_URL, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let analyst: { agent: Agent; csrf: string };
let municipalityId: number;
let journeyA: ReturnType<typeof buildJourney>;
let journeyB: ReturnType<typeof buildJourney>;
const ids: number[] = [];

beforeAll(async () => {
  t = makeTestApp();
  municipalityId = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  createMunicipality(t.services, 'vest');
  journeyA = buildJourney(t.services, 'aust', { slug: 'a', title: 'Reise A', lifeEvent: 'bygge-og-bo', phases: { P: ['Steg A1'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  journeyB = buildJourney(t.services, 'aust', { slug: 'b', title: 'Reise B', lifeEvent: 'dodsfall-og-arv', phases: { P: ['Steg B1'] }, publish: true });
  const m = t.services.municipalities.bySlug('aust');
  const titles = ['=HYPERLINK("http://evil.example","klikk")', '+1 er bra', '@SUM(A1)', '-2 minus', 'Vanlig tittel'];
  for (let i = 0; i < 57; i += 1) {
    const journey = i % 3 === 0 ? journeyB : journeyA;
    const participant = t.services.feedback.ensureParticipant(`p-${i}`);
    const id = t.services.feedback.submit(participant, m, journey.journeyId, journey.stepIds[0]!, {
      title: titles[i % titles.length]!, body: 'tekst', severity: (i % 5) + 1, channel: null,
    }).id;
    ids.push(id);
    for (let v = 0; v < i % 7; v += 1) t.services.feedback.vote(t.services.feedback.ensureParticipant(`v-${i}-${v}`), municipalityId, id, ((v + i) % 5) + 1);
  }
  for (const [email, role] of [['analyst@aust.no', 'analyst'], ['admin@aust.no', 'admin'], ['designer@aust.no', 'designer'], ['moderator@aust.no', 'moderator']] as const) {
    await createUser(t.services, { email, municipality: 'aust', roles: [role] });
  }
  await createUser(t.services, { email: 'analyst@vest.no', municipality: 'vest', roles: ['analyst'] });
  analyst = await signIn(t.app, 'analyst@aust.no');
});
afterAll(() => t.close());

describe('authorization', () => {
  it.each([
    ['analyst@aust.no', 200],
    ['admin@aust.no', 200],
    ['designer@aust.no', 403],
    ['moderator@aust.no', 403],
    ['analyst@vest.no', 404],
  ])('%s gets %i on the table, an explanation and an export', async (email, status) => {
    const { agent } = await signIn(t.app, email);
    for (const path of ['/admin/aust/insights', `/admin/aust/insights/${ids[0]}`, '/admin/aust/insights/export?format=csv']) {
      expect([path, (await agent.get(path)).status]).toEqual([path, status]);
    }
  });

  it('gives signed-out visitors no export, only the way to login', async () => {
    const res = await request(t.app).get('/admin/aust/insights/export?format=csv');
    expect(res.status).toBe(303);
    expect(res.text).not.toContain('HYPERLINK');
  });
});

describe('table, filters and sort', () => {
  it('shows every figure, paginated by 50', async () => {
    const page1 = await analyst.agent.get('/admin/aust/insights');
    expect(page1.text).toContain('Kandidater (57)');
    expect(page1.text).toContain('Side 1 av 2');
    expect((page1.text.match(/\/admin\/aust\/insights\/\d+"/g) ?? []).length).toBe(50);
    const page2 = await analyst.agent.get('/admin/aust/insights?page=2');
    expect((page2.text.match(/\/admin\/aust\/insights\/\d+"/g) ?? []).length).toBe(7);
  });

  it('filters by journey, life event, department, step, status and dates', async () => {
    const count = async (query: string) => Number(/Kandidater \((\d+)\)/.exec((await analyst.agent.get(`/admin/aust/insights?${query}`)).text)![1]);
    expect(await count(`journey=${journeyB.journeyId}`)).toBe(19);
    expect(await count('lifeEvent=bygge-og-bo')).toBe(38);
    const byggesak = t.db.prepare("SELECT id FROM departments WHERE name = 'Byggesak'").pluck().get();
    expect(await count(`department=${byggesak}`)).toBe(38);
    expect(await count(`step=${journeyB.stepIds[0]}`)).toBe(19);
    expect(await count('status=received')).toBe(57);
    expect(await count('status=solved')).toBe(0);
    expect(await count('from=2000-01-01&to=2999-12-31')).toBe(57);
    expect(await count('to=2000-01-01')).toBe(0);
    // ?lang= is not a filter: it is ignored here, not refused.
    expect((await analyst.agent.get('/admin/aust/insights?sort=newest&lang=en')).status).toBe(200);
    await analyst.agent.get('/?lang=nb');
  });

  it('fits: a compact set of columns by default, every figure by choice (#18)', async () => {
    const headersOf = (html: string) => [...html.match(/<thead>[\s\S]*?<\/thead>/)![0].matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    const compact = (await analyst.agent.get('/admin/aust/insights')).text;
    expect(headersOf(compact)).toEqual(['Plass', 'Innspill', 'Hvor', 'Behov', 'Støttespillere', 'Status']);
    expect(compact).toContain('Alle tallene i formelen står i forklaringen');
    const all = (await analyst.agent.get('/admin/aust/insights?figures=all')).text;
    expect(headersOf(all)).toEqual(['Plass', 'Innspill', 'Hvor', 'Behov', 'Støttespillere', 'n_eff', 'Rekkevidde', 'k', 'Snitt', 'C', 'Alvorlighet', 'Status']);
    expect(all).toMatch(/<input class="ds-input" type="checkbox" id="field-figures" name="figures" value="all" checked>/);
    expect((await analyst.agent.get('/admin/aust/insights?figures=some')).status).toBe(400);
  });

  it("offers only published steps in the step filter, grouped by their journey (#18)", async () => {
    const draft = buildJourney(t.services, 'aust', { slug: 'utkast', title: 'Reise i utkast', phases: { P: ['Steg i utkast'] } });
    const html = (await analyst.agent.get('/admin/aust/insights')).text;
    const select = html.match(/<select class="ds-input" id="field-step"[\s\S]*?<\/select>/)![0];
    const groups = [...select.matchAll(/<optgroup label="([^"]+)">([\s\S]*?)<\/optgroup>/g)].map((g) => [g[1], [...g[2]!.matchAll(/<option value="(\d+)"/g)].map((o) => Number(o[1]))]);
    expect(groups).toEqual([['Reise A', journeyA.stepIds], ['Reise B', journeyB.stepIds]]);
    expect(select).not.toContain('Steg i utkast');
    expect(draft.stepIds.length).toBe(1);
  });

  it('keeps one set of numbers for a filter, whatever the page, sort or columns (#18)', async () => {
    const before = t.services.insights.keptFilters;
    for (const query of ['journey=' + journeyA.journeyId, `journey=${journeyA.journeyId}&page=2`, `journey=${journeyA.journeyId}&sort=newest`, `journey=${journeyA.journeyId}&figures=all`]) {
      expect((await analyst.agent.get(`/admin/aust/insights?${query}`)).status).toBe(200);
    }
    expect(t.services.insights.keptFilters).toBe(before + 1);
  });

  it.each(['sort=title', 'sort=need;DROP TABLE votes', 'status=bogus', 'journey=abc', 'lifeEvent=mars', 'from=2026-13-45', 'page=-1'])(
    'refuses %s with 400',
    async (query) => {
      const res = await analyst.agent.get(`/admin/aust/insights?${query}`);
      expect(res.status).toBe(400);
      expect(t.db.prepare('SELECT count(*) FROM votes').pluck().get()).toBeGreaterThan(0);
    },
  );
});

describe('explanation', () => {
  it('shows how each figure was computed, and the from-scratch check agrees', async () => {
    await analyst.agent.get('/?lang=nb'); // the filter test switched this agent to English
    const top = t.services.ranking.ranked(municipalityId, { limit: 1 })[0]!;
    const res = await analyst.agent.get(`/admin/aust/insights/${top.id}`);
    expect(res.status).toBe(200);
    // The maintained figure and the from-scratch check, both on the page, rendered at the same moment.
    const shown = /<strong>([\d,]+)<\/strong><\/td><\/tr>\s*<\/tbody>/.exec(res.text)![1]!;
    expect(res.text).toContain(`regnet helt fra bunnen av gir behovet ${shown}`);
    expect(Number(shown.replace(',', '.'))).toBeCloseTo(top.figures.needScore, 2);
    expect((await analyst.agent.get('/admin/aust/insights/999999')).status).toBe(404);
  });
});

describe('exports', () => {
  const tableIds = async (query = '') => {
    const ids: number[] = [];
    for (const page of [1, 2]) {
      const html = (await analyst.agent.get(`/admin/aust/insights?page=${page}&${query}`)).text;
      ids.push(...[...html.matchAll(/\/admin\/aust\/insights\/(\d+)"/g)].map((m) => Number(m[1])));
    }
    return ids;
  };

  it('makes absolute links from BASE_URL only, whatever Host or X-Forwarded-Host the request carries (#15.5)', async () => {
    const res = await analyst.agent
      .get('/admin/aust/insights/export?format=csv')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .buffer(true)
      .parse(binaryBody);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain(`${TEST_BASE_URL}/aust/innspill/`);
    expect(text).not.toContain('evil.example/aust');
  });

  it('CSV: UTF-8 with BOM, semicolons, the same rows in the same order as the table, formulas neutralised, and audited once', async () => {
    const lastAudit = t.db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
    const res = await analyst.agent.get('/admin/aust/insights/export?format=csv').buffer(true).parse(binaryBody);
    // This export, and nothing else since, is in the audit log: by the analyst, for this municipality, as CSV.
    const audited = t.db
      .prepare('SELECT actor_user_id, municipality_id, action, details FROM audit_log WHERE id > ? ORDER BY id')
      .all(lastAudit) as { actor_user_id: number; municipality_id: number; action: string; details: string }[];
    const analystId = t.db.prepare("SELECT id FROM users WHERE email = 'analyst@aust.no'").pluck().get() as number;
    expect(audited.map((a) => ({ ...a, details: JSON.parse(a.details) as unknown }))).toEqual([
      { actor_user_id: analystId, municipality_id: municipalityId, action: 'insights.exported', details: expect.objectContaining({ format: 'csv' }) },
    ]);
    expect(res.headers['content-disposition']).toMatch(/reisekart-aust-\d{4}-\d{2}-\d{2}\.csv/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toContain('Behov');
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(await tableIds());
    const titles = rows.slice(1).map((r) => r[2]!);
    expect(titles).toContain('\'=HYPERLINK("http://evil.example","klikk")');
    expect(titles.some((x) => /^[=+\-@]/.test(x))).toBe(false);
    expect(rows[1]![17]).toMatch(/^https:\/\/reisekart\.test\.example\/aust\/innspill\/\d+$/);
  });

  it('CSV with semicolons is for Norwegian spreadsheets: decimal comma with two decimals, labels, Norwegian time', async () => {
    const res = await analyst.agent.get('/admin/aust/insights/export?format=csv').buffer(true).parse(binaryBody);
    const rows = parse((res.body as Buffer).toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    const top = t.services.ranking.ranked(municipalityId, { limit: 1 })[0]!;
    const first = rows[1]!;
    expect(Number(first[1])).toBe(top.id);
    expect(first[0]).toBe('1'); // integers plain
    expect(first[16]).toMatch(/^\d+,\d\d$/);
    expect(Number(first[16]!.replace(',', '.'))).toBeCloseTo(top.figures.needScore, 2);
    for (const decimal of [10, 11, 13, 14, 15, 16]) expect(first[decimal]).toMatch(/^-?\d+,\d\d$/);
    // 9: verified supporters (#21.3), after the supporters.
    for (const integer of [0, 1, 8, 9, 12]) expect(first[integer]).toMatch(/^\d+$/);
    expect(first[6]).toBe('Mottatt');
    const created = t.db.prepare('SELECT created_at FROM pain_points WHERE id = ?').pluck().get(top.id) as string;
    const oslo = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(first[7]).toBe(oslo.format(new Date(created)).replace(',', ''));
    expect(first[7]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    // Headers and labels follow the request's language.
    const english = await analyst.agent.get('/admin/aust/insights/export?format=csv&lang=en').buffer(true).parse(binaryBody);
    const englishRows = parse((english.body as Buffer).toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(englishRows[1]![6]).toBe('Received');
    await analyst.agent.get('/?lang=nb');
  });

  it('CSV with commas on request is machine-readable (codes, ISO 8601 UTC, full precision), and only the filtered rows', async () => {
    const res = await analyst.agent.get(`/admin/aust/insights/export?format=csv&separator=comma&journey=${journeyB.journeyId}`);
    const rows = parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ',' }) as string[][];
    expect(rows.length - 1).toBe(19);
    const first = rows[1]!;
    expect(first[6]).toBe('received');
    expect(first[7]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(first[7]).toBe(t.db.prepare('SELECT created_at FROM pain_points WHERE id = ?').pluck().get(Number(first[1])));
    const doc = JSON.parse((await analyst.agent.get(`/admin/aust/insights/export?format=json&journey=${journeyB.journeyId}`)).text) as { candidates: { id: number; needScore: number }[] };
    expect(Number(first[16])).toBe(doc.candidates.find((c) => c.id === Number(first[1]))!.needScore);
  });

  it('XLSX: a real workbook with a header row, numbers as numbers, dates as dates and an autofilter', async () => {
    const res = await analyst.agent.get('/admin/aust/insights/export?format=xlsx').buffer(true).parse(binaryBody);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(17).value).toBe('Behov');
    expect(sheet.rowCount).toBe(58);
    const second = sheet.getRow(2);
    expect(typeof second.getCell(17).value).toBe('number');
    expect(second.getCell(17).numFmt).toBe('0.00');
    expect(second.getCell(8).value).toBeInstanceOf(Date);
    expect(second.getCell(7).value).toBe('Mottatt'); // the status as its label, as in the semicolon CSV
    expect(sheet.autoFilter).toBeTruthy();
    const titles = Array.from({ length: 57 }, (_, i) => String(sheet.getRow(i + 2).getCell(3).value));
    expect(titles.some((x) => /^[=+\-@]/.test(x))).toBe(false);
    const ids = Array.from({ length: 57 }, (_, i) => Number(sheet.getRow(i + 2).getCell(2).value));
    expect(ids).toEqual(await tableIds());
  });

  it('JSON: the same rows with every figure', async () => {
    const res = await analyst.agent.get('/admin/aust/insights/export?format=json&sort=supporters');
    const doc = JSON.parse(res.text) as { meta: { municipality: string }; candidates: { id: number; needScore: number; n: number }[] };
    expect(doc.meta.municipality).toBe('aust');
    expect(doc.candidates.map((c) => c.id)).toEqual(await tableIds('sort=supporters'));
    expect(typeof doc.candidates[0]!.needScore).toBe('number');
  });

  it('offers each export from the page, with the filter and sort but without the page and display choices', async () => {
    const html = (await analyst.agent.get(`/admin/aust/insights?journey=${journeyB.journeyId}&sort=supporters&page=1&figures=all`)).text;
    const section = /<section aria-labelledby="export-heading"[\s\S]*?<\/section>/.exec(html)![0];
    const links = [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toHaveLength(4);
    expect(section).toContain('CSV for norsk Excel (semikolon, desimalkomma)');
    expect(section).toContain('CSV for maskinlesing (komma)');
    for (const link of links) {
      expect(link).toContain(`journey=${journeyB.journeyId}`);
      expect(link).not.toMatch(/[?&](page|figures)=/);
      expect([link, (await analyst.agent.get(link)).status]).toEqual([link, 200]);
    }
  });

  it('refuses an unknown format with 400', async () => {
    expect((await analyst.agent.get('/admin/aust/insights/export?format=pdf')).status).toBe(400);
  });
});

describe('charts', () => {
  it('draw top needs, need per step, per department, per handover and new supporters per week, each with a table', async () => {
    const m = t.services.municipalities.bySlug('aust');
    const nav = t.services.departments.findOrCreate(m.id, 'NAV', 'state');
    const j = buildJourney(t.services, 'aust', { slug: 'overlevering', phases: { P: ['Hos byggesak', 'Hos NAV'] }, department: { name: 'Byggesak', kind: 'municipal' } });
    t.services.journeyEditor.updateStep(null, m.id, j.journeyId, j.stepIds[1]!, {
      title: 'Hos NAV', residentAction: '', touchpoint: '', channel: 'digital', departmentId: nav, backstage: '', systems: '', emotion: 0, duration: '', phaseId: j.phaseIds[0]!,
    });
    // Only a stated handover counts (#19.2): the department changing is not enough.
    const byggesak = t.services.departments.findOrCreate(m.id, 'Byggesak', 'municipal');
    t.services.handovers.state(null, m.id, j.journeyId, j.stepIds[1]!, { fromDepartmentId: byggesak, toDepartmentId: nav, what: 'case', note: '' });
    t.services.journeyEditor.publish(null, m.id, j.journeyId);
    t.services.feedback.submit(t.services.feedback.ensureParticipant('handover'), m, j.journeyId, j.stepIds[1]!, { title: 'Falt mellom stoler', body: 'x', severity: 5, channel: null });
    const res = await analyst.agent.get('/admin/aust/insights');
    for (const id of ['chart-top', 'chart-steps', 'chart-departments', 'chart-handovers', 'chart-weeks']) {
      expect(res.text).toContain(`id="${id}-heading"`);
    }
    expect(res.text).toContain('Byggesak → NAV: Hos NAV');
    expect((res.text.match(/Vis tallene som tabell/g) ?? []).length).toBe(5);
  });

  it('show every bar\'s label, value and unit as text in the chart, not only on hover or in the table (#18.1)', async () => {
    const html = (await analyst.agent.get('/admin/aust/insights')).text;
    const departments = chartText(html, 'chart-departments');
    expect(departments).toMatch(/Byggesak \d+,\d\d poeng/);
    expect(departments).toContain('Samlet behov i poeng');
    expect(chartText(html, 'chart-steps')).toMatch(/Reise A · Steg A1 \d+,\d\d poeng/);
    const top = t.services.ranking.ranked(municipalityId, { limit: 1 })[0]!;
    expect(chartText(html, 'chart-top')).toContain(`${top.title} ${top.figures.needScore.toFixed(2).replace('.', ',')} poeng`);
    expect(chartText(html, 'chart-handovers')).toMatch(/Byggesak → NAV: Hos NAV \d+,\d\d poeng/);
    const weeks = chartText(html, 'chart-weeks');
    expect(weeks).toContain('de siste 26 ukene');
    expect(weeks).toMatch(/Uke \d{1,2}, fra \d{1,2}\. \p{L}+ \d{4} \d+ nye? støttespillere?/u);
    // One row per bar, and the bars are decoration (aria-hidden): the text beside them says it all.
    for (const id of ['chart-top', 'chart-steps', 'chart-departments', 'chart-handovers', 'chart-weeks']) {
      const figure = figureOf(html, id);
      expect([id, (figure.match(/<li class="app-chart__row">/g) ?? []).length]).toEqual([id, (figure.match(/<tr><th scope="row">/g) ?? []).length]);
      expect([id, (figure.match(/<svg /g) ?? []).length]).toEqual([id, (figure.match(/<svg class="app-chart__svg" aria-hidden="true"/g) ?? []).length]);
    }
  });

  it('name each week by its ISO number and its Monday, in the page\'s language, with empty weeks shown and New Year\'s week in one bar (#18.1)', async () => {
    const nord = createMunicipality(t.services, 'nord', undefined, { premoderation: false });
    const m = t.services.municipalities.bySlug('nord');
    const j = buildJourney(t.services, 'nord', { slug: 'n', title: 'Reise N', phases: { P: ['Steg N1'] }, publish: true });
    await createUser(t.services, { email: 'analyst@nord.no', municipality: 'nord', roles: ['analyst'] });
    try {
      // Tuesday 30 December 2025 is in SQLite's 2025-W52, Friday 2 January 2026 in its 2026-W00: ISO week 1 of 2026.
      for (const [at, who] of [['2025-12-30T10:00:00Z', 'a'], ['2026-01-02T10:00:00Z', 'b'], ['2025-11-25T10:00:00Z', 'c']] as const) {
        t.clock.set(new Date(at));
        t.services.feedback.submit(t.services.feedback.ensureParticipant(`nord-${who}`), m, j.journeyId, j.stepIds[0]!, { title: `Innspill ${who}`, body: 'x', severity: 3, channel: null });
      }
      t.clock.set(new Date('2026-01-07T10:00:00Z'));
      const weeks = (await t.services.insights.charts(nord, { journey: null, lifeEvent: null, department: null, step: null, status: null, from: null, to: null } as unknown as InsightsFilter)).perWeek;
      expect(weeks).toHaveLength(26);
      expect(weeks[0]).toEqual({ label: '2025-07-14', week: 29, value: 0 });
      expect(weeks.slice(-8).map((w) => [w.label, w.week, w.value])).toEqual([
        ['2025-11-17', 47, 0], ['2025-11-24', 48, 1], ['2025-12-01', 49, 0], ['2025-12-08', 50, 0],
        ['2025-12-15', 51, 0], ['2025-12-22', 52, 0], ['2025-12-29', 1, 2], ['2026-01-05', 2, 0],
      ]);
      const { agent } = await signIn(t.app, 'analyst@nord.no');
      const nb = chartText((await agent.get('/admin/nord/insights')).text, 'chart-weeks');
      expect(nb).toContain('Uke 1, fra 29. desember 2025 2 nye støttespillere');
      expect(nb).toContain('Uke 48, fra 24. november 2025 1 ny støttespiller');
      expect(nb).toContain('Uke 2, fra 5. januar 2026 0 nye støttespillere');
      expect(nb).toContain('Uke 29, fra 14. juli 2025');
      const en = chartText((await agent.get('/admin/nord/insights?lang=en')).text, 'chart-weeks');
      expect(en).toContain('Week 1, from 29 December 2025 2 new supporters');
      expect(en).toContain('Week 48, from 24 November 2025 1 new supporter ');
      expect(en).toContain('over the last 26 weeks');
      const nn = chartText((await agent.get('/admin/nord/insights?lang=nn')).text, 'chart-weeks');
      expect(nn).toContain('Veke 1, frå 29. desember 2025 2 nye støttespelarar');
    } finally {
      t.clock.set(null);
    }
  });

  it('show the explanation page\'s ratings by their names and counts as text (#18.1)', async () => {
    await analyst.agent.get('/?lang=nb');
    const top = t.services.ranking.ranked(municipalityId, { limit: 1 })[0]!;
    const html = (await analyst.agent.get(`/admin/aust/insights/${top.id}`)).text;
    const ratings = chartText(html, 'chart-ratings');
    expect(ratings).toMatch(/1 – Litt irriterende \d+ vurdering(er)? /);
    expect(ratings).toMatch(/5 – Kom ikke videre \d+ vurdering(er)?/);
    expect(chartText(html, 'chart-months')).toMatch(/\d{4}-\d{2} \d+ innspill eller «meg også»/);
  });
});

/** One chart's <figure> in a page. */
function figureOf(html: string, id: string): string {
  const m = new RegExp(`<figure class="app-chart" aria-labelledby="${id}-heading">([\\s\\S]*?)</figure>`).exec(html);
  if (!m) throw new Error(`no chart ${id}`);
  return m[1]!;
}

/** What a person reads in a chart without hovering or opening its table: no <details>, <title> or <desc>. */
function chartText(html: string, id: string): string {
  return figureOf(html, id)
    .replace(/<details[\s\S]*?<\/details>/g, ' ')
    .replace(/<(title|desc)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('chart sums', () => {
  const none: InsightsFilter = { journey: null, lifeEvent: null, department: null, step: null, status: null, from: null, to: null } as unknown as InsightsFilter;

  /** Every row of the table through its own SQL (as the exports read it), with need scores from its sums at `now`. */
  const tableAt = (filter: InsightsFilter, now: Date) => {
    const p = t.services.ranking.parameters(municipalityId, now);
    const rows = [...new InsightsRepository(t.db).iterate(municipalityId, filter, 'need', p)];
    return rows.map((r) => ({ ...r, needAt: figures({ n: r.n, logDecay: r.log_decay, ratingSum: r.rating_sum, ratingCount: r.rating_count }, p, now).needScore }));
  };
  const sumBy = (rows: ReturnType<typeof tableAt>, key: (r: ReturnType<typeof tableAt>[number]) => string | null) => {
    const sums = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) sums.set(k, (sums.get(k) ?? 0) + r.needAt);
    }
    return sums;
  };

  it.each([
    ['now, every candidate', 0, () => none],
    ['200 days on, every candidate', 200, () => none],
    ['200 days on, journey A only', 200, () => ({ ...none, journey: journeyA.journeyId }) as InsightsFilter],
  ])('agree with the table read on its own: %s', async (_name, days, filterOf) => {
    const filter = filterOf();
    const now = new Date(t.services.ranking.now().getTime() + days * 86_400_000);
    const charts = await t.services.insights.charts(municipalityId, filter, now);
    const rows = tableAt(filter, now);
    expect(rows.length).toBeGreaterThan(10);
    const expectedTop = [...rows]
      .sort((a, b) => b.needAt - a.needAt || b.n - a.n || a.created_at.localeCompare(b.created_at) || a.id - b.id)
      .slice(0, 10);
    expect(charts.top.map((b) => b.label)).toEqual(expectedTop.map((r) => r.title));
    charts.top.forEach((b, i) => expect(b.value).toBeCloseTo(expectedTop[i]!.needAt, 9));
    const departments = sumBy(rows, (r) => r.department_name);
    expect(charts.byDepartment.map((b) => b.label).sort()).toEqual([...departments.keys()].sort());
    for (const b of charts.byDepartment) expect(b.value).toBeCloseTo(departments.get(b.label)!, 9);
    const steps = sumBy(rows, (r) => (r.step_id === null ? null : `${r.journey_title} · ${r.step_title}`));
    for (const b of charts.byStep) expect(b.value).toBeCloseTo(steps.get(b.label)!, 9);
  });
});

describe('table order', () => {
  const none = { journey: null, lifeEvent: null, department: null, step: null, status: null, from: null, to: null } as unknown as InsightsFilter;

  /** Every page of the table, read through the service (ordered in memory from the kept numbers). */
  const pagesOf = async (filter: InsightsFilter, sort: (typeof INSIGHT_SORTS)[number]) => {
    const rows = [];
    for (let page = 1; ; page += 1) {
      const table = await t.services.insights.table(municipalityId, filter, sort, page);
      expect(table.total).toBeGreaterThan(0);
      rows.push(...table.rows);
      if (page >= table.pages) return { rows, total: table.total };
    }
  };

  it.each(INSIGHT_SORTS.flatMap((sort) => [[sort, 'every candidate'], [sort, 'journey A only']] as const))(
    'is the order of the table\'s SQL (the exports\'), page by page: %s, %s',
    async (sort, which) => {
      const filter = which === 'every candidate' ? none : ({ ...none, journey: journeyA.journeyId } as InsightsFilter);
      const p = t.services.ranking.parameters(municipalityId);
      const sql = [...new InsightsRepository(t.db).iterate(municipalityId, filter, sort, p)].map((r) => r.id);
      const { rows, total } = await pagesOf(filter, sort);
      expect(sql.length).toBeGreaterThan(which === 'every candidate' ? 50 : 10);
      expect(total).toBe(sql.length);
      expect(rows.map((r) => r.id)).toEqual(sql);
    },
  );

  // How many filters fit is a matter of bytes (kept-values.test.ts walks past the bound); here, that each filter's
  // kept numbers give the SQL's order, filter after filter and when one is asked for again.
  it('gives the order of the SQL for filter after filter, and again for the first one, within the bytes it may keep', async () => {
    const sql = (filter: InsightsFilter) =>
      [...new InsightsRepository(t.db).iterate(municipalityId, filter, 'need', t.services.ranking.parameters(municipalityId))].map((r) => r.id);
    const dates = Array.from({ length: 12 }, (_, i) => ({ ...none, from: `2020-01-${String(i + 1).padStart(2, '0')}` }) as InsightsFilter);
    for (const filter of dates) {
      expect((await pagesOf(filter, 'need')).rows.map((r) => r.id)).toEqual(sql(filter));
    }
    expect(t.services.insights.keptFilters).toBeGreaterThanOrEqual(12);
    expect(t.services.insights.keptBytes).toBeLessThanOrEqual(KEPT_NUMBERS_BYTES);
    expect((await pagesOf(dates[0]!, 'need')).rows.map((r) => r.id)).toEqual(sql(dates[0]!));
  });

  it('follows a vote at once, and moves a candidate up', async () => {
    const before = (await pagesOf(none, 'supporters')).rows.map((r) => r.id);
    const last = before[before.length - 1]!;
    for (let v = 0; v < 12; v += 1) t.services.feedback.vote(t.services.feedback.ensureParticipant(`order-${v}`), municipalityId, last, 3);
    const after = (await pagesOf(none, 'supporters')).rows.map((r) => r.id);
    expect(after[0]).toBe(last);
    const sql = [...new InsightsRepository(t.db).iterate(municipalityId, none, 'supporters', t.services.ranking.parameters(municipalityId))].map((r) => r.id);
    expect(after).toEqual(sql);
  });
});
