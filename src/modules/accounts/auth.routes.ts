// Paths of sign-in, sign-out and first-admin setup.
import { Router } from 'express';
import { noStore } from '../../middleware/security-headers';
import type { Services } from '../../services';
import { authController } from './auth.controller';
import type { LoginThrottleService } from './login-throttle.service';

export function authRoutes(services: Services, loginThrottle: LoginThrottleService): Router {
  const c = authController(services, loginThrottle);
  const router = Router();
  router.get('/login', noStore, c.login.get);
  router.post('/login', noStore, c.login.post);
  router.post('/logout', noStore, c.logout);
  router.get('/setup/:token', noStore, c.setup.get);
  router.post('/setup/:token', noStore, c.setup.post);
  return router;
}
