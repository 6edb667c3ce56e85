// The maintained per-candidate sums equal a from-scratch computation after any sequence of votes, withdrawals,
// merges, unmerges, erasures and moderation (fast-check); decay under a fixed clock; a half-life change rebuilds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { sumsOf } from '../../src/modules/ranking/ranking.math';
import { FeedbackRepository } from '../../src/modules/feedback/feedback.repository';
import { InsightsRepository } from '../../src/modules/insights/insights.repository';
import { RankingRepository } from '../../src/modules/ranking/ranking.repository';
import { buildServices, type Services } from '../../src/services';
import { buildJourney } from '../helpers/journeys';

interface World {
  db: Db;
  services: Services;
  clock: { now: Date };
  municipalityId: number;
  journeyId: number;
  stepId: number;
  stepIds: number[];
  moderator: number;
  participants: number[];
  close(): void;
}

function world(): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-ranking-'));
  const db = openDatabase(path.join(dir, 'r.db'));
  migrate(db);
  const clock = { now: new Date('2026-01-01T00:00:00Z') };
  const services = buildServices(db, () => clock.now);
  const municipalityId = services.municipalities.create(null, { slug: 'aust', name: 'Aust', kommunenummer: '1234', defaultLocale: 'nb' });
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(municipalityId);
  const j = buildJourney(services, 'aust', { slug: 'r', phases: { A: ['a', 'b', 'c'] }, publish: true });
  const moderator = Number(
    db.prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES ('m@x.no', 'M', 'x', '2026-01-01')").run().lastInsertRowid,
  );
  const participants = Array.from({ length: 6 }, (_, i) => services.feedback.ensureParticipant(`participant-${i}`));
  return {
    db, services, clock, municipalityId, journeyId: j.journeyId, stepId: j.stepIds[0]!, stepIds: j.stepIds, moderator, participants,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a test in a fresh world, closed afterwards. */
function inWorld(test: (w: World) => void): void {
  const w = world();
  try {
    test(w);
  } finally {
    w.close();
  }
}

/** A report by participant `who`, on the world's first step unless another is given. */
function reportAs(w: World, who: number, severity: number, stepId = w.stepId): number {
  const m = w.services.municipalities.bySlug('aust');
  return w.services.feedback.submit(w.participants[who]!, m, w.journeyId, stepId, { title: 't', body: 'b', severity, channel: null }).id;
}

/** Every pain point's maintained sums against its supporters counted from scratch; non-candidates have none. */
function checkConsistent(w: World): void {
  const repo = new RankingRepository(w.db);
  const rows = w.db.prepare('SELECT id, moderation_status FROM pain_points').all() as { id: number; moderation_status: string }[];
  for (const row of rows) {
    const stats = repo.stats(row.id);
    if (row.moderation_status !== 'published') {
      expect([row.id, stats]).toEqual([row.id, undefined]);
      continue;
    }
    const scratch = sumsOf(repo.supporters(row.id), 180);
    expect(stats).toBeDefined();
    expect([row.id, stats!.n, stats!.ratingSum, stats!.ratingCount]).toEqual([row.id, scratch.n, scratch.ratingSum, scratch.ratingCount]);
    if (scratch.logDecay === null) expect(stats!.logDecay).toBeNull();
    else expect(Math.abs(stats!.logDecay! - scratch.logDecay)).toBeLessThan(1e-9);
  }
  checkStepRollUps(w);
  checkSupporters(w);
  checkNeedOf(w);
}

/** The need of given candidates (the portfolio's read) equals their need in the full ranking; 0 for what is none. */
function checkNeedOf(w: World): void {
  const ids = w.db.prepare('SELECT id FROM pain_points').pluck().all() as number[];
  const ranked = new Map(w.services.ranking.ranked(w.municipalityId, { limit: -1, includeHidden: true }).map((c) => [c.id, c.need]));
  const needs = w.services.ranking.needOf(w.municipalityId, ids);
  expect([...needs.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  for (const [id, need] of needs) expect([id, need]).toEqual([id, expect.closeTo(ranked.get(id) ?? 0, 9)]);
}

/**
 * Each candidate's supporters with their first act (migration 0010, kept by the ranking service) against the acts
 * counted from scratch, and the chart of new supporters per week (summed from the triggers' day counts) against
 * grouping every act, as the chart was read before.
 */
function checkSupporters(w: World): void {
  const scratch = w.db
    .prepare(
      `WITH acts AS (
         SELECT CASE WHEN s.moderation_status = 'merged' THEN s.merged_into_id ELSE s.id END AS target, s.participant_id AS pid, s.created_at AS at
           FROM pain_points s WHERE s.participant_id IS NOT NULL
         UNION ALL
         SELECT CASE WHEN s.moderation_status = 'merged' THEN s.merged_into_id ELSE s.id END, v.participant_id, v.created_at
           FROM votes v JOIN pain_points s ON s.id = v.pain_point_id
       )
       SELECT c.id AS candidate_id, a.pid AS participant_id, c.municipality_id, min(a.at) AS first_at
       FROM pain_points c JOIN acts a ON a.target = c.id WHERE c.moderation_status = 'published'
       GROUP BY c.id, a.pid ORDER BY c.id, a.pid`,
    )
    .all();
  expect(w.db.prepare('SELECT * FROM candidate_supporters ORDER BY candidate_id, participant_id').all()).toEqual(scratch);
  const weeks = w.db
    .prepare(
      `WITH acts AS (
         SELECT coalesce(p.merged_into_id, p.id) AS candidate, p.participant_id AS pid, p.created_at AS at FROM pain_points p
          WHERE p.municipality_id = @m AND p.moderation_status IN ('published', 'merged') AND p.participant_id IS NOT NULL
         UNION ALL
         SELECT coalesce(p.merged_into_id, p.id), v.participant_id, v.created_at FROM votes v JOIN pain_points p ON p.id = v.pain_point_id
          WHERE p.municipality_id = @m AND p.moderation_status IN ('published', 'merged')
       ), firsts AS (SELECT candidate, pid, min(at) AS at FROM acts GROUP BY candidate, pid)
       SELECT strftime('%Y-W%W', at) AS week, count(*) AS supporters FROM firsts WHERE at >= @since GROUP BY week ORDER BY week`,
    )
    .all({ m: w.municipalityId, since: '2026-03-01' });
  expect(new InsightsRepository(w.db).supportersPerWeek(w.municipalityId, '2026-03-01')).toEqual(weeks);
}

/** The maintained step roll-ups (migration 0006's triggers) against the journey's acts counted from scratch. */
function checkStepRollUps(w: World): void {
  const scratch = w.db
    .prepare(
      `SELECT p.step_id, count(DISTINCT p.id) AS pain_points, count(DISTINCT x.pid) AS supporters
       FROM pain_points p
       LEFT JOIN (
         SELECT coalesce(s.merged_into_id, s.id) AS target, s.participant_id AS pid FROM pain_points s WHERE s.participant_id IS NOT NULL
         UNION ALL
         SELECT coalesce(s.merged_into_id, s.id), v.participant_id FROM votes v JOIN pain_points s ON s.id = v.pain_point_id
       ) x ON x.target = p.id
       WHERE p.journey_id = ? AND p.step_id IS NOT NULL AND p.moderation_status = 'published' AND p.hidden_by_flags = 0
       GROUP BY p.step_id ORDER BY p.step_id`,
    )
    .all(w.journeyId);
  const maintained = new FeedbackRepository(w.db).stepSummaries(w.journeyId).sort((a, b) => a.step_id - b.step_id);
  expect(maintained).toEqual(scratch);
  // The service's cached copy is never one a change has left behind.
  const cached = [...w.services.feedback.stepSummaries(w.municipalityId, w.journeyId)].map(([step_id, s]) => ({ step_id, pain_points: s.painPoints, supporters: s.supporters }));
  expect(cached.sort((a, b) => a.step_id - b.step_id)).toEqual(scratch);
  // The pain lane's summed need per step, aggregated in SQL, is the sum of the ranked candidates' need scores.
  const summed = new Map<number, number>();
  for (const c of w.services.ranking.ranked(w.municipalityId, { journeyId: w.journeyId, limit: -1 })) {
    if (c.step_id !== null) summed.set(c.step_id, (summed.get(c.step_id) ?? 0) + c.figures.needScore);
  }
  const needs = w.services.ranking.stepNeeds(w.municipalityId, w.journeyId);
  expect([...needs.keys()].sort()).toEqual([...summed.keys()].sort());
  for (const [stepId, need] of needs) expect(Math.abs(need - summed.get(stepId)!)).toBeLessThan(1e-9);
  // Steps left without supporters keep a count of zero, never a stale one.
  const stale = w.db.prepare('SELECT count(*) FROM step_supporter_counts c WHERE c.supporters <> (SELECT count(*) FROM step_supporters s WHERE s.step_id = c.step_id)').pluck().get();
  expect(stale).toBe(0);
}

type Op =
  | { kind: 'report'; who: number; severity: number; step: number }
  | { kind: 'flag'; who: number; target: number }
  | { kind: 'clearFlags'; target: number }
  | { kind: 'mergeStep'; from: number; to: number }
  | { kind: 'vote'; who: number; target: number; severity: number | null }
  | { kind: 'withdraw'; who: number; target: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'unmerge'; a: number }
  | { kind: 'erase'; who: number; target: number }
  | { kind: 'reject'; target: number }
  | { kind: 'wait'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('report' as const), who: fc.nat(5), severity: fc.integer({ min: 1, max: 5 }), step: fc.nat(2) }),
  fc.record({ kind: fc.constant('flag' as const), who: fc.nat(5), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('clearFlags' as const), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('mergeStep' as const), from: fc.nat(2), to: fc.nat(2) }),
  fc.record({ kind: fc.constant('vote' as const), who: fc.nat(5), target: fc.nat(7), severity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(5), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(7), b: fc.nat(7) }),
  fc.record({ kind: fc.constant('unmerge' as const), a: fc.nat(7) }),
  fc.record({ kind: fc.constant('erase' as const), who: fc.nat(5), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('reject' as const), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 400 }) }),
);

