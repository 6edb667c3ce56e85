// The metrics module (#22.3): /metrics in Prometheus' format for the configured addresses or a bearer token, the
// request histogram middleware, and the registry they share. One registry per app, so tests can build many apps.
import type { RequestHandler } from 'express';
import type { Db } from '../../db/connection';
import type { Clock } from '../../lib/clock';
import { metricsAccess, type MetricsAccess } from './metrics-access';
import { metricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { buildRegistry, PREFIX, type BackupStatusSource } from './metrics-registry';
import { requestMetrics } from './request-metrics';
import type { ResidentActivity } from './resident-activity';

export { LOOPBACK_ONLY, parseNetwork, type MetricsAccess } from './metrics-access';
export type { BackupStatus, BackupStatusSource } from './metrics-registry';

export interface MetricsDeps {
  db: Db;
  access: MetricsAccess;
  activity: ResidentActivity;
  clock: Clock;
  backups?: BackupStatusSource;
}

export interface Metrics {
  /** First in the app: times every request and labels it once it is answered. */
  requests: RequestHandler;
  /** Before the scrape handler: lets the allowed addresses and the token through, sends anyone else on to a 404. */
  onlyAllowed: RequestHandler;
  scrape: RequestHandler;
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = buildRegistry({ repository: new MetricsRepository(deps.db), activity: deps.activity, backups: deps.backups, clock: deps.clock });
  return {
    requests: requestMetrics(registry, PREFIX),
    onlyAllowed: metricsAccess(deps.access),
    scrape: metricsController(registry).scrape,
  };
}
