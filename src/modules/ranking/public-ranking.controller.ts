// "What residents say matters most": the public ranking of improvement candidates, with every figure in words.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { parseQuery } from '../../lib/forms';
import type { SharedPages } from '../../middleware/shared-pages';
import type { Locale } from '../../lib/i18n';
import { CLOSED_STATUSES } from '../feedback/feedback-vocabulary';
import { showMap } from '../journeys/journey-language';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import type { RankingService } from './ranking.service';

export const PUBLIC_TOP = 20;
/** Closed items (solved, declined) shown apart, below the open ones. */
export const PUBLIC_CLOSED = 10;
/**
 * How far down the ranking the page looks to fill both lists: about one candidate in ten is closed, so a hundred
 * hold twenty open ones unless nearly everything at the top is done (then the open list is shorter, never wrong).
 */
const LOOK_DOWN = 100;

// ?reise= narrows to one journey; unknown keys (such as ?lang=) are ignored.
const TopQuerySchema = z.object({ reise: z.string().regex(/^[a-z0-9-]{1,80}$/).optional() });

export interface PublicRankingDeps {
  ranking: RankingService;
  publicJourneys: PublicJourneysService;
  sharedPages: SharedPages;
}

export function publicRankingController({ ranking, publicJourneys, sharedPages }: PublicRankingDeps) {
  return {
    top(req: Request, res: Response, next: NextFunction) {
      const municipality = req.municipality!;
      const query = parseQuery(TopQuerySchema, req.query);
      const published = query.reise ? publicJourneys.map(municipality.id, query.reise) : null;
      const municipalityId = municipality.id;
      sharedPages.send(req, res, next, {
        view: 'ranking/top',
        version: () => ranking.pageVersion(municipalityId),
        // Read only when the page is rendered, not for a kept copy.
        locals: async () => {
          // Journey and step titles in the page's language where translated, marked with the journey's where not (#19.9).
          const lang = res.locals.lang as Locale;
          const journey = published ? showMap(published, lang) : null;
          const maps = new Map(publicJourneys.listByLifeEvent(municipalityId).flatMap((g) => g.journeys).map((j) => [j.journeyId, showMap(j, lang)]));
          const ranked = (await ranking.rankedInTurns(municipalityId, { journeyId: journey?.journeyId, publishedJourneysOnly: true, limit: LOOK_DOWN }))
            .filter((c) => maps.has(c.journey_id))
            .map((c) => {
              const map = maps.get(c.journey_id)!;
              return {
                ...c,
                journeyTitle: map.snapshot.journey.title,
                journeyTitleLang: map.snapshot.journey.lang.title ?? null,
                journeySlug: map.slug,
                step: map.steps.find((s) => s.id === c.step_id) ?? null,
              };
            });
          return {
            title: journey ? req.t('ranking.public.titleForJourney', { journey: journey.snapshot.journey.title }) : req.t('ranking.public.title'),
            journey,
            // Open items in ranking order first; closed ones apart, labelled, so "most important" lists what is open.
            candidates: ranked.filter((c) => !CLOSED_STATUSES.includes(c.response_status)).slice(0, PUBLIC_TOP),
            closed: ranked.filter((c) => CLOSED_STATUSES.includes(c.response_status)).slice(0, PUBLIC_CLOSED),
            journeys: [...maps.values()],
          };
        },
      });
    },
  };
}
