// helmet with a fresh CSP nonce per response (SECURITY.md 7-8), and no-store on staff pages.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.nonce = crypto.randomBytes(16).toString('base64');
    next();
  };
}

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { nonce: string } }).locals.nonce}'`],
        styleSrc: ["'self'"],
        // Designsystemet draws some icons as data: SVGs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** Staff pages hold personal and internal data: never keep them in a shared or browser cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
