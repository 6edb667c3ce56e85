// Request count and duration by route pattern, method and status class, recorded after the answer is sent ('finish'),
// when routing has run and the pattern is known: one histogram observation and one integer step per request. (The
// histogram's _count says what the counter does; the counter is there for dashboards and parsers that read plain series,
// and costs nothing per request: it is filled from the integers at scrape time.)
import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { routePatternOf } from '../../lib/route-pattern';

/** Requests no route answered: every unknown path shares this one label, so strangers cannot mint series. */
export const UNMATCHED = '(unmatched)';
/** Static files under /assets: the mount, not the file. */
export const ASSETS = '/assets';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
const STATUS_CLASSES = ['1xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
/** Pages take 1-30 ms; a slow export or a first ranking of a big municipality some seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: { route: string; method: string; status: string };
  count: number;
  duration: { observe(value: number): void };
}

export function requestMetrics(registry: Registry, prefix: string): RequestHandler {
  const histogram = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'Time from the request reaching the app to the last byte of its answer, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  // The series of one label set, found by one string key: no label object is built per request.
  const children = new Map<string, Series>();
  new Counter({
    name: `${prefix}http_requests_total`,
    help: 'Requests answered, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const series of children.values()) this.inc(series.labels, series.count);
    },
  });
  const seriesFor = (route: string, method: string, status: string): Series => {
    const key = `${route}\u0000${method}\u0000${status}`;
    let series = children.get(key);
    if (!series) {
      series = { labels: { route, method, status }, count: 0, duration: histogram.labels(route, method, status) };
      children.set(key, series);
    }
    return series;
  };

  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const route = routePatternOf(req, res) ?? (req.baseUrl.startsWith(ASSETS) ? ASSETS : UNMATCHED);
      const method = METHODS.has(req.method) ? req.method : 'other';
      const status = STATUS_CLASSES[Math.floor(res.statusCode / 100)] ?? '5xx';
      const series = seriesFor(route, method, status);
      series.count += 1;
      series.duration.observe((performance.now() - started) / 1000);
    });
    next();
  };
}
