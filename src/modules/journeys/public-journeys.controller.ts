// Residents' pages: a municipality's published journeys, a journey map with its pain lane, and a step with its feedback.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { idParam } from '../../lib/params';
import type { Services } from '../../services';
import { SEVERITIES } from '../feedback/feedback-vocabulary';
import { StepQuerySchema } from '../feedback/feedback.schema';

export function publicJourneysController({ publicJourneys, departments, feedback }: Services) {
  const participant = (req: Request) => feedback.participantId(req.participantKey ?? null);
  const sortOf = (req: Request) => {
    const parsed = StepQuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ValidationError({ sort: 'validation.invalid' });
    return parsed.data.sort;
  };

  return {
    municipality(req: Request, res: Response) {
      const municipality = req.municipality!;
      const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
      res.render('journeys/municipality', {
        title: municipality.name,
        query,
        groups: publicJourneys.listByLifeEvent(municipality.id, query),
        departments: departments.list(municipality.id),
      });
    },

    map(req: Request, res: Response) {
      const municipality = req.municipality!;
      const map = publicJourneys.map(municipality.id, String(req.params.journey));
      const sort = sortOf(req);
      res.render('journeys/map', {
        title: `${map.snapshot.journey.title} – ${municipality.name}`,
        preview: false,
        map,
        stepBase: `/${municipality.slug}/reiser/${map.slug}/steg`,
        pain: feedback.stepSummaries(map.journeyId),
        journeyPainPoints: feedback.forJourneyAsWhole(map.journeyId, sort, participant(req)),
        flagged: req.query.rapportert === '1',
        severities: SEVERITIES,
      });
    },

    step(req: Request, res: Response) {
      const municipality = req.municipality!;
      const { map, step, previous, next } = publicJourneys.step(municipality.id, String(req.params.journey), idParam(req, 'stepId'));
      const sort = sortOf(req);
      res.render('journeys/step', {
        title: `${step.title} – ${map.snapshot.journey.title}`,
        map,
        step,
        previous,
        next,
        sort,
        painPoints: feedback.forStep(step.id, sort, participant(req)),
        pain: feedback.stepSummaries(map.journeyId),
        severities: SEVERITIES,
        journeyPath: `/${municipality.slug}/reiser/${map.slug}`,
      });
    },
  };
}
