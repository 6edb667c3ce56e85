// Residents' pages: a municipality's published journeys, a journey map with its pain lane, and a step with its feedback.
import type { NextFunction, Request, Response } from 'express';
import { SharedPages } from '../../middleware/shared-pages';
import { parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import type { Services } from '../../services';
import { SEVERITIES } from '../feedback/feedback-vocabulary';
import { StepQuerySchema } from '../feedback/feedback.schema';

/** Heat levels of the pain lane: the step with the most summed need is 4; the shade only repeats the numbers in text. */
export const HEAT_LEVELS = 4;

export function publicJourneysController({ publicJourneys, departments, feedback, ranking }: Services) {
  const participant = (req: Request) => feedback.participantId(req.participantKey ?? null);
  const shared = new SharedPages();

  /** Per step: reports, distinct supporters, summed need score and a heat level relative to the journey's worst step. */
  const painLane = (municipalityId: number, journeyId: number) => {
    const summaries = feedback.stepSummaries(municipalityId, journeyId);
    const needs = ranking.stepNeeds(municipalityId, journeyId);
    const max = Math.max(0, ...needs.values());
    return new Map(
      [...summaries].map(([stepId, s]) => {
        const needSum = needs.get(stepId) ?? 0;
        return [stepId, { ...s, needSum, heat: max > 0 ? Math.max(1, Math.ceil((HEAT_LEVELS * needSum) / max)) : 0 }];
      }),
    );
  };
  const listQuery = (req: Request) => parseQuery(StepQuerySchema, req.query);

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

    map(req: Request, res: Response, next: NextFunction) {
      const municipality = req.municipality!;
      const map = publicJourneys.map(municipality.id, String(req.params.journey));
      const { sort, side } = listQuery(req);
      shared.send(req, res, next, 'journeys/map', ranking.pageVersion(municipality.id), () => ({
        title: `${map.snapshot.journey.title} – ${municipality.name}`,
        preview: false,
        map,
        journeyParams: { municipality: municipality.slug, journey: map.slug },
        pain: painLane(municipality.id, map.journeyId),
        journeyPainPoints: feedback.forJourneyAsWhole(municipality.id, map.journeyId, sort, side, participant(req)),
        sort,
        flagged: req.query.rapportert === '1',
        severities: SEVERITIES,
      }));
    },

    step(req: Request, res: Response, nextHandler: NextFunction) {
      const municipality = req.municipality!;
      const { map, step, previous, next } = publicJourneys.step(municipality.id, String(req.params.journey), idParam(req, 'stepId'));
      const { sort, side } = listQuery(req);
      shared.send(req, res, nextHandler, 'journeys/step', ranking.pageVersion(municipality.id), () => ({
        title: `${step.title} – ${map.snapshot.journey.title}`,
        map,
        step,
        previous,
        next,
        sort,
        painPoints: feedback.forStep(municipality.id, map.journeyId, step.id, sort, side, participant(req)),
        pain: painLane(municipality.id, map.journeyId),
        severities: SEVERITIES,
        journeyParams: { municipality: municipality.slug, journey: map.slug },
      }));
    },
  };
}
