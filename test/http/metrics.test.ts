// /metrics (#22.3): Prometheus' text format, parsed with a kept parser; the named series exist and move with what they
// count; only the configured addresses (as TRUST_PROXY makes req.ip) or the bearer token may read it, anyone else
// gets the portal's ordinary 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
let t: TestApp;
let pagePath: string;

beforeAll(() => {
  // Behind one proxy: req.ip is the address the proxy reports. Only 10.1.2.0/24 and the token may read the metrics.
  t = makeTestApp({ trustProxy: 1, metrics: { allow: ['10.1.2.0/24'], token: TOKEN } });
  createMunicipality(t.services, 'maal', 'Målestad kommune', { premoderation: false });
  buildJourney(t.services, 'maal', { slug: 'reise', phases: { Fase: ['Steg'] }, publish: true });
  pagePath = '/maal/reiser/reise';
});
afterAll(() => t.close());

const allowed = () => request(t.app).get('/metrics').set('X-Forwarded-For', '10.1.2.3');

async function scrape(): Promise<Map<string, MetricFamily>> {
  const res = await allowed();
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return new Map(parsePrometheusTextFormat(res.text).map((family) => [family.name, family]));
}

function family(families: Map<string, MetricFamily>, name: string): MetricFamily {
  const found = families.get(name);
  if (!found) throw new Error(`no ${name} in the scrape`);
  return found;
}

/**
 * Requests counted for one label set (0 when the series does not exist yet). Read from the counter: this parser folds
 * a histogram's labelled series into one, so the histogram is only checked for its presence and type.
 */
function requestCount(families: Map<string, MetricFamily>, labels: Record<string, string>): number {
  const sample = family(families, 'reisekart_http_requests_total').metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample ? Number(sample.value) : 0;
}

const value = (families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}) => {
  const sample = family(families, name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample) throw new Error(`no ${name} ${JSON.stringify(labels)}`);
  return Number(sample.value);
};

