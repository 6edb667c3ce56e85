// SQL for staff insights: the filtered, sorted candidate table (also streamed for exports), and what the charts
// and the explanation page need. Figures are computed from the maintained sums (candidate_stats), never from votes.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import { CANDIDATE_NUMBER_COLUMNS, type CandidateNumberRow } from '../ranking/candidate-numbers';
import { orderBySql } from '../ranking/candidate-order';
import { REACH_SQL, SEVERITY_SQL } from '../ranking/ranking.sql';
import type { InsightSort, InsightsFilter } from './insights.schema';

export interface InsightRow {
  id: number;
  title: string;
  created_at: string;
  response_status: string;
  hidden_by_flags: number;
  journey_id: number;
  journey_title: string;
  life_event: string;
  step_id: number | null;
  step_title: string | null;
  department_id: number | null;
  department_name: string | null;
  n: number;
  log_decay: number | null;
  rating_sum: number;
  rating_count: number;
  /** Of the supporters, the distinct persons verified with ID-porten (migration 0035). */
  verified_n: number;
}

export interface RankingParams {
  nowDays: number;
  halfLifeDays: number;
  priorWeight: number;
  prior: number;
}


// A row of the table, as InsightRow names it.
const COLUMNS = `pp.id, pp.title, pp.created_at, pp.response_status, pp.hidden_by_flags, pp.journey_id, j.title AS journey_title,
  j.life_event, pp.step_id, s.title AS step_title, d.id AS department_id, d.name AS department_name,
  cs.n, cs.log_decay, cs.rating_sum, cs.rating_count, cs.verified_n`;

// The table's joins and its filter, apart, so that a read by id can start from the ids (rows()).
const JOINS = `
  JOIN pain_points pp ON pp.id = cs.pain_point_id
  JOIN journeys j ON j.id = pp.journey_id
  LEFT JOIN steps s ON s.id = pp.step_id
  LEFT JOIN departments d ON d.id = s.department_id`;

const WHERE = `
  WHERE cs.municipality_id = @municipality AND pp.moderation_status = 'published'
    AND (@journey IS NULL OR pp.journey_id = @journey)
    AND (@lifeEvent IS NULL OR j.life_event = @lifeEvent)
    AND (@department IS NULL OR s.department_id = @department
         OR EXISTS (SELECT 1 FROM step_departments x WHERE x.step_id = pp.step_id AND x.department_id = @department))
    AND (@step IS NULL OR pp.step_id = @step)
    AND (@status IS NULL OR pp.response_status = @status)
    AND (@from IS NULL OR pp.created_at >= @from)
    AND (@to IS NULL OR pp.created_at < date(@to, '+1 day'))
    AND (@id IS NULL OR pp.id = @id)`;

const FROM = `FROM candidate_stats cs ${JOINS} ${WHERE}`;

