// Residents' rate limits (SECURITY.md 18). Sign-in has its own throttle: src/modules/sign-in/login-throttle.service.ts.
import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { BoundedMemoryStore } from './bounded-rate-limit-store';

function tooMany(bodyKey = 'errors.tooMany.body'): RequestHandler {
  return (req, res) => {
    res.status(429).render('errors/error', { title: req.t('errors.tooMany.title'), message: req.t(bodyKey) });
  };
}

/** An address (a library, an office behind one NAT) may hold several residents, so it gets this many times more. */
export const ADDRESS_FACTOR = 5;
const HOUR_MS = 60 * 60 * 1000;
type ResidentAction = 'report' | 'vote' | 'flag';
const DEFAULT_RESIDENT_LIMITS: Record<ResidentAction, number> = { report: 5, vote: 60, flag: 10 };

/**
 * Residents' reports, votes and flags: limited per participant and per address, per municipality, with the
 * limits from the municipality's settings (SECURITY.md 18). `counts` decides which requests use up the limit.
 */
export function residentRateLimits(action: ResidentAction, counts: (req: Request) => boolean = () => true): RequestHandler[] {
  const perHour = (req: Request): number => {
    const m = req.municipality as unknown as Record<string, number> | undefined;
    return m?.[`${action}_limit_per_hour`] ?? DEFAULT_RESIDENT_LIMITS[action];
  };
  const scope = (req: Request) => `${action}:${req.municipality?.id ?? 0}`;
  const common = {
    windowMs: HOUR_MS,
    // draft-7's headers: draft-8 hashes each key with SHA-256 into its header, twice for every vote.
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    handler: tooMany('errors.tooManyResident.body'),
    skip: (req: Request) => !counts(req),
    // Refused input (4xx) uses up nothing: a resident correcting a form is not flooding.
    skipFailedRequests: true,
  };
  return [
    // A resident's first counted request already gets their participant cookie here, so that it counts against the
    // same key as the ones after it: otherwise the limit in the settings would let one more through.
    rateLimit({ ...common, store: new BoundedMemoryStore(), limit: perHour, keyGenerator: (req: Request) => `${scope(req)}:p:${req.ensureParticipantKey!()}` }),
    rateLimit({
      ...common,
      store: new BoundedMemoryStore(),
      limit: (req: Request) => perHour(req) * ADDRESS_FACTOR,
      keyGenerator: (req: Request) => `${scope(req)}:a:${ipKeyGenerator(req.ip ?? '')}`,
    }),
  ];
}

/** Follow requests per client address, and confirmation e-mails per recipient address, per hour. */
export const FOLLOW_LIMITS = { perClient: 20, perRecipient: 3 };

/**
 * Following by e-mail (#20): each request sends a confirmation e-mail, so the portal must not be a way to flood
 * someone's inbox. Limited per client address and per recipient; the recipient's key is a SHA-256 of the address,
 * kept in memory for the hour only. Refused input (4xx) uses up nothing.
 */
export function followRateLimits(): RequestHandler[] {
  const common = {
    windowMs: HOUR_MS,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    handler: tooMany('errors.tooManyResident.body'),
    skipFailedRequests: true,
  };
  const recipient = (req: Request) => String((req.body as Record<string, unknown> | undefined)?.email ?? '').trim().toLowerCase();
  return [
    rateLimit({ ...common, store: new BoundedMemoryStore(), limit: FOLLOW_LIMITS.perClient, keyGenerator: (req: Request) => `follow:a:${ipKeyGenerator(req.ip ?? '')}` }),
    rateLimit({
      ...common,
      store: new BoundedMemoryStore(),
      limit: FOLLOW_LIMITS.perRecipient,
      keyGenerator: (req: Request) => `follow:r:${crypto.createHash('sha256').update(recipient(req)).digest('hex')}`,
    }),
  ];
}