/** Applies an operation the way residents and moderators would; refused ones (a rule said no) are fine. */
function apply(w: World, o: Op, ids: number[]): void {
  const s = w.services;
  const m = s.municipalities.bySlug('aust');
  const id = (i: number) => ids[i % Math.max(1, ids.length)];
  try {
    switch (o.kind) {
      case 'report':
        ids.push(s.feedback.submit(w.participants[o.who]!, m, w.journeyId, w.stepIds[o.step]!, { title: 't', body: 'b', severity: o.severity, channel: null }).id);
        break;
      case 'flag':
        if (ids.length) s.feedback.flag(w.participants[o.who]!, m, id(o.target)!, 'spam');
        break;
      case 'clearFlags':
        if (ids.length) s.moderation.clearFlags(w.moderator, m.id, id(o.target)!);
        break;
      case 'mergeStep':
        s.journeyEditor.mergeStep(null, m.id, w.journeyId, w.stepIds[o.from]!, w.stepIds[o.to]!);
        break;
      case 'vote':
        if (ids.length) s.feedback.vote(w.participants[o.who]!, m.id, id(o.target)!, o.severity);
        break;
      case 'withdraw':
        if (ids.length) s.feedback.withdraw(w.participants[o.who]!, m.id, id(o.target)!);
        break;
      case 'merge':
        if (ids.length) s.moderation.merge(w.moderator, m.id, id(o.a)!, id(o.b)!);
        break;
      case 'unmerge':
        if (ids.length) s.moderation.unmerge(w.moderator, m.id, id(o.a)!);
        break;
      case 'erase':
        if (ids.length) s.feedback.deleteMine(w.participants[o.who]!, id(o.target)!);
        break;
      case 'reject':
        if (ids.length) s.moderation.reject(w.moderator, m.id, id(o.target)!, 'nei');
        break;
      case 'wait':
        w.clock.now = new Date(w.clock.now.getTime() + o.days * 86_400_000);
        break;
    }
  } catch (err) {
    if (!(err instanceof Error) || !/AppError|ConflictError|NotFound|validation|moderation|feedback/.test(`${err.constructor.name} ${err.message}`)) throw err;
  }
  // Erased pain points are gone from the list of ids.
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    if (w.db.prepare('SELECT count(*) FROM pain_points WHERE id = ?').pluck().get(ids[i]) === 0) ids.splice(i, 1);
  }
}

