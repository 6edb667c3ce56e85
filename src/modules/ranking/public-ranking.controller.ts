// "What residents say matters most": the public ranking of improvement candidates, with every figure in words.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { parseQuery } from '../../lib/forms';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import type { RankingService } from './ranking.service';

export const PUBLIC_TOP = 20;

// ?reise= narrows to one journey; unknown keys (such as ?lang=) are ignored.
const TopQuerySchema = z.object({ reise: z.string().regex(/^[a-z0-9-]{1,80}$/).optional() });

export function publicRankingController({ ranking, publicJourneys }: { ranking: RankingService; publicJourneys: PublicJourneysService }) {
  return {
    top(req: Request, res: Response) {
      const municipality = req.municipality!;
      const query = parseQuery(TopQuerySchema, req.query);
      const journey = query.reise ? publicJourneys.map(municipality.id, query.reise) : null;
      const maps = new Map(publicJourneys.listByLifeEvent(municipality.id).flatMap((g) => g.journeys).map((j) => [j.journeyId, j]));
      const candidates = ranking
        .ranked(municipality.id, { journeyId: journey?.journeyId, publishedJourneysOnly: true, limit: PUBLIC_TOP })
        .filter((c) => maps.has(c.journey_id))
        .map((c) => {
          const map = maps.get(c.journey_id)!;
          return { ...c, journeyTitle: map.snapshot.journey.title, journeySlug: map.slug, step: map.steps.find((s) => s.id === c.step_id) ?? null };
        });
      res.render('ranking/top', {
        title: journey ? req.t('ranking.public.titleForJourney', { journey: journey.snapshot.journey.title }) : req.t('ranking.public.title'),
        journey,
        candidates,
        journeys: [...maps.values()],
      });
    },
  };
}
