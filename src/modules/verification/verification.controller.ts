// Residents' optional ID-porten verification (#21.3): start at ID-porten from a municipality's pages, take its answer,
// log out at ID-porten, and remove the verification (asked first). Taking part stays anonymous and unchanged; this
// only lets the municipality see how many supporters are verified people. The pid is read from the ID token, turned
// into the municipality's pseudonym at once and never kept, logged, audited or shown. Without IDPORTEN_* settings
// every handler here passes the request on, so its routes are 404, and the pages show nothing of it.
import type { NextFunction, Request, Response } from 'express';
import { NotFoundError } from '../../errors';
import { setFlash } from '../../lib/flash';
import { parseForm } from '../../lib/forms';
import { OpenIdError, type OpenIdRelyingParty } from '../../lib/openid';
import { safeReturnTo } from '../../lib/safe-redirect';
import type { MunicipalityRow } from '../municipalities/municipality';
import { paths } from '../../paths';
import { pseudonymOf } from './pseudonym';
import type { VerificationCookies } from './verification-cookies';
import { EmptyFormSchema, StartInputSchema } from './verification.schema';
import type { VerificationFailure, VerificationService } from './verification.service';

/** ID-porten's levels of assurance this portal accepts: substantial (MinID and up) or high. */
export const ACCEPTED_ACR = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
export const REQUESTED_ACR = 'idporten-loa-substantial';

export interface VerificationControllerDeps {
  verification: VerificationService;
  feedback: { participantId(keyHash: string | null): number | null; ensureParticipant(keyHash: string): number; mine(participantId: number | null): { painPoints: { municipality_slug: string }[]; votes: { municipality_slug: string }[] } };
  municipalities: { findBySlug(slug: string): MunicipalityRow | undefined; list(): MunicipalityRow[] };
  /** Null without IDPORTEN_* settings: nothing of the verification exists then. */
  flow: {
    relyingParty: OpenIdRelyingParty;
    cookies: VerificationCookies;
    pseudonymKey: string;
    /** The portal's own address (BASE_URL): the callback and logout's return address are made from it. */
    baseUrl: string;
  } | null;
}

/** What the pages show of the verification (views/verification/*.ejs read it as `verification`). */
export interface VerificationLocals {
  /** The visitor has taken part (has a participant cookie): only they are offered a verification. */
  participant: boolean;
  /** On a municipality's page: whether the visitor is verified there. */
  verifiedHere: boolean;
  /** On /mine: where the visitor is verified, and where they took part without being verified. */
  verifiedIn: { slug: string; name: string; verifiedAt: string }[];
  notVerifiedIn: { slug: string; name: string }[];
  /** On /mine: this browser still holds an ID-porten session it can log out of. */
  signedIn: boolean;
}

const FAILURE_STATUS: Record<VerificationFailure, number> = {
  denied: 403,
  state: 400,
  nonce: 400,
  issuer: 400,
  grant: 400,
  invalid: 400,
  acr: 403,
  pid: 400,
  unavailable: 503,
};

/** The text the failure page gives: the resident can do something about some of them. */
const FAILURE_MESSAGE: Record<VerificationFailure, string> = {
  denied: 'denied',
  state: 'expired',
  grant: 'expired',
  nonce: 'invalid',
  issuer: 'invalid',
  invalid: 'invalid',
  pid: 'invalid',
  acr: 'acr',
  unavailable: 'unavailable',
};

