// Scheduled online backups (#22.2), run by the server process itself: every interval, a copy of the live database
// through SQLite's backup API into BACKUP_DIR, checked with PRAGMA integrity_check on a worker thread, then renamed
// into place, old copies rotated away (backup-rotation.ts), and the outcome logged and recorded (backup_runs).
//
// In the server rather than a systemd timer calling the CLI: the backup API on the server's own connection copies a
// consistent state while the server keeps writing (a second process's copy restarts each time the server writes), the
// copying yields to the event loop between steps so pages keep being served, the status is at hand for the platform
// admin's page and /metrics, and it works the same wherever the portal runs, with systemd or without.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import type { Logger } from '../../lib/logger';
import { backupFileName, PARTIAL_SUFFIX, takenAtOf } from './backup-names';
import { planRotation, type BackupCopy } from './backup-rotation';
import type { BackupRun, BackupRunsRepository } from './backup-runs.repository';
import { checkCopy } from './verify-copy';

export interface BackupSettings {
  /** The folder; it must exist (a mount point that is not mounted must not quietly fill the system disk). */
  dir: string;
  intervalMs: number;
  logger: Logger;
}

export interface BackupStatus {
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Scheduled, and the last good copy (or the start, before the first) is older than two intervals. */
  late: boolean;
  /** False when BACKUP_DIR is not set: nothing is scheduled. */
  enabled: boolean;
  intervalMinutes: number | null;
}

/** The record of attempts goes back this far; rotation keeps copies for about a month. */
const RUNS_KEPT_MS = 35 * 24 * 3_600_000;
/** Pages copied per step of the backup API before the event loop gets its turn (4 KB pages: about 1 MB a step). */
const PAGES_PER_STEP = 256;

class Stopped extends Error {}

