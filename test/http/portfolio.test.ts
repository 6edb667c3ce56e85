// The portfolio: priority beside need, the WIP warning, status propagation (a moderator's answer wins),
// authorization, bad input, exports read back, and the public "what we are doing".
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import nb from '../../locales/nb.json';
import { priority } from '../../src/modules/portfolio/portfolio-vocabulary';
import { buildJourney } from '../helpers/journeys';
import { binaryBody, createMunicipality, createUser, csrfFrom, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let analyst: { agent: Agent; csrf: string };
let m: number;
let owner: number;
let other: number;
let candidates: number[];
let vestCandidate: number;

beforeAll(async () => {
  t = makeTestApp();
  m = createMunicipality(t.services, 'aust');
  const vest = createMunicipality(t.services, 'vest');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['Steg'] }, publish: true });
  const muni = t.services.municipalities.bySlug('aust');
  t.db.prepare('UPDATE municipalities SET premoderation = 0, wip_limit = 1 WHERE id IN (?, ?)').run(m, vest);
  candidates = [0, 1, 2].map((i) =>
    t.services.feedback.submit(t.services.feedback.ensureParticipant(`p${i}`), t.services.municipalities.bySlug('aust'), j.journeyId, j.stepIds[0]!, { title: `Kandidat ${i}`, body: 'x', severity: 4, channel: null }).id,
  );
  for (let v = 0; v < 5; v += 1) t.services.feedback.vote(t.services.feedback.ensureParticipant(`v${v}`), m, candidates[0]!, 5);
  owner = t.services.departments.findOrCreate(m, 'Byggesak', 'municipal');
  other = t.services.departments.findOrCreate(m, 'NAV', 'state');
  const vj = buildJourney(t.services, 'vest', { slug: 'vest', phases: { A: ['v'] }, publish: true });
  vestCandidate = t.services.feedback.submit(t.services.feedback.ensureParticipant('vest'), t.services.municipalities.bySlug('vest'), vj.journeyId, vj.stepIds[0]!, { title: 'Vest', body: 'x', severity: 3, channel: null }).id;
  void muni;
  for (const role of ['analyst', 'designer', 'admin', 'moderator'] as const) await createUser(t.services, { email: `${role}@aust.no`, municipality: 'aust', roles: [role] });
  await createUser(t.services, { email: 'analyst@vest.no', municipality: 'vest', roles: ['analyst'] });
  analyst = await signIn(t.app, 'analyst@aust.no');
});
afterAll(() => t.close());

const form = (fields: Record<string, string | string[]> = {}) => ({
  _csrf: analyst.csrf, title: 'Felles veiviser for byggesak', description: 'x', ownerDepartmentId: String(owner), departmentIds: [String(other)],
  effort: 'M', confidence: 'high', status: 'proposed', progress: '0', publicNote: 'Vi lager en veiviser.', ...fields,
});
const count = () => t.db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;