function applyAll(w: World, ops: Op[]): void {
  const ids: number[] = [];
  for (const o of ops) apply(w, o, ids);
}

describe('maintained ranking figures', () => {
  it('equal a from-scratch computation after random votes, withdrawals, merges, unmerges and erasures', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) =>
        inWorld((w) => {
          applyAll(w, ops);
          checkConsistent(w);
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('a rebuild of the whole municipality in one read gives the same sums and first acts as counting each candidate', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) =>
        inWorld((w) => {
          applyAll(w, ops);
          w.db.prepare('DELETE FROM candidate_stats').run();
          w.db.prepare('DELETE FROM candidate_supporters').run();
          w.services.ranking.rebuild(w.municipalityId);
          checkConsistent(w);
        }),
      ),
      { numRuns: 40 },
    );
  });

  it('migration 0010 fills the first acts and day counts from the reports and votes already there', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) =>
        inWorld((w) => {
          applyAll(w, ops);
          w.db.exec(`DROP TABLE candidate_supporters; DROP TABLE supporter_days;
            DELETE FROM schema_migrations WHERE version = '0010_candidate_supporters.sql'`);
          expect(migrate(w.db)).toEqual(['0010_candidate_supporters.sql']);
          checkSupporters(w);
        }),
      ),
      { numRuns: 20 },
    );
  });

  it('a rebuild counts the submitter and voters of a merged duplicate for the candidate it was merged into', () => {
    inWorld((w) => {
      const candidate = reportAs(w, 0, 2);
      w.clock.now = new Date(w.clock.now.getTime() + 30 * 86_400_000);
      const duplicate = reportAs(w, 1, 5);
      w.services.feedback.vote(w.participants[2]!, w.municipalityId, duplicate, 4);
      w.services.moderation.merge(w.moderator, w.municipalityId, duplicate, candidate);
      w.db.prepare('DELETE FROM candidate_stats').run();
      w.services.ranking.rebuild(w.municipalityId);
      expect(new RankingRepository(w.db).stats(candidate)).toMatchObject({ n: 3, ratingSum: 11, ratingCount: 3 });
      checkConsistent(w);
    });
  });

  it('step roll-ups follow a withdrawn last vote, hiding by flags, clearing them, a step merge and an erasure', () => {
    inWorld((w) => {
      const m = w.services.municipalities.bySlug('aust');
      const [a, b] = w.stepIds as [number, number];
      const supportersOn = (stepId: number) => new FeedbackRepository(w.db).stepSummaries(w.journeyId).find((r) => r.step_id === stepId)?.supporters ?? 0;
      const id = reportAs(w, 0, 3, a);
      w.services.feedback.vote(w.participants[1]!, m.id, id, 4);
      expect(supportersOn(a)).toBe(2);
      w.services.feedback.withdraw(w.participants[1]!, m.id, id);
      expect(supportersOn(a)).toBe(1);
      checkStepRollUps(w);
      w.services.feedback.vote(w.participants[1]!, m.id, id, 4);
      // Another report keeps the step on the map while the first is hidden.
      reportAs(w, 5, 2, a);
      for (const who of [2, 3, 4]) w.services.feedback.flag(w.participants[who]!, m, id, 'spam');
      expect(supportersOn(a)).toBe(1);
      checkStepRollUps(w);
      w.services.moderation.clearFlags(w.moderator, m.id, id);
      expect(supportersOn(a)).toBe(3);
      w.services.journeyEditor.mergeStep(null, m.id, w.journeyId, a, b);
      expect([supportersOn(a), supportersOn(b)]).toEqual([0, 3]);
      checkStepRollUps(w);
      w.services.feedback.deleteMine(w.participants[0]!, id);
      expect(supportersOn(b)).toBe(1);
      checkStepRollUps(w);
    });
  });

  it('a cached ranking follows every change at once, and its moment moves on after a minute', () => {
    inWorld((w) => {
      const id = reportAs(w, 0, 3);
      const first = w.services.ranking.ranked(w.municipalityId, { limit: 10 });
      expect(first.map((c) => c.n)).toEqual([1]);
      w.services.feedback.vote(w.participants[1]!, w.municipalityId, id, 5);
      expect(w.services.ranking.ranked(w.municipalityId, { limit: 10 }).map((c) => c.n)).toEqual([2]);
      w.db.prepare('UPDATE municipalities SET severity_prior_weight = 0 WHERE id = ?').run(w.municipalityId);
      expect(w.services.ranking.ranked(w.municipalityId, { limit: 10 })[0]!.figures.severity).toBe(4);
      // Names the staff insights show beside the figures move the version on too.
      const repo = new RankingRepository(w.db);
      for (const change of ["UPDATE steps SET title = 'ny' WHERE id = ?", "UPDATE journeys SET title = 'ny' WHERE id = (SELECT journey_id FROM steps WHERE id = ?)"]) {
        const before = repo.version(w.municipalityId);
        w.db.prepare(change).run(w.stepId);
        expect(repo.version(w.municipalityId)).toBeGreaterThan(before);
      }
      const moment = w.services.ranking.now();
      w.clock.now = new Date(w.clock.now.getTime() + 30_000);
      expect(w.services.ranking.now()).toBe(moment);
      w.clock.now = new Date(w.clock.now.getTime() + 30_000);
      expect(w.services.ranking.now().getTime()).toBe(w.clock.now.getTime());
    });
  });

  it('decay under a fixed clock: after one half-life a candidate counts half', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const id = w.services.feedback.submit(w.participants[0]!, m, w.journeyId, w.stepId, { title: 't', body: 'b', severity: 4, channel: null }).id;
      w.services.feedback.vote(w.participants[1]!, m.id, id, 2);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(2, 9);
      w.clock.now = new Date(w.clock.now.getTime() + 180 * 86_400_000);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(1, 9);
      expect(w.services.ranking.maintained(id, m.id)!.n).toBe(2);
    } finally {
      w.close();
    }
  });

  it('rebuilds every candidate when the half-life changes', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const id = w.services.feedback.submit(w.participants[0]!, m, w.journeyId, w.stepId, { title: 't', body: 'b', severity: 4, channel: null }).id;
      w.clock.now = new Date(w.clock.now.getTime() + 90 * 86_400_000);
      w.services.municipalities.updateSettings(null, m, {
        name: m.name, defaultLocale: 'nb', premoderation: false, halfLifeDays: 90, severityPriorWeight: 5, wipLimit: 3, flagHideThreshold: 3,
        reportLimitPerHour: 5, voteLimitPerHour: 60, flagLimitPerHour: 10,
      });
      const stats = new RankingRepository(w.db).stats(id)!;
      expect(stats.halfLifeDays).toBe(90);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(0.5, 9);
      expect(w.services.ranking.fromScratch(id, m.id).nEff).toBeCloseTo(0.5, 9);
    } finally {
      w.close();
    }
  });

  it('orders by need score, then by supporters, then the older candidate first', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const submit = (who: number, severity: number) =>
        w.services.feedback.submit(w.participants[who]!, m, w.journeyId, w.stepId, { title: `t${who}`, body: 'b', severity, channel: null }).id;
      // Same time, same rating: an exact tie in need score and n, so the older (first) report leads.
      const older = submit(0, 3);
      const newer = submit(1, 3);
      const popular = submit(2, 3);
      w.services.feedback.vote(w.participants[3]!, m.id, popular, 3);
      const ranked = w.services.ranking.ranked(m.id, { limit: 10 });
      expect(ranked.map((r) => r.id)).toEqual([popular, older, newer]);
      expect(ranked[0]!.figures.n).toBe(2);
      expect(ranked[0]!.need).toBeCloseTo(ranked[0]!.figures.needScore, 9);
    } finally {
      w.close();
    }
  });
});
