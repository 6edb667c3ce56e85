// Paths of sign-in, sign-out and first-admin setup.
import { Router } from 'express';
import { noStore } from '../../middleware/security-headers';
import { loginRateLimits, type LoginLimits } from '../../middleware/rate-limits';
import type { Services } from '../../services';
import { authController } from './auth.controller';

export function authRoutes(services: Services, limits: LoginLimits): Router {
  const c = authController(services);
  const router = Router();
  router.get('/login', noStore, c.login.get);
  router.post('/login', noStore, ...loginRateLimits(limits), c.login.post);
  router.post('/logout', noStore, c.logout);
  router.get('/setup/:token', noStore, c.setup.get);
  router.post('/setup/:token', noStore, c.setup.post);
  return router;
}
