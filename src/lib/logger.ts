// Structured logging with pino. Cookies, tokens, passwords and bodies never reach the log.
import pino from 'pino';

export type Logger = pino.Logger;

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'body',
  '*.password',
  '*.token',
  '*.body',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Keeps the path only: query strings may carry resident text, and setup and follow links carry a token. */
export function loggablePath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  return pathOnly.replace(/^\/setup\/[^/]+/, '/setup/[redacted]').replace(/^\/folg\/(bekreft|avmeld|adresse|bedre)\/[^/]+/, '/folg/$1/[redacted]')
    // A sign-in link to another device (#20.4).
    .replace(/^\/mine\/annen-enhet\/[^/]+/, '/mine/annen-enhet/[redacted]');
}
