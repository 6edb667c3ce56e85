// SQL for initiatives, their departments and the candidates they answer.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { Confidence, Effort, InitiativeStatus } from './portfolio-vocabulary';

export interface InitiativeRow {
  id: number;
  municipality_id: number;
  title: string;
  description: string;
  owner_department_id: number;
  owner_department_name: string;
  effort: Effort;
  confidence: Confidence;
  status: InitiativeStatus;
  progress: number;
  public_note: string;
  created_at: string;
  updated_at: string;
}

export interface InitiativeValues {
  title: string;
  description: string;
  ownerDepartmentId: number;
  departmentIds: number[];
  effort: Effort;
  confidence: Confidence;
  status: InitiativeStatus;
  progress: number;
  publicNote: string;
}

const SELECT = `SELECT i.*, d.name AS owner_department_name FROM initiatives i JOIN departments d ON d.id = i.owner_department_id`;

export class PortfolioRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  list(municipalityId: number): InitiativeRow[] {
    return this.statement(`${SELECT} WHERE i.municipality_id = ? ORDER BY i.id`).all(municipalityId) as InitiativeRow[];
  }

  byId(municipalityId: number, id: number): InitiativeRow | undefined {
    return this.statement(`${SELECT} WHERE i.id = ? AND i.municipality_id = ?`).get(id, municipalityId) as InitiativeRow | undefined;
  }

  insert(municipalityId: number, v: InitiativeValues, now: string): number {
    const id = Number(
      this.statement(
        `INSERT INTO initiatives (municipality_id, title, description, owner_department_id, effort, confidence, status, progress,
           public_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(municipalityId, v.title, v.description, v.ownerDepartmentId, v.effort, v.confidence, v.status, v.progress, v.publicNote, now, now)
        .lastInsertRowid,
    );
    this.setDepartments(id, v.departmentIds);
    return id;
  }

  update(id: number, v: InitiativeValues, now: string): void {
    this.statement(
      `UPDATE initiatives SET title = ?, description = ?, owner_department_id = ?, effort = ?, confidence = ?, status = ?,
         progress = ?, public_note = ?, updated_at = ? WHERE id = ?`,
    ).run(v.title, v.description, v.ownerDepartmentId, v.effort, v.confidence, v.status, v.progress, v.publicNote, now, id);
    this.setDepartments(id, v.departmentIds);
  }

  /** A status move from the board or the WIP question: nothing else of the initiative changes. */
  setStatus(id: number, status: InitiativeStatus, now: string): void {
    this.statement('UPDATE initiatives SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  }

  /** The initiatives in progress, which count against the WIP limit. */
  inProgress(municipalityId: number): { id: number; title: string; public_note: string }[] {
    return this.statement(
      "SELECT id, title, public_note FROM initiatives WHERE municipality_id = ? AND status = 'in_progress' ORDER BY title, id",
    ).all(municipalityId) as { id: number; title: string; public_note: string }[];
  }

  private setDepartments(id: number, departmentIds: number[]): void {
    this.statement('DELETE FROM initiative_departments WHERE initiative_id = ?').run(id);
    const insert = this.statement('INSERT OR IGNORE INTO initiative_departments (initiative_id, department_id) VALUES (?, ?)');
    for (const d of departmentIds) insert.run(id, d);
  }

  /** Departments involved besides the owner, per initiative of the municipality. */
  departments(municipalityId: number): { initiative_id: number; id: number; name: string }[] {
    return this.statement(
      `SELECT x.initiative_id, d.id, d.name FROM initiative_departments x JOIN departments d ON d.id = x.department_id
       JOIN initiatives i ON i.id = x.initiative_id WHERE i.municipality_id = ? ORDER BY d.name`,
    ).all(municipalityId) as { initiative_id: number; id: number; name: string }[];
  }

  /** Linked pain points with what the resident side shows. */
  candidates(municipalityId: number): {
    initiative_id: number; id: number; title: string; journey_id: number; moderation_status: string; response_status: string; response_by_moderator: number; hidden_by_flags: number;
  }[] {
    return this.statement(
      `SELECT x.initiative_id, p.id, p.title, p.journey_id, p.moderation_status, p.response_status, p.response_by_moderator, p.hidden_by_flags
       FROM initiative_candidates x JOIN pain_points p ON p.id = x.pain_point_id JOIN initiatives i ON i.id = x.initiative_id
       WHERE i.municipality_id = ? ORDER BY p.title`,
    ).all(municipalityId) as never;
  }

  link(initiativeId: number, painPointId: number): boolean {
    return this.statement('INSERT OR IGNORE INTO initiative_candidates (initiative_id, pain_point_id) VALUES (?, ?)').run(initiativeId, painPointId).changes === 1;
  }

  unlink(initiativeId: number, painPointId: number): boolean {
    return this.statement('DELETE FROM initiative_candidates WHERE initiative_id = ? AND pain_point_id = ?').run(initiativeId, painPointId).changes === 1;
  }

  /** Every initiative a pain point belongs to, with what it tells residents. */
  initiativesOfPainPoint(painPointId: number): { id: number; title: string; status: InitiativeStatus; public_note: string }[] {
    return this.statement(
      'SELECT i.id, i.title, i.status, i.public_note FROM initiatives i JOIN initiative_candidates c ON c.initiative_id = i.id WHERE c.pain_point_id = ? ORDER BY i.id',
    ).all(painPointId) as { id: number; title: string; status: InitiativeStatus; public_note: string }[];
  }

  linkedPainPointIds(initiativeId: number): number[] {
    return this.statement('SELECT pain_point_id FROM initiative_candidates WHERE initiative_id = ?', 'pluck').all(initiativeId) as number[];
  }
}
