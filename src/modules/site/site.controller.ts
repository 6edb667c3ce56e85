// Public pages: the portal's front page and the accessibility statement.
import type { Request, Response } from 'express';
import type { Services } from '../../services';

export function siteController({ municipalities }: Services) {
  return {
    home(req: Request, res: Response) {
      res.render('site/home', { title: req.t('home.title'), municipalities: municipalities.list() });
    },
    accessibility(req: Request, res: Response) {
      res.render('site/accessibility', { title: req.t('a11y.title') });
    },
  };
}
