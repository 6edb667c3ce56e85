// SQL for the ranking: supporters of a candidate from scratch, the maintained sums, and ranked reads.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { ResponseStatus } from '../feedback/feedback-vocabulary';
import { publiclyVisibleSql } from '../feedback/public-visibility';
import type { CandidateSums, Supporter } from './ranking.math';
import { CANDIDATE_NUMBER_COLUMNS, type CandidateNumberRow } from './candidate-numbers';
import { orderBySql } from './candidate-order';
import { REACH_SQL, SEVERITY_SQL } from './ranking.sql';

export interface RankedRow {
  id: number;
  journey_id: number;
  step_id: number | null;
  title: string;
  response_status: ResponseStatus;
  created_at: string;
  n: number;
  log_decay: number | null;
  rating_sum: number;
  rating_count: number;
  /** Of the supporters, the distinct persons verified with ID-porten in the municipality (migration 0035). */
  verified_n: number;
}

// Everyone who acted on the candidate: the submitter of it or of a pain point merged into it, and the voters on either.
const ACTS = `
  SELECT p.participant_id AS pid, p.created_at AS at, p.severity AS rating FROM pain_points p
   WHERE (p.id = @c OR (p.merged_into_id = @c AND p.moderation_status = 'merged')) AND p.participant_id IS NOT NULL
  UNION ALL
  SELECT v.participant_id, v.created_at, v.severity FROM votes v JOIN pain_points p ON p.id = v.pain_point_id
   WHERE p.id = @c OR (p.merged_into_id = @c AND p.moderation_status = 'merged')`;

// The same acts for every candidate of municipality @m at once (`c` the candidate), as CTEs; the caller keeps the rows
// whose candidate `c` is published.
const MUNICIPALITY_ACTS = `
  counted AS (
    SELECT p.id, CASE WHEN p.moderation_status = 'merged' THEN p.merged_into_id ELSE p.id END AS c FROM pain_points p
    WHERE p.municipality_id = @m AND p.moderation_status IN ('published', 'merged')
  ), acts AS (
    SELECT k.c, p.participant_id AS pid, p.created_at AS at, p.severity AS rating FROM counted k JOIN pain_points p ON p.id = k.id
    WHERE p.participant_id IS NOT NULL
    UNION ALL
    SELECT k.c, v.participant_id, v.created_at, v.severity FROM counted k JOIN votes v ON v.pain_point_id = k.id
  )`;

/** Which candidates a ranked read takes, and how many. */
export interface RankingScope {
  journeyId?: number;
  stepId?: number;
  /** Only the pain points about the journey as a whole (no step). */
  journeyLevelOnly?: boolean;
  includeHidden?: boolean;
  publishedJourneysOnly?: boolean;
  publishedBefore?: string;
  limit: number;
  offset?: number;
}

