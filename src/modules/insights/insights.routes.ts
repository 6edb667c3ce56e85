// Staff paths of insights, under /admin/:municipality/insights (analysts and admins).
import { Router } from 'express';
import { requireRole } from '../../middleware/auth';
import type { Services } from '../../services';
import { insightsController } from './insights.controller';

export function insightsRoutes(services: Services): Router {
  const c = insightsController(services);
  const r = Router({ mergeParams: true });
  r.use(requireRole('analyst'));
  r.get('/', c.index);
  r.get('/export', c.exportTable);
  r.get('/:painPointId', c.explain);
  return r;
}
