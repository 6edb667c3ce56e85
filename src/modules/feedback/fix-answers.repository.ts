// SQL for residents' answers to "is it fixed?" (#20.3, migration 0031): one per follow and report, and their counts.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { FixAnswer, FixCounts } from './fix-answers';
import { publiclyVisibleSql } from './public-visibility';

const PUBLIC = publiclyVisibleSql('p');

export class FixAnswersRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  /** The answer of one follow about one report, made or changed. */
  record(a: { followId: number; painPointId: number; municipalityId: number; answer: FixAnswer }, now: string): void {
    this.statement(
      `INSERT INTO fix_answers (follow_id, pain_point_id, municipality_id, answer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (follow_id, pain_point_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at
       WHERE answer <> excluded.answer`,
    ).run(a.followId, a.painPointId, a.municipalityId, a.answer, now, now);
  }

  answerOf(followId: number, painPointId: number): FixAnswer | undefined {
    return this.statement('SELECT answer FROM fix_answers WHERE follow_id = ? AND pain_point_id = ?', 'pluck').get(followId, painPointId) as FixAnswer | undefined;
  }

  /** The counts of every report of a municipality that has answers, by report. */
  countsIn(municipalityId: number): Map<number, FixCounts> {
    const rows = this.statement(
      `SELECT pain_point_id AS id, sum(answer = 'yes') AS yes, sum(answer = 'partly') AS partly, sum(answer = 'no') AS no
       FROM fix_answers WHERE municipality_id = ? GROUP BY pain_point_id`,
    ).all(municipalityId) as (FixCounts & { id: number })[];
    return new Map(rows.map(({ id, yes, partly, no }) => [id, { yes, partly, no }]));
  }

  /** The report an answer is about, while residents can see it (a report hidden or unpublished takes no answers). */
  visibleReport(painPointId: number): { id: number; title: string; municipality_id: number; municipality_slug: string } | undefined {
    return this.statement(
      `SELECT p.id, p.title, p.municipality_id, m.slug AS municipality_slug FROM pain_points p JOIN municipalities m ON m.id = p.municipality_id
       WHERE p.id = ? AND ${PUBLIC}`,
    ).get(painPointId) as { id: number; title: string; municipality_id: number; municipality_slug: string } | undefined;
  }

  counts(painPointId: number): FixCounts {
    const row = this.statement(
      `SELECT coalesce(sum(answer = 'yes'), 0) AS yes, coalesce(sum(answer = 'partly'), 0) AS partly, coalesce(sum(answer = 'no'), 0) AS no
       FROM fix_answers WHERE pain_point_id = ?`,
    ).get(painPointId) as FixCounts;
    return row;
  }
}