describe('initiatives', () => {
  it('starts from a candidate in the insights table, and shows priority beside the residents’ summed need', async () => {
    const page = await analyst.agent.get(`/admin/aust/portfolio/new?candidate=${candidates[0]}`);
    expect(page.text).toContain('Starter fra innspillet «Kandidat 0».');
    const res = await analyst.agent.post('/admin/aust/portfolio').type('form').send(form({ candidateId: String(candidates[0]) }));
    expect(res.status).toBe(303);
    const id = Number(/portfolio\/(\d+)/.exec(res.headers.location as string)![1]);
    const initiative = t.services.portfolio.get(m, id);
    const need = t.services.ranking.ranked(m, { limit: 10 }).find((c) => c.id === candidates[0])!.need;
    // Two reads a moment apart on the real clock: support decays in between, so compare to four decimals.
    expect(initiative.needSum).toBeCloseTo(need, 4);
    expect(initiative.priority).toBeCloseTo((need * 1.0) / 2, 4);
    expect(initiative.crossDepartment).toBe(true);
    const detail = await analyst.agent.get(`/admin/aust/portfolio/${id}`);
    expect(detail.text).toContain('Innbyggernes behov');
    expect(detail.text).toContain('Prioritet');
  });

  it('computes priority as RANKING.md says: Σ need × confidence / effort', () => {
    expect(priority(10, 'S', 'high')).toBe(10);
    expect(priority(10, 'XL', 'low')).toBe(10 * 0.5 / 8);
    expect(priority(10, 'L', 'medium')).toBeCloseTo(2, 12);
  });

  it.each([
    [{ effort: 'XXL' }, 'effort'],
    [{ status: 'paused' }, 'status'],
    [{ confidence: 'certain' }, 'confidence'],
    [{ progress: '101' }, 'progress'],
    [{ progress: '-1' }, 'progress'],
    [{ title: '' }, 'title'],
    [{ ownerDepartmentId: '999999' }, 'ownerDepartmentId'],
  ])('refuses %o with 400 on %s and creates nothing', async (change, field) => {
    const before = count();
    const res = await analyst.agent.post('/admin/aust/portfolio').type('form').send(form(change));
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#field-${field}"`);
    expect(count()).toBe(before);
  });

  it('refuses to link a candidate of another municipality or a pain point that is not a candidate', async () => {
    const id = t.services.portfolio.create(1, m, { title: 'Kobling', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'low', status: 'proposed', progress: 0, publicNote: '' });
    t.db.prepare("UPDATE pain_points SET moderation_status = 'rejected' WHERE id = ?").run(candidates[2]);
    for (const painPointId of [vestCandidate, candidates[2]!, 999999]) {
      const res = await analyst.agent.post(`/admin/aust/portfolio/${id}/candidates`).type('form').send({ _csrf: analyst.csrf, painPointId: String(painPointId) });
      expect([painPointId, res.status]).toEqual([painPointId, 400]);
      // The initiative's page has no field to link to: the reason is the page's.
      expect(res.text).toContain(nb.portfolio.errors.notCandidate);
      expect(res.text).not.toContain('href="#field-painPointId"');
    }
    const viaCreate = await analyst.agent.post('/admin/aust/portfolio').type('form').send(form({ candidateId: String(vestCandidate) }));
    expect(viaCreate.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM initiative_candidates WHERE initiative_id = ?').pluck().get(id)).toBe(0);
    t.db.prepare("UPDATE pain_points SET moderation_status = 'published' WHERE id = ?").run(candidates[2]);
  });
});

describe('status propagation', () => {
  it('moves linked pain points along (planned, in progress, solved), into the feed; a moderator’s own answer wins', async () => {
    const moderator = t.db.prepare("SELECT id FROM users WHERE email = 'moderator@aust.no'").pluck().get() as number;
    t.services.moderation.answer(moderator, m, candidates[2]!, 'under_review', 'Vi ser på det selv.');
    const id = t.services.portfolio.create(1, m, { title: 'Propagering', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'proposed', progress: 0, publicNote: 'Vi jobber med saken.' }, [candidates[1]!, candidates[2]!]);
    const status = (pp: number) => t.db.prepare('SELECT response_status FROM pain_points WHERE id = ?').pluck().get(pp);
    expect([status(candidates[1]!), status(candidates[2]!)]).toEqual(['received', 'under_review']);
    for (const [initiativeStatus, expected] of [['planned', 'planned'], ['in_progress', 'in_progress'], ['done', 'solved']] as const) {
      const res = await analyst.agent.post(`/admin/aust/portfolio/${id}/edit`).type('form').send(form({ title: 'Propagering', status: initiativeStatus, progress: '50', departmentIds: [] }));
      expect(res.status).toBe(303);
      expect(status(candidates[1]!)).toBe(expected);
      expect(status(candidates[2]!)).toBe('under_review');
    }
    const feed = await request(t.app).get('/aust/reiser/reise/feed.atom');
    expect(feed.text).toContain('Løst: Kandidat 1');
    const mine = await request(t.app).get(`/aust/innspill/${candidates[1]}`);
    expect(mine.text).toContain('Løst');
  });
});

describe('board, WIP and the public page', () => {
  it('warns when more initiatives are in progress than the WIP limit', async () => {
    for (const title of ['Første i arbeid', 'Andre i arbeid']) {
      t.services.portfolio.create(1, m, { title, description: '', ownerDepartmentId: owner, departmentIds: [other], effort: 'S', confidence: 'high', status: 'in_progress', progress: 30, publicNote: 'Offentlig notat' }, [candidates[0]!]);
    }
    const board = await analyst.agent.get('/admin/aust/portfolio');
    expect(board.text).toContain('For mange tiltak i arbeid');
    expect(board.text).toContain('På tvers av enheter');
    expect((await analyst.agent.get(`/admin/aust/portfolio?department=${other}`)).status).toBe(200);
    expect((await analyst.agent.get('/admin/aust/portfolio?department=abc')).status).toBe(400);
  });

  it('shows residents what is being done: in progress and done, with progress, note, team and the pain points answered', async () => {
    const res = await request(t.app).get('/aust/vi-gjor');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Første i arbeid');
    expect(res.text).toContain('Offentlig notat');
    expect(res.text).toContain('Sammen: Byggesak, NAV');
    expect(res.text).toContain(`/aust/innspill/${candidates[0]}`);
    expect(res.text).not.toContain('Kobling');
  });
});

describe('authorization', () => {
  it.each([
    ['analyst@aust.no', 200, 303],
    ['designer@aust.no', 200, 303],
    ['admin@aust.no', 200, 303],
    ['moderator@aust.no', 200, 403],
    ['analyst@vest.no', 404, 404],
  ])('%s reads the board with %i and creates with %i', async (email, read, write) => {
    const { agent } = await signIn(t.app, email);
    expect((await agent.get('/admin/aust/portfolio')).status).toBe(read);
    const page = await agent.get('/admin');
    const res = await agent.post('/admin/aust/portfolio').type('form').send({ ...form(), _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(write);
  });
});

describe('exports', () => {
  it('CSV and XLSX read back with the initiatives and their figures, formulas neutralised', async () => {
    t.services.portfolio.create(1, m, { title: '=cmd|calc', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'proposed', progress: 0, publicNote: '' });
    const csv = await analyst.agent.get('/admin/aust/portfolio/export?format=csv');
    expect(csv.headers['content-disposition']).toMatch(/reisekart-aust-portefolje-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toContain('Prioritet');
    expect(rows.length - 1).toBe(count());
    expect(rows.map((r) => r[1])).toContain("'=cmd|calc");
    const xlsx = await analyst.agent.get('/admin/aust/portfolio/export?format=xlsx').buffer(true).parse(binaryBody);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(count() + 1);
    expect(typeof sheet.getRow(2).getCell(11).value).toBe('number');
    expect(sheet.getRow(2).getCell(12).value).toBeInstanceOf(Date);
    expect((await request(t.app).get('/admin/aust/portfolio/export?format=csv')).status).toBe(303);
  });
});
