// The benchmark cannot rot: a tiny dataset and a second per scenario, driving the real server in production mode
// (from the sources, as npm test has no build). The national run is `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBench } from '../../bench/bench';
import { generateDataset, SMOKE } from '../../bench/dataset';
import { markdown, printable, RESULTS_END, RESULTS_START } from '../../bench/report';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';

jest.setTimeout(120_000);

describe('benchmark smoke run', () => {
  it('drives every scenario and export with every request answered as a real visitor would be', async () => {
    const r = await runBench({ scale: SMOKE, seed: 7, connections: 4, warmupSeconds: 0, durationSeconds: 1, compiled: false });
    expect(r.bare.requests).toBeGreaterThan(0);
    // The other yardsticks send exactly as many bytes as the map and the step page have.
    for (const y of [r.yardsticks.mapBytes, r.yardsticks.stepBytes]) {
      expect({ answered: y.requests > 0, unexpected: y.unexpected, bytes: y.bytes > 1000 }).toEqual({ answered: true, unexpected: 0, bytes: true });
      expect(printable(r)).toContain(`Bare Express, ${y.bytes.toLocaleString('en')} bytes from memory`);
    }
    expect(r.scenarios.map((s) => s.key)).toEqual(['map', 'step', 'revalidate', 'nginx', 'api', 'insights', 'vote']);
    for (const s of r.scenarios) {
      expect({ key: s.key, answered: s.requests > 0, unexpected: s.unexpected, cpu: s.cpuMsPerRequest > 0 }).toEqual({ key: s.key, answered: true, unexpected: 0, cpu: true });
      // The portal's event loop was watched while the scenario ran.
      expect([s.key, s.loop.maxMs > 0 && s.loop.p99Ms <= s.loop.maxMs]).toEqual([s.key, true]);
    }
    expect(r.eventLoopMaxMs).toBe(r.eventLoop.maxMs);
    // Bare Express's loop too, for what the loop shows under the same load with no work at all.
    expect([r.bare.loop, r.yardsticks.mapBytes.loop].every((l) => l.maxMs > 0)).toBe(true);
    const revalidate = r.scenarios.find((s) => s.key === 'revalidate')!;
    expect(revalidate.expected).toBe(revalidate.requests);
    expect(r.eventLoop.maxMs).toBeGreaterThanOrEqual(Math.max(...r.scenarios.map((s) => s.loop.maxMs)));
    expect(printable(r)).toContain('Event-loop delay over the whole run');
    expect(r.bare.cpuMsPerRequest).toBeGreaterThan(0);
    expect(printable(r)).toContain('server CPU ms/req');
    expect({ rounds: r.insightsAfterVote.rounds, failures: r.insightsAfterVote.failures }).toEqual({ rounds: 9, failures: 0 });
    expect(printable(r)).toContain('Staff insights, first view after a vote (median of 9)');
    const [csv, xlsx] = r.exports;
    expect({ status: csv!.status, rows: csv!.rows }).toEqual({ status: 200, rows: r.dataset.largest.candidates });
    expect(xlsx!.status).toBe(200);
    expect(xlsx!.bytes).toBeGreaterThan(1000);
    expect(r.dataset.counts.votes).toBe(SMOKE.votes);
    expect(r.memory.peakMb).toBeGreaterThan(0);
    const doc = markdown(r);
    expect(doc.startsWith(RESULTS_START) && doc.endsWith(RESULTS_END)).toBe(true);
    expect(printable(r)).toContain('"Me too" vote POST');
  });

  it('generates the same dataset from the same seed', async () => {
    const fingerprint = async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-seed-'));
      const db = openDatabase(path.join(dir, 'b.db'));
      migrate(db);
      await generateDataset(db, SMOKE, 11);
      const rows = db
        .prepare(
          `SELECT (SELECT group_concat(id || step_id || participant_id || title || moderation_status || coalesce(merged_into_id, '') || created_at, '|') FROM pain_points)
             || (SELECT group_concat(pain_point_id || '-' || participant_id || '-' || coalesce(severity, '') || created_at, '|') FROM votes)
             || (SELECT group_concat(pain_point_id || n || log_decay, '|') FROM candidate_stats)`,
        )
        .pluck()
        .get() as string;
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
      return rows;
    };
    const first = await fingerprint();
    expect(first.length).toBeGreaterThan(10_000);
    expect(await fingerprint()).toBe(first);
  });
});
