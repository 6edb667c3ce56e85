// SQL for review comments on journey drafts (#19.7).
import type { Db } from '../../../db/connection';
import { statements, type StatementFor } from '../../../db/statements';

export interface CommentRow {
  id: number;
  journey_id: number;
  step_id: number | null;
  step_title: string;
  author_name: string | null;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
}

export class CommentsRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** A journey's comments, open ones first, each group oldest first. */
  ofJourney(journeyId: number): CommentRow[] {
    return this.statement(
      `SELECT c.id, c.journey_id, c.step_id, c.step_title, a.name AS author_name, c.body, c.created_at, c.resolved_at, r.name AS resolved_by_name
       FROM journey_comments c LEFT JOIN users a ON a.id = c.author_user_id LEFT JOIN users r ON r.id = c.resolved_by_user_id
       WHERE c.journey_id = ? ORDER BY c.resolved_at IS NOT NULL, c.created_at, c.id`,
    ).all(journeyId) as CommentRow[];
  }

  /** Open comments per journey of a municipality. */
  openCounts(municipalityId: number): Map<number, number> {
    const rows = this.statement(
      `SELECT c.journey_id, count(*) AS n FROM journey_comments c JOIN journeys j ON j.id = c.journey_id
       WHERE j.municipality_id = ? AND c.resolved_at IS NULL GROUP BY c.journey_id`,
    ).all(municipalityId) as { journey_id: number; n: number }[];
    return new Map(rows.map((r) => [r.journey_id, r.n]));
  }

  insert(journeyId: number, stepId: number | null, stepTitle: string, authorId: number, body: string, now: string): number {
    return Number(
      this.statement('INSERT INTO journey_comments (journey_id, step_id, step_title, author_user_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(journeyId, stepId, stepTitle, authorId, body, now).lastInsertRowid,
    );
  }

  /** Marks an open comment of the journey resolved; false when there is no such open comment. */
  resolve(journeyId: number, commentId: number, userId: number, now: string): boolean {
    return this.statement('UPDATE journey_comments SET resolved_at = ?, resolved_by_user_id = ? WHERE id = ? AND journey_id = ? AND resolved_at IS NULL')
      .run(now, userId, commentId, journeyId).changes > 0;
  }
}
