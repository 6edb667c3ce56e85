// The portfolio: priority beside need, the WIP warning, status propagation (a moderator's answer wins),
// authorization, bad input, exports read back, and the public "what we are doing"; and #18's focus: the paused status,
// the WIP question (pause or finish one, in one transaction, both audited), the board's move buttons, and starting
// an initiative from a report with the step's department chosen and no name.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import nb from '../../locales/nb.json';
import en from '../../locales/en.json';
import nn from '../../locales/nn.json';
import { priority } from '../../src/modules/portfolio/portfolio-vocabulary';
import { PortfolioRepository } from '../../src/modules/portfolio/portfolio.repository';
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
    [{ status: 'on_hold' }, 'status'],
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
  it('moves linked pain points along (planned, in progress, solved), into the feed, over an earlier answer of a moderator (#18)', async () => {
    const moderator = t.db.prepare("SELECT id FROM users WHERE email = 'moderator@aust.no'").pluck().get() as number;
    t.services.moderation.answer(moderator, m, candidates[2]!, 'under_review', 'Vi ser på det selv.');
    const id = t.services.portfolio.create(1, m, { title: 'Propagering', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'proposed', progress: 0, publicNote: 'Vi jobber med saken.' }, [candidates[1]!, candidates[2]!]);
    const status = (pp: number) => t.db.prepare('SELECT response_status FROM pain_points WHERE id = ?').pluck().get(pp);
    // A proposed initiative tells residents nothing yet: the moderator's answer stands.
    expect([status(candidates[1]!), status(candidates[2]!)]).toEqual(['received', 'under_review']);
    for (const [initiativeStatus, expected] of [['planned', 'planned'], ['in_progress', 'in_progress'], ['done', 'solved']] as const) {
      const res = await analyst.agent.post(`/admin/aust/portfolio/${id}/edit`).type('form').send(form({ title: 'Propagering', status: initiativeStatus, progress: '50', departmentIds: [] }));
      expect(res.status).toBe(303);
      expect([initiativeStatus, status(candidates[1]!), status(candidates[2]!)]).toEqual([initiativeStatus, expected, expected]);
    }
    const feed = await request(t.app).get('/aust/reiser/reise/feed.atom');
    expect(feed.text).toContain('Løst: Kandidat 1');
    const mine = await request(t.app).get(`/aust/innspill/${candidates[1]}`);
    expect(mine.text).toContain('Løst');
  });
});

