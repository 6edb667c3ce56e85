// Debian's nginx with deploy/nginx.conf, as an operator would run it in front of the portal, for the benchmark and
// for test/http/nginx-cache.test.ts: the file itself, with only its upstream address, `listen 80` and cache folder
// replaced, inside a main config that keeps everything nginx writes in one folder of the caller's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';
export const DEPLOY_CONF = path.resolve(__dirname, '..', 'deploy', 'nginx.conf');

/** The three places of deploy/nginx.conf a run elsewhere must change; each is written exactly once in the file. */
const UPSTREAM = /^(\s*server\s+)127\.0\.0\.1:3000(;)/m;
const LISTEN = /^(\s*listen\s+)80(;)/m;
const CACHE_PATH = /^(proxy_cache_path\s+)\/var\/cache\/nginx\/reisekart(\s)/m;

export interface NginxProcess {
  name: string;
  pid: number;
  baseUrl: string;
  /** CPU time of the master and all its processes (workers, cache manager and loader) so far, in ms. */
  cpuMs(): number;
  /** Resident memory of the master and its processes now, in MB (shared pages are counted in each). */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** The portal, e.g. http://127.0.0.1:PORT. */
  upstream: string;
  /** A folder for the config, cache, temporary files and pid file; created if missing. */
  dir: string;
  /** nginx's error log (and its standard output). */
  logFile: string;
  /** Also log each request, background updates included, with its cache status and the portal's status. */
  accessLog?: string;
}

/** Fails with what to do when Debian's nginx is not installed: the test and the benchmark need the real one. */
export function requireNginx(): void {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx with \`apt-get install -y nginx-light\` (.ci/run does)`);
}

/** deploy/nginx.conf with the portal, the port nginx listens on and the cache folder of this run. */
export function deployConf(options: { upstream: string; port: number; cacheDir: string }): string {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:' || !upstream.port) throw new Error(`upstream must be http://HOST:PORT, not ${options.upstream}`);
  let conf = fs.readFileSync(DEPLOY_CONF, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (conf.match(new RegExp(pattern.source, 'gm'))?.length !== 1) {
      throw new Error(`deploy/nginx.conf must have exactly one line matching ${pattern}`);
    }
    conf = conf.replace(pattern, (_all, before: string, after: string) => `${before}${by}${after}`);
  };
  replace(UPSTREAM, upstream.host);
  replace(LISTEN, `127.0.0.1:${options.port}`);
  replace(CACHE_PATH, options.cacheDir);
  return conf;
}

/**
 * The main config around deploy/nginx.conf: one worker (the portal is one thread on a small machine, so one worker is
 * the honest comparison), the http defaults of Debian's /etc/nginx/nginx.conf, and every path nginx writes to inside
 * `dir`, so it runs as whoever starts it and leaves nothing behind.
 */
export function mainConf(options: { dir: string; accessLog?: string }): string {
  const { dir } = options;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${path.join(dir, `${kind}-temp`)};`);
  const log = options.accessLog
    ? [
        '    log_format cache \'$request_method $request_uri $status cache=$upstream_cache_status portal=$upstream_status\';',
        // The background update that refreshes an expired page is a subrequest: without this it is never logged.
        '    log_subrequest on;',
        `    access_log ${options.accessLog} cache;`,
      ]
    : ['    access_log off;'];
  return [
    // Started as root, nginx hands its workers to `nobody`, who cannot reach a caller's private temporary folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    'events { worker_connections 1024; }',
    'http {',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    gzip on;',
    ...temp,
    ...log,
    `    include ${path.join(dir, 'reisekart.conf')};`,
    '}',
    '',
  ].join('\n');
}

export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  requireNginx();
  fs.mkdirSync(options.dir, { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    fs.writeFileSync(path.join(options.dir, 'reisekart.conf'), deployConf({ upstream: options.upstream, port, cacheDir: path.join(options.dir, 'cache') }));
    fs.writeFileSync(path.join(options.dir, 'nginx.conf'), mainConf(options));
    try {
      return await launch(options, port);
    } catch (err) {
      // Another process may take the free port between our look and nginx's bind: try another, a few times.
      if (attempt >= 3 || !/Address already in use/.test(String(err))) throw err;
    }
  }
}

async function launch(options: NginxOptions, port: number): Promise<NginxProcess> {
  const { dir, logFile } = options;
  const log = fs.openSync(logFile, 'w');
  const child = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; error_log stderr notice; pid ${path.join(dir, 'nginx.pid')};`], {
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid!;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const workers = childrenOf(pid);
    child.kill('SIGTERM');
    const timer = setTimeout(() => [pid, ...workers].forEach(killHard), 5000);
    await exited;
    clearTimeout(timer);
  };
  const until = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`nginx did not start; its log:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    name: 'nginx',
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    cpuMs: () => cpuMsOf(pid),
    rssMb: () => [pid, ...childrenOf(pid)].reduce((sum, p) => sum + residentMb(p), 0),
    stop,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function killHard(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The processes whose parent is `pid`, found by scanning /proc (the `children` file needs a kernel option). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) children.push(Number(entry));
  }
  return children;
}

// Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/**
 * The master's own CPU time, that of its children which have exited and been waited for (cutime and cstime: the cache
 * loader exits after its first minute), and that of the children still running.
 */
function cpuMsOf(pid: number): number {
  const master = statFields(pid);
  if (!master) return 0;
  let ticks = Number(master[11]) + Number(master[12]) + Number(master[13]) + Number(master[14]);
  for (const child of childrenOf(pid)) {
    const fields = statFields(child);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * The fields of /proc/PID/stat after the command name (which may hold spaces, so it is cut off at its closing
 * parenthesis): [0] is the state, [1] the parent, [11] and [12] utime and stime, [13] and [14] cutime and cstime.
 * Undefined once the process is gone.
 */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function residentMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
