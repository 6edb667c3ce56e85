// One log line per request once it is answered or abandoned: its number, method, path without the query (SECURITY.md
// 22), status and time. pino-http wrote the same line, but made a pino child logger for every request first, and a
// child sets up its own log methods: 0.15-0.2 ms of CPU per request under load, a sixth of a step page. The line is
// now written by the app's logger directly; `req.log` is that logger, for handlers that log on their own.
import type { RequestHandler } from 'express';
import { loggablePath, type Logger } from '../lib/logger';

export function requestLog(logger: Logger): RequestHandler {
  let lastId = 0;
  return (req, res, next) => {
    const started = performance.now();
    lastId = (lastId + 1) & 0x7fffffff;
    const id = lastId;
    req.log = logger;
    res.once('close', () => {
      const line = {
        req: { id, method: req.method, path: loggablePath(req.originalUrl) },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
