// Public pages: the portal's front page and the accessibility statement.
import type { Request, Response } from 'express';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';

// The day a person last checked the statement against what the browser suite (test/e2e) covers.
// Move it forward with each review: the statement must say when it was last reviewed.
export const STATEMENT_REVIEWED_ON = '2026-11-28';

export function siteController({ municipalities }: { municipalities: Pick<MunicipalitiesService, 'list'> }) {
  return {
    home(req: Request, res: Response) {
      res.render('site/home', { title: req.t('home.title'), municipalities: municipalities.list() });
    },
    accessibility(req: Request, res: Response) {
      res.render('site/accessibility', { title: req.t('a11y.title'), reviewedOn: STATEMENT_REVIEWED_ON });
    },
  };
}