describe('GET /metrics from an allowed address', () => {
  it('answers the Prometheus text format, never cached, with the named series', async () => {
    const res = await allowed();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    const families = await scrape();
    for (const name of [
      'reisekart_http_request_duration_seconds',
      'reisekart_http_requests_total',
      'reisekart_nodejs_eventloop_lag_seconds',
      'reisekart_nodejs_eventloop_lag_p99_seconds',
      'reisekart_nodejs_heap_size_used_bytes',
      'reisekart_process_resident_memory_bytes',
      'reisekart_database_size_bytes',
      'reisekart_outbox_queued',
      'reisekart_outbox_failed',
      'reisekart_votes_accepted_total',
      'reisekart_reports_accepted_total',
    ]) {
      expect(families.has(name)).toBe(true);
    }
    expect(family(families, 'reisekart_http_request_duration_seconds').type).toBe('HISTOGRAM');
    expect(family(families, 'reisekart_votes_accepted_total').type).toBe('COUNTER');
    expect(value(families, 'reisekart_database_size_bytes', { file: 'database' })).toBeGreaterThan(0);
    expect(value(families, 'reisekart_database_size_bytes', { file: 'wal' })).toBeGreaterThanOrEqual(0);
    expect(value(families, 'reisekart_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a request under its route pattern, never its raw path, and unknown paths under one label', async () => {
    const before = await scrape();
    const pattern = { route: '/:municipality/reiser/:journey', method: 'GET', status: '2xx' };
    const countBefore = requestCount(before, pattern);
    await request(t.app).get(pagePath).expect(200);
    // The second one is answered by the lean path from the kept page, before routing: still the same pattern.
    await request(t.app).get(pagePath).expect(200);
    await request(t.app).get('/finnes/ikke/her').expect(404);
    await request(t.app).get('/api/v1/municipalities/maal/journeys').expect(200);
    const after = await scrape();
    expect(requestCount(after, pattern)).toBe(countBefore + 2);
    expect(requestCount(after, { route: '/api/v1/municipalities/:municipality/journeys', method: 'GET', status: '2xx' })).toBeGreaterThanOrEqual(1);
    const routes = family(after, 'reisekart_http_requests_total').metrics.map((m) => m.labels?.route ?? '');
    expect(routes).toContain('(unmatched)');
    // Nothing answered with a page went unlabelled, the lean path's kept pages included.
    expect(requestCount(after, { route: '(unmatched)', status: '2xx' })).toBe(0);
    expect(routes.some((route) => route.includes('maal') || route.includes('finnes'))).toBe(false);
  });

  it('counts an accepted report and an accepted vote, and not a repeated vote', async () => {
    const before = await scrape();
    const author = await resident(t.app, pagePath);
    const id = await report(author, pagePath);
    const voter = await resident(t.app, pagePath);
    await voter.agent.post(`/maal/innspill/${id}/meg-ogsa`).type('form').send({ severity: '3' }).expect(303);
    await voter.agent.post(`/maal/innspill/${id}/meg-ogsa`).type('form').send({ severity: '3' }).expect(303);
    const after = await scrape();
    expect(value(after, 'reisekart_reports_accepted_total')).toBe(value(before, 'reisekart_reports_accepted_total') + 1);
    expect(value(after, 'reisekart_votes_accepted_total')).toBe(value(before, 'reisekart_votes_accepted_total') + 1);
  });

  it('reads the outbox queue and its failures from the database at each scrape', async () => {
    const before = await scrape();
    const insert = t.db.prepare(
      `INSERT INTO outbox (kind, language, payload, dedupe_key, status, next_attempt_at, created_at) VALUES ('confirm', 'nb', '{}', ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    insert.run('metrics-test-1', 'pending', now, now);
    insert.run('metrics-test-2', 'failed', now, now);
    const after = await scrape();
    expect(value(after, 'reisekart_outbox_queued')).toBe(value(before, 'reisekart_outbox_queued') + 1);
    expect(value(after, 'reisekart_outbox_failed')).toBe(value(before, 'reisekart_outbox_failed') + 1);
  });

  it('leaves the backup series out while backups are off, then shows the age and the failures', async () => {
    const off = await scrape();
    expect(family(off, 'reisekart_backup_age_seconds').metrics).toEqual([]);
    expect(family(off, 'reisekart_backup_consecutive_failures').metrics).toEqual([]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'metrics-backups-'));
    try {
      const logger = createLogger('silent');
      t.services.backups.configure({ dir: path.join(dir, 'not-mounted'), intervalMs: 60_000, logger });
      expect(await t.services.backups.takeBackup()).toMatchObject({ ok: false });
      const failing = await scrape();
      expect(value(failing, 'reisekart_backup_consecutive_failures')).toBe(1);
      expect(value(failing, 'reisekart_backup_late')).toBe(0);
      // Never succeeded: no age to report.
      expect(family(failing, 'reisekart_backup_age_seconds').metrics).toEqual([]);

      t.services.backups.configure({ dir, intervalMs: 60_000, logger });
      expect(await t.services.backups.takeBackup()).toMatchObject({ ok: true });
      const good = await scrape();
      expect(value(good, 'reisekart_backup_consecutive_failures')).toBe(0);
      const age = value(good, 'reisekart_backup_age_seconds');
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(60);
    } finally {
      t.services.backups.configure(null);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens to the bearer token from any address', async () => {
    const res = await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(parsePrometheusTextFormat(res.text).length).toBeGreaterThan(10);
  });
});

describe('GET /metrics for strangers', () => {
  it('is the ordinary 404 from another address, from the proxy itself, and with a wrong or malformed token', async () => {
    const unknownPage = await request(t.app).get('/finnes-ikke');
    const refusals = [
      request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9'),
      // Next door to the allowed network.
      request(t.app).get('/metrics').set('X-Forwarded-For', '10.1.3.1'),
      // The proxy's own address (loopback here) without a forwarded one: not in the list, so not allowed.
      request(t.app).get('/metrics'),
      request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').set('Authorization', `Bearer ${TOKEN}x`),
      request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').set('Authorization', TOKEN),
      request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').set('Authorization', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe(unknownPage.headers['content-type']);
      expect(res.text).not.toContain('reisekart_');
    }
  });

  it('trusts no X-Forwarded-For without a proxy: the socket address decides (loopback by default)', async () => {
    const direct = makeTestApp();
    try {
      // Loopback is allowed by default, and a forged header does not change the address when TRUST_PROXY is 0.
      expect((await request(direct.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9')).status).toBe(200);
      const none = makeTestApp({ metrics: { allow: ['10.0.0.0/8'] } });
      try {
        expect((await request(none.app).get('/metrics').set('X-Forwarded-For', '10.1.2.3')).status).toBe(404);
      } finally {
        none.close();
      }
    } finally {
      direct.close();
    }
  });
});

describe('METRICS_ALLOW and METRICS_TOKEN', () => {
  it('default to loopback only and no token, and refuse anything but addresses and networks', () => {
    expect(loadConfig({}).metrics).toEqual({ allow: ['127.0.0.0/8', '::1/128'], token: undefined });
    expect(loadConfig({ METRICS_ALLOW: '10.0.0.0/8, 192.168.1.7,::1/128', METRICS_TOKEN: TOKEN }).metrics).toEqual({
      allow: ['10.0.0.0/8', '192.168.1.7', '::1/128'],
      token: TOKEN,
    });
    for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x']) {
      expect(() => loadConfig({ METRICS_ALLOW: bad })).toThrow(/METRICS_ALLOW/);
    }
  });
});