export class InsightsRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  private params(municipalityId: number, filter: InsightsFilter, r: RankingParams) {
    return { ...this.filterParams(municipalityId, filter), nowDays: r.nowDays, H: r.halfLifeDays, m: r.priorWeight, C: r.prior };
  }

  /** The filter alone, for reads that compute no figures. */
  private filterParams(municipalityId: number, filter: InsightsFilter) {
    return {
      municipality: municipalityId,
      journey: filter.journey,
      lifeEvent: filter.lifeEvent,
      department: filter.department,
      step: filter.step,
      status: filter.status,
      from: filter.from,
      to: filter.to,
      id: null as number | null,
    };
  }

  private select(sort: InsightSort): string {
    return `SELECT * FROM (
      SELECT ${COLUMNS}, ${SEVERITY_SQL} AS severity, ${REACH_SQL} * ${SEVERITY_SQL} AS need
      ${FROM}) ORDER BY ${orderBySql(sort)}`;
  }

  /** The rows of the given candidates that pass the filter, in no particular order: one page of the table. */
  rows(municipalityId: number, filter: InsightsFilter, ids: readonly number[]): InsightRow[] {
    if (ids.length === 0) return [];
    // From the ids in, rather than `pp.id IN (…)` over the municipality's candidates; read as arrays (see iterate()).
    const statement = this.statement(`SELECT ${COLUMNS} FROM json_each(@ids) ids CROSS JOIN candidate_stats cs ON cs.pain_point_id = ids.value ${JOINS} ${WHERE}`, 'raw');
    const names = statement.columns().map((c) => c.name);
    return (statement.all({ ...this.filterParams(municipalityId, filter), ids: JSON.stringify(ids) }) as unknown[][]).map((values) => objectOf(names, values));
  }

  one(municipalityId: number, candidateId: number, r: RankingParams): InsightRow | undefined {
    const empty = { journey: null, lifeEvent: null, department: null, step: null, status: null, from: null, to: null, verified: false };
    return this.statement(this.select('need')).get({ ...this.params(municipalityId, empty, r), id: candidateId }) as InsightRow | undefined;
  }

  /**
   * Every row of the filtered table, one at a time: exports stream this from a read-only connection. Rows are read as
   * arrays and made into objects here: better-sqlite3 builds each row object property by property in C++, a third of
   * the time of reading 100 000 candidates.
   */
  *iterate(municipalityId: number, filter: InsightsFilter, sort: InsightSort, r: RankingParams): Generator<InsightRow> {
    const statement = this.statement(this.select(sort), 'raw');
    const names = statement.columns().map((c) => c.name);
    for (const values of statement.iterate(this.params(municipalityId, filter, r)) as IterableIterator<unknown[]>) yield objectOf(names, values);
  }

  /**
   * The numbers the table and charts are computed from, for every candidate of the filter, one row at a time. Read
   * from a connection of its own (insights-reader.ts), which the open read keeps busy.
   */
  numberRows(municipalityId: number, filter: InsightsFilter): IterableIterator<CandidateNumberRow> {
    return this.statement(`SELECT ${CANDIDATE_NUMBER_COLUMNS} ${FROM}`, 'raw').iterate(this.filterParams(municipalityId, filter)) as IterableIterator<CandidateNumberRow>;
  }

  /** Every step of the municipality's journeys with the names the charts label it by. */
  /** Each step's journey and title, and the departments in it: the responsible one first, then those involved (#19.3). */
  stepLabels(municipalityId: number): { id: number; journey_title: string; step_title: string; departments: string[] }[] {
    const rows = this.statement(
      `SELECT s.id, j.title AS journey_title, s.title AS step_title, d.name AS department_name,
         (SELECT json_group_array(i.name) FROM step_departments x JOIN departments i ON i.id = x.department_id WHERE x.step_id = s.id) AS involved
       FROM steps s JOIN journeys j ON j.id = s.journey_id LEFT JOIN departments d ON d.id = s.department_id
       WHERE j.municipality_id = ?`,
    ).all(municipalityId) as { id: number; journey_title: string; step_title: string; department_name: string | null; involved: string }[];
    return rows.map(({ department_name: responsible, involved, ...row }) => ({
      ...row,
      departments: [...(responsible ? [responsible] : []), ...(JSON.parse(involved) as string[])],
    }));
  }

  titles(ids: readonly number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    // The ids go in as one JSON parameter, so that the statement's text is the same for any number of them.
    const rows = this.statement('SELECT id, title FROM pain_points WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * New supporters per week (`%W`: weeks from Monday) from `since` on: each person counts once per candidate, in the week
   * of their first act on it. Sums the day counts kept by migration 0010's triggers.
   */
  supportersPerWeek(municipalityId: number, since: string): { week: string; supporters: number }[] {
    return this.statement(
      `SELECT strftime('%Y-W%W', day) AS week, sum(supporters) AS supporters FROM supporter_days
       WHERE municipality_id = ? AND day >= ? GROUP BY week HAVING sum(supporters) > 0 ORDER BY week`,
    ).all(municipalityId, since) as { week: string; supporters: number }[];
  }

  /** Everyone behind one candidate with the time of their first and latest act and their latest rating. */
  supporterActs(candidateId: number): { at: string; rating: number | null; kind: 'report' | 'vote'; pain_point_id: number }[] {
    return this.statement(
      `SELECT p.created_at AS at, p.severity AS rating, 'report' AS kind, p.id AS pain_point_id FROM pain_points p
        WHERE (p.id = @c OR (p.merged_into_id = @c AND p.moderation_status = 'merged')) AND p.participant_id IS NOT NULL
       UNION ALL
       SELECT v.created_at, v.severity, 'vote', p.id FROM votes v JOIN pain_points p ON p.id = v.pain_point_id
        WHERE p.id = @c OR (p.merged_into_id = @c AND p.moderation_status = 'merged')
       ORDER BY at`,
    ).all({ c: candidateId }) as { at: string; rating: number | null; kind: 'report' | 'vote'; pain_point_id: number }[];
  }

  /**
   * Residents' answers to "is it fixed?" (#20.3) about a report from persons verified with ID-porten in the municipality
   * (#21.3): an answer is theirs when the follow it came through was asked for from a verified browser. Each person
   * once, with their latest answer over all their follows and browsers.
   */
  verifiedFixCounts(municipalityId: number, painPointId: number): { yes: number; partly: number; no: number } {
    return this.statement(
      `WITH latest AS (
         SELECT f.answer, row_number() OVER (PARTITION BY rv.pseudonym ORDER BY f.updated_at DESC, f.id DESC) AS k
         FROM fix_answers f JOIN follows fo ON fo.id = f.follow_id
         JOIN resident_verifications rv ON rv.participant_id = fo.participant_id AND rv.municipality_id = f.municipality_id
         WHERE f.pain_point_id = @p AND f.municipality_id = @m
       )
       SELECT coalesce(sum(answer = 'yes'), 0) AS yes, coalesce(sum(answer = 'partly'), 0) AS partly, coalesce(sum(answer = 'no'), 0) AS no
       FROM latest WHERE k = 1`,
    ).get({ m: municipalityId, p: painPointId }) as { yes: number; partly: number; no: number };
  }

  merged(candidateId: number): { id: number; title: string; created_at: string }[] {
    return this.statement("SELECT id, title, created_at FROM pain_points WHERE merged_into_id = ? AND moderation_status = 'merged' ORDER BY id")
      .all(candidateId) as { id: number; title: string; created_at: string }[];
  }

  journeys(municipalityId: number): { id: number; title: string }[] {
    return this.statement('SELECT id, title FROM journeys WHERE municipality_id = ? ORDER BY title').all(municipalityId) as { id: number; title: string }[];
  }
}

/** A row read as an array, as an object (better-sqlite3 builds row objects property by property, which is slower). */
function objectOf(names: readonly string[], values: readonly unknown[]): InsightRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i += 1) row[names[i]!] = values[i];
  return row as unknown as InsightRow;
}
