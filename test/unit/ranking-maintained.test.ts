// The maintained per-candidate sums, supporters and ranking equal RANKING.md computed here from the raw tables after any
// sequence of votes, withdrawals, merges, unmerges, erasures and moderation (fast-check); decay under a fixed clock; a
// half-life change rebuilds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { ConflictError, NotFoundError } from '../../src/errors';
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

const DAY_MS = 86_400_000;
/** candidate_stats keeps log_decay = log2 Σ 2^(t/H), t in days since this epoch (docs/architecture.md, Ranking). */
const LOG_DECAY_EPOCH_MS = Date.UTC(2000, 0, 1);

interface ReferenceSupporter {
  participantId: number;
  firstAt: string;
  latestAt: string;
  /** The rating of their latest rated act; null when none of their acts carries one. */
  rating: number | null;
  ratingAt: string | null;
}

interface ReferenceCandidate {
  id: number;
  municipalityId: number;
  createdAt: string;
  supporters: Map<number, ReferenceSupporter>;
  n: number;
  nEff: number;
  k: number;
  ratingSum: number;
  severityMean: number | null;
  severity: number;
  reach: number;
  needScore: number;
}

/**
 * RANKING.md computed straight from the raw tables (pain_points, votes, merged_into), with none of the ranking module's
 * code, SQL or sums: the reference the maintained figures are held to. Where RANKING.md is silent it follows
 * docs/architecture.md: a supporter's rating is their latest rated act (the higher one when two are simultaneous),
 * and C is the mean of those ratings over the municipality's candidates.
 */
function referenceRanking(db: Db, municipalityId: number, now: Date) {
  const settings = db.prepare('SELECT half_life_days AS H, severity_prior_weight AS m FROM municipalities WHERE id = ?').get(municipalityId) as { H: number; m: number };
  const painPoints = db
    .prepare('SELECT id, participant_id, severity, created_at, moderation_status, merged_into_id FROM pain_points WHERE municipality_id = ?')
    .all(municipalityId) as { id: number; participant_id: number | null; severity: number; created_at: string; moderation_status: string; merged_into_id: number | null }[];
  const votes = db.prepare('SELECT pain_point_id, participant_id, severity, created_at FROM votes').all() as
    { pain_point_id: number; participant_id: number; severity: number | null; created_at: string }[];

  // A candidate is a published pain point; a merged one counts for the candidate it was merged into.
  const candidates = new Map<number, ReferenceCandidate>();
  for (const p of painPoints) {
    if (p.moderation_status !== 'published') continue;
    candidates.set(p.id, {
      id: p.id, municipalityId, createdAt: p.created_at, supporters: new Map(),
      n: 0, nEff: 0, k: 0, ratingSum: 0, severityMean: null, severity: 0, reach: 0, needScore: 0,
    });
  }
  const byId = new Map(painPoints.map((p) => [p.id, p]));
  const countsFor = (painPointId: number): ReferenceCandidate | undefined => {
    const p = byId.get(painPointId);
    if (!p) return undefined;
    if (p.moderation_status === 'published') return candidates.get(p.id);
    if (p.moderation_status === 'merged' && p.merged_into_id !== null) return candidates.get(p.merged_into_id);
    return undefined;
  };

  // Every act of support: submitting a pain point, or a "me too" on one (a withdrawn vote is no longer in votes).
  const acts: { painPointId: number; participantId: number; at: string; rating: number | null }[] = [
    ...painPoints.filter((p) => p.participant_id !== null).map((p) => ({ painPointId: p.id, participantId: p.participant_id!, at: p.created_at, rating: p.severity as number | null })),
    ...votes.map((v) => ({ painPointId: v.pain_point_id, participantId: v.participant_id, at: v.created_at, rating: v.severity })),
  ];
  const time = (iso: string) => Date.parse(iso);
  for (const act of acts) {
    const candidate = countsFor(act.painPointId);
    if (!candidate) continue;
    let s = candidate.supporters.get(act.participantId);
    if (!s) {
      s = { participantId: act.participantId, firstAt: act.at, latestAt: act.at, rating: null, ratingAt: null };
      candidate.supporters.set(act.participantId, s);
    }
    if (time(act.at) < time(s.firstAt)) s.firstAt = act.at;
    if (time(act.at) > time(s.latestAt)) s.latestAt = act.at;
    if (act.rating !== null) {
      const later = s.ratingAt === null || time(act.at) > time(s.ratingAt);
      const sameMomentHigher = s.ratingAt !== null && time(act.at) === time(s.ratingAt) && act.rating > s.rating!;
      if (later || sameMomentHigher) {
        s.rating = act.rating;
        s.ratingAt = act.at;
      }
    }
  }

  let allRatings = 0;
  let allRatingCount = 0;
  for (const c of candidates.values()) {
    c.n = c.supporters.size;
    for (const s of c.supporters.values()) {
      const ageDays = (now.getTime() - time(s.latestAt)) / DAY_MS;
      c.nEff += 0.5 ** (ageDays / settings.H);
      if (s.rating !== null) {
        c.k += 1;
        c.ratingSum += s.rating;
      }
    }
    c.severityMean = c.k === 0 ? null : c.ratingSum / c.k;
    allRatings += c.ratingSum;
    allRatingCount += c.k;
  }
  const prior = allRatingCount === 0 ? 3 : allRatings / allRatingCount;
  for (const c of candidates.values()) {
    c.reach = Math.log2(1 + c.nEff);
    c.severity = settings.m + c.k === 0 ? prior : (settings.m * prior + c.ratingSum) / (settings.m + c.k);
    c.needScore = c.reach * c.severity;
  }
  return { candidates, prior, halfLifeDays: settings.H };
}

