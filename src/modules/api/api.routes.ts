// Paths of the open data API, mounted at /api/v1 before cookies and sessions: read-only, CORS open, JSON only.
import { Router } from 'express';
import type { Services } from '../../services';
import { apiErrorHandler, apiNotFound, openCors, readOnly } from './api-http';
import { apiController } from './api.controller';
import { ApiService } from './api.service';

export function apiRoutes(services: Services): Router {
  const c = apiController(new ApiService(services));
  const r = Router();
  r.use(openCors, readOnly);
  r.get('/municipalities', c.municipalities);
  r.get('/municipalities/:municipality/journeys', c.journeys);
  r.get('/municipalities/:municipality/journeys/:journey', c.journey);
  r.get('/municipalities/:municipality/candidates', c.candidates);
  // Everything under /api/v1 ends here, so no API request reaches the HTML pages, their cookies or their error page.
  r.use(apiNotFound);
  r.use(apiErrorHandler);
  return r;
}
