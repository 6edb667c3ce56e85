// Residents' pages: a municipality's published journeys, a journey map, and a step.
import type { Request, Response } from 'express';
import { NotFoundError } from '../../errors';
import { idParam } from '../../lib/params';
import type { Services } from '../../services';

export function publicJourneysController({ municipalities, publicJourneys, departments }: Services) {
  const municipalityOf = (req: Request, res: Response) => {
    const municipality = municipalities.findBySlug(String(req.params.municipality));
    if (!municipality) throw new NotFoundError();
    res.locals.municipality = municipality;
    return municipality;
  };

  return {
    municipality(req: Request, res: Response) {
      const municipality = municipalityOf(req, res);
      const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
      res.render('journeys/municipality', {
        title: municipality.name,
        query,
        groups: publicJourneys.listByLifeEvent(municipality.id, query),
        departments: departments.list(municipality.id),
      });
    },

    map(req: Request, res: Response) {
      const municipality = municipalityOf(req, res);
      const map = publicJourneys.map(municipality.id, String(req.params.journey));
      res.render('journeys/map', {
        title: `${map.snapshot.journey.title} – ${municipality.name}`,
        preview: false,
        map,
        stepBase: `/${municipality.slug}/reiser/${map.slug}/steg`,
      });
    },

    step(req: Request, res: Response) {
      const municipality = municipalityOf(req, res);
      const { map, step, previous, next } = publicJourneys.step(municipality.id, String(req.params.journey), idParam(req, 'stepId'));
      res.render('journeys/step', {
        title: `${step.title} – ${map.snapshot.journey.title}`,
        map,
        step,
        previous,
        next,
        journeyPath: `/${municipality.slug}/reiser/${map.slug}`,
      });
    },
  };
}
