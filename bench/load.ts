// Drives one scenario with autocannon: a warm-up that is thrown away, then a measured run of fixed duration.
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface Request {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers of the expected status; anything else (or a socket error) counts against the run. */
  expected: number;
  unexpected: number;
  /** What the unexpected ones were: other statuses by class, socket errors, and requests autocannon gave up on. */
  other: { '4xx': number; '5xx': number; errors: number; timeouts: number };
  /**
   * The server's CPU time per answered request in the measured run. Unlike requests per second it hardly depends on
   * what else the machine is doing (the load generator shares its cores), so it compares runs and scenarios better.
   */
  cpuMsPerRequest: number;
}

/**
 * `next` builds each request, so a scenario can give every request its own work (another participant, another
 * pain point). `expectStatus` is the status class a correct answer has: 2 for pages, 3 for a form's redirect.
 */
export async function drive(server: { baseUrl: string; cpuMs(): number }, options: LoadOptions, next: () => Request, expectStatus: 2 | 3): Promise<LoadResult> {
  const { baseUrl } = server;
  if (options.warmupSeconds > 0) await run(baseUrl, options.connections, options.warmupSeconds, next);
  const cpuBefore = server.cpuMs();
  const result = await run(baseUrl, options.connections, options.durationSeconds, next);
  const cpuMs = server.cpuMs() - cpuBefore;
  const expected = expectStatus === 2 ? result['2xx'] : result['3xx'];
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: answered,
    expected,
    unexpected: answered - expected + result.errors + result.timeouts,
    other: { '4xx': result['4xx'], '5xx': result['5xx'], errors: result.errors, timeouts: result.timeouts },
    cpuMsPerRequest: answered > 0 ? Math.round((cpuMs / answered) * 1000) / 1000 : 0,
  };
}

function run(baseUrl: string, connections: number, seconds: number, next: () => Request): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => {
              const r = next();
              return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
