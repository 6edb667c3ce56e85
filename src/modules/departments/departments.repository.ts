// SQL for departments: the municipal units, state agencies and private actors a journey passes through.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { DepartmentKind } from './department-vocabulary';

export interface DepartmentRow {
  id: number;
  name: string;
  kind: DepartmentKind;
}

export class DepartmentsRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  list(municipalityId: number): (DepartmentRow & { step_count: number })[] {
    return this.statement(
      `SELECT d.id, d.name, d.kind,
         (SELECT count(*) FROM steps s WHERE s.department_id = d.id AND s.removed_at IS NULL) AS step_count
       FROM departments d WHERE d.municipality_id = ? ORDER BY d.name COLLATE NOCASE`,
    ).all(municipalityId) as (DepartmentRow & { step_count: number })[];
  }

  byId(municipalityId: number, id: number): DepartmentRow | undefined {
    return this.statement('SELECT id, name, kind FROM departments WHERE id = ? AND municipality_id = ?').get(id, municipalityId) as DepartmentRow | undefined;
  }

  byName(municipalityId: number, name: string): DepartmentRow | undefined {
    return this.statement('SELECT id, name, kind FROM departments WHERE municipality_id = ? AND name = ? COLLATE NOCASE')
      .get(municipalityId, name) as DepartmentRow | undefined;
  }

  insert(municipalityId: number, name: string, kind: DepartmentKind, now: string): number {
    return Number(
      this.statement('INSERT INTO departments (municipality_id, name, kind, created_at) VALUES (?, ?, ?, ?)')
        .run(municipalityId, name, kind, now).lastInsertRowid,
    );
  }

  update(id: number, name: string, kind: DepartmentKind): void {
    this.statement('UPDATE departments SET name = ?, kind = ? WHERE id = ?').run(name, kind, id);
  }

  /** Any step, removed ones included, still points at it: removed steps live on in published versions. */
  isReferenced(id: number): boolean {
    // Steps name it as responsible or involved (#19.3); stated handovers (#19.2) as where the resident comes from or goes to.
    return (
      this.statement(
        `SELECT EXISTS (SELECT 1 FROM steps WHERE department_id = @id)
             OR EXISTS (SELECT 1 FROM step_handovers WHERE from_department_id = @id OR to_department_id = @id)
             OR EXISTS (SELECT 1 FROM step_departments WHERE department_id = @id)`,
        'pluck',
      ).get({ id }) === 1
    );
  }

  delete(id: number): void {
    this.statement('DELETE FROM departments WHERE id = ?').run(id);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
