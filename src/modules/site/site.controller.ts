// Public pages: the portal's front page, the accessibility statement and a municipality's front page.
import type { Request, Response } from 'express';
import { NotFoundError } from '../../errors';
import type { Services } from '../../services';

export function siteController({ municipalities }: Services) {
  return {
    home(req: Request, res: Response) {
      res.render('site/home', { title: req.t('home.title'), municipalities: municipalities.list() });
    },
    accessibility(req: Request, res: Response) {
      res.render('site/accessibility', { title: req.t('a11y.title') });
    },
    municipality(req: Request, res: Response) {
      const municipality = municipalities.findBySlug(String(req.params.municipality));
      if (!municipality) throw new NotFoundError();
      res.render('site/municipality', {
        title: municipality.name,
        municipality,
        departments: municipalities.departments(municipality.id),
      });
    },
  };
}
