// Handlers of the open data API: parse the query, call the API service, send JSON. No state changes, no cookies.
import type { Request, Response } from 'express';
import { paths } from '../../paths';
import { ApiError } from './api-errors';
import { decodeCursor, encodeCursor } from './api-cursor';
import { KeptJson, sendJson } from './api-http';
import { CandidatesQuerySchema, LIMIT_DEFAULT, NoQuerySchema, parseQuery } from './api.schema';
import type { ApiService } from './api.service';

export function apiController(api: ApiService) {
  const municipalityOf = (req: Request) => api.municipality(String(req.params.municipality));
  const kept = new KeptJson();

  return {
    municipalities(req: Request, res: Response) {
      parseQuery(NoQuerySchema, req.query);
      sendJson(req, res, { municipalities: api.municipalities() });
    },

    journeys(req: Request, res: Response) {
      const m = municipalityOf(req);
      parseQuery(NoQuerySchema, req.query);
      return kept.send(req, res, api.version(m, api.asOf()), () => ({ municipality: m.slug, journeys: api.journeys(m) }));
    },

    journey(req: Request, res: Response) {
      const m = municipalityOf(req);
      parseQuery(NoQuerySchema, req.query);
      const slug = String(req.params.journey);
      const asOf = api.asOf();
      return kept.send(req, res, api.version(m, asOf), () => api.journey(m, slug, asOf));
    },

    /** A page of the ranking. The first page fixes `asOf`; its cursor carries that moment, the offset and the filter. */
    candidates(req: Request, res: Response) {
      const m = municipalityOf(req);
      const q = parseQuery(CandidatesQuerySchema, req.query);
      const now = api.now();
      let offset = 0;
      let asOf = api.asOf();
      let journeySlug = q.journey ?? null;
      if (q.cursor !== undefined) {
        const decoded = decodeCursor(q.cursor, now);
        if (!decoded.ok) {
          throw decoded.reason === 'expired'
            ? new ApiError(400, 'cursor_expired', 'the cursor is more than a day old: start again from the first page')
            : new ApiError(400, 'invalid_cursor', 'cursor must be a nextCursor value returned by this API');
        }
        if (q.journey !== undefined && q.journey !== decoded.cursor.journey) {
          throw new ApiError(400, 'invalid_cursor', 'the cursor was issued for another journey filter');
        }
        ({ offset, asOf } = decoded.cursor);
        journeySlug = decoded.cursor.journey;
      }
      const journey = journeySlug === null ? null : api.journeyFilter(m, journeySlug);
      const limit = q.limit ?? LIMIT_DEFAULT;
      // The address holds the filter, limit and cursor; the version, the data and the moment `asOf` comes from.
      return kept.send(req, res, api.version(m, asOf), async () => {
        const page = await api.candidates(m, { journey, limit, offset, asOf });
        const nextCursor = page.hasMore ? encodeCursor({ offset: offset + page.candidates.length, asOf, journey: journeySlug }) : null;
        return {
          municipality: m.slug,
          journey: journeySlug,
          asOf: asOf.toISOString(),
          settings: page.settings,
          limit,
          candidates: page.candidates,
          nextCursor,
          next: nextCursor && paths.api.candidates({ municipality: m.slug }, { limit, cursor: nextCursor }),
        };
      });
    },
  };
}
