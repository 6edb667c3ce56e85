// Staff paths of moderation, under /admin/:municipality/moderation (moderators and admins).
import { Router } from 'express';
import { requireRole } from '../../middleware/auth';
import type { Services } from '../../services';
import { moderationController } from './moderation.controller';

export function moderationRoutes(services: Services): Router {
  const c = moderationController(services);
  const r = Router({ mergeParams: true });
  r.use(requireRole('moderator'));
  r.get('/', c.queue);
  r.get('/:painPointId', c.detail);
  r.post('/:painPointId/approve', c.approve);
  r.post('/:painPointId/reject', c.reject);
  r.post('/:painPointId/redact', c.redact);
  r.post('/:painPointId/merge', c.merge);
  r.post('/:painPointId/unmerge', c.unmerge);
  r.post('/:painPointId/answer', c.answer);
  r.post('/:painPointId/clear-flags', c.clearFlags);
  return r;
}
