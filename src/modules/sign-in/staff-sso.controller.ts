// Staff single sign-on (#21.1): the sign-in page's "Log in with the municipality's account" button sends the browser
// to the provider, and the provider's answer comes back here. Without STAFF_OIDC_* both routes are 404.
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { OpenIdError } from '../../lib/openid';
import { safeReturnTo } from '../../lib/safe-redirect';
import { BoundedMemoryStore } from '../../middleware/bounded-rate-limit-store';
import { SESSION_COOKIE } from '../../middleware/sessions';
import { paths } from '../../paths';
import { signIn, signOut } from './session.helpers';
import { PENDING_SIGN_IN_MS, type PendingStaffSignIn, type StaffSsoRefusal, type StaffSsoService } from './staff-sso.service';

const StartInputSchema = z.strictObject({ returnTo: z.string().max(2000).optional() });
/** Longer than any answer a provider sends (a code, state, iss, session_state); more is not an answer of ours. */
const ANSWER_MAX = 4000;
/**
 * Each start writes a pending session row, so one address may start only so many: enough for a town hall's staff
 * behind one address on a Monday morning, few enough that nobody fills the sessions table.
 */
export const STARTS_PER_ADDRESS = { limit: 300, windowMs: 15 * 60 * 1000 };

export function staffSsoController({ staffSso }: { staffSso: StaffSsoService | null }) {
  const configured = (): StaffSsoService => {
    if (!staffSso) throw new NotFoundError();
    return staffSso;
  };

  const problem = (req: Request, res: Response, reason: StaffSsoRefusal, email: string | null) => {
    const refused = reason === 'unknown_email' || reason === 'disabled';
    res
      .status(refused ? 403 : reason === 'unavailable' ? 503 : 400)
      .render(refused ? 'sign-in/staff-sso-refused' : 'sign-in/staff-sso-failed', {
        title: req.t(refused ? 'staffSso.refused.title' : 'staffSso.failed.title'),
        email,
        unavailable: reason === 'unavailable',
      });
  };

  const startLimit = rateLimit({
    ...STARTS_PER_ADDRESS,
    store: new BoundedMemoryStore(),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => `sso:${ipKeyGenerator(req.ip ?? '')}`,
    handler: (req, res) => res.status(429).render('errors/error', { title: req.t('errors.tooMany.title'), message: req.t('errors.tooMany.body') }),
  });

  /** POST: remembers the pending sign-in in this browser's session and sends it to the provider. */
  async function startSignIn(req: Request, res: Response) {
    const sso = configured();
    const input = parseForm(StartInputSchema, req.body);
    let started: Awaited<ReturnType<StaffSsoService['start']>>;
    try {
      started = await sso.start(safeReturnTo(input.returnTo));
    } catch (err) {
      if (err instanceof OpenIdError) return problem(req, res, err.reason, null);
      throw err;
    }
    if (!req.session) await req.openSession!();
    req.session.staffSsoPending = started.pending;
    // A sign-in nobody finishes leaves its row for no longer than the pending sign-in could be used.
    if (!req.user) req.session.cookie.maxAge = PENDING_SIGN_IN_MS;
    await save(req);
    res.redirect(303, started.url);
  }

  /** GET from the provider: checks its answer, then signs the matched staff member in with a new session id. */
  async function callback(req: Request, res: Response) {
    const sso = configured();
    if (req.originalUrl.length > ANSWER_MAX) return problem(req, res, 'invalid', null);
    const pending = req.session?.staffSsoPending;
    // Single use: a second visit to the same answer finds nothing pending.
    if (pending) {
      delete req.session.staffSsoPending;
      await save(req);
    }
    const outcome = await sso.finish(sso.answerAt(req.originalUrl), pending);
    if (!outcome.ok) {
      // Nothing stays of the attempt: no session, no cookie. Someone already signed in stays so: a forged or stale
      // answer link must not sign them out.
      if (!req.user) {
        await signOut(req);
        res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax' });
      }
      return problem(req, res, outcome.reason, outcome.email);
    }
    // A new session (id and lifetime): whatever this browser had before is gone.
    await signIn(req, outcome.user.id);
    // The second factor is the provider's business for these sign-ins; logout also ends the provider's session.
    req.session.signedInWith = 'sso';
    req.session.staffSsoIdToken = outcome.idToken;
    await save(req);
    // An invited person's new account has no roles yet: the start page is where they accept.
    res.redirect(303, outcome.created ? paths.admin.home() : safeReturnTo((pending as PendingStaffSignIn).returnTo));
  }

  // 404 before the limit when single sign-on is not configured: the route does not exist then.
  const exists: RequestHandler = (_req, _res, next) => {
    configured();
    next();
  };
  return { start: [exists, startLimit, startSignIn] as RequestHandler[], callback };
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

declare module 'express-session' {
  interface SessionData {
    /** How this session was signed in: 'sso' skips the portal's own second factor (the provider has its own). */
    signedInWith?: 'password' | 'sso';
    /** The provider's ID token of a single sign-on session, for logout's id_token_hint; never shown or logged. */
    staffSsoIdToken?: string;
    /** A single sign-on under way in this browser (state, nonce, PKCE verifier, where to go after). */
    staffSsoPending?: PendingStaffSignIn;
  }
}
