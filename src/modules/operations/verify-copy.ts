// The integrity check of a backup copy, on a worker thread: PRAGMA integrity_check reads every page and index of the
// copy, which takes seconds for a national database, and the server's event loop must keep answering pages meanwhile.
import { Worker } from 'node:worker_threads';

// Plain JavaScript evaluated in the worker, so it runs the same under the tests (TypeScript sources) and in dist/.
const CHECK = `
const { workerData, parentPort } = require('node:worker_threads');
// This thread only: the lowest CPU priority (nice 19), so on a busy machine the check waits and the server's event
// loop does not (on Linux a thread has its own nice value). Where that cannot be done, the check runs as it is.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, 19);
} catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: !workerData.standalone, fileMustExist: true });
try {
  // The backup API copies the live database's WAL mode into the copy; a copy in rollback mode is one file that opens
  // anywhere, read-only too, without -wal and -shm files beside it.
  if (workerData.standalone) db.pragma('journal_mode = DELETE');
  const rows = db.pragma(workerData.pragma).map((row) => Object.values(row)[0]);
  const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get();
  parentPort.postMessage({ rows, reisekart: tables === 1 });
} finally {
  db.close();
}`;

export interface CopyCheck {
  ok: boolean;
  /** 'ok', or the first problems SQLite found. */
  detail: string;
}

/**
 * Checks a database file; never throws (an unreadable file is a failed check). `standalone` first turns a fresh copy
 * into a single file (rollback journal mode), so nothing is left beside it.
 */
export function checkCopy(
  file: string,
  options: { pragma?: 'integrity_check' | 'quick_check'; standalone?: boolean; signal?: AbortSignal } = {},
): Promise<CopyCheck> {
  const { pragma = 'integrity_check', standalone = false, signal } = options;
  return new Promise((resolve) => {
    const worker = new Worker(CHECK, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, pragma, standalone } });
    let settled = false;
    const settle = (check: CopyCheck) => {
      if (!settled) resolve(check);
      settled = true;
    };
    // A shutdown does not wait for the check of a copy it will not keep.
    signal?.addEventListener('abort', () => {
      settle({ ok: false, detail: 'stopped by shutdown' });
      void worker.terminate();
    }, { once: true });
    worker.once('message', ({ rows, reisekart }: { rows: unknown[]; reisekart: boolean }) => {
      const detail = rows.slice(0, 5).map(String).join('; ');
      if (!reisekart) settle({ ok: false, detail: 'not a Reisekart database (no schema_migrations table)' });
      else settle({ ok: rows.length === 1 && rows[0] === 'ok', detail });
    });
    worker.once('error', (err) => settle({ ok: false, detail: err.message }));
    worker.once('exit', (code) => settle({ ok: false, detail: `the check stopped (exit ${code})` }));
  });
}
