// Paths of residents' feedback: under /:municipality for reports, votes, flags and feeds; /mine for one's own.
import { Router } from 'express';
import { residentRateLimits } from '../../middleware/rate-limits';
import type { Services } from '../../services';
import { feedbackController } from './feedback.controller';

/** Routes that belong to no municipality: a resident's own contributions across the platform. */
export function myContributionRoutes(services: Services): Router {
  const c = feedbackController(services);
  const r = Router();
  r.get('/mine', c.mine);
  r.post('/mine/innspill/:painPointId/slett', c.deleteMine);
  r.post('/mine/stemmer/:painPointId/slett', c.deleteMyVote);
  return r;
}

/** Mounted under /:municipality after the municipality is resolved. */
export function feedbackRoutes(services: Services): Router {
  const c = feedbackController(services);
  const r = Router({ mergeParams: true });
  // Only a confirmed submission uses up the report limit; the check step does not.
  const reportLimits = residentRateLimits('report', (req) => req.body?.confirmed === '1');
  r.get('/reiser/:journey/meld', c.report.get);
  r.post('/reiser/:journey/meld', ...reportLimits, c.report.post);
  r.get('/reiser/:journey/steg/:stepId/meld', c.report.get);
  r.post('/reiser/:journey/steg/:stepId/meld', ...reportLimits, c.report.post);
  r.get('/reiser/:journey/feed.atom', c.feed);
  r.get('/innspill/:painPointId', c.painPoint);
  r.post('/innspill/:painPointId/meg-ogsa', ...residentRateLimits('vote'), c.vote);
  r.post('/innspill/:painPointId/trekk', c.withdraw);
  r.get('/innspill/:painPointId/rapporter', c.flag.get);
  r.post('/innspill/:painPointId/rapporter', ...residentRateLimits('flag'), c.flag.post);
  return r;
}
