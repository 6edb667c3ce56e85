// SQL for a municipality's saved answers: texts moderators reuse for rejections and official answers.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface SavedAnswerRow {
  id: number;
  title: string;
  body: string;
}

export class SavedAnswersRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  list(municipalityId: number): SavedAnswerRow[] {
    return this.statement('SELECT id, title, body FROM saved_answers WHERE municipality_id = ? ORDER BY title COLLATE NOCASE, id').all(municipalityId) as SavedAnswerRow[];
  }

  byId(municipalityId: number, id: number): SavedAnswerRow | undefined {
    return this.statement('SELECT id, title, body FROM saved_answers WHERE id = ? AND municipality_id = ?').get(id, municipalityId) as SavedAnswerRow | undefined;
  }

  idByTitle(municipalityId: number, title: string): number | undefined {
    return this.statement('SELECT id FROM saved_answers WHERE municipality_id = ? AND title = ? COLLATE NOCASE', 'pluck').get(municipalityId, title) as number | undefined;
  }

  insert(municipalityId: number, title: string, body: string, now: string): number {
    return Number(
      this.statement('INSERT INTO saved_answers (municipality_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(municipalityId, title, body, now, now).lastInsertRowid,
    );
  }

  update(id: number, title: string, body: string, now: string): void {
    this.statement('UPDATE saved_answers SET title = ?, body = ?, updated_at = ? WHERE id = ?').run(title, body, now, id);
  }

  delete(id: number): void {
    this.statement('DELETE FROM saved_answers WHERE id = ?').run(id);
  }
}
