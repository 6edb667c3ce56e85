// What one scheduled backup of the national database costs (#22.2): its time (the online copy, then the integrity
// check of the copy on a worker thread), and the journey map's p99 while it runs against the same page load without
// one. The portal runs as deployed, with BACKUP_DIR set; its scheduler takes the first copy at start-up and the next
// one an interval later, and the load is timed to run across that second copy.
import fs from 'node:fs';
import path from 'node:path';
import { drive, type LoadOptions, type LoadResult } from './load';
import { startPortal, type LoopDelay } from './processes';

export interface BackupBenchResult {
  bytes: number;
  /** The copy and its check, taken at start-up with no load. */
  seconds: number;
  copySeconds: number;
  /** The same for the copy taken under load. */
  underLoadSeconds: number;
  underLoadCopySeconds: number;
  page: string;
  quiet: LoadResult & { loop: LoopDelay };
  during: LoadResult & { loop: LoopDelay };
}

interface Taken {
  time: number;
  durationMs: number;
  copyMs: number;
  bytes: number;
}

/** The portal's log lines for verified backups, oldest first. */
function takenIn(logFile: string): Taken[] {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"backup taken and verified"') || l.includes('"backup failed"'))
    .map((l) => {
      const entry = JSON.parse(l) as Taken & { msg: string; error?: string };
      if (entry.msg === 'backup failed') throw new Error(`the backup failed: ${entry.error}`);
      return entry;
    });
}

async function waitForBackups(logFile: string, count: number, timeoutMs: number): Promise<Taken[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const taken = takenIn(logFile);
    if (taken.length >= count) return taken;
    if (Date.now() > until) throw new Error(`no backup within ${timeoutMs / 1000} s; the portal's log:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Room for the copy at start-up and the load without a backup before the next copy starts. */
const INTERVAL_MS = 3 * 60_000;

export async function timeBackupUnderLoad(options: {
  databasePath: string;
  dir: string;
  compiled: boolean;
  connections: number;
  page: string;
  log: (line: string) => void;
}): Promise<BackupBenchResult> {
  const backupDir = path.join(options.dir, 'backups');
  fs.mkdirSync(backupDir, { recursive: true });
  const logFile = path.join(options.dir, 'portal-backup.log');
  const portal = await startPortal({
    databasePath: options.databasePath,
    logFile,
    compiled: options.compiled,
    env: { BACKUP_DIR: backupDir, BACKUP_INTERVAL_MINUTES: String(INTERVAL_MS / 60_000) },
  });
  try {
    options.log('backup at start-up, no load …');
    const [first] = await waitForBackups(logFile, 1, 10 * 60_000);
    const firstStart = first!.time - first!.durationMs;
    // Both loads last as long as a backup, so the second one runs (almost) entirely during one.
    const load: LoadOptions = { connections: options.connections, warmupSeconds: 0, durationSeconds: Math.min(60, Math.max(3, Math.ceil(first!.durationMs / 1000))) };
    const next = () => ({ path: options.page });
    options.log(`journey map without a backup, ${load.durationSeconds} s …`);
    await drive(portal, { ...load, durationSeconds: 2 }, next, 2);
    await portal.loopDelay('read');
    const quiet = { ...(await drive(portal, load, next, 2)), loop: (await portal.loopDelay('read')).phase };
    // The scheduler starts the next copy one interval after the first one started.
    const wait = firstStart + INTERVAL_MS - 200 - Date.now();
    if (wait < 0) throw new Error(`the load without a backup ran into the next backup: the first one took ${first!.durationMs} ms`);
    options.log(`waiting ${Math.round(wait / 1000)} s for the next backup …`);
    await new Promise((r) => setTimeout(r, wait));
    await portal.loopDelay('read');
    options.log('journey map while a backup runs …');
    const during = { ...(await drive(portal, load, next, 2)), loop: (await portal.loopDelay('read')).phase };
    const [, second] = await waitForBackups(logFile, 2, 10 * 60_000);
    const s = (ms: number) => Math.round(ms / 100) / 10;
    return {
      bytes: first!.bytes,
      seconds: s(first!.durationMs),
      copySeconds: s(first!.copyMs),
      underLoadSeconds: s(second!.durationMs),
      underLoadCopySeconds: s(second!.copyMs),
      page: options.page,
      quiet,
      during,
    };
  } finally {
    await portal.stop();
  }
}
