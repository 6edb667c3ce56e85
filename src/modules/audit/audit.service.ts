// Writes and reads the audit log; services call record() for every change and security event.
import type { AuditEntry, AuditRepository, AuditRow } from './audit.repository';

export const AUDIT_PAGE_SIZE = 50;

export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: () => Date,
  ) {}

  record(entry: AuditEntry): void {
    this.repo.record(entry, this.clock().toISOString());
  }

  page(municipalityId: number | null, beforeId: number | null): { rows: AuditRow[]; nextBefore: number | null } {
    const rows =
      municipalityId === null
        ? this.repo.all(beforeId, AUDIT_PAGE_SIZE + 1)
        : this.repo.forMunicipality(municipalityId, beforeId, AUDIT_PAGE_SIZE + 1);
    const more = rows.length > AUDIT_PAGE_SIZE;
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    return { rows: shown, nextBefore: more ? shown[shown.length - 1]!.id : null };
  }
}
