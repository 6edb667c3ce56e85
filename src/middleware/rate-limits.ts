// Login rate limits (SECURITY.md 16): per address and per account, counting failures only.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { normaliseEmail } from '../modules/accounts/auth.service';

export interface LoginLimits {
  windowMs: number;
  perAddress: number;
  perAccount: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60 * 1000, perAddress: 20, perAccount: 5 };

function tooMany(): RequestHandler {
  return (req, res) => {
    res.status(429).render('errors/error', { title: req.t('errors.tooMany.title'), message: req.t('errors.tooMany.body') });
  };
}

export function loginRateLimits(limits: LoginLimits): RequestHandler[] {
  const common = {
    windowMs: limits.windowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: tooMany(),
  };
  return [
    rateLimit({ ...common, limit: limits.perAddress, keyGenerator: (req: Request) => ipKeyGenerator(req.ip ?? '') }),
    rateLimit({
      ...common,
      limit: limits.perAccount,
      keyGenerator: (req: Request) => {
        const email: unknown = req.body?.email;
        return `account:${typeof email === 'string' ? normaliseEmail(email).slice(0, 256) : ''}`;
      },
    }),
  ];
}
