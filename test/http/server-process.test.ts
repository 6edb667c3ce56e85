// The real server as a child process: start-up output, config errors, and graceful shutdown on SIGTERM/SIGINT.
import fs from 'node:fs';
import path from 'node:path';
import { baseUrlOf, startServer, tempDb, waitFor } from '../helpers/child-server';

describe('server process', () => {
  jest.setTimeout(40_000);

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'migrates, seeds the demo, prints the setup URL, serves, and exits 0 on %s',
    async (signal) => {
      const dbPath = tempDb();
      const s = startServer({ DATABASE_PATH: dbPath });
      await waitFor(() => /\/setup\/\S+/.test(s.output()));
      const base = /running on (http:\/\/\S+)/.exec(s.output())![1]!;
      const health = await fetch(`${base}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const demo = await fetch(`${base}/demo`);
      expect(demo.status).toBe(200);
      expect(await demo.text()).toContain('Demo kommune');
      const setupUrl = /(http:\/\/\S+\/setup\/\S+)/.exec(s.output())![1]!;
      expect((await fetch(setupUrl)).status).toBe(200);
      expect(s.output()).toContain('npm run cli -- create-user');
      expect(fs.existsSync(path.join(path.dirname(dbPath), 'session-secret'))).toBe(true);
      expect(fs.readFileSync(`${dbPath}.pid`, 'utf8').trim()).toBe(String(s.child.pid));
      s.child.kill(signal);
      expect(await s.exited).toBe(0);
      // The pid file goes with the server, so a restore may run.
      expect(fs.existsSync(`${dbPath}.pid`)).toBe(false);
    },
  );

  it('stops with exit 1 and one line naming a bad variable', async () => {
    const s = startServer({ DATABASE_PATH: tempDb(), TRUST_PROXY: 'true' });
    expect(await s.exited).toBe(1);
    expect(s.output().trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: TRUST_PROXY="true"/)]);
  });

  it('does not seed the demo when SEED_DEMO is off', async () => {
    const s = startServer({ DATABASE_PATH: tempDb(), SEED_DEMO: 'off' });
    const base = await baseUrlOf(s);
    expect((await fetch(`${base}/demo`)).status).toBe(404);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
