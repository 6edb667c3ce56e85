// Managing a municipality's departments; used by the journey editor, imports and copies.
import { ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentKind } from './department-vocabulary';
import type { DepartmentRow, DepartmentsRepository } from './departments.repository';

export class DepartmentsService {
  constructor(
    private readonly repo: DepartmentsRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  list(municipalityId: number) {
    return this.repo.list(municipalityId);
  }

  get(municipalityId: number, id: number): DepartmentRow {
    const d = this.repo.byId(municipalityId, id);
    if (!d) throw new NotFoundError();
    return d;
  }

  /** A department id from a form must belong to the municipality in the URL. */
  findInMunicipality(municipalityId: number, id: number): DepartmentRow | undefined {
    return this.repo.byId(municipalityId, id);
  }

  create(actorId: number, municipalityId: number, input: { name: string; kind: DepartmentKind }): number {
    const id = this.repo.transaction(() => {
      if (this.repo.byName(municipalityId, input.name)) throw new ConflictError({ name: 'validation.departmentTaken' }, input);
      return this.repo.insert(municipalityId, input.name, input.kind, this.clock().toISOString());
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'department.created', entityType: 'department', entityId: id, details: input });
    return id;
  }

  update(actorId: number, municipalityId: number, id: number, input: { name: string; kind: DepartmentKind }): void {
    this.repo.transaction(() => {
      this.get(municipalityId, id);
      const other = this.repo.byName(municipalityId, input.name);
      if (other && other.id !== id) throw new ConflictError({ name: 'validation.departmentTaken' }, input);
      this.repo.update(id, input.name, input.kind);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'department.updated', entityType: 'department', entityId: id, details: input });
  }

  remove(actorId: number, municipalityId: number, id: number): void {
    this.repo.transaction(() => {
      this.get(municipalityId, id);
      if (this.repo.isReferenced(id)) throw new ConflictError({ _form: 'validation.departmentInUse' });
      this.repo.delete(id);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'department.deleted', entityType: 'department', entityId: id });
  }

  /** For imports and copies: the department with this name, created when the municipality lacks it. */
  findOrCreate(municipalityId: number, name: string, kind: DepartmentKind): number {
    return this.repo.byName(municipalityId, name)?.id ?? this.repo.insert(municipalityId, name, kind, this.clock().toISOString());
  }
}
