// The registry /metrics answers from: Node's own metrics (event-loop delay, heap, RSS, CPU, GC) from prom-client, and
// the portal's: requests, votes and reports, database and WAL size, the outbox, backups. The portal's gauges are read at
// scrape time, so between scrapes only the request histogram and the counters move (and prom-client's event-loop and
// GC observers, once per process).
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Clock } from '../../lib/clock';
import type { MetricsRepository } from './metrics.repository';
import type { ResidentActivity } from './resident-activity';

export const PREFIX = 'reisekart_';

/** What the metrics read of the operations module's backup status (its `status()` gives more). */
export interface BackupStatus {
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  late: boolean;
  /** False when no backups are scheduled (no BACKUP_DIR): the backup series are then left out, not shown as zero. */
  enabled?: boolean;
}

export interface BackupStatusSource {
  status(): BackupStatus;
}

export interface RegistrySources {
  repository: MetricsRepository;
  activity: ResidentActivity;
  /** The operations module's backups (#22.2); without it, or with backups off, the backup series are left out. */
  backups?: BackupStatusSource;
  clock: Clock;
}

let processMetrics: Registry | undefined;

/**
 * Node's own metrics describe the process, not an app: collected once per process, and shared by every app's registry
 * (tests build many apps, and each collection starts an event-loop monitor and a GC observer that never stop).
 */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: PREFIX });
  }
  return processMetrics;
}

export function buildRegistry(sources: RegistrySources): Registry {
  const registry = new Registry();
  registry.registerMetric(sources.activity.votes);
  registry.registerMetric(sources.activity.reports);
  const registers = [registry];

  new Gauge({
    name: `${PREFIX}database_size_bytes`,
    help: 'Size of the SQLite database file, and of its write-ahead log (file="wal"); a WAL that keeps growing means checkpoints cannot finish',
    labelNames: ['file'] as const,
    registers,
    collect() {
      const sizes = sources.repository.fileSizes();
      this.reset();
      if (sizes.database === null) return;
      this.set({ file: 'database' }, sizes.database);
      // No WAL file yet means an empty log.
      this.set({ file: 'wal' }, sizes.wal ?? 0);
    },
  });

  // Each gauge reads for itself: two index-only counts a scrape, and no reliance on the order of collection.
  new Gauge({
    name: `${PREFIX}outbox_queued`,
    help: 'E-mails to residents waiting in the outbox (pending or being sent)',
    registers,
    collect() {
      this.set(sources.repository.outbox().queued);
    },
  });
  new Gauge({
    name: `${PREFIX}outbox_failed`,
    help: 'E-mails to residents the outbox gave up on after its last attempt (kept until its cleanup)',
    registers,
    collect() {
      this.set(sources.repository.outbox().failed);
    },
  });

  const backups = sources.backups;
  if (backups) {
    // Each reads the status for itself (a few indexed rows), as the outbox gauges do.
    const enabled = () => {
      const status = backups.status();
      return status.enabled === false ? undefined : status;
    };
    new OptionalGauge(`${PREFIX}backup_age_seconds`, 'Seconds since the last successful backup; absent until the first one, and while backups are off', registers, () => {
      const status = enabled();
      if (!status || status.lastSuccessAt === null) return undefined;
      return Math.max(0, (sources.clock().getTime() - Date.parse(status.lastSuccessAt)) / 1000);
    });
    new OptionalGauge(`${PREFIX}backup_consecutive_failures`, 'Backups that failed since the last successful one; absent while backups are off', registers, () => enabled()?.consecutiveFailures);
    new OptionalGauge(
      `${PREFIX}backup_late`,
      '1 when the last good backup is older than two intervals (the schedule missed runs), else 0; absent while backups are off',
      registers,
      () => {
        const status = enabled();
        return status ? Number(status.late) : undefined;
      },
    );
  }
  // The same metric objects, live: merging only lists them together.
  return Registry.merge([processRegistry(), registry]);
}

/**
 * A gauge whose one series is left out when there is nothing to report: prom-client prints 0 for an unlabelled gauge
 * with no value, and "0 seconds since the last backup" would say the opposite of "no backup yet".
 */
class OptionalGauge extends Gauge {
  constructor(name: string, help: string, registers: Registry[], private readonly read: () => number | undefined) {
    super({ name, help, registers });
  }

  override async get() {
    const value = this.read();
    this.reset();
    if (value !== undefined) this.set(value);
    const metric = await super.get();
    return value === undefined ? { ...metric, values: [] } : metric;
  }
}
