// The real server as a child process: start-up output, config errors, and graceful shutdown on SIGTERM/SIGINT.
import fs from 'node:fs';
import net from 'node:net';
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

  it('closes a connection whose body or headers never finish, after the configured timeouts (#15.8)', async () => {
    const s = startServer({ DATABASE_PATH: tempDb(), SEED_DEMO: 'off', HEADERS_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2' });
    const { hostname, port } = new URL(await baseUrlOf(s));
    /** Sends a partial request and resolves with what the server answered and when it closed the connection. */
    const partial = (head: string) =>
      new Promise<{ answer: string; ms: number }>((resolve) => {
        const started = Date.now();
        let answer = '';
        const socket = net.connect(Number(port), hostname, () => socket.write(head));
        socket.on('data', (d) => (answer += String(d)));
        socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
        socket.on('error', () => undefined);
      });
    // A body announced as 10 bytes of which 3 arrive; then headers that never end.
    const [slowBody, slowHeaders] = await Promise.all([
      partial('POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\nabc'),
      partial('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: '),
    ]);
    expect(slowBody.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slowBody.ms).toBeGreaterThanOrEqual(1900);
    expect(slowBody.ms).toBeLessThan(10_000);
    expect(slowHeaders.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slowHeaders.ms).toBeLessThan(10_000);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

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
