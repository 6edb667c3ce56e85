// The HTTP side of the open data API: open CORS, read-only methods, JSON with a strong ETag and a short public cache
// (middleware/cache-headers.ts), and JSON errors. Mounted before cookies and sessions, so nothing here ever sets a cookie.
import crypto from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../errors';
import { InFlight } from '../../lib/in-flight';
import { KeptValues } from '../../lib/kept-values';
import { markPublic, PUBLIC_API } from '../../middleware/cache-headers';
import { ApiError, errorBody } from './api-errors';

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
export const CACHE_CONTROL = PUBLIC_API;

/** The data is public and no request carries credentials, so any origin may read it. */
export const openCors: RequestHandler = (_req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    // ETag is not a CORS-safelisted response header; without this a browser client could not revalidate.
    'Access-Control-Expose-Headers': 'ETag',
    // helmet's same-origin default is for pages; open data may be embedded anywhere.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  next();
};

/** OPTIONS answers preflights (If-None-Match is not a safelisted request header); anything but a read is a 405. */
export const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === 'OPTIONS') {
    res.set({
      Allow: ALLOWED_METHODS,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': 'Accept, If-None-Match, Cache-Control',
      'Access-Control-Max-Age': '86400',
    });
    res.status(204).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', ALLOWED_METHODS);
    next(new ApiError(405, 'method_not_allowed', `the API is read-only: use ${ALLOWED_METHODS}`));
    return;
  }
  next();
};

export interface JsonBody {
  bytes: Buffer;
  etag: string;
  /** application/json unless said otherwise (the DCAT description is application/ld+json). */
  type?: string;
}

/**
 * A strong ETag over the exact bytes: unlike the pages' (build, language, data version), it stays the same across the
 * ranking's minutes and releases while the answer's bytes do, so a page reached by a cursor is 304 for as long as its
 * data holds. Hashed once per data version (KeptJson).
 */
export function jsonBody(value: unknown): JsonBody {
  return bytesBody(Buffer.from(JSON.stringify(value)));
}

/** Any body with the same strong ETag (the CSV download, #22.4). */
export function bytesBody(bytes: Buffer, type?: string): JsonBody {
  return { bytes, etag: `"${crypto.createHash('sha256').update(bytes).digest('base64url')}"`, type };
}

/** Sends a JSON body with its ETag; a matching If-None-Match gets a 304 without a body. */
export function sendJson(req: Request, res: Response, value: unknown): void {
  sendBody(req, res, jsonBody(value));
}

/** Sends a body made once by jsonBody (a document that never changes while the process runs). */
export function sendBody(req: Request, res: Response, body: JsonBody): void {
  markPublic(res, body.etag, CACHE_CONTROL);
  // req.fresh compares If-None-Match with the ETag just set (and honours the request's `Cache-Control: no-cache`).
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type(body.type ?? 'application/json').send(body.bytes);
}

/** Bytes the kept answers may take; the top 50 of a large municipality is some 40 KB. */
const KEPT_BODY_BYTES = 16 * 1024 * 1024;

/**
 * JSON bodies kept with their ETags per address and data version. Serialising and hashing the top 50 of a large
 * municipality again for every request was a third of the API's time under load.
 */
export class KeptJson {
  private readonly bodies = new KeptValues<JsonBody>({ maxBytes: KEPT_BODY_BYTES, sizeOf: (body) => body.bytes.length + 64 });
  /** Answers being computed, by address and version: requests arriving meanwhile wait for the same one. */
  private readonly computing = new InFlight<JsonBody>();

  /**
   * `version` must change whenever anything `value()` reads may have changed. `value()` may wait for long work done
   * in turns (a whole municipality's ranking); return the promise to Express, which passes a failure on.
   */
  async send(req: Request, res: Response, version: string, value: () => unknown, encode: (value: unknown) => JsonBody = jsonBody): Promise<void> {
    const key = req.originalUrl;
    const kept = this.bodies.peek(key, version);
    if (kept) return sendBody(req, res, kept);
    const body = await this.computing.run(`${key}@${version}`, () =>
      Promise.resolve(value()).then((v) => {
        const computed = encode(v);
        this.bodies.set(key, version, computed);
        return computed;
      }),
    );
    sendBody(req, res, body);
  }
}

export const apiNotFound: RequestHandler = (_req, _res, next) => next(new ApiError(404, 'not_found', 'no such API path'));

/** Every error of the API as JSON: its own errors as they are, 4xx from Express as `bad_request`, the rest a logged 500. */
export const apiErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const raw = Number(err?.status ?? err?.statusCode);
  let status: number;
  let body: ReturnType<typeof errorBody>;
  if (err instanceof ApiError) {
    status = err.status;
    body = errorBody(err.code, err.message);
  } else if (err instanceof AppError && err.status === 404) {
    status = 404;
    body = errorBody('not_found', 'not found');
  } else if (err instanceof AppError && err.status < 500) {
    status = err.status;
    body = errorBody('bad_request', 'the request could not be understood');
  } else if (raw >= 400 && raw < 500) {
    // For example a path segment that is not valid percent-encoding.
    status = raw;
    body = errorBody('bad_request', 'the request could not be understood');
  } else {
    status = 500;
    req.log?.error({ err, path: req.path, method: req.method }, 'api request failed');
    body = errorBody('internal_error', 'something went wrong on our side');
  }
  res.status(status).set('Cache-Control', 'no-store').type('application/json').send(JSON.stringify(body));
};
