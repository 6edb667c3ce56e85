// #17: the public ranking and the API order a whole municipality's candidates in memory, in turns, instead of in one
// SQL sort. The order and the figures must be exactly those of the ranking's SQL, for every scope and page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset, SMOKE } from '../../bench/dataset';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { movableClock } from '../../src/lib/clock';
import { RankingRepository, type RankingScope } from '../../src/modules/ranking/ranking.repository';
import { buildServices, type Services } from '../../src/services';

let dir: string;
let db: Db;
let s: Services;
let municipalityId: number;
let journeyId: number;
let stepId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-ranking-turns-'));
  db = openDatabase(path.join(dir, 'r.db'));
  migrate(db);
  const dataset = await generateDataset(db, SMOKE, 5);
  s = buildServices(db, movableClock().now);
  municipalityId = dataset.largest.id;
  // Some hidden by flags, so that the public scopes leave them out and `includeHidden` takes them.
  db.prepare('UPDATE pain_points SET hidden_by_flags = 1 WHERE municipality_id = ? AND id % 13 = 0').run(municipalityId);
  ({ journeyId, stepId } = db
    .prepare('SELECT journey_id AS journeyId, step_id AS stepId FROM pain_points WHERE municipality_id = ? AND step_id IS NOT NULL GROUP BY step_id ORDER BY count(*) DESC LIMIT 1')
    .get(municipalityId) as { journeyId: number; stepId: number });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rankedInTurns', () => {
  const scopes: [string, () => RankingScope][] = [
    ['the whole municipality', () => ({ limit: -1 })],
    ['published journeys only, first 20', () => ({ publishedJourneysOnly: true, limit: 20 })],
    ['a page further down', () => ({ publishedJourneysOnly: true, limit: 50, offset: 50 })],
    ['past the end', () => ({ limit: 10, offset: 100_000 })],
    ['hidden ones included', () => ({ includeHidden: true, limit: -1 })],
    ['one journey', () => ({ journeyId, limit: -1 })],
    ['one step', () => ({ stepId, limit: -1 })],
    ['the journey as a whole only', () => ({ journeyId, journeyLevelOnly: true, limit: -1 })],
    ['published before a moment', () => ({ publishedBefore: '2026-06-01T00:00:00.000Z', limit: -1 })],
  ];

  it.each(scopes)('orders %s exactly as the SQL does, with the same figures', async (_name, scopeOf) => {
    const scope = scopeOf();
    const now = s.ranking.now();
    const sql = s.ranking.ranked(municipalityId, { ...scope, now });
    const turns = await s.ranking.rankedInTurns(municipalityId, { ...scope, now });
    if (scope.offset !== 100_000) expect(sql.length).toBeGreaterThan(0);
    expect(turns.map((c) => c.id)).toEqual(sql.map((c) => c.id));
    turns.forEach((c, i) => expect(c.figures.needScore).toBeCloseTo(sql[i]!.figures.needScore, 12));
  });

  it('follows a vote at once', async () => {
    const before = await s.ranking.rankedInTurns(municipalityId, { limit: -1 });
    const last = before[before.length - 1]!;
    for (let v = 0; v < 30; v += 1) s.feedback.vote(s.feedback.ensureParticipant(`turns-${v}`), municipalityId, last.id, 5);
    const after = await s.ranking.rankedInTurns(municipalityId, { limit: -1 });
    expect(after.findIndex((c) => c.id === last.id)).toBeLessThan(before.length - 1);
    expect(after.map((c) => c.id)).toEqual(s.ranking.ranked(municipalityId, { limit: -1 }).map((c) => c.id));
  });
});

describe('prepareJourney', () => {
  it("makes a journey's step needs and its step and journey-level rankings come from memory, the same as the SQL's", async () => {
    const now = s.ranking.now();
    const fresh = buildServices(db, () => now);
    const scopes: RankingScope[] = [
      { journeyId, stepId, limit: -1 },
      { journeyId, stepId, limit: 5, offset: 2 },
      { journeyId, journeyLevelOnly: true, limit: -1 },
    ];
    const sqlNeeds = s.ranking.stepNeeds(municipalityId, journeyId, now);
    const sqlRanked = scopes.map((scope) => s.ranking.ranked(municipalityId, { ...scope, now }));
    await fresh.ranking.prepareJourney(municipalityId, journeyId, now);
    const ranked = jest.spyOn(RankingRepository.prototype, 'ranked');
    const needByStep = jest.spyOn(RankingRepository.prototype, 'needByStep');
    try {
      const needs = fresh.ranking.stepNeeds(municipalityId, journeyId, now);
      expect([...needs.keys()].sort()).toEqual([...sqlNeeds.keys()].sort());
      for (const [step, need] of sqlNeeds) expect(needs.get(step)).toBeCloseTo(need, 9);
      scopes.forEach((scope, i) => {
        const inMemory = fresh.ranking.ranked(municipalityId, { ...scope, now });
        expect(inMemory.map((c) => c.id)).toEqual(sqlRanked[i]!.map((c) => c.id));
      });
      expect(sqlRanked[0]!.length).toBeGreaterThan(5);
      // Read from the numbers made ready, not from SQL.
      expect([ranked.mock.calls.length, needByStep.mock.calls.length]).toEqual([0, 0]);
    } finally {
      ranked.mockRestore();
      needByStep.mockRestore();
    }
  });
});
