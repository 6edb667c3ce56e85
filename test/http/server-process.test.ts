// The real server as a child process: start-up output, config errors, and graceful shutdown on SIGTERM/SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tempDb = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-proc-')), 'data', 'reisekart.db');

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
    await waitFor(() => /running on/.test(s.output()));
    const base = /running on (http:\/\/\S+)/.exec(s.output())![1]!;
    expect((await fetch(`${base}/demo`)).status).toBe(404);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
