// Residents' pages: a municipality's published journeys, a journey map with its pain lane, and a step with its feedback.
import type { NextFunction, Request, Response } from 'express';
import type { SharedPages } from '../../middleware/shared-pages';
import type { Locale } from '../../lib/i18n';
import { idParam } from '../../lib/params';
import type { DepartmentsService } from '../departments/departments.service';
import { showMap } from './journey-language';
import type { PublicJourneysService } from './public-journeys.service';

/** What a step's cell in the pain lane shows: public reports, distinct supporters, summed need and a heat level. */
export interface PainLaneStep {
  painPoints: number;
  supporters: number;
  needSum: number;
  heat: number;
}

/** The order and page of a list of pain points, as read from the page's query. */
export interface PainPointListQuery {
  sort: string;
  side: number;
}

/** One page of a list of pain points, as views/feedback/pain-point-page.ejs shows it. */
export interface PainPointList {
  items: unknown[];
  total: number;
  page: number;
  pages: number;
  from: number;
}

/**
 * What the map and step pages show of residents' feedback: a port the feedback module implements
 * (src/modules/feedback/journey-feedback.port.ts, wired in src/services.ts). Feedback builds on journeys, so the
 * journeys module names here what it needs rather than importing it.
 */
export interface JourneyFeedback {
  /** The severities a "me too" in the lists may carry. */
  readonly severities: readonly number[];
  /**
   * Makes what the journey's pages read of its pain points ready without holding the event loop (in turns); call it
   * before painLane and list.
   */
  prepare(municipalityId: number, journeyId: number): Promise<void>;
  /** Per step of the journey with public pain points, its cell in the pain lane. */
  painLane(municipalityId: number, journeyId: number): Map<number, PainLaneStep>;
  /** The list's order and page from the query; a value outside the vocabulary is refused (400). */
  listQuery(query: unknown): PainPointListQuery;
  /** One page of the public pain points on a step (`stepId` null: on the journey as a whole), the visitor's own marked. */
  list(municipalityId: number, journeyId: number, stepId: number | null, query: PainPointListQuery, participantKey: string | null): PainPointList;
}

export interface PublicJourneysDeps {
  publicJourneys: PublicJourneysService;
  departments: DepartmentsService;
  journeyFeedback: JourneyFeedback;
  /** The ranking's page version, the key the shared pages are kept by (named, not imported: the ranking builds on feedback). */
  ranking: { pageVersion(municipalityId: number): string };
  sharedPages: SharedPages;
}

export function publicJourneysController({ publicJourneys, departments, journeyFeedback, ranking, sharedPages }: PublicJourneysDeps) {
  /** Everything these pages show moves the municipality's data version (migrations 0008, 0013) or the ranking's moment. */
  const versionOf = (municipalityId: number) => () => ranking.pageVersion(municipalityId);
  /**
   * The page's language: journey text shows in it where translated, and is marked with the journey's language where
   * not (#19.9). Kept pages are kept per language (shared-pages.ts), so each language's copy has its own text.
   */
  const languageOf = (res: Response) => res.locals.lang as Locale;

  return {
    municipality(req: Request, res: Response, next: NextFunction) {
      const municipality = req.municipality!;
      const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
      sharedPages.send(req, res, next, {
        view: 'journeys/municipality',
        version: versionOf(municipality.id),
        locals: () => {
          const lang = languageOf(res);
          const groups = publicJourneys.listByLifeEvent(municipality.id, query).map((group) => ({
            ...group,
            journeys: group.journeys.map((j) => showMap(j, lang)).sort((a, b) => a.snapshot.journey.title.localeCompare(b.snapshot.journey.title, lang)),
          }));
          return { title: municipality.name, query, groups, departments: departments.list(municipality.id) };
        },
      });
    },

    map(req: Request, res: Response, next: NextFunction) {
      const municipality = req.municipality!;
      const published = publicJourneys.map(municipality.id, String(req.params.journey));
      const list = journeyFeedback.listQuery(req.query);
      sharedPages.send(req, res, next, {
        view: 'journeys/map',
        version: versionOf(municipality.id),
        locals: async () => {
          const map = showMap(published, languageOf(res));
          await journeyFeedback.prepare(municipality.id, map.journeyId);
          return {
            title: `${map.snapshot.journey.title} – ${municipality.name}`,
            preview: false,
            map,
            journeyParams: { municipality: municipality.slug, journey: map.slug },
            pain: journeyFeedback.painLane(municipality.id, map.journeyId),
            journeyPainPoints: journeyFeedback.list(municipality.id, map.journeyId, null, list, req.participantKey ?? null),
            sort: list.sort,
            severities: journeyFeedback.severities,
          };
        },
      });
    },

    step(req: Request, res: Response, nextHandler: NextFunction) {
      const municipality = req.municipality!;
      const found = publicJourneys.step(municipality.id, String(req.params.journey), idParam(req, 'stepId'));
      const list = journeyFeedback.listQuery(req.query);
      sharedPages.send(req, res, nextHandler, {
        view: 'journeys/step',
        version: versionOf(municipality.id),
        locals: async () => {
          const map = showMap(found.map, languageOf(res));
          const step = map.steps[found.step.index]!;
          const previous = map.steps[step.index - 1];
          const next = map.steps[step.index + 1];
          await journeyFeedback.prepare(municipality.id, map.journeyId);
          return {
            title: `${step.title} – ${map.snapshot.journey.title}`,
            map,
            step,
            previous,
            next,
            sort: list.sort,
            painPoints: journeyFeedback.list(municipality.id, map.journeyId, step.id, list, req.participantKey ?? null),
            pain: journeyFeedback.painLane(municipality.id, map.journeyId),
            severities: journeyFeedback.severities,
            journeyParams: { municipality: municipality.slug, journey: map.slug },
          };
        },
      });
    },
  };
}
