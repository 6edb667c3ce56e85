// The portal's HTTP server with timeouts suited to it (#15.8). Node's defaults let a client that announces a body and
// never sends it hold a connection for 300 s; here a client gets `headersTimeoutMs` for its headers and
// `requestTimeoutMs` for the whole request (the largest body, a 2 MB journey import, needs some 70 KB/s), and is then
// answered 408 and disconnected. Node checks for such requests every `checkIntervalMs`.
import http from 'node:http';
import type { RequestListener } from 'node:http';

export interface ServerTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

const CHECK_INTERVAL_MS = 1000;
// Idle connections close after this. A proxy in front must let go of its idle connections sooner (deploy/nginx.conf:
// 4 s; nginx's own default is 60 s), or it may send a request on a connection the portal is closing, and a POST is
// not retried.
const KEEP_ALIVE_TIMEOUT_MS = 5000;

export function createHttpServer(app: RequestListener, timeouts: ServerTimeouts): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, timeouts.headersTimeoutMs),
    },
    app,
  );
  return server;
}
