// Public pages: the portal's front page and the accessibility statement, the same for every anonymous visitor.
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { SharedPages } from '../../middleware/shared-pages';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';

// The day a person last checked the statement against what the browser suite (test/e2e) covers.
// Move it forward with each review: the statement must say when it was last reviewed.
export const STATEMENT_REVIEWED_ON = '2026-11-28';

export interface SiteDeps {
  municipalities: Pick<MunicipalitiesService, 'list'>;
  sharedPages: SharedPages;
}

export function siteController({ municipalities, sharedPages }: SiteDeps) {
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
  };
}