/** Fails, naming what differs, unless `actual` is `expected` up to floating-point rounding (relative 1e-9). */
function expectClose(what: unknown[], actual: number | null | undefined, expected: number): void {
  const ok = typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), Number.MIN_VALUE);
  if (!ok) expect([...what, actual]).toEqual([...what, expected]);
}

/** Every maintained table and the ranking read from it against the reference, then the roll-ups and first acts. */
function checkConsistent(w: World): void {
  const now = w.clock.now;
  const ref = referenceRanking(w.db, w.municipalityId, now);
  const candidateIds = [...ref.candidates.keys()].sort((a, b) => a - b);

  // candidate_stats: one row per candidate and none for anything else, each with the reference's sums.
  const stats = w.db.prepare('SELECT * FROM candidate_stats ORDER BY pain_point_id').all() as
    { pain_point_id: number; municipality_id: number; n: number; log_decay: number | null; rating_sum: number; rating_count: number; half_life_days: number }[];
  expect(stats.map((r) => r.pain_point_id)).toEqual(candidateIds);
  for (const row of stats) {
    const c = ref.candidates.get(row.pain_point_id)!;
    expect({ id: row.pain_point_id, municipality: row.municipality_id, n: row.n, ratingSum: row.rating_sum, ratingCount: row.rating_count, halfLife: row.half_life_days })
      .toEqual({ id: c.id, municipality: c.municipalityId, n: c.n, ratingSum: c.ratingSum, ratingCount: c.k, halfLife: ref.halfLifeDays });
    if (c.n === 0) expect([c.id, row.log_decay]).toEqual([c.id, null]);
    else expectClose([c.id, 'n_eff from log_decay'], 2 ** (row.log_decay! - (now.getTime() - LOG_DECAY_EPOCH_MS) / DAY_MS / ref.halfLifeDays), c.nEff);
  }

  // The ranking staff read: every candidate, each figure as the reference has it, in RANKING.md's order.
  const ranked = w.services.ranking.ranked(w.municipalityId, { limit: -1, includeHidden: true, now });
  expect(ranked.map((r) => r.id).sort((a, b) => a - b)).toEqual(candidateIds);
  for (const r of ranked) {
    const c = ref.candidates.get(r.id)!;
    expect({ id: r.id, n: r.figures.n, k: r.figures.k }).toEqual({ id: c.id, n: c.n, k: c.k });
    expectClose([r.id, 'n_eff'], r.figures.nEff, c.nEff);
    expectClose([r.id, 'reach'], r.figures.reach, c.reach);
    if (c.severityMean === null) expect([r.id, r.figures.severityMean]).toEqual([r.id, null]);
    else expectClose([r.id, 'severity_mean'], r.figures.severityMean, c.severityMean);
    expectClose([r.id, 'C'], r.figures.prior, ref.prior);
    expectClose([r.id, 'severity'], r.figures.severity, c.severity);
    expectClose([r.id, 'need_score'], r.figures.needScore, c.needScore);
    expectClose([r.id, 'need'], r.need, c.needScore);
  }
  for (let i = 1; i < ranked.length; i += 1) {
    const [a, b] = [ref.candidates.get(ranked[i - 1]!.id)!, ref.candidates.get(ranked[i]!.id)!];
    const tied = Math.abs(a.needScore - b.needScore) <= 1e-9 * Math.max(a.needScore, b.needScore, 1);
    if (!tied) expect([a.id, a.needScore > b.needScore]).toEqual([a.id, true]);
    else expect([a.id, b.id, a.n > b.n || (a.n === b.n && (a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id)))]).toEqual([a.id, b.id, true]);
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
 * Each candidate's supporters with their first act (migration 0010, kept by the ranking service) against the
 * reference, and the chart of new supporters per week (summed from the triggers' day counts) against
 * grouping every act, as the chart was read before.
 */
function checkSupporters(w: World): void {
  const ref = referenceRanking(w.db, w.municipalityId, w.clock.now);
  const candidateIds = [...ref.candidates.keys()].sort((a, b) => a - b);
  // candidate_supporters: each supporter of each candidate once, with the time of their first act.
  const expectedSupporters = candidateIds.flatMap((id) =>
    [...ref.candidates.get(id)!.supporters.values()]
      .sort((a, b) => a.participantId - b.participantId)
      .map((s) => ({ candidate_id: id, participant_id: s.participantId, municipality_id: w.municipalityId, first_at: s.firstAt })),
  );
  expect(w.db.prepare('SELECT * FROM candidate_supporters ORDER BY candidate_id, participant_id').all()).toEqual(expectedSupporters);
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
  | { kind: 'approve'; target: number }
  | { kind: 'wait'; days: number };

// Weighted, and drawn with size 'max' (sequences of up to 40, where the default size kept them near 10), so that runs
// hold several supporters per candidate, merges that succeed and acts days apart: uniform choices of short sequences
// hardly ever merged and left most candidates with one supporter, so a wrong support time or rating went unseen.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('report' as const), who: fc.nat(5), severity: fc.integer({ min: 1, max: 5 }), step: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flag' as const), who: fc.nat(5), target: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearFlags' as const), target: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mergeStep' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('vote' as const), who: fc.nat(5), target: fc.nat(7), severity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(5), target: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('merge' as const), a: fc.nat(7), b: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmerge' as const), a: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: fc.nat(5), target: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), target: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('approve' as const), target: fc.nat(7) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 400 }) }) },
);

/**
 * The refusals each operation may meet on random input, by error class and message key: a vote on one's own or on what
 * is not public, a merge onto a bad target, and so on. Anything else is a defect and fails the test.
 */
const NOT_FOUND = 'NotFoundError errors.notFound.body';
const EXPECTED_REFUSALS: Record<Op['kind'], readonly string[]> = {
  report: [],
  flag: [NOT_FOUND],
  clearFlags: [],
  mergeStep: [NOT_FOUND, 'ConflictError _form:validation.mergeTarget'],
  vote: [NOT_FOUND, 'ConflictError _form:feedback.errors.ownPainPoint'],
  withdraw: [],
  merge: ['ConflictError targetId:moderation.errors.badTarget', 'ConflictError _form:moderation.errors.hasMerged', 'ConflictError _form:moderation.errors.unmergeFirst'],
  unmerge: ['ConflictError _form:moderation.errors.notMerged'],
  erase: [NOT_FOUND],
  reject: ['ConflictError _form:moderation.errors.unmergeFirst', 'ConflictError _form:moderation.errors.hasMerged'],
  approve: ['ConflictError _form:moderation.errors.unmergeFirst'],
  wait: [],
};

/** An application refusal as "class key" (a conflict names its field and key); null for anything else. */
function refusalOf(err: unknown): string | null {
  if (err instanceof NotFoundError && err.constructor === NotFoundError) return `NotFoundError ${err.messageKey}`;
  if (err instanceof ConflictError && err.constructor === ConflictError) {
    return `ConflictError ${Object.entries(err.fieldErrors).map(([field, key]) => `${field}:${key}`).join(' ')}`;
  }
  return null;
}

/** Applies an operation the way residents and moderators would; only the refusals expected of it are let through. */
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
      case 'approve':
        if (ids.length) s.moderation.approve(w.moderator, m.id, id(o.target)!);
        break;
      case 'wait':
        w.clock.now = new Date(w.clock.now.getTime() + o.days * 86_400_000);
        break;
    }
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal === null || !EXPECTED_REFUSALS[o.kind].includes(refusal)) throw err;
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
      fc.property(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), (ops) =>
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
      fc.property(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), (ops) =>
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
      fc.property(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), (ops) =>
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

  it('refuses to merge an already merged duplicate again, so its first target keeps its supporters right', () => {
    inWorld((w) => {
      const [first, second] = [reportAs(w, 0, 2), reportAs(w, 1, 3)];
      const duplicate = reportAs(w, 2, 5);
      w.services.feedback.vote(w.participants[3]!, w.municipalityId, duplicate, 4);
      w.services.moderation.merge(w.moderator, w.municipalityId, duplicate, first);
      // A second moderator, whose page still showed the duplicate as published, tries to merge it elsewhere.
      let refusal: string | null = null;
      try {
        w.services.moderation.merge(w.moderator, w.municipalityId, duplicate, second);
      } catch (err) {
        refusal = refusalOf(err);
      }
      expect(refusal).toBe('ConflictError _form:moderation.errors.unmergeFirst');
      checkConsistent(w);
    });
  });

  it('keeps a voter among the step\'s supporters when they withdraw one of two votes on it', () => {
    inWorld((w) => {
      const [a, b] = [reportAs(w, 0, 3), reportAs(w, 1, 3)];
      for (const id of [a, b]) w.services.feedback.vote(w.participants[2]!, w.municipalityId, id, 4);
      w.services.feedback.withdraw(w.participants[2]!, w.municipalityId, a);
      const supporters = new FeedbackRepository(w.db).stepSummaries(w.journeyId).find((r) => r.step_id === w.stepId)?.supporters;
      expect(supporters).toBe(3);
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
