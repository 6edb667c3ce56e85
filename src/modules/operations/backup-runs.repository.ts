// SQL for the record of scheduled backups (migration 0036).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface BackupRun {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  file: string | null;
  bytes: number | null;
  durationMs: number;
  error: string | null;
}

interface Row {
  started_at: string;
  finished_at: string;
  ok: number;
  file: string | null;
  bytes: number | null;
  duration_ms: number;
  error: string | null;
}

const toRun = (r: Row): BackupRun => ({
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  ok: r.ok === 1,
  file: r.file,
  bytes: r.bytes,
  durationMs: r.duration_ms,
  error: r.error,
});

export class BackupRunsRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  /** Records one attempt and forgets those that started before `keepSince`. */
  record(run: BackupRun, keepSince: string): void {
    this.statement(
      `INSERT INTO backup_runs (started_at, finished_at, ok, file, bytes, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.startedAt, run.finishedAt, run.ok ? 1 : 0, run.file, run.bytes, run.durationMs, run.error);
    this.statement('DELETE FROM backup_runs WHERE started_at < ?').run(keepSince);
  }

  recent(limit: number): BackupRun[] {
    return (this.statement('SELECT * FROM backup_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toRun);
  }

  lastSuccess(): BackupRun | undefined {
    const row = this.statement('SELECT * FROM backup_runs WHERE ok = 1 ORDER BY started_at DESC, id DESC LIMIT 1').get() as Row | undefined;
    return row && toRun(row);
  }

  lastFailure(): BackupRun | undefined {
    const row = this.statement('SELECT * FROM backup_runs WHERE ok = 0 ORDER BY started_at DESC, id DESC LIMIT 1').get() as Row | undefined;
    return row && toRun(row);
  }

  /** Failed attempts since the last good one. */
  failuresSinceLastSuccess(): number {
    return this.statement(
      `SELECT count(*) FROM backup_runs WHERE ok = 0
         AND started_at > coalesce((SELECT max(started_at) FROM backup_runs WHERE ok = 1), '')`,
      'pluck',
    ).get() as number;
  }
}
