// Public paths of the ranking, mounted under /:municipality.
import { Router } from 'express';
import type { Services } from '../../services';
import { publicRankingController } from './public-ranking.controller';

export function publicRankingRoutes(services: Services): Router {
  const c = publicRankingController(services);
  const r = Router({ mergeParams: true });
  r.get('/viktigst', c.top);
  return r;
}
