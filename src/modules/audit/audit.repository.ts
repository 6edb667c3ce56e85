// SQL for the audit log: who did what to which entity, when.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface AuditEntry {
  actorUserId: number | null;
  municipalityId: number | null;
  action: string;
  entityType?: string;
  entityId?: number;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  details: string | null;
  actor_name: string | null;
  actor_email: string | null;
}

export class AuditRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  record(entry: AuditEntry, now: string): void {
    this.statement(
      `INSERT INTO audit_log (at, actor_user_id, municipality_id, action, entity_type, entity_id, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      now,
      entry.actorUserId,
      entry.municipalityId,
      entry.action,
      entry.entityType ?? null,
      entry.entityId ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    );
  }

  /**
   * A municipality's log: its own entries plus sign-ins of its staff (sign-ins belong to no municipality).
   * Keyset pagination on id, newest first.
   */
  forMunicipality(municipalityId: number, beforeId: number | null, limit: number): AuditRow[] {
    return this.statement(
      `SELECT a.id, a.at, a.action, a.entity_type, a.entity_id, a.details, u.name AS actor_name, u.email AS actor_email
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE (a.municipality_id = @m
              OR (a.municipality_id IS NULL AND a.entity_type = 'user'
                  AND a.entity_id IN (SELECT user_id FROM memberships WHERE municipality_id = @m)))
         AND (@before IS NULL OR a.id < @before)
       ORDER BY a.id DESC LIMIT @limit`,
    ).all({ m: municipalityId, before: beforeId, limit }) as AuditRow[];
  }

  /** The whole platform's log, for platform admins. */
  all(beforeId: number | null, limit: number): AuditRow[] {
    return this.statement(
      `SELECT a.id, a.at, a.action, a.entity_type, a.entity_id, a.details, u.name AS actor_name, u.email AS actor_email
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE (@before IS NULL OR a.id < @before)
       ORDER BY a.id DESC LIMIT @limit`,
    ).all({ before: beforeId, limit }) as AuditRow[];
  }
}
