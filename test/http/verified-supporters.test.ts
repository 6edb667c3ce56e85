// Verified supporters (#21.3) beside all supporters: counted once per person (pseudonym) however many browsers, per
// municipality; shown in the staff insights table and explanation, the exports and the open data API; the "verified
// only" filter ranks by verified persons alone; a verification added or removed moves the data version. Verifications
// are rows inserted here directly (the ID-porten flow that writes them is tested on its own). Also per step in the
// API's journey roll-ups, per pain point on the moderators' pages and merge preview, and in every chart of the
// explanation page under "verified only".
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import en from '../../locales/en.json';
import nb from '../../locales/nb.json';
import nn from '../../locales/nn.json';
import { EXPORT_COLUMNS } from '../../src/modules/insights/insights-export';
import { figures, sumsOf } from '../../src/modules/ranking/ranking.math';
import { buildJourney } from '../helpers/journeys';
import { binaryBody, createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

let t: TestApp;
let analyst: Agent;
let aust: number;
let vest: number;
/** Participants by name, and the candidates A (verified support), B (one verified person), C (only unverified). */
const p: Record<string, number> = {};
let A: number;
let B: number;
let C: number;
let D: number;
let stepA: number;
let stepV: number;
let moderator: Agent;

const START = new Date('2026-06-01T10:00:00Z');
const HOUR = 3_600_000;

function verify(participant: string, municipalityId: number, pseudonym: string): void {
  t.db.prepare('INSERT INTO resident_verifications (participant_id, municipality_id, pseudonym, verified_at) VALUES (?, ?, ?, ?)')
    .run(p[participant], municipalityId, pseudonym, t.clock.now().toISOString());
}

function unverify(participant: string, municipalityId: number): void {
  t.db.prepare('DELETE FROM resident_verifications WHERE participant_id = ? AND municipality_id = ?').run(p[participant], municipalityId);
}

function vote(participant: string, municipalityId: number, painPointId: number, severity: number | null): void {
  t.clock.advance(HOUR);
  t.services.feedback.vote(p[participant]!, municipalityId, painPointId, severity);
}

/** A candidate's verified supporters counted from the raw tables, as RANKING.md's supporters with a person per pseudonym. */
function verifiedFromScratch(candidateId: number): number {
  return t.db
    .prepare(
      `SELECT count(DISTINCT rv.pseudonym) FROM (
         SELECT participant_id AS pid FROM pain_points WHERE (id = @c OR (merged_into_id = @c AND moderation_status = 'merged')) AND participant_id IS NOT NULL
         UNION SELECT v.participant_id FROM votes v JOIN pain_points x ON x.id = v.pain_point_id WHERE x.id = @c OR (x.merged_into_id = @c AND x.moderation_status = 'merged')
       ) s JOIN pain_points c ON c.id = @c JOIN resident_verifications rv ON rv.participant_id = s.pid AND rv.municipality_id = c.municipality_id`,
    )
    .pluck()
    .get({ c: candidateId }) as number;
}

/** The text of each cell of the insights table's row whose title link is `title`. */
/** A candidate's figures over its verified persons alone, at the ranking's moment: what the explanation page shows. */
function verifiedFiguresOf(candidateId: number) {
  const at = t.services.ranking.parameters(aust);
  return figures(sumsOf(t.services.ranking.verifiedSupportersOf(candidateId, aust), at.halfLifeDays), at, at.now);
}

function rowOf(html: string, title: string): string[] {
  const row = (html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).find((r) => r.includes(`>${title}</a>`));
  if (!row) throw new Error(`no row "${title}"`);
  return [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** The table alternative of the bar chart `id` on a page: [label, value] per row. */
function chartOf(html: string, id: string): [string, number][] {
  const figure = html.split(`aria-labelledby="${id}-heading"`)[1]?.split('</figure>')[0];
  if (figure === undefined) throw new Error(`no chart ${id}`);
  return [...figure.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1]!, Number(m[2]!.replace(',', '.'))]);
}

/**
 * A candidate's verified persons counted from the raw tables: per pseudonym of the municipality, the time of their
 * latest act on it (its own or a merged duplicate's) and their latest rating over all their browsers.
 */
function verifiedPersonsFromScratch(candidateId: number, municipalityId: number): { rating: number | null; last: string }[] {
  return t.db
    .prepare(
      `WITH acts AS (
         SELECT participant_id AS pid, created_at AS at, severity AS rating FROM pain_points
          WHERE (id = @c OR (merged_into_id = @c AND moderation_status = 'merged')) AND participant_id IS NOT NULL
         UNION ALL
         SELECT v.participant_id, v.created_at, v.severity FROM votes v JOIN pain_points x ON x.id = v.pain_point_id
          WHERE x.id = @c OR (x.merged_into_id = @c AND x.moderation_status = 'merged')
       ), persons AS (
         SELECT rv.pseudonym AS who, a.at, a.rating FROM acts a JOIN resident_verifications rv ON rv.participant_id = a.pid AND rv.municipality_id = @m
       )
       SELECT (SELECT q.rating FROM persons q WHERE q.who = p.who AND q.rating IS NOT NULL ORDER BY q.at DESC, q.rating DESC LIMIT 1) AS rating, max(p.at) AS last
       FROM persons p GROUP BY p.who`,
    )
    .all({ c: candidateId, m: municipalityId }) as { rating: number | null; last: string }[];
}

/** A step's verified persons from the raw acts behind its supporters (migration 0006's view), not from any kept table. */
function stepVerifiedFromScratch(stepId: number, municipalityId: number): number {
  return t.db
    .prepare('SELECT count(DISTINCT rv.pseudonym) FROM step_acts a JOIN resident_verifications rv ON rv.participant_id = a.pid AND rv.municipality_id = ? WHERE a.step_id = ?')
    .pluck()
    .get(municipalityId, stepId) as number;
}

/** Each step's `feedback` in the API's journey answer, by step id. */
async function stepFeedback(municipality: string, journey: string): Promise<Map<number, { painPoints: number; supporters: number; verifiedSupporters: number }>> {
  const res = await request(t.app).get(`/api/v1/municipalities/${municipality}/journeys/${journey}`).expect(200);
  const steps = (res.body.phases as { steps: { id: number; feedback: { painPoints: number; supporters: number; verifiedSupporters: number } }[] }[]).flatMap((ph) => ph.steps);
  return new Map(steps.map((s) => [s.id, s.feedback]));
}

const tableTitles = (html: string) => [...html.matchAll(/\/admin\/aust\/insights\/\d+(?:\?verified=1)?">([^<]+)<\/a>/g)].map((m) => m[1]);
const total = (html: string) => Number(/Kandidater \((\d+)\)/.exec(html)![1]);

beforeAll(async () => {
  t = makeTestApp();
  t.clock.set(START);
  aust = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  vest = createMunicipality(t.services, 'vest', undefined, { premoderation: false });
  createMunicipality(t.services, 'nord', undefined, { premoderation: false });
  const ja = buildJourney(t.services, 'aust', { slug: 'a', title: 'Reise A', phases: { P: ['Steg 1'] }, publish: true });
  const jv = buildJourney(t.services, 'vest', { slug: 'v', title: 'Reise V', phases: { P: ['Steg 1'] }, publish: true });
  const jn = buildJourney(t.services, 'nord', { slug: 'n', title: 'Reise N', phases: { P: ['Steg 1'] }, publish: true });
  stepA = ja.stepIds[0]!;
  stepV = jv.stepIds[0]!;
  for (const name of ['reporterA', 'reporterB', 'reporterC', 'reporterD', 'reporterN', 'x', 'y', 'v1', 'v2', 'v3', 'lurker', ...Array.from({ length: 8 }, (_, i) => `c${i}`)]) {
    p[name] = t.services.feedback.ensureParticipant(`participant-${name}`);
  }
  const submit = (who: string, m: string, j: ReturnType<typeof buildJourney>, title: string, severity: number) => {
    t.clock.advance(HOUR);
    return t.services.feedback.submit(p[who]!, t.services.municipalities.bySlug(m), j.journeyId, j.stepIds[0]!, { title, body: 'tekst', severity, channel: null }).id;
  };
  A = submit('reporterA', 'aust', ja, 'Kandidat A', 3);
  B = submit('reporterB', 'aust', ja, 'Kandidat B', 2);
  C = submit('reporterC', 'aust', ja, 'Kandidat C', 4);
  D = submit('reporterD', 'vest', jv, 'Kandidat D', 3);
  submit('reporterN', 'nord', jn, 'Kandidat N', 3);
  // v1 verifies before acting, v2 and v3 after: both ways of becoming a verified supporter. v1 and v2 are the same
  // person (two browsers, one pseudonym); v3 another one.
  verify('v1', aust, 'person-1');
  vote('x', aust, A, 2);
  vote('y', aust, A, null);
  vote('v1', aust, A, 5);
  vote('v2', aust, A, 1); // the same person's latest act and rating: counted once, with this rating
  vote('v3', aust, A, null);
  vote('v3', aust, B, 4);
  for (let i = 0; i < 8; i += 1) vote(`c${i}`, aust, C, 5);
  vote('v1', vest, D, 3);
  vote('v3', vest, D, 3);
  verify('v2', aust, 'person-1');
  verify('v3', aust, 'person-2');
  // The same person verified in vest: another pseudonym there (a keyed pseudonym per municipality), and v3 is not.
  verify('v1', vest, 'vest-person-1');
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
  await createUser(t.services, { email: 'analyst@nord.no', municipality: 'nord', roles: ['analyst'] });
  analyst = (await signIn(t.app, 'analyst@aust.no')).agent;
  await createUser(t.services, { email: 'moderator@aust.no', municipality: 'aust', roles: ['moderator'] });
  await createUser(t.services, { email: 'moderator@nord.no', municipality: 'nord', roles: ['moderator'] });
  moderator = (await signIn(t.app, 'moderator@aust.no')).agent;
});
afterAll(() => t.close());

describe('counting', () => {
  it('counts a person verified from two browsers once, and only verified persons of the candidate\'s municipality', () => {
    const kept = (id: number) => t.db.prepare('SELECT verified_n FROM candidate_stats WHERE pain_point_id = ?').pluck().get(id);
    expect([A, B, C, D].map(kept)).toEqual([2, 1, 0, 1]);
    expect([A, B, C, D].map(verifiedFromScratch)).toEqual([2, 1, 0, 1]);
    // All supporters are still everyone: the reporter and every voter.
    expect(t.db.prepare('SELECT n FROM candidate_stats WHERE pain_point_id = ?').pluck().get(A)).toBe(6);
  });
});

describe('staff insights', () => {
  it('shows a column of verified supporters beside all supporters', async () => {
    const html = (await analyst.get('/admin/aust/insights').expect(200)).text;
    expect(html).toContain(nb.insights.verified.column);
    expect(html).toContain('name="verified" value="1"');
    // rank, where, need, supporters, verified, status
    expect(rowOf(html, 'Kandidat A').slice(3, 5)).toEqual(['6', '2']);
    expect(rowOf(html, 'Kandidat B').slice(3, 5)).toEqual(['2', '1']);
    expect(rowOf(html, 'Kandidat C').slice(3, 5)).toEqual(['9', '0']);
  });

  it('shows neither the column nor the filter where nobody has verified', async () => {
    const { agent } = await signIn(t.app, 'analyst@nord.no');
    const html = (await agent.get('/admin/nord/insights').expect(200)).text;
    expect(html).toContain('Kandidat N');
    expect(html).not.toContain(nb.insights.verified.column);
    expect(html).not.toContain('name="verified"');
  });

  it('ranks by verified persons alone with "verified only", and leaves out candidates without them', async () => {
    const all = (await analyst.get('/admin/aust/insights').expect(200)).text;
    expect(tableTitles(all)[0]).toBe('Kandidat C');
    const html = (await analyst.get('/admin/aust/insights?verified=1').expect(200)).text;
    expect(html).toContain(nb.insights.verified.onlyNote);
    expect(html).toMatch(/id="field-verified" name="verified" value="1" checked/);
    expect(total(html)).toBe(2);
    expect(tableTitles(html)).toEqual(['Kandidat A', 'Kandidat B']);
    // A's verified persons: person-1 (v1's vote, then v2's later one: that act and its rating 1) and person-2 (v3, unrated).
    const settings = t.services.ranking.parameters(aust, t.services.ranking.now());
    const v2At = t.db.prepare('SELECT created_at FROM votes WHERE participant_id = ? AND pain_point_id = ?').pluck().get(p.v2, A) as string;
    const v3At = t.db.prepare('SELECT created_at FROM votes WHERE participant_id = ? AND pain_point_id = ?').pluck().get(p.v3, A) as string;
    const expected = figures(sumsOf([{ at: v2At, rating: 1 }, { at: v3At, rating: null }], settings.halfLifeDays), settings, settings.now);
    expect(expected.n).toBe(2);
    expect(expected.k).toBe(1);
    const row = rowOf(html, 'Kandidat A');
    expect(row.slice(2, 5)).toEqual([expected.needScore.toFixed(2).replace('.', ','), '2', '2']);
    // The supporters sort counts verified persons too, and the title links keep the view.
    const bySupporters = (await analyst.get('/admin/aust/insights?verified=1&sort=supporters').expect(200)).text;
    expect(tableTitles(bySupporters)).toEqual(['Kandidat A', 'Kandidat B']);
    expect(html).toContain(`/admin/aust/insights/${A}?verified=1`);
    // Pagination and export links carry the checkbox's own value.
    expect(html).toMatch(/insights\/export\?[^"]*verified=1/);
  });

  it('refuses a verified value that is not the checkbox\'s with a 400, not a 500', async () => {
    const res = await analyst.get('/admin/aust/insights?verified=yes');
    expect(res.status).toBe(400);
  });

  it('explains a candidate with all supporters and with verified persons alone', async () => {
    const html = (await analyst.get(`/admin/aust/insights/${A}`).expect(200)).text;
    expect(html).toContain(nb.insights.verified.summary.replace('{{all}}', '6').replace('{{verified}}', '2'));
    expect(html).toContain(`/admin/aust/insights/${A}?verified=1`);
    const verified = (await analyst.get(`/admin/aust/insights/${A}?verified=1`).expect(200)).text;
    expect(verified).toContain(nb.insights.verified.explainNote);
    const f = verifiedFiguresOf(A);
    expect(f.n).toBe(2);
    // The formula's rows: n, then the need score at three decimals.
    expect(verified).toMatch(/<th scope="row">n<\/th><td>[^<]*<\/td><td>2<\/td>/);
    expect(verified).toContain(`<strong>${f.needScore.toFixed(3).replace('.', ',')}</strong>`);
  });
});

describe('the explanation page under "verified only"', () => {
  const levels = ['1', '2', '3', '4', '5'] as const;

  it('counts the verified persons alone in every chart, each once with their latest act and rating', async () => {
    const all = (await analyst.get(`/admin/aust/insights/${A}?lang=nb`).expect(200)).text;
    const only = (await analyst.get(`/admin/aust/insights/${A}?verified=1&lang=nb`).expect(200)).text;
    // Everyone's latest ratings: reporterA 3, x 2, v1 5, v2 1 (y and v3 gave none).
    expect(chartOf(all, 'chart-ratings')).toEqual(levels.map((l, i) => [nb.feedback.severity[l], [1, 1, 1, 0, 1][i]]));
    // Verified persons, counted from the raw tables: person-1's latest rating is v2's 1 (not v1's 5), person-2 gave none.
    const persons = verifiedPersonsFromScratch(A, aust);
    expect(persons).toHaveLength(2);
    const ratings = levels.map((l) => persons.filter((x) => x.rating === Number(l)).length);
    expect(ratings).toEqual([1, 0, 0, 0, 0]);
    expect(chartOf(only, 'chart-ratings')).toEqual(levels.map((l, i) => [nb.feedback.severity[l], ratings[i]]));
    // Over time: every act for everyone (the report and five votes), each verified person once, in the month of their latest act.
    const months = new Map<string, number>();
    for (const x of persons) months.set(x.last.slice(0, 7), (months.get(x.last.slice(0, 7)) ?? 0) + 1);
    expect(chartOf(all, 'chart-months')).toEqual([['2026-06', 6]]);
    expect(chartOf(only, 'chart-months')).toEqual([...months]);
    expect([...months.values()].reduce((a, b) => a + b)).toBe(2);
    // The formula's k is the chart's ratings, and n its persons.
    expect(only).toMatch(/<th scope="row">k<\/th><td>[^<]*<\/td><td>1<\/td>/);
    expect(all).toMatch(/<th scope="row">k<\/th><td>[^<]*<\/td><td>4<\/td>/);
    // The page says so, once, and the charts say whose they are.
    expect(only).toContain(nb.insights.verified.explainNote);
    expect(only).toContain(nb.insights.verified.charts.ratings);
    expect(only).toContain(nb.insights.verified.charts.overTime);
    expect(all).not.toContain(nb.insights.verified.explainNote);
    expect(all).not.toContain(nb.insights.verified.charts.ratings);
    for (const [lang, locale] of [['nn', nn], ['en', en]] as const) {
      const html = (await analyst.get(`/admin/aust/insights/${A}?verified=1&lang=${lang}`).expect(200)).text;
      expect([lang, html.includes(locale.insights.verified.charts.overTime), html.includes(locale.insights.verified.charts.persons)]).toEqual([lang, true, true]);
    }
    await analyst.get('/admin/aust/insights?lang=nb').expect(200);
  });

  it('counts the verified persons\' own answers to "is it fixed?", each person once with their latest answer', async () => {
    // Answers through follows asked for from these browsers (the e-mail flow that writes them is fix-answers.test.ts's).
    const answered = (participant: string | null, answer: string, minutes: number) => {
      const at = new Date(START.getTime() + minutes * 60_000).toISOString();
      const address = t.db.prepare("INSERT INTO follow_addresses (email, language, salt, created_at) VALUES (?, 'nb', randomblob(16), ?)").run(`svar${minutes}@eksempel.no`, at).lastInsertRowid;
      const follow = t.db
        .prepare("INSERT INTO follows (address_id, pain_point_id, participant_id, language, mode, salt, created_at) VALUES (?, ?, ?, 'nb', 'immediate', randomblob(16), ?)")
        .run(address, A, participant === null ? null : p[participant], at).lastInsertRowid;
      t.db.prepare('INSERT INTO fix_answers (follow_id, pain_point_id, municipality_id, answer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(follow, A, aust, answer, at, at);
    };
    answered('v1', 'no', 1); // person-1 first said no from one browser ...
    answered('v2', 'yes', 2); // ... then yes from the other: their answer is yes
    answered('v3', 'partly', 3); // person-2
    answered('x', 'no', 4); // not verified
    answered(null, 'no', 5); // a follower who never took part
    try {
      const counts = (yes: number, partly: number, no: number) =>
        `${nb.fixAnswers.confirmedBy}: ${nb.fixAnswers.counts.replace('{{yes}}', String(yes)).replace('{{partly}}', String(partly)).replace('{{no}}', String(no))}`;
      const all = (await analyst.get(`/admin/aust/insights/${A}?lang=nb`).expect(200)).text;
      expect(all).toContain(counts(1, 1, 3));
      expect(all).toContain(nb.fixAnswers.notFixed);
      const only = (await analyst.get(`/admin/aust/insights/${A}?verified=1&lang=nb`).expect(200)).text;
      expect(only).toContain(counts(1, 1, 0));
      // The rule over the verified persons' answers: they do not say it is not fixed.
      expect(only).not.toContain(nb.fixAnswers.notFixed);
    } finally {
      t.db.prepare('DELETE FROM fix_answers WHERE pain_point_id = ?').run(A);
      t.db.prepare("DELETE FROM follow_addresses WHERE email LIKE 'svar%@eksempel.no'").run();
    }
  });
});

describe('the public ranking', () => {
  it('shows, beside all supporters, how many of them are verified, where any are', async () => {
    const html = (await request(t.app).get('/aust/viktigst').expect(200)).text;
    const cardOf = (title: string) => html.split('<li class="ds-card app-pain-card">').find((card) => card.includes(`>${title}</a>`))!;
    expect(cardOf('Kandidat A')).toContain(`<dt>${nb.ranking.public.figures.verified}</dt><dd>2</dd>`);
    expect(cardOf('Kandidat B')).toContain(`<dt>${nb.ranking.public.figures.verified}</dt><dd>1</dd>`);
    // Nobody verified behind C: no line of zeros.
    expect(cardOf('Kandidat C')).not.toContain(nb.ranking.public.figures.verified);
    expect((await request(t.app).get('/aust/viktigst?lang=nn').expect(200)).text).toContain(nn.ranking.public.figures.verified);
    expect((await request(t.app).get('/aust/viktigst?lang=en').expect(200)).text).toContain(en.ranking.public.figures.verified);
  });
});

describe('exports', () => {
  it('has a column of verified supporters after the supporters, with its header in each language', async () => {
    const at = EXPORT_COLUMNS.findIndex((c) => c.key === 'verifiedSupporters');
    expect(EXPORT_COLUMNS[at - 1]!.key).toBe('n');
    for (const [lang, locale] of [['nb', nb], ['nn', nn], ['en', en]] as const) {
      const res = await analyst.get(`/admin/aust/insights/export?format=csv&lang=${lang}`).expect(200);
      const [header, ...rows] = parse(res.text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
      expect([lang, header![at]]).toEqual([lang, locale.insights.verified.column]);
      const byId = new Map(rows.map((r) => [Number(r[1]), r]));
      expect([lang, byId.get(A)![at - 1], byId.get(A)![at], byId.get(C)![at]]).toEqual([lang, '6', '2', '0']);
    }
  });

  it('writes the count as a number in the workbook, and only verified persons under "verified only"', async () => {
    const res = await analyst.get('/admin/aust/insights/export?format=xlsx&verified=1&lang=nb').buffer(true).parse(binaryBody).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0]!;
    const col = EXPORT_COLUMNS.findIndex((c) => c.key === 'verifiedSupporters') + 1;
    expect(sheet.getRow(1).getCell(col).value).toBe(nb.insights.verified.column);
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(col).value]).toEqual([A, 2]);
    expect([sheet.getRow(3).getCell(2).value, sheet.getRow(3).getCell(col).value]).toEqual([B, 1]);
  });
});

describe('open data API', () => {
  it('gives verifiedSupporters beside the figures of each candidate, 0 where there are none', async () => {
    const res = await request(t.app).get('/api/v1/municipalities/aust/candidates').expect(200);
    const byId = new Map((res.body.candidates as { id: number; verifiedSupporters: number; figures: { n: number } }[]).map((c) => [c.id, c]));
    expect([A, B, C].map((id) => [byId.get(id)!.figures.n, byId.get(id)!.verifiedSupporters])).toEqual([[6, 2], [2, 1], [9, 0]]);
    const vestRes = await request(t.app).get('/api/v1/municipalities/vest/candidates').expect(200);
    expect(vestRes.body.candidates[0]).toMatchObject({ id: D, verifiedSupporters: 1, figures: { n: 3 } });
  });
});

describe('open data API: per step', () => {
  it('gives each step the distinct verified persons behind its candidates, not the sum of theirs', async () => {
    const steps = await stepFeedback('aust', 'a');
    // A has person-1 and person-2, B person-2, C nobody: two persons on the step, where the candidates' counts add up to 3.
    const sumOfCandidates = t.db.prepare('SELECT sum(verified_n) FROM candidate_stats WHERE pain_point_id IN (?, ?, ?)').pluck().get(A, B, C);
    expect(sumOfCandidates).toBe(3);
    expect(steps.get(stepA)).toMatchObject({ painPoints: 3, supporters: 16, verifiedSupporters: 2 });
    expect(steps.get(stepA)!.verifiedSupporters).toBe(stepVerifiedFromScratch(stepA, aust));
    // In vest, only the vest pseudonym counts: v3 supports D but verified in aust only.
    expect((await stepFeedback('vest', 'v')).get(stepV)).toMatchObject({ supporters: 3, verifiedSupporters: 1 });
    // Nobody verified in nord: 0, the field is still there.
    const nord = [...(await stepFeedback('nord', 'n')).values()][0]!;
    expect(nord).toMatchObject({ painPoints: 1, supporters: 1, verifiedSupporters: 0 });
  });

  it('leaves out a candidate hidden by flags, as the step\'s supporters do', async () => {
    t.db.prepare('UPDATE pain_points SET hidden_by_flags = 1 WHERE id = ?').run(B);
    try {
      // B's only verified person (person-2) still supports A: still two.
      expect((await stepFeedback('aust', 'a')).get(stepA)).toMatchObject({ painPoints: 2, verifiedSupporters: 2 });
      t.db.prepare('UPDATE pain_points SET hidden_by_flags = 1 WHERE id = ?').run(A);
      expect((await stepFeedback('aust', 'a')).get(stepA)).toMatchObject({ painPoints: 1, verifiedSupporters: 0 });
      expect(stepVerifiedFromScratch(stepA, aust)).toBe(0);
    } finally {
      t.db.prepare('UPDATE pain_points SET hidden_by_flags = 0 WHERE id IN (?, ?)').run(A, B);
    }
    expect((await stepFeedback('aust', 'a')).get(stepA)!.verifiedSupporters).toBe(2);
  });

  it('describes verifiedSupporters in the OpenAPI document\'s step feedback', async () => {
    const doc = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.components.schemas.StepFeedback.required).toContain('verifiedSupporters');
    expect(doc.components.schemas.StepFeedback.properties.verifiedSupporters.type).toBe('integer');
  });
});

describe('moderation', () => {
  it('shows a pain point\'s verified supporters beside all of them, once anyone in the municipality has verified', async () => {
    const html = (await moderator.get(`/admin/aust/moderation/${A}?lang=nb`).expect(200)).text;
    expect(html).toContain(`${nb.feedback.supporters.replace('{{count}}', '6')} · ${nb.moderation.verified.count.replace('{{count}}', '2')}`);
    const none = (await moderator.get(`/admin/aust/moderation/${C}?lang=nb`).expect(200)).text;
    expect(none).toContain(nb.moderation.verified.count.replace('{{count}}', '0'));
    const nn_ = (await moderator.get(`/admin/aust/moderation/${A}?lang=nn`).expect(200)).text;
    expect(nn_).toContain(nn.moderation.verified.count.replace('{{count}}', '2'));
    const en_ = (await moderator.get(`/admin/aust/moderation/${A}?lang=en`).expect(200)).text;
    expect(en_).toContain(en.moderation.verified.count.replace('{{count}}', '2'));
    // Nobody has verified in nord: no line of zeros.
    const { agent } = await signIn(t.app, 'moderator@nord.no');
    const n = t.db.prepare("SELECT id FROM pain_points WHERE title = 'Kandidat N'").pluck().get() as number;
    const nord = (await agent.get(`/admin/nord/moderation/${n}`).expect(200)).text;
    expect(nord).toContain(nb.feedback.supporters.replace('{{count}}', '1'));
    expect(nord).not.toContain(nb.moderation.verified.count.replace('{{count}}', '0'));
  });

  it('counts a pending report\'s verified supporters too', async () => {
    t.clock.advance(HOUR);
    const j = t.db.prepare('SELECT journey_id FROM pain_points WHERE id = ?').pluck().get(A) as number;
    // Reported by v3 (person-2) and left waiting for a moderator (it stays pending: no candidate, no page shows it).
    const pending = t.services.feedback.submit(p.v3!, t.services.municipalities.bySlug('aust'), j, stepA, { title: 'Kandidat P', body: 'tekst', severity: 2, channel: null }).id;
    t.db.prepare("UPDATE pain_points SET moderation_status = 'pending' WHERE id = ?").run(pending);
    t.services.ranking.refresh(pending);
    const html = (await moderator.get(`/admin/aust/moderation/${pending}?lang=nb`).expect(200)).text;
    expect(html).toContain(nb.moderationStatus.pending);
    expect(html).toContain(`${nb.feedback.supporters.replace('{{count}}', '1')} · ${nb.moderation.verified.count.replace('{{count}}', '1')}`);
  });
});

describe('a verification removed or added', () => {
  it('lowers the counts, moves the data version and changes the kept pages', async () => {
    // Read first, so the pages and answers are kept for this version.
    await analyst.get('/admin/aust/insights').expect(200);
    await analyst.get('/admin/aust/insights?verified=1').expect(200);
    await request(t.app).get('/api/v1/municipalities/aust/candidates').expect(200);
    const before = t.services.ranking.dataVersion(aust);
    const vestBefore = t.services.ranking.dataVersion(vest);
    unverify('v3', aust);
    expect(t.services.ranking.dataVersion(aust)).toBeGreaterThan(before);
    expect(t.services.ranking.dataVersion(vest)).toBe(vestBefore);
    expect([A, B].map(verifiedFromScratch)).toEqual([1, 0]);
    const html = (await analyst.get('/admin/aust/insights').expect(200)).text;
    expect(rowOf(html, 'Kandidat A').slice(3, 5)).toEqual(['6', '1']);
    expect(rowOf(html, 'Kandidat B').slice(3, 5)).toEqual(['2', '0']);
    const only = (await analyst.get('/admin/aust/insights?verified=1').expect(200)).text;
    expect(tableTitles(only)).toEqual(['Kandidat A']);
    const api = await request(t.app).get('/api/v1/municipalities/aust/candidates').expect(200);
    expect(api.body.candidates.find((c: { id: number }) => c.id === B).verifiedSupporters).toBe(0);
    // The step's roll-up follows: person-1 alone is left (A through v1 and v2).
    expect((await stepFeedback('aust', 'a')).get(stepA)!.verifiedSupporters).toBe(1);
    expect(stepVerifiedFromScratch(stepA, aust)).toBe(1);
  });

  it('moves the data version even for a person who supports nothing yet', () => {
    const before = t.services.ranking.dataVersion(aust);
    verify('lurker', aust, 'person-3');
    expect(t.services.ranking.dataVersion(aust)).toBeGreaterThan(before);
  });

  it('follows the supporters as they change: a withdrawn vote of a verified person, and an erased participant', () => {
    verify('v3', aust, 'person-2');
    expect(verifiedFromScratch(B)).toBe(1);
    t.services.feedback.withdraw(p.v3!, aust, B);
    const kept = (id: number) => t.db.prepare('SELECT verified_n FROM candidate_stats WHERE pain_point_id = ?').pluck().get(id);
    expect([kept(B), verifiedFromScratch(B)]).toEqual([0, 0]);
    // Erasing a participant takes their verification and their support with it.
    t.db.prepare('DELETE FROM participants WHERE id = ?').run(p.v1);
    expect([A, B, C].map(kept)).toEqual([A, B, C].map(verifiedFromScratch));
    expect(kept(A)).toBe(2); // person-1 still through v2, person-2 through v3
  });
});

describe('merged duplicates', () => {
  it('count the verified persons of a duplicate merged into a candidate, each person once, and stop when unmerged', async () => {
    const ja = t.db.prepare("SELECT journey_id, step_id FROM pain_points WHERE id = ?").get(A) as { journey_id: number; step_id: number };
    p.reporterE = t.services.feedback.ensureParticipant('participant-reporterE');
    p.v4 = t.services.feedback.ensureParticipant('participant-v4');
    t.clock.advance(HOUR);
    const E = t.services.feedback.submit(p.reporterE, t.services.municipalities.bySlug('aust'), ja.journey_id, ja.step_id, { title: 'Kandidat E', body: 'tekst', severity: 3, channel: null }).id;
    vote('v4', aust, E, 4);
    vote('v2', aust, E, 2); // person-1, who already supports A through both browsers
    verify('v4', aust, 'person-4');
    const kept = (id: number) => t.db.prepare('SELECT verified_n FROM candidate_stats WHERE pain_point_id = ?').pluck().get(id);
    expect([kept(A), kept(E)]).toEqual([2, 2]);
    // The preview shows each side's verified supporters and what A will have: person-1 supports both, so 3, not 4.
    const preview = (await moderator.get(`/admin/aust/moderation/${E}/merge?targetId=${A}&lang=nb`).expect(200)).text;
    const dd = (html: string) => [...html.matchAll(new RegExp(`<dt>${nb.moderation.verified.label}</dt><dd>(\\d+)</dd>`, 'g'))].map((m) => Number(m[1]));
    expect(dd(preview)).toEqual([2, 2, 3]);
    const after = preview.split('id="merge-after"')[1]!;
    const allAfter = Number(/<dd>[^<]*?(\d+)<\/dd>/.exec(after)![1]);
    expect(preview).toContain(nb.moderation.verified.afterMerge.once);
    t.services.moderation.merge(null, aust, E, A);
    // What the preview promised is what the merged candidate has.
    const n = t.db.prepare('SELECT n FROM candidate_stats WHERE pain_point_id = ?').pluck().get(A);
    expect([allAfter, 3]).toEqual([n, kept(A)]);
    // The duplicate's own page, merged now, still shows its own supporters' verified persons.
    expect((await moderator.get(`/admin/aust/moderation/${E}?lang=nb`).expect(200)).text).toContain(nb.moderation.verified.count.replace('{{count}}', '2'));
    expect([kept(A), verifiedFromScratch(A)]).toEqual([3, 3]);
    expect(verifiedFiguresOf(A).n).toBe(3);
    const only = (await analyst.get('/admin/aust/insights?verified=1&lang=nb').expect(200)).text;
    expect(rowOf(only, 'Kandidat A').slice(3, 5)).toEqual(['3', '3']);
    expect(tableTitles(only)).not.toContain('Kandidat E');
    t.services.moderation.unmerge(null, aust, E);
    expect([kept(A), kept(E)]).toEqual([2, 2]);
  });
});
