// What /metrics reads from the database at scrape time: the outbox's rows by state (the outbox_due index answers it
// without reading the table), and the sizes of the database and its WAL file.
import fs from 'node:fs';
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface OutboxCounts {
  /** Waiting for their first or next attempt, or being sent right now. */
  queued: number;
  /** Given up after the last attempt; kept until the outbox's cleanup removes them. */
  failed: number;
}

export class MetricsRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  outbox(): OutboxCounts {
    const counts: OutboxCounts = { queued: 0, failed: 0 };
    const rows = this.statement("SELECT status, count(*) AS n FROM outbox WHERE status IN ('pending', 'sending', 'failed') GROUP BY status").all();
    for (const row of rows as { status: string; n: number }[]) {
      if (row.status === 'failed') counts.failed += row.n;
      else counts.queued += row.n;
    }
    return counts;
  }

  /** Bytes of the main database file and of its write-ahead log; null for an in-memory database or a missing file. */
  fileSizes(): { database: number | null; wal: number | null } {
    const file = this.db.name;
    if (!file || file === ':memory:') return { database: null, wal: null };
    return { database: sizeOf(file), wal: sizeOf(`${file}-wal`) };
  }
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