describe('one truth about a report\'s status (#18)', () => {
  const report = (title: string) => {
    const j = t.db.prepare("SELECT id FROM journeys WHERE slug = 'reise' AND municipality_id = ?").get(m) as { id: number };
    const step = t.db.prepare('SELECT id FROM steps WHERE journey_id = ?').pluck().get(j.id) as number;
    return t.services.feedback.submit(t.services.feedback.ensureParticipant(`sannhet-${title}`), t.services.municipalities.bySlug('aust'), j.id, step, { title, body: 'x', severity: 3, channel: null }).id;
  };
  const moderatorId = () => t.db.prepare("SELECT id FROM users WHERE email = 'moderator@aust.no'").pluck().get() as number;
  const initiative = (title: string, status: 'planned' | 'in_progress', pp: number) =>
    t.services.portfolio.create(1, m, { title, description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status, progress: 10, publicNote: `Notat for ${title}` }, [pp]);

  it('shows a declined report taken up by an initiative in progress as being worked on, everywhere, and open for "me too"', async () => {
    const pp = report('Avslått, så tatt opp igjen');
    t.services.moderation.answer(moderatorId(), m, pp, 'declined', 'Ikke nå.');
    expect((await request(t.app).get(`/aust/innspill/${pp}`)).text).toContain(nb.feedback.closedForVotes);
    // Make room under the WIP limit of 1.
    for (const busy of t.db.prepare("SELECT id FROM initiatives WHERE municipality_id = ? AND status = 'in_progress'").pluck().all(m) as number[]) {
      t.db.prepare("UPDATE initiatives SET status = 'done' WHERE id = ?").run(busy);
    }
    initiative('Tatt opp igjen', 'in_progress', pp);
    const page = (await request(t.app).get(`/aust/innspill/${pp}`)).text;
    expect(page).toContain(nb.responseStatus.in_progress);
    expect(page).not.toContain(nb.feedback.closedForVotes);
    expect(page).toContain('Tatt opp igjen');
    expect((await request(t.app).get('/aust/vi-gjor')).text).toContain('Avslått, så tatt opp igjen');
    const api = await request(t.app).get('/api/v1/municipalities/aust/candidates?limit=100');
    expect(api.body.candidates.find((c: { id: number }) => c.id === pp).responseStatus).toBe('in_progress');
    const insights = await analyst.agent.get('/admin/aust/insights?status=in_progress');
    expect(insights.text).toContain('Avslått, så tatt opp igjen');
    // A moderator answering it again cannot make it say "declined" while the initiative is under way.
    t.services.moderation.answer(moderatorId(), m, pp, 'declined', 'Fortsatt nei.');
    expect(t.db.prepare('SELECT response_status FROM pain_points WHERE id = ?').pluck().get(pp)).toBe('in_progress');
  });

  it('reopens a declined report that a planned initiative picks up', async () => {
    const pp = report('Avslått, så planlagt');
    t.services.moderation.answer(moderatorId(), m, pp, 'declined', 'Ikke nå.');
    initiative('Planlagt tiltak', 'planned', pp);
    const page = (await request(t.app).get(`/aust/innspill/${pp}`)).text;
    expect(page).toContain(nb.responseStatus.planned);
    expect(page).not.toContain(nb.feedback.closedForVotes);
  });

  it('links the report to the initiative working on it, says when that initiative is paused, and reopens the report when it is taken out', async () => {
    const pp = report('Lenket til tiltaket');
    for (const busy of t.db.prepare("SELECT id FROM initiatives WHERE municipality_id = ? AND status = 'in_progress'").pluck().all(m) as number[]) {
      t.db.prepare("UPDATE initiatives SET status = 'done' WHERE id = ?").run(busy);
    }
    const id = initiative('Tiltaket som lenkes', 'in_progress', pp);
    const link = `href="/aust/vi-gjor#tiltak-${id}"`;
    let page = (await request(t.app).get(`/aust/innspill/${pp}`)).text;
    expect(page).toContain(nb.feedback.initiatives.heading);
    expect(page).toContain(link);
    expect(page).toContain(nb.initiativeStatus.in_progress);
    // The anchor exists on the page the link goes to.
    expect((await request(t.app).get('/aust/vi-gjor')).text).toContain(`id="tiltak-${id}"`);
    // Paused: the report is still planned, and its page says the initiative waits.
    const pause = await analyst.agent.post(`/admin/aust/portfolio/${id}/status`).type('form').send({ _csrf: analyst.csrf, to: 'paused' });
    expect(pause.status).toBe(303);
    page = (await request(t.app).get(`/aust/innspill/${pp}`)).text;
    expect(page).toContain(nb.responseStatus.planned);
    expect(page).toContain(nb.initiativeStatus.paused);
    expect(page).toContain(link);
    // Taken out of its only initiative, the report no longer claims to be planned, nor links to it.
    const unlink = await analyst.agent.post(`/admin/aust/portfolio/${id}/candidates/${pp}/remove`).type('form').send({ _csrf: analyst.csrf });
    expect(unlink.status).toBe(303);
    expect(t.db.prepare('SELECT response_status, response_text FROM pain_points WHERE id = ?').get(pp)).toEqual({ response_status: 'under_review', response_text: '' });
    page = (await request(t.app).get(`/aust/innspill/${pp}`)).text;
    expect(page).not.toContain(link);
    expect(page).toContain(nb.responseStatus.under_review);
  });

  it('leaves a moderator\'s own answer alone when its report is taken out of an initiative that only proposed', async () => {
    const pp = report('Moderatorens svar står');
    t.services.moderation.answer(moderatorId(), m, pp, 'declined', 'Nei.');
    const id = t.services.portfolio.create(1, m, { title: 'Bare forslag', description: '', ownerDepartmentId: owner, departmentIds: [], effort: 'S', confidence: 'high', status: 'proposed', progress: 0, publicNote: '' }, [pp]);
    t.services.portfolio.unlink(1, m, id, pp);
    expect(t.db.prepare('SELECT response_status FROM pain_points WHERE id = ?').pluck().get(pp)).toBe('declined');
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

describe('a portfolio that enforces focus (#18)', () => {
  // A municipality of its own, so the WIP counts are these tests' alone.
  let f: number;
  let staff: { agent: Agent; csrf: string };
  let team: number;
  let report: number;
  let second: number;
  const ids: Record<string, number> = {};
  const base = { description: '', departmentIds: [] as number[], effort: 'S' as const, confidence: 'high' as const, progress: 20, publicNote: 'Vi jobber med det.' };
  const statusOf = (id: number) => t.db.prepare('SELECT status FROM initiatives WHERE id = ?').pluck().get(id) as string;
  const audits = (id: number) =>
    (t.db.prepare("SELECT action, details FROM audit_log WHERE entity_type = 'initiative' AND entity_id = ? ORDER BY id").all(id) as { action: string; details: string }[])
      .map((a) => ({ action: a.action, details: JSON.parse(a.details) as Record<string, unknown> }));
  const move = (id: number, fields: Record<string, string>) => staff.agent.post(`/admin/fokus/portfolio/${id}/status`).type('form').send({ _csrf: staff.csrf, ...fields });
  const formFor = (fields: Record<string, string | string[]>) => ({ ...form(), _csrf: staff.csrf, ownerDepartmentId: String(team), departmentIds: [], ...fields });

  beforeAll(async () => {
    f = createMunicipality(t.services, 'fokus');
    t.db.prepare('UPDATE municipalities SET premoderation = 0, wip_limit = 2 WHERE id = ?').run(f);
    const j = buildJourney(t.services, 'fokus', { slug: 'plan', phases: { A: ['Søke om tillatelse'] }, department: { name: 'Plan og bygg', kind: 'municipal' }, publish: true });
    team = t.services.departments.findOrCreate(f, 'Plan og bygg', 'municipal');
    t.services.departments.findOrCreate(f, 'Kundesenter', 'municipal');
    second = t.services.feedback.submit(t.services.feedback.ensureParticipant('fokus-2'), t.services.municipalities.bySlug('fokus'), j.journeyId, j.stepIds[0]!, { title: 'Skjemaet er tungt', body: 'x', severity: 3, channel: null }).id;
    report = t.services.feedback.submit(t.services.feedback.ensureParticipant('fokus-1'), t.services.municipalities.bySlug('fokus'), j.journeyId, j.stepIds[0]!, { title: 'Uklart hva søknaden krever', body: 'x', severity: 4, channel: null }).id;
    for (const [name, status] of [['Alfa', 'in_progress'], ['Beta', 'in_progress'], ['Gamma', 'planned'], ['Delta', 'proposed']] as const) {
      ids[name] = t.services.portfolio.create(1, f, { ...base, title: name, ownerDepartmentId: team, status }, name === 'Alfa' ? [report] : []);
    }
    await createUser(t.services, { email: 'analyst@fokus.no', municipality: 'fokus', roles: ['analyst'] });
    await createUser(t.services, { email: 'moderator@fokus.no', municipality: 'fokus', roles: ['moderator'] });
    staff = await signIn(t.app, 'analyst@fokus.no');
  });

  it('starts an initiative from a report with the step’s department chosen and an empty name', async () => {
    const page = await staff.agent.get(`/admin/fokus/portfolio/new?candidate=${report}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Starter fra innspillet «Uklart hva søknaden krever».');
    expect(page.text).toMatch(new RegExp(`<option value="${team}" selected>Plan og bygg</option>`));
    expect(page.text).toMatch(/<input[^>]*id="field-title"[^>]*value=""/);
    expect(page.text).not.toMatch(/value="Uklart hva søknaden krever"/);
    // Without a report, nothing is chosen for the staff member.
    const blank = await staff.agent.get('/admin/fokus/portfolio/new');
    expect(blank.text).not.toMatch(/<option value="\d+" selected>/);
  });

  it('shows a move button per allowed move on each card, each a small POST form with the staff CSRF token', async () => {
    const board = await staff.agent.get('/admin/fokus/portfolio');
    expect(board.status).toBe(200);
    const card = (id: number) => board.text.split(`id="initiative-${id}"`)[1]!.split(/class="ds-card app-initiative"|<\/section>/)[0]!;
    const movesOf = (id: number) => [...card(id).matchAll(/<input type="hidden" name="to" value="([a-z_]+)">/g)].map((m) => m[1]);
    expect(movesOf(ids.Delta!)).toEqual(['planned', 'declined']);
    expect(movesOf(ids.Gamma!)).toEqual(['in_progress', 'declined']);
    expect(movesOf(ids.Alfa!)).toEqual(['paused', 'done']);
    const gamma = card(ids.Gamma!);
    expect(gamma).toContain(`action="/admin/fokus/portfolio/${ids.Gamma}/status"`);
    expect(gamma).toContain(`name="_csrf" value="${staff.csrf}"`);
    expect(gamma).toContain('aria-label="Sett i arbeid: «Gamma»"');
    expect(gamma).toContain('>Sett i arbeid</button>');
    // A paused column, and a reader without edit rights sees no buttons.
    expect(board.text).toContain('id="column-paused"');
    const moderator = await signIn(t.app, 'moderator@fokus.no');
    const read = await moderator.agent.get('/admin/fokus/portfolio');
    expect(read.status).toBe(200);
    expect(read.text).not.toContain('/status"');
  });

  it('asks which initiative in progress to pause or finish instead of saving a move beyond the WIP limit', async () => {
    const before = audits(ids.Gamma!).length;
    const res = await move(ids.Gamma!, { to: 'in_progress' });
    expect(res.status).toBe(409);
    expect(res.text).toContain(nb.portfolio.wipQuestion.title);
    expect(res.text).toContain('For å starte «Gamma»');
    expect(res.text).toContain(`action="/admin/fokus/portfolio/${ids.Gamma}/status"`);
    expect(res.text).toContain('<input type="hidden" name="to" value="in_progress">');
    expect(res.text).toContain(`name="_csrf" value="${staff.csrf}"`);
    for (const name of ['Alfa', 'Beta']) {
      expect(res.text).toContain(`name="makeRoom" value="pause:${ids[name]}">Sett «${name}» på vent</button>`);
      expect(res.text).toContain(`name="makeRoom" value="finish:${ids[name]}">Marker «${name}» som ferdig</button>`);
    }
    expect(res.text).toContain(`href="/admin/fokus/portfolio">Avbryt, ikke start «Gamma»</a>`);
    expect(statusOf(ids.Gamma!)).toBe('planned');
    expect(audits(ids.Gamma!)).toHaveLength(before);
  });

  it('pauses the chosen one and starts the other in one transaction, and records both in the audit log', async () => {
    const res = await move(ids.Gamma!, { to: 'in_progress', makeRoom: `pause:${ids.Alfa}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/fokus/portfolio#initiative-${ids.Gamma}`);
    expect([statusOf(ids.Alfa!), statusOf(ids.Gamma!)]).toEqual(['paused', 'in_progress']);
    expect(audits(ids.Alfa!).at(-1)).toEqual({ action: 'initiative.status_changed', details: { from: 'in_progress', to: 'paused', makingRoomFor: ids.Gamma } });
    expect(audits(ids.Gamma!).at(-1)).toEqual({ action: 'initiative.status_changed', details: { from: 'planned', to: 'in_progress' } });
    // Paused work does not count: the board shows 2 of 2, not 3.
    const board = await staff.agent.get('/admin/fokus/portfolio');
    expect(board.text).toContain('2 av høyst 2 tiltak er i arbeid.');
  });

  it('rolls back the pause when the other change fails, audit entries included', () => {
    const auditCount = () => t.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = { count: auditCount(), beta: statusOf(ids.Beta!), alfa: statusOf(ids.Alfa!) };
    const original = PortfolioRepository.prototype.setStatus;
    let calls = 0;
    const spy = jest.spyOn(PortfolioRepository.prototype, 'setStatus').mockImplementation(function (this: PortfolioRepository, ...args) {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      return original.apply(this, args);
    });
    try {
      expect(() => t.services.portfolio.move(1, f, ids.Alfa!, 'in_progress', { wipLimit: 2, makeRoom: { action: 'pause', initiativeId: ids.Beta! } })).toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect({ count: auditCount(), beta: statusOf(ids.Beta!), alfa: statusOf(ids.Alfa!) }).toEqual(before);
  });

  it('asks the same when the edit form sets a status of in progress, and keeps every field of the form', async () => {
    const changed = formFor({ title: 'Delta, omdøpt', status: 'in_progress', progress: '10', departmentIds: [String(team)] });
    const res = await staff.agent.post(`/admin/fokus/portfolio/${ids.Delta}/edit`).type('form').send(changed);
    expect(res.status).toBe(409);
    expect(res.text).toContain(`action="/admin/fokus/portfolio/${ids.Delta}/edit"`);
    expect(res.text).toContain('<input type="hidden" name="title" value="Delta, omdøpt">');
    expect(res.text).toContain(`<input type="hidden" name="departmentIds" value="${team}">`);
    expect(res.text).toContain(`href="/admin/fokus/portfolio/${ids.Delta}">`);
    expect(statusOf(ids.Delta!)).toBe('proposed');
    const answered = await staff.agent.post(`/admin/fokus/portfolio/${ids.Delta}/edit`).type('form').send({ ...changed, makeRoom: `finish:${ids.Beta}` });
    expect(answered.status).toBe(303);
    expect([statusOf(ids.Beta!), statusOf(ids.Delta!)]).toEqual(['done', 'in_progress']);
    expect(t.services.portfolio.get(f, ids.Delta!).title).toBe('Delta, omdøpt');
    expect(audits(ids.Beta!).at(-1)).toEqual({ action: 'initiative.status_changed', details: { from: 'in_progress', to: 'done', makingRoomFor: ids.Delta } });
    expect(audits(ids.Delta!).at(-1)!.action).toBe('initiative.updated');
  });

  it('asks the same when a new initiative is created in progress, and creates nothing until answered', async () => {
    const before = count();
    const created = formFor({ title: 'Epsilon', status: 'in_progress', candidateId: String(second) });
    const res = await staff.agent.post('/admin/fokus/portfolio').type('form').send(created);
    expect(res.status).toBe(409);
    expect(res.text).toContain('For å starte «Epsilon»');
    expect(res.text).toContain(`<input type="hidden" name="candidateId" value="${second}">`);
    expect(count()).toBe(before);
    const answered = await staff.agent.post('/admin/fokus/portfolio').type('form').send({ ...created, makeRoom: `pause:${ids.Gamma}` });
    expect(answered.status).toBe(303);
    expect(count()).toBe(before + 1);
    const id = Number(/portfolio\/(\d+)/.exec(answered.headers.location as string)![1]);
    expect([statusOf(ids.Gamma!), statusOf(id)]).toEqual(['paused', 'in_progress']);
    expect(audits(ids.Gamma!).at(-1)!.details).toEqual({ from: 'in_progress', to: 'paused', makingRoomFor: null });
    expect(audits(id).map((a) => a.action)).toEqual(['initiative.created']);
    ids.Epsilon = id;
  });

  it('refuses bad input with a clear 4xx, never a 5xx, and changes nothing', async () => {
    const snapshot = () => t.db.prepare('SELECT id, status FROM initiatives WHERE municipality_id = ? ORDER BY id').all(f);
    const before = snapshot();
    const cases: [number, Record<string, string>, number, string | null][] = [
      [ids.Gamma!, { to: 'on_hold' }, 400, nb.portfolio.errors.unknownStatus],
      [ids.Gamma!, {}, 400, null],
      [ids.Gamma!, { to: 'done' }, 400, nb.portfolio.errors.moveNotAllowed],
      [ids.Beta!, { to: 'in_progress' }, 400, nb.portfolio.errors.moveNotAllowed],
      [ids.Gamma!, { to: 'paused' }, 400, nb.portfolio.errors.moveNotAllowed],
      [ids.Gamma!, { to: 'in_progress', makeRoom: 'delete:1' }, 400, null],
      // A stale question page: the one to pause is no longer in progress.
      [ids.Gamma!, { to: 'in_progress', makeRoom: `pause:${ids.Beta}` }, 400, nb.portfolio.errors.notInProgress],
      [ids.Gamma!, { to: 'in_progress', makeRoom: `pause:${ids.Gamma}` }, 400, nb.portfolio.errors.notInProgress],
      [ids.Gamma!, { to: 'planned', extra: 'x' }, 400, null],
      [999999, { to: 'planned' }, 404, null],
    ];
    for (const [id, fields, status, message] of cases) {
      const res = await move(id, fields);
      expect([fields, res.status]).toEqual([fields, status]);
      if (message) expect(res.text).toContain(message);
      if (status === 400) expect(res.text).toContain(nb.portfolio.board);
    }
    // Another municipality's initiative is not found; a reader may not move.
    const other = t.services.portfolio.create(1, m, { ...base, title: 'Austs', ownerDepartmentId: owner, status: 'planned' });
    expect((await move(other, { to: 'in_progress' })).status).toBe(404);
    const moderator = await signIn(t.app, 'moderator@fokus.no');
    expect((await moderator.agent.post(`/admin/fokus/portfolio/${ids.Delta}/status`).type('form').send({ _csrf: moderator.csrf, to: 'paused' })).status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('moves within the limit straight away, with no question', async () => {
    const res = await move(ids.Delta!, { to: 'paused' });
    expect(res.status).toBe(303);
    expect(statusOf(ids.Delta!)).toBe('paused');
    const back = await move(ids.Delta!, { to: 'in_progress' });
    expect(back.status).toBe(303);
    expect(statusOf(ids.Delta!)).toBe('in_progress');
  });

  it('shows residents a paused initiative as paused, in plain words, and its reports no longer as being worked on', async () => {
    // Alfa answers the report and was paused above.
    expect(statusOf(ids.Alfa!)).toBe('paused');
    const doing = await request(t.app).get('/fokus/vi-gjor');
    expect(doing.status).toBe(200);
    const alfa = /<h2 class="ds-heading" data-size="sm">Alfa<\/h2>([\s\S]*?)<\/li>\s*<li|<h2 class="ds-heading" data-size="sm">Alfa<\/h2>([\s\S]*)/.exec(doing.text)!;
    const card = alfa[1] ?? alfa[2]!;
    expect(card).toContain(`>${nb.initiativeStatus.paused}</span>`);
    expect(card).toContain(nb.portfolio.doing.paused);
    const page = await request(t.app).get(`/fokus/innspill/${report}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(nb.responseStatus.in_progress);
    expect(page.text).toContain(nb.responseStatus.planned);
  });

  it('names only statuses that exist in the WIP warning, in every language', () => {
    for (const locale of [nb, nn, en]) {
      const named = [...locale.portfolio.wipExceeded.matchAll(/[«‘]([^»’]+)[»’]/g)].map((m) => m[1]);
      expect(named.length).toBe(2);
      for (const status of named) expect(Object.values(locale.initiativeStatus)).toContain(status);
    }
    expect([nb.initiativeStatus.paused, nn.initiativeStatus.paused, en.initiativeStatus.paused]).toEqual(['Satt på vent', 'Sett på vent', 'Paused']);
  });
});
