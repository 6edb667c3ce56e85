// Staff paths under /admin: platform administration, then each municipality's pages by role.
import { Router } from 'express';
import { auditRefusedAccess, loadStaffMunicipality, requirePlatformAdmin, requireRole, requireSignIn } from '../../middleware/auth';
import { noStore } from '../../middleware/security-headers';
import type { Services } from '../../services';
import { departmentsRoutes } from '../departments/departments.routes';
import { journeyEditorRoutes } from '../journeys/journeys.routes';
import { moderationRoutes } from '../moderation/moderation.routes';
import { insightsRoutes } from '../insights/insights.routes';
import { portfolioRoutes } from '../portfolio/portfolio.routes';
import { adminController } from './admin.controller';
import { settingsController } from './settings.controller';
import { staffController } from './staff.controller';

export function adminRoutes(services: Services): Router {
  const admin = adminController(services);
  const settings = settingsController(services);
  const users = staffController(services);
  const router = Router();
  router.use(noStore, requireSignIn);

  router.get('/', admin.home);
  router.get('/municipalities/new', requirePlatformAdmin, admin.newMunicipality.get);
  router.post('/municipalities', requirePlatformAdmin, admin.newMunicipality.post);
  router.get('/audit', requirePlatformAdmin, admin.platformAudit);
  router.post('/invitations/:invitationId/accept', users.acceptInvitation);
  router.post('/invitations/:invitationId/decline', users.declineInvitation);

  const m = Router({ mergeParams: true });
  router.use('/:municipality', loadStaffMunicipality(services.auth, services.municipalities), m);
  m.get('/', admin.municipalityHome);
  m.use('/journeys', journeyEditorRoutes(services));
  m.use('/departments', departmentsRoutes(services));
  m.use('/moderation', moderationRoutes(services));
  m.use('/insights', insightsRoutes(services));
  m.use('/portfolio', portfolioRoutes(services));
  m.get('/settings', requireRole('admin'), settings.get);
  m.post('/settings', requireRole('admin'), settings.post);
  m.get('/settings/audit', requireRole('admin'), settings.audit);
  m.get('/settings/users', requireRole('admin'), users.list);
  m.get('/settings/users/new', requireRole('admin'), users.create.get);
  m.post('/settings/users', requireRole('admin'), users.create.post);
  m.get('/settings/users/:userId', requireRole('admin'), users.edit);
  m.post('/settings/users/:userId/roles', requireRole('admin'), users.setRoles);
  m.post('/settings/users/:userId/disable', requireRole('admin'), users.disable);
  m.post('/settings/users/:userId/enable', requireRole('admin'), users.enable);
  m.post('/settings/users/:userId/remove', requireRole('admin'), users.remove);
  m.post('/settings/invitations/:invitationId/withdraw', requireRole('admin'), users.withdrawInvitation);
  router.use(auditRefusedAccess(services.audit));
  return router;
}
