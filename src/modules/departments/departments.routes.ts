// Staff paths for departments, under /admin/:municipality/departments (designers and admins).
import { Router } from 'express';
import { requireRole } from '../../middleware/auth';
import type { Services } from '../../services';
import { departmentsController } from './departments.controller';

export function departmentsRoutes(services: Services): Router {
  const c = departmentsController(services);
  const router = Router({ mergeParams: true });
  router.use(requireRole('designer'));
  router.get('/', c.list);
  router.post('/', c.create);
  router.get('/:departmentId/edit', c.edit.get);
  router.post('/:departmentId/edit', c.edit.post);
  router.post('/:departmentId/remove', c.remove);
  return router;
}
