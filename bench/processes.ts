// Starts the servers under test as child processes (the portal in production mode, and bare Express), and samples
// their memory and CPU time from /proc, so the figures are those of the server and not of the load generator.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_SESSION_SECRET } from './visitors';

const ROOT = path.resolve(__dirname, '..');

export interface ServerProcess {
  name: string;
  pid: number;
  baseUrl: string;
  /** Resident memory now, in MB. */
  rssMb(): number;
  /** CPU time the process has used so far (user and system, all its threads), in ms. */
  cpuMs(): number;
  /**
   * The event loop's delay (bench/loop-delay.cjs, preloaded into the portal and bare Express): `start` begins the whole run's
   * figures, `read` returns the phase's since the last reading and starts the next phase.
   */
  loopDelay(what: 'start' | 'read'): Promise<LoopDelayReading>;
  stop(): Promise<void>;
}

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

export interface LoopDelayReading {
  phase: LoopDelay;
  whole: LoopDelay;
}

/**
 * `compiled` runs dist/server.js as `npm start` does; otherwise the TypeScript sources through tsx (the smoke run in
 * `npm test`, which has no build). Output goes straight to a log file, as a deployment would log.
 */
export function startPortal(options: { databasePath: string; logFile: string; compiled: boolean; env?: Record<string, string> }): Promise<ServerProcess> {
  const start = startCommand();
  const args = [...start.nodeFlags, '--require', path.join(__dirname, 'loop-delay.cjs'), ...(options.compiled ? [path.join(ROOT, 'dist/server.js')] : ['--import', 'tsx', path.join(ROOT, 'src/server.ts')])];
  return startChild('portal', args, options.logFile, true, {
    ...start.env,
    NODE_ENV: 'production',
    BASE_URL: 'http://127.0.0.1',
    DATABASE_PATH: options.databasePath,
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'off',
    LOG_LEVEL: 'info',
    SESSION_SECRET: BENCH_SESSION_SECRET,
    // The benchmark's clients stand behind one proxy hop, each with its own address, as residents behind nginx would.
    TRUST_PROXY: '1',
    ...options.env,
  });
}

/**
 * The environment and Node flags of `npm start` (package.json), so the portal runs here exactly as a deployment
 * started with `npm start` does: `VAR=value … node --flag … dist/server.js`.
 */
export function startCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; /^[A-Z_]+=/.test(words[i] ?? ''); i += 1) {
    const [name, ...value] = words[i]!.split('=');
    env[name!] = value.join('=');
  }
  const nodeFlags: string[] = [];
  if (words[i++] !== 'node') throw new Error(`npm start is not "[VAR=value …] node [--flag …] dist/server.js": ${script}`);
  for (; words[i]?.startsWith('--'); i += 1) nodeFlags.push(words[i]!);
  if (words[i] !== 'dist/server.js' || i !== words.length - 1) throw new Error(`npm start is not "[VAR=value …] node [--flag …] dist/server.js": ${script}`);
  return { env, nodeFlags };
}

export function startBareExpress(logFile: string): Promise<ServerProcess> {
  return startChild('bare', ['--require', path.join(__dirname, 'loop-delay.cjs'), path.join(__dirname, 'bare-hello.js')], logFile, true, { NODE_ENV: 'production' });
}

async function startChild(name: string, args: string[], logFile: string, watched: boolean, env: Record<string, string>): Promise<ServerProcess> {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', log, log, ...(watched ? ['ipc' as const] : [])] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await waitForAddress(child, logFile);
  return {
    name,
    pid: child.pid!,
    baseUrl,
    rssMb: () => residentMb(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    loopDelay(what) {
      if (!watched) return Promise.reject(new Error(`${name} is not watched`));
      return new Promise((resolve) => {
        child.once('message', (m) => resolve(m as LoopDelayReading));
        child.send(`loop-delay:${what}`);
      });
    },
    async stop() {
      // The IPC channel would keep the server alive after it closed its listener.
      if (child.connected) child.disconnect();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForAddress(child: ChildProcess, logFile: string): Promise<string> {
  const until = Date.now() + 60_000;
  for (;;) {
    const match = /running on (http:\/\/\S+)/.exec(fs.readFileSync(logFile, 'utf8'));
    if (match) return match[1]!;
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server did not start; its log:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

// Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number): number {
  // Fields after the command name (which may hold spaces, so it is cut off at its closing parenthesis): utime and
  // stime are the 14th and 15th fields of the line.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Records the highest resident memory of a process while work runs. */
export async function peakMemoryDuring<T>(server: ServerProcess, work: () => Promise<T>, everyMs = 25): Promise<{ result: T; beforeMb: number; peakMb: number }> {
  const beforeMb = server.rssMb();
  let peakMb = beforeMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), everyMs);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, server.rssMb());
    return { result, beforeMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}
