// The portal's own public paths.
import { Router } from 'express';
import type { Services } from '../../services';
import { siteController } from './site.controller';

export function siteRoutes(services: Services): Router {
  const c = siteController(services);
  const router = Router();
  router.get('/', c.home);
  router.get('/tilgjengelighet', c.accessibility);
  return router;
}
