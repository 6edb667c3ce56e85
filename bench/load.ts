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

/** Each answer's status and headers (names as the server sent them), for a scenario that follows what it is told. */
export type OnResponse = (status: number, headers: Record<string, string | string[]>) => void;

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
 * pain point). `expectStatus` is the status class a correct answer has: 2 for pages, 3 for a form's redirect or a
 * 304; a revalidation expects both (a 200 when the page changed).
 */
export async function drive(
  server: { baseUrl: string; cpuMs(): number },
  options: LoadOptions,
  next: () => Request,
  expectStatus: 2 | 3 | readonly (2 | 3)[],
  onResponse?: OnResponse,
): Promise<LoadResult> {
  const { baseUrl } = server;
  if (options.warmupSeconds > 0) await run(baseUrl, options.connections, options.warmupSeconds, next, onResponse);
  const cpuBefore = server.cpuMs();
  const result = await run(baseUrl, options.connections, options.durationSeconds, next, onResponse);
  const cpuMs = server.cpuMs() - cpuBefore;
  const classes = typeof expectStatus === 'number' ? [expectStatus] : expectStatus;
  const expected = (classes.includes(2) ? result['2xx'] : 0) + (classes.includes(3) ? result['3xx'] : 0);
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

function run(baseUrl: string, connections: number, seconds: number, next: () => Request, onResponse?: OnResponse): Promise<autocannon.Result> {
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
            ...(onResponse && { onResponse: (status: number, _body: string, _context: object, headers?: Record<string, string | string[] | undefined>) => onResponse(status, (headers ?? {}) as Record<string, string | string[]>) }),
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
