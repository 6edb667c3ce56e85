// Loads the journey of every editor route under /admin/:municipality/journeys/:journeyId, once, for the handlers
// (journeyOf) and the views (res.locals.journey). A bad id, or a journey of another municipality, is a 404.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { idParam } from '../../../lib/params';
import type { JourneyEditorService } from '../journey-editor.service';
import type { JourneyRow } from '../journeys.repository';

declare global {
  namespace Express {
    interface Request {
      /** The journey in the URL, of the staff member's municipality (set by loadJourney). */
      journey?: JourneyRow;
    }
  }
}

/** Runs after the municipality loader and the role guard, so only the municipality's designers get this far. */
export function loadJourney(editor: Pick<JourneyEditorService, 'get'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const journey = editor.get(req.municipality!.id, idParam(req, 'journeyId'));
    req.journey = journey;
    res.locals.journey = journey;
    next();
  };
}

/** The journey loadJourney put on the request; a route wired without the loader fails loudly, never silently. */
export function journeyOf(req: Request): JourneyRow {
  if (!req.journey) throw new Error('loadJourney did not run for this route');
  return req.journey;
}
