// The real server (src/server.ts) as a child process on a database of the test's choosing, for start-up,
// shutdown and crash tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startServer(env: Record<string, string>): ChildServer {
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

export async function waitFor(predicate: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the start-up line and returns the address the server listens on. */
export async function baseUrlOf(server: ChildServer): Promise<string> {
  await waitFor(() => /running on http:\/\/\S+/.test(server.output()));
  return /running on (http:\/\/\S+)/.exec(server.output())![1]!;
}

/** A database path in a fresh temporary folder (the folder itself is created by the server). */
export const tempDb = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-proc-')), 'data', 'reisekart.db');
