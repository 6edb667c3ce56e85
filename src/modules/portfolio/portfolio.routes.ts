// Paths of the portfolio: staff under /admin/:municipality/portfolio (every staff role reads; admin, designer and
// analyst edit), and residents' "what we are doing" under /:municipality/vi-gjor.
import { Router } from 'express';
import { requireRole } from '../../middleware/auth';
import type { Services } from '../../services';
import { portfolioController } from './portfolio.controller';

export function portfolioRoutes(services: Services): Router {
  const c = portfolioController(services);
  const r = Router({ mergeParams: true });
  const edit = requireRole('designer', 'analyst');
  r.get('/', c.board);
  r.get('/export', c.exportBoard);
  r.get('/new', edit, c.create.get);
  r.post('/', edit, c.create.post);
  r.post('/link', edit, c.linkFromCandidate);
  r.get('/:initiativeId', c.show);
  r.get('/:initiativeId/edit', edit, c.edit.get);
  r.post('/:initiativeId/edit', edit, c.edit.post);
  r.post('/:initiativeId/candidates', edit, c.link);
  r.post('/:initiativeId/candidates/:painPointId/remove', edit, c.unlink);
  return r;
}

export function publicPortfolioRoutes(services: Services): Router {
  const c = portfolioController(services);
  const r = Router({ mergeParams: true });
  r.get('/vi-gjor', c.doing);
  return r;
}