export class BackupService {
  private settings: BackupSettings | null = null;
  private startedAt: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupRun | null> | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly db: Db,
    private readonly runs: BackupRunsRepository,
    private readonly clock: Clock,
  ) {}

  /** Set once by the composition root from BACKUP_DIR and BACKUP_INTERVAL_MINUTES; null turns backups off. */
  configure(settings: BackupSettings | null): void {
    this.settings = settings;
  }

  /** Starts the schedule: the first copy when the last good one is an interval old (at once when there is none). */
  start(): void {
    const settings = this.settings;
    if (!settings || this.timer) return;
    this.startedAt = this.clock();
    const last = this.runs.lastSuccess();
    const dueIn = last ? Date.parse(last.startedAt) + settings.intervalMs - this.clock().getTime() : 0;
    this.schedule(Math.min(settings.intervalMs, Math.max(0, dueIn)));
  }

  /** Stops the schedule; a copy under way is abandoned (its partial file removed), so a shutdown is not held up. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.startedAt = null;
    this.abort?.abort();
    this.abort = null;
    await this.running;
  }

  /** Takes one backup now (or joins the one under way). Null when it was abandoned by a shutdown. */
  takeBackup(): Promise<BackupRun | null> {
    const settings = this.settings;
    if (!settings) return Promise.reject(new Error('Scheduled backups are off: BACKUP_DIR is not set.'));
    this.abort ??= new AbortController();
    this.running ??= this.run(settings, this.abort.signal).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  status(): BackupStatus {
    const lastSuccess = this.runs.lastSuccess();
    const lastFailure = this.runs.lastFailure();
    const settings = this.settings;
    let late = false;
    if (settings && this.startedAt) {
      const since = lastSuccess ? Date.parse(lastSuccess.finishedAt) : this.startedAt.getTime();
      late = this.clock().getTime() - since > 2 * settings.intervalMs;
    }
    return {
      lastSuccessAt: lastSuccess?.finishedAt ?? null,
      lastFailureAt: lastFailure?.finishedAt ?? null,
      lastError: lastFailure?.error ?? null,
      consecutiveFailures: this.runs.failuresSinceLastSuccess(),
      late,
      enabled: settings !== null,
      intervalMinutes: settings ? Math.round(settings.intervalMs / 60_000) : null,
    };
  }

  recentRuns(limit = 5): BackupRun[] {
    return this.runs.recent(limit);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const began = Date.now();
      void this.takeBackup()
        .catch((err: unknown) => this.settings?.logger.error({ err }, 'backup failed'))
        .finally(() => {
          // Stopped meanwhile: no next one.
          if (this.timer === null || !this.settings) return;
          this.schedule(Math.max(0, this.settings.intervalMs - (Date.now() - began)));
        });
    }, delayMs);
    this.timer.unref();
  }

  private async run(settings: BackupSettings, signal: AbortSignal): Promise<BackupRun | null> {
    const started = this.clock();
    const t0 = performance.now();
    const name = backupFileName(started);
    const file = path.join(settings.dir, name);
    const partial = file + PARTIAL_SUFFIX;
    let bytes: number | null = null;
    let error: string | null = null;
    let rotated = { kept: 0, removed: [] as string[] };
    let copyMs = 0;
    try {
      if (!fs.statSync(settings.dir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new Error(`BACKUP_DIR ${settings.dir} does not exist or is no folder (is the disk mounted?)`);
      }
      removeLeftovers(settings.dir);
      if (fs.existsSync(file)) throw new Error(`${name} exists already`);
      await this.db.backup(partial, {
        progress: () => {
          if (signal.aborted) throw new Stopped();
          return PAGES_PER_STEP;
        },
      });
      copyMs = Math.round(performance.now() - t0);
      const check = await checkCopy(partial, { standalone: true, signal });
      if (signal.aborted) throw new Stopped();
      if (!check.ok) throw new Error(`the copy failed its integrity check: ${check.detail}`);
      fs.renameSync(partial, file);
      bytes = fs.statSync(file).size;
      rotated = this.rotate(settings);
    } catch (err) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
      if (err instanceof Stopped) {
        settings.logger.info({ file: name }, 'backup abandoned: the server is stopping');
        return null;
      }
      error = (err as Error).message;
    }
    const finished = this.clock();
    const run: BackupRun = {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      ok: error === null,
      file: error === null ? name : null,
      bytes,
      durationMs: Math.round(performance.now() - t0),
      error,
    };
    try {
      this.runs.record(run, new Date(finished.getTime() - RUNS_KEPT_MS).toISOString());
    } catch (err) {
      settings.logger.error({ err }, 'backup outcome could not be recorded in the database');
    }
    if (run.ok) {
      settings.logger.info({ file: name, dir: settings.dir, bytes, durationMs: run.durationMs, copyMs, kept: rotated.kept, removed: rotated.removed }, 'backup taken and verified');
    } else {
      settings.logger.error({ dir: settings.dir, durationMs: run.durationMs, error }, 'backup failed');
    }
    return run;
  }

  /** Deletes the scheduled copies the rotation does not keep; never any other file. */
  private rotate(settings: BackupSettings): { kept: number; removed: string[] } {
    const copies: BackupCopy[] = [];
    for (const name of fs.readdirSync(settings.dir)) {
      const takenAt = takenAtOf(name);
      if (takenAt) copies.push({ name, takenAt });
    }
    const plan = planRotation(copies, this.clock());
    const removed: string[] = [];
    for (const copy of plan.remove) {
      try {
        fs.rmSync(path.join(settings.dir, copy.name));
        removed.push(copy.name);
      } catch (err) {
        // The new copy is good; a copy left behind is retried on the next run.
        settings.logger.warn({ err, file: copy.name }, 'an old backup could not be deleted');
      }
    }
    return { kept: plan.keep.length, removed };
  }
}

/** A copy a crash or a stop left half-written, with the files SQLite keeps beside it while it is open. */
function removeLeftovers(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const at = name.indexOf(PARTIAL_SUFFIX);
    if (at > 0 && takenAtOf(name.slice(0, at)) && ['', '-wal', '-shm', '-journal'].includes(name.slice(at + PARTIAL_SUFFIX.length))) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

/** The scheduled copies in a folder, newest first (for the doctor). */
export function scheduledCopies(dir: string): BackupCopy[] {
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, takenAt: takenAtOf(name) }))
    .filter((c): c is BackupCopy => c.takenAt !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}
