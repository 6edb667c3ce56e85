// Public pages: the portal's front page, the accessibility statement and the privacy statement (the portal's and each
// municipality's), the same for every anonymous visitor.
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { SharedPages } from '../../middleware/shared-pages';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';
import { lifetimeInWords, PORTAL_COOKIES, VERIFICATION_COOKIES } from './cookies';

// The day a person last checked the statement against what the browser suite (test/e2e) covers.
// Move it forward with each review: the statement must say when it was last reviewed.
export const STATEMENT_REVIEWED_ON = '2026-11-28';

// The day a person last checked the privacy statement against the code it describes (docs/privacy.md lists where each
// of its claims comes from). Move it forward with each review.
export const PRIVACY_REVIEWED_ON = '2026-12-01';

export interface SiteDeps {
  municipalities: Pick<MunicipalitiesService, 'list'>;
  sharedPages: SharedPages;
  /** The municipality's data version, which its settings (the name the statement gives) move too (named, not imported). */
  ranking: { dataVersion(municipalityId: number): number };
  /** Residents' ID-porten verification is configured (#21.3): the statement says what it stores, and names its cookies. */
  verificationOffered?: boolean;
}

export function siteController({ municipalities, sharedPages, ranking, verificationOffered = false }: SiteDeps) {
  const cookiesSet = verificationOffered ? [...PORTAL_COOKIES, ...VERIFICATION_COOKIES] : PORTAL_COOKIES;
  /** The front page shows the municipalities' names and addresses; no per-municipality data version covers the list. */
  const listVersion = () =>
    crypto
      .createHash('sha256')
      .update(JSON.stringify(municipalities.list().map((m) => [m.slug, m.name])))
      .digest('base64url')
      .slice(0, 16);

  return {
    home(req: Request, res: Response, next: NextFunction) {
      sharedPages.send(req, res, next, {
        view: 'site/home',
        version: listVersion,
        locals: () => ({ title: req.t('home.title'), municipalities: municipalities.list() }),
      });
    },
    accessibility(req: Request, res: Response, next: NextFunction) {
      // Only the build changes it, and the ETag holds the build.
      sharedPages.send(req, res, next, {
        view: 'site/accessibility',
        version: () => STATEMENT_REVIEWED_ON,
        locals: () => ({ title: req.t('a11y.title'), reviewedOn: STATEMENT_REVIEWED_ON }),
      });
    },
    /**
     * The privacy statement. At `/personvern` it speaks of "each municipality" and lists theirs; at `/:municipality/
     * personvern` (loadPublicMunicipality has run) it names that municipality as the controller.
     */
    privacy(req: Request, res: Response, next: NextFunction) {
      const municipality = req.municipality;
      const participant = PORTAL_COOKIES.find((c) => c.key === 'participant')!;
      sharedPages.send(req, res, next, {
        view: 'site/privacy',
        version: municipality
          ? () => `${PRIVACY_REVIEWED_ON}.${ranking.dataVersion(municipality.id)}`
          : () => `${PRIVACY_REVIEWED_ON}.${listVersion()}`,
        locals: () => ({
          title: municipality ? req.t('privacy.titleFor', { name: municipality.name }) : req.t('privacy.title'),
          reviewedOn: PRIVACY_REVIEWED_ON,
          municipalities: municipality ? [] : municipalities.list(),
          verificationOffered,
          cookies: cookiesSet.map((c) => ({ ...c, lifetime: c.lifetime === 'browserSession' ? null : { ...lifetimeInWords(c.lifetime.ms), renewed: c.lifetime.renewed === true } })),
          participantCookie: participant.name,
          participantLifetime: participant.lifetime === 'browserSession' ? null : lifetimeInWords(participant.lifetime.ms),
        }),
      });
    },
  };
}
