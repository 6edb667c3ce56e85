// SQL for residents' own stories added to an existing report (#20.5).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface ExperienceRow {
  id: number;
  pain_point_id: number;
  municipality_id: number;
  participant_id: number | null;
  body: string;
  moderation_status: 'pending' | 'published' | 'rejected';
  rejection_reason: string | null;
  created_at: string;
  published_at: string | null;
}

export class ExperiencesRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  insert(e: { painPointId: number; municipalityId: number; participantId: number; body: string; status: 'pending' | 'published'; now: string }): number {
    return Number(
      this.statement(
        `INSERT INTO experiences (pain_point_id, municipality_id, participant_id, body, moderation_status, created_at, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(e.painPointId, e.municipalityId, e.participantId, e.body, e.status, e.now, e.status === 'published' ? e.now : null).lastInsertRowid,
    );
  }

  /** A report's published stories, oldest first, as its page shows them. */
  published(painPointId: number): Pick<ExperienceRow, 'id' | 'body' | 'published_at'>[] {
    return this.statement("SELECT id, body, published_at FROM experiences WHERE pain_point_id = ? AND moderation_status = 'published' ORDER BY published_at, id")
      .all(painPointId) as Pick<ExperienceRow, 'id' | 'body' | 'published_at'>[];
  }

  /** Stories waiting for a moderator, the longest waiting first, with the report they belong to. */
  waiting(municipalityId: number, limit: number): (ExperienceRow & { pain_point_title: string })[] {
    return this.statement(
      `SELECT e.*, p.title AS pain_point_title FROM experiences e JOIN pain_points p ON p.id = e.pain_point_id
       WHERE e.municipality_id = ? AND e.moderation_status = 'pending' ORDER BY e.created_at, e.id LIMIT ?`,
    ).all(municipalityId, limit) as (ExperienceRow & { pain_point_title: string })[];
  }

  byId(municipalityId: number, id: number): ExperienceRow | undefined {
    return this.statement('SELECT * FROM experiences WHERE id = ? AND municipality_id = ?').get(id, municipalityId) as ExperienceRow | undefined;
  }

  setStatus(id: number, status: 'published' | 'rejected', reason: string | null, now: string): void {
    this.statement('UPDATE experiences SET moderation_status = ?, rejection_reason = ?, published_at = ? WHERE id = ?')
      .run(status, reason, status === 'published' ? now : null, id);
  }

  /** A resident's own stories with the report each belongs to (for "my contributions"). */
  ofParticipant(participantId: number): (ExperienceRow & { pain_point_title: string })[] {
    return this.statement(
      `SELECT e.*, p.title AS pain_point_title FROM experiences e JOIN pain_points p ON p.id = e.pain_point_id
       WHERE e.participant_id = ? ORDER BY e.created_at DESC, e.id DESC`,
    ).all(participantId) as (ExperienceRow & { pain_point_title: string })[];
  }

  deleteOwn(participantId: number, id: number): boolean {
    return this.statement('DELETE FROM experiences WHERE id = ? AND participant_id = ?').run(id, participantId).changes > 0;
  }
}