export function verificationController({ verification, feedback, municipalities, flow }: VerificationControllerDeps) {
  const participantId = (req: Request) => feedback.participantId(req.participantKey ?? null);

  /**
   * The failure page: a 4xx (503 when ID-porten cannot be reached), nothing stored, and the audit line with its reason,
   * unless no sign-in was under way at all (an address opened by hand or by a crawler is no attempt worth a line).
   */
  const fail = (req: Request, res: Response, reason: VerificationFailure, municipality: MunicipalityRow | null, audited = true) => {
    if (audited) verification.failed(municipality?.id ?? null, reason);
    res.status(FAILURE_STATUS[reason]).render('verification/failed', {
      title: req.t('verification.failed.title'),
      message: req.t(`verification.failed.${FAILURE_MESSAGE[reason]}`),
      failedIn: municipality,
    });
  };

  return {
    /** Whether the verification is offered at all (the privacy statement names its cookies only then). */
    offered: flow !== null,

    /** ID-porten's origins the start and logout forms are redirected to (the pages' CSP form-action); none unconfigured. */
    formTargets: (): string[] => (flow ? flow.relyingParty.formTargets() : []),

    /** Fills `verification` for the residents' pages; nothing without the settings, so the pages stay as they were. */
    locals(req: Request, res: Response, next: NextFunction) {
      if (!flow) return next();
      const id = participantId(req);
      const locals: VerificationLocals = { participant: id !== null, verifiedHere: false, verifiedIn: [], notVerifiedIn: [], signedIn: false };
      if (id !== null && req.municipality) locals.verifiedHere = verification.isVerified(id, req.municipality.id);
      if (id !== null && !req.municipality) {
        locals.verifiedIn = verification.verifiedIn(id).map((v) => ({ slug: v.slug, name: v.name, verifiedAt: v.verified_at }));
        const { painPoints, votes } = feedback.mine(id);
        const tookPartIn = new Set([...painPoints, ...votes].map((c) => c.municipality_slug));
        for (const v of locals.verifiedIn) tookPartIn.delete(v.slug);
        locals.notVerifiedIn = [...tookPartIn].flatMap((slug) => {
          const m = municipalities.findBySlug(slug);
          return m ? [{ slug: m.slug, name: m.name }] : [];
        });
        locals.signedIn = flow.cookies.idToken(req) !== null;
      }
      res.locals.verification = locals;
      next();
    },

    /** "Confirm with ID-porten" (POST): the sign-in's checks go into a sealed cookie bound to this participant. */
    async start(req: Request, res: Response, next: NextFunction) {
      if (!flow) return next();
      const input = parseForm(StartInputSchema, req.body);
      const municipality = req.municipality!;
      // A browser that has not taken part yet becomes a participant here: the answer is bound to its cookie.
      const participant = req.ensureParticipantKey!();
      let started;
      try {
        started = await flow.relyingParty.start({ acr_values: REQUESTED_ACR, ui_locales: String(res.locals.lang) });
      } catch (err) {
        if (err instanceof OpenIdError) return fail(req, res, err.reason, municipality);
        throw err;
      }
      flow.cookies.setPending(req, res, {
        ...started.pending,
        municipalityId: municipality.id,
        participant,
        returnTo: safeReturnTo(input.returnTo, paths.mine()),
      });
      res.redirect(303, started.url);
    },

    /** ID-porten's answer (GET, from ID-porten's redirect): checked, turned into a pseudonym, stored; or refused. */
    async callback(req: Request, res: Response, next: NextFunction) {
      if (!flow) return next();
      const pending = flow.cookies.takePending(req, res);
      const municipality = pending ? (municipalities.list().find((m) => m.id === pending.municipalityId) ?? null) : null;
      // No sign-in under way in this browser (expired, used, or never started here): the page, but no audit line.
      if (!pending) return fail(req, res, 'state', null, false);
      // One for another participant, or for a municipality since removed.
      if (!municipality || pending.participant !== req.participantKey) return fail(req, res, 'state', municipality);
      let claims;
      let idToken;
      try {
        ({ claims, idToken } = await flow.relyingParty.finish(new URL(req.originalUrl, flow.baseUrl), pending));
      } catch (err) {
        if (err instanceof OpenIdError) return fail(req, res, err.reason, municipality);
        throw err;
      }
      if (!(ACCEPTED_ACR as readonly unknown[]).includes(claims.acr)) return fail(req, res, 'acr', municipality);
      if (typeof claims.pid !== 'string' || !/^\d{11}$/.test(claims.pid)) return fail(req, res, 'pid', municipality);
      // The pid is used for this one computation and goes no further.
      const pseudonym = pseudonymOf(flow.pseudonymKey, municipality.id, claims.pid);
      verification.verify(feedback.ensureParticipant(pending.participant), municipality.id, pseudonym);
      flow.cookies.setIdToken(req, res, idToken);
      setFlash(res, 'residentVerified');
      res.redirect(303, safeReturnTo(pending.returnTo, paths.mine()));
    },

    /** Ends the ID-porten session (RP-initiated logout, with the ID token from the browser's own cookie as hint). */
    async logout(req: Request, res: Response, next: NextFunction) {
      if (!flow) return next();
      parseForm(EmptyFormSchema, req.body);
      const kept = flow.cookies.idToken(req);
      flow.cookies.clearIdToken(res);
      setFlash(res, 'idportenLoggedOut');
      let to: string | null = null;
      if (kept) {
        try {
          to = await flow.relyingParty.logoutUrl(kept.idToken, `${flow.baseUrl}${paths.mine()}`);
        } catch (err) {
          if (err instanceof OpenIdError) return fail(req, res, err.reason, null);
          throw err;
        }
      }
      res.redirect(303, to ?? paths.mine());
    },

    remove: {
      /** Asks first (GET, works without JavaScript): what goes, what stays. Only a verified participant's page. */
      get(req: Request, res: Response, next: NextFunction) {
        if (!flow) return next();
        const { municipality, verifiedAt } = ownVerification(req);
        res.render('verification/remove', { title: req.t('verification.remove.title'), removedIn: municipality, verifiedAt, errors: {} });
      },
      post(req: Request, res: Response, next: NextFunction) {
        if (!flow) return next();
        parseForm(EmptyFormSchema, req.body);
        const municipality = municipalities.findBySlug(String(req.params.municipality));
        const id = participantId(req);
        const removed = municipality !== undefined && id !== null && verification.remove(id, municipality.id);
        if (removed) setFlash(res, 'verificationRemoved');
        res.redirect(303, paths.mine());
      },
    },
  };

  function ownVerification(req: Request): { municipality: MunicipalityRow; verifiedAt: string } {
    const municipality = municipalities.findBySlug(String(req.params.municipality));
    const own = municipality && verification.verifiedIn(participantId(req)).find((v) => v.municipality_id === municipality.id);
    if (!municipality || !own) throw new NotFoundError();
    return { municipality, verifiedAt: own.verified_at };
  }
}

export type VerificationController = ReturnType<typeof verificationController>;
