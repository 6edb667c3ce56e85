// The 404 fallback and the one error handler: a localised page with the right status, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, NotFoundError } from '../errors';
import { loggablePath, type Logger } from '../lib/logger';
import { PRIVATE_NO_STORE } from './cache-headers';

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

const TITLE_KEYS: Record<number, string> = {
  400: 'errors.badRequest.title',
  403: 'errors.forbidden.title',
  404: 'errors.notFound.title',
  413: 'errors.tooLarge.title',
  429: 'errors.tooMany.title',
};
const BODY_KEYS: Record<number, string> = {
  400: 'errors.badRequest.body',
  403: 'errors.forbidden.body',
  404: 'errors.notFound.body',
  413: 'errors.tooLarge.body',
  429: 'errors.tooMany.body',
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const raw = Number(err?.status ?? err?.statusCode);
    const status = err instanceof AppError ? err.status : raw >= 400 && raw < 500 ? raw : 500;
    if (status >= 500) logger.error({ err, path: loggablePath(req.path), method: req.method }, 'request failed');
    const csrfRefused = err?.code === 'EBADCSRFTOKEN';
    const messageKey = csrfRefused
      ? 'errors.csrf.body'
      : err instanceof AppError
        ? err.messageKey
        : (BODY_KEYS[status] ?? 'errors.server.body');
    const t = req.t ?? ((key: string) => key);
    res.status(status);
    // An error page is never kept by a cache, whatever the route had marked before it failed.
    res.removeHeader('ETag');
    res.set('Cache-Control', PRIVATE_NO_STORE);
    const locals = {
      title: t(TITLE_KEYS[status] ?? (status >= 500 ? 'errors.server.title' : 'errors.badRequest.title')),
      message: t(messageKey),
    };
    // With a callback, a failing error page cannot fall through to Express's default (stack-revealing) handler.
    res.render('errors/error', locals, (renderErr: Error | null, html?: string) => {
      if (renderErr) {
        logger.error({ err: renderErr }, 'error page failed to render');
        res.type('text/plain').send(status >= 500 ? 'Internal Server Error' : 'Error');
        return;
      }
      res.send(html);
    });
  };
}