export class RankingRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The candidate a pain point counts for: itself when published, its target when merged, else none. */
  candidateOf(painPointId: number): { id: number; municipality_id: number } | undefined {
    return this.statement(
      `SELECT c.id, c.municipality_id FROM pain_points p
       JOIN pain_points c ON c.id = CASE WHEN p.moderation_status = 'merged' THEN p.merged_into_id ELSE p.id END
       WHERE p.id = ? AND c.moderation_status = 'published'`,
    ).get(painPointId) as { id: number; municipality_id: number } | undefined;
  }

  isCandidate(painPointId: number): boolean {
    return this.statement("SELECT EXISTS (SELECT 1 FROM pain_points WHERE id = ? AND moderation_status = 'published')", 'pluck').get(painPointId) === 1;
  }

  /** One row per supporter: the time of their latest act and their latest rating. */
  supporters(candidateId: number): Supporter[] {
    return this.statement(
      `WITH acts AS (${ACTS})
       SELECT max(a.at) AS at,
         (SELECT r.rating FROM acts r WHERE r.pid = a.pid AND r.rating IS NOT NULL ORDER BY r.at DESC, r.rating DESC LIMIT 1) AS rating
       FROM acts a GROUP BY a.pid`,
    ).all({ c: candidateId }) as Supporter[];
  }

  /**
   * The supporters of every candidate of a municipality in one ordered read, for a rebuild: the same people, times and
   * ratings as `supporters`, yielded candidate by candidate. One sort instead of a query per candidate, so a rebuild of
   * 100 000 candidates takes seconds, not minutes.
   */
  *supportersByCandidate(municipalityId: number): Generator<[candidateId: number, supporters: Supporter[]]> {
    const rows = this.statement(
      `WITH ${MUNICIPALITY_ACTS}
       SELECT a.c, a.pid, a.at, a.rating FROM acts a JOIN pain_points cp ON cp.id = a.c AND cp.moderation_status = 'published'
       ORDER BY a.c, a.pid, a.at DESC, a.rating DESC`,
      'raw',
    ).iterate({ m: municipalityId }) as IterableIterator<[number, number, string, number | null]>;
    yield* bySupporter(rows);
  }

  /**
   * A candidate's verified supporters (#21.3): one per person verified with ID-porten in the municipality, however
   * many browsers (participants) they took part from, with the time of their latest act and their latest rating over
   * all of them. What the "verified only" scores and the explanation page are computed from.
   */
  verifiedSupporters(candidateId: number, municipalityId: number): Supporter[] {
    const rows = this.statement(
      // The candidate's acts first, then who of them is verified: joined the other way round, SQLite went through the
      // votes of every verified person of the municipality (1.5 s in the largest one with a tenth verified).
      `WITH a AS MATERIALIZED (${ACTS})
       SELECT @c, rv.pseudonym, a.at, a.rating FROM a CROSS JOIN resident_verifications rv ON rv.participant_id = a.pid AND rv.municipality_id = @m
       ORDER BY rv.pseudonym, a.at DESC, a.rating DESC`,
      'raw',
    ).all({ c: candidateId, m: municipalityId }) as [number, string, string, number | null][];
    for (const [, supporters] of bySupporter(rows)) return supporters;
    return [];
  }

  /**
   * Every act of the municipality's verified persons on its candidates (candidate, pseudonym, time, rating), in no
   * order: the caller folds them (ranking.service.ts) in turns of the event loop. It starts from the verified
   * participants and their own acts (the participant indexes of pain points and votes), so it costs what verified
   * residents did, not what everyone did; unsorted, its first row comes at once instead of after a sort of them all.
   * Read from a connection of its own, which the open read keeps busy.
   */
  verifiedActs(municipalityId: number): IterableIterator<[candidateId: number, pseudonym: string, at: string, rating: number | null]> {
    return this.statement(
      `WITH verified AS (SELECT participant_id AS pid, pseudonym FROM resident_verifications WHERE municipality_id = @m),
       acts AS (
         SELECT CASE WHEN p.moderation_status = 'merged' THEN p.merged_into_id ELSE p.id END AS c, w.pseudonym AS who, p.created_at AS at, p.severity AS rating
         FROM verified w CROSS JOIN pain_points p ON p.participant_id = w.pid
         WHERE +p.municipality_id = @m AND p.moderation_status IN ('published', 'merged')
         UNION ALL
         SELECT CASE WHEN p.moderation_status = 'merged' THEN p.merged_into_id ELSE p.id END, w.pseudonym, v.created_at, v.severity
         FROM verified w CROSS JOIN votes v ON v.participant_id = w.pid CROSS JOIN pain_points p ON p.id = v.pain_point_id
         WHERE +p.municipality_id = @m AND p.moderation_status IN ('published', 'merged')
       )
       -- CROSS JOIN keeps this order of the joins: from the verified participants in, never from every pain point
       -- (the other way round took minutes in the largest municipality).
       SELECT a.c, a.who, a.at, a.rating FROM acts a CROSS JOIN pain_points cp ON cp.id = a.c AND cp.moderation_status = 'published'`,
      'raw',
    ).iterate({ m: municipalityId }) as IterableIterator<[number, string, string, number | null]>;
  }

  /** Whether anyone has verified themselves with ID-porten in the municipality (their rows move the data version). */
  hasVerifications(municipalityId: number): boolean {
    return this.statement('SELECT EXISTS (SELECT 1 FROM resident_verifications WHERE municipality_id = ?)', 'pluck').get(municipalityId) === 1;
  }

  isSupporter(candidateId: number, participantId: number): boolean {
    return this.statement(`SELECT EXISTS (SELECT 1 FROM (${ACTS}) WHERE pid = @p)`, 'pluck').get({ c: candidateId, p: participantId }) === 1;
  }

  stats(candidateId: number): (CandidateSums & { halfLifeDays: number }) | undefined {
    const row = this.statement('SELECT * FROM candidate_stats WHERE pain_point_id = ?').get(candidateId) as
      | { n: number; log_decay: number | null; rating_sum: number; rating_count: number; half_life_days: number }
      | undefined;
    return row && { n: row.n, logDecay: row.log_decay, ratingSum: row.rating_sum, ratingCount: row.rating_count, halfLifeDays: row.half_life_days };
  }

  /** The maintained sums of the given candidates of a municipality; what is no candidate is left out. */
  statsOf(municipalityId: number, candidateIds: readonly number[]): (CandidateSums & { id: number })[] {
    if (candidateIds.length === 0) return [];
    return this.statement(
      `SELECT pain_point_id AS id, n, log_decay AS logDecay, rating_sum AS ratingSum, rating_count AS ratingCount FROM candidate_stats
       WHERE municipality_id = @m AND pain_point_id IN (SELECT value FROM json_each(@ids))`,
    ).all({ m: municipalityId, ids: JSON.stringify(candidateIds) }) as (CandidateSums & { id: number })[];
  }

  saveStats(candidateId: number, municipalityId: number, sums: CandidateSums, halfLifeDays: number): void {
    this.statement(
      `INSERT INTO candidate_stats (pain_point_id, municipality_id, n, log_decay, rating_sum, rating_count, half_life_days)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pain_point_id) DO UPDATE SET n = excluded.n, log_decay = excluded.log_decay, rating_sum = excluded.rating_sum,
         rating_count = excluded.rating_count, half_life_days = excluded.half_life_days`,
    ).run(candidateId, municipalityId, sums.n, sums.logDecay, sums.ratingSum, sums.ratingCount, halfLifeDays);
  }

  deleteStats(painPointId: number): void {
    this.statement('DELETE FROM candidate_stats WHERE pain_point_id = ?').run(painPointId);
  }

  /** A new supporter of a candidate and the time of their first act (migration 0010). */
  addSupporter(candidateId: number, participantId: number, municipalityId: number, at: string): void {
    this.statement('INSERT INTO candidate_supporters (candidate_id, participant_id, municipality_id, first_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(candidateId, participantId, municipalityId, at);
  }

  /**
   * A candidate's supporters and first acts from scratch. Only what differs is written: each written row moves a day
   * count (migration 0010's triggers), and a withdrawal seldom changes anyone's first act.
   */
  syncSupporters(candidateId: number, municipalityId: number): void {
    this.statement(`DELETE FROM candidate_supporters WHERE candidate_id = @c AND participant_id NOT IN (SELECT pid FROM (${ACTS}))`).run({ c: candidateId });
    this.statement(
      `INSERT INTO candidate_supporters (candidate_id, participant_id, municipality_id, first_at)
       SELECT @c, pid, @m, min(at) FROM (${ACTS}) WHERE true GROUP BY pid
       ON CONFLICT (candidate_id, participant_id) DO UPDATE SET first_at = excluded.first_at WHERE first_at IS NOT excluded.first_at`,
    ).run({ c: candidateId, m: municipalityId });
  }

  /** What is no candidate (any more) has no supporters. */
  deleteSupporters(painPointId: number): void {
    this.statement('DELETE FROM candidate_supporters WHERE candidate_id = ?').run(painPointId);
  }

  /** Every candidate's supporters of a municipality from scratch, in one grouped read: for bulk loads. */
  rebuildSupporters(municipalityId: number): void {
    // By candidate, through the primary key: the table has no index by municipality, which only a rebuild would use.
    this.statement('DELETE FROM candidate_supporters WHERE candidate_id IN (SELECT id FROM pain_points WHERE municipality_id = ?)').run(municipalityId);
    this.statement(
      `INSERT INTO candidate_supporters (candidate_id, participant_id, municipality_id, first_at)
       WITH ${MUNICIPALITY_ACTS}
       SELECT a.c, a.pid, @m, min(a.at) FROM acts a JOIN pain_points cp ON cp.id = a.c AND cp.moderation_status = 'published'
       GROUP BY a.c, a.pid`,
    ).run({ m: municipalityId });
  }

  candidateIds(municipalityId: number): number[] {
    return this.statement("SELECT id FROM pain_points WHERE municipality_id = ? AND moderation_status = 'published'", 'pluck').all(municipalityId) as number[];
  }

  /** Changes whenever anything a ranking of the municipality reads changes (migration 0008's triggers). */
  version(municipalityId: number): number {
    return (this.statement('SELECT version FROM ranking_versions WHERE municipality_id = ?', 'pluck').get(municipalityId) as number | undefined) ?? 0;
  }

  /** C of RANKING.md: the mean of all ratings behind the municipality's candidates; null when there are none. */
  prior(municipalityId: number): number | null {
    const row = this.statement('SELECT sum(rating_sum) AS s, sum(rating_count) AS k FROM candidate_stats WHERE municipality_id = ?')
      .get(municipalityId) as { s: number | null; k: number | null };
    return row.k ? row.s! / row.k : null;
  }

  settings(municipalityId: number): { halfLifeDays: number; priorWeight: number } {
    const row = this.statement('SELECT half_life_days, severity_prior_weight FROM municipalities WHERE id = ?')
      .get(municipalityId) as { half_life_days: number; severity_prior_weight: number };
    return { halfLifeDays: row.half_life_days, priorWeight: row.severity_prior_weight };
  }

  /** The summed need of a journey's public candidates per step, aggregated in SQL rather than ranked row by row. */
  needByStep(municipalityId: number, journeyId: number, p: { nowDays: number; halfLifeDays: number; priorWeight: number; prior: number }): { step_id: number; need: number }[] {
    return this.statement(
      `SELECT pp.step_id, sum(${REACH_SQL} * ${SEVERITY_SQL}) AS need
       FROM pain_points pp JOIN candidate_stats cs ON cs.pain_point_id = pp.id
       -- The journey is the way in, the municipality only a check (the unary plus): through its index SQLite read all
       -- of its pain points, 59 ms instead of 26 for the busiest journey.
       WHERE pp.journey_id = @journey AND +pp.municipality_id = @municipality AND ${publiclyVisibleSql('pp')} AND pp.step_id IS NOT NULL
       GROUP BY pp.step_id`,
    ).all({ municipality: municipalityId, journey: journeyId, nowDays: p.nowDays, H: p.halfLifeDays, m: p.priorWeight, C: p.prior }) as { step_id: number; need: number }[];
  }

  /**
   * Candidates in ranking order, computed in SQL from the maintained sums (RANKING.md: need score, then n, then older).
   * `scope` narrows to a journey or a step; hidden (flagged) pain points are left out of public rankings.
   * `publishedJourneysOnly` drops candidates of draft or archived journeys in SQL, so that pages keep their size;
   * `publishedBefore` drops those published later, so that paging through a ranking is not shifted by new arrivals.
   */
  ranked(
    municipalityId: number,
    p: RankingScope & { nowDays: number; halfLifeDays: number; priorWeight: number; prior: number; offset: number },
  ): (RankedRow & { need: number })[] {
    return this.statement(
      `SELECT * FROM (
         SELECT ${RANKED_COLUMNS}, ${REACH_SQL} * ${SEVERITY_SQL} AS need ${scoped(p)}
       ) ORDER BY ${orderBySql('need')} LIMIT @limit OFFSET @offset`,
    ).all({ ...scopeParams(municipalityId, p), nowDays: p.nowDays, H: p.halfLifeDays, m: p.priorWeight, C: p.prior, limit: p.limit, offset: p.offset }) as (RankedRow & {
      need: number;
    })[];
  }

  /**
   * Every candidate of the scope's numbers, one row at a time, for ordering in memory (kept-numbers.ts). Read from a
   * connection of its own, which the open read keeps busy.
   */
  numberRows(municipalityId: number, scope: Omit<RankingScope, 'limit' | 'offset'>): IterableIterator<CandidateNumberRow> {
    return this.statement(`SELECT ${CANDIDATE_NUMBER_COLUMNS} ${scoped(scope)}`, 'raw').iterate(scopeParams(municipalityId, scope)) as IterableIterator<CandidateNumberRow>;
  }

  /** The ranked rows of the given candidates, in no particular order: one page of a ranking ordered in memory. */
  rankedRows(ids: readonly number[]): RankedRow[] {
    if (ids.length === 0) return [];
    return this.statement(
      `SELECT ${RANKED_COLUMNS} FROM candidate_stats cs JOIN pain_points pp ON pp.id = cs.pain_point_id
       WHERE pp.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as RankedRow[];
  }
}

const RANKED_COLUMNS = 'pp.id, pp.journey_id, pp.step_id, pp.title, pp.response_status, pp.created_at, cs.n, cs.log_decay, cs.rating_sum, cs.rating_count, cs.verified_n';

/**
 * Rows of acts (candidate, person, time, rating), ordered by candidate, then person, then latest act first, folded into
 * each candidate's supporters: a person's latest act and their latest rating. The person is a participant, or the
 * pseudonym of a verified person (several participants).
 */
function* bySupporter<P>(rows: Iterable<[number, P, string, number | null]>): Generator<[candidateId: number, supporters: Supporter[]]> {
  let candidate: number | null = null;
  let person: P | null = null;
  let supporters: Supporter[] = [];
  for (const [c, who, at, rating] of rows) {
    if (c !== candidate) {
      if (candidate !== null) yield [candidate, supporters];
      candidate = c;
      person = null;
      supporters = [];
    }
    // Rows come latest first per person: the first is their latest act, the first rated one their latest rating.
    if (who !== person) {
      person = who;
      supporters.push({ at, rating });
    } else if (supporters[supporters.length - 1]!.rating === null) {
      supporters[supporters.length - 1]!.rating = rating;
    }
  }
  if (candidate !== null) yield [candidate, supporters];
}

/**
 * The candidates a ranking scope takes (RankingScope), with its parameters from scopeParams. Each shape of scope gets
 * its own SQL, so that SQLite can use the index of a journey or a step: written once with `(@step IS NULL OR ...)`
 * terms, it scanned every candidate of the municipality, and a busy step's ranking took 0.1 s in the largest one.
 */
function scoped(scope: Omit<RankingScope, 'limit' | 'offset'>): string {
  const narrowed = scope.journeyId !== undefined || scope.stepId !== undefined;
  return [
    'FROM candidate_stats cs JOIN pain_points pp ON pp.id = cs.pain_point_id',
    // Within a journey or step, the municipality is a check, not the way in (`+` keeps its index out of the plan).
    `WHERE ${narrowed ? '+' : ''}cs.municipality_id = @municipality AND pp.moderation_status = 'published'`,
    scope.journeyId !== undefined ? 'AND pp.journey_id = @journey' : '',
    scope.stepId !== undefined ? 'AND pp.step_id = @step' : '',
    scope.journeyLevelOnly ? 'AND pp.step_id IS NULL' : '',
    scope.includeHidden ? '' : `AND ${publiclyVisibleSql('pp')}`,
    scope.publishedJourneysOnly
      ? "AND EXISTS (SELECT 1 FROM journeys j WHERE j.id = pp.journey_id AND j.status = 'published' AND j.current_version_id IS NOT NULL)"
      : '',
    scope.publishedBefore !== undefined ? 'AND pp.published_at <= @publishedBefore' : '',
  ]
    .filter(Boolean)
    .join('\n    ');
}

/** The parameters `scoped(p)` names: better-sqlite3 refuses named parameters the SQL does not use. */
function scopeParams(municipalityId: number, p: Omit<RankingScope, 'limit' | 'offset'>) {
  return {
    municipality: municipalityId,
    ...(p.journeyId !== undefined && { journey: p.journeyId }),
    ...(p.stepId !== undefined && { step: p.stepId }),
    ...(p.publishedBefore !== undefined && { publishedBefore: p.publishedBefore }),
  };
}
