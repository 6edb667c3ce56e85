// The route table: every path the portal serves, with its guards and its handler, in the order Express tries them.
// Paths come from src/paths.ts; app.ts mounts `openRoutes` before cookies and sessions, `pageRoutes` after them.
import { Router } from 'express';
import type { Db } from './db/connection';
import { auditRefusedAccess, loadStaffMunicipality, requirePlatformAdmin, requireRole, requireSignIn } from './middleware/auth';
import { loadPublicMunicipality } from './middleware/public-municipality';
import { residentRateLimits } from './middleware/rate-limits';
import { noStore } from './middleware/security-headers';
import { adminController } from './modules/accounts/admin.controller';
import { authController } from './modules/accounts/auth.controller';
import type { LoginThrottleService } from './modules/accounts/login-throttle.service';
import { settingsController } from './modules/accounts/settings.controller';
import { staffController } from './modules/accounts/staff.controller';
import { apiErrorHandler, apiNotFound, openCors, readOnly } from './modules/api/api-http';
import { apiController } from './modules/api/api.controller';
import { ApiService } from './modules/api/api.service';
import { departmentsController } from './modules/departments/departments.controller';
import { feedbackController } from './modules/feedback/feedback.controller';
import { insightsController } from './modules/insights/insights.controller';
import { journeyEditorController } from './modules/journeys/journey-editor.controller';
import { publicJourneysController } from './modules/journeys/public-journeys.controller';
import { moderationController } from './modules/moderation/moderation.controller';
import { portfolioController } from './modules/portfolio/portfolio.controller';
import { publicRankingController } from './modules/ranking/public-ranking.controller';
import { healthController } from './modules/site/health.controller';
import { siteController } from './modules/site/site.controller';
import { paths as p } from './paths';
import type { Services } from './services';

/**
 * Answered before cookies, sessions and CSRF: the health check, and the open data API (read-only, CORS open, JSON
 * only, never a cookie).
 */
export function openRoutes(services: Services, db: Db): Router {
  const health = healthController(db);
  const api = apiController(new ApiService(services));
  const r = Router();

  r.get(p.health.pattern, health.check);

  r.use(p.api.root.pattern, openCors, readOnly);
  r.get(p.api.municipalities.pattern, api.municipalities);
  r.get(p.api.journeys.pattern, api.journeys);
  r.get(p.api.journey.pattern, api.journey);
  r.get(p.api.candidates.pattern, api.candidates);
  // Everything under /api/v1 ends here, so no API request reaches the HTML pages, their cookies or their error page.
  r.use(p.api.root.pattern, apiNotFound);
  r.use(p.api.root.pattern, apiErrorHandler);
  return r;
}

/** The HTML pages: sign-in, staff pages under /admin, the portal's own pages, then each municipality's public pages. */
export function pageRoutes(services: Services, loginThrottle: LoginThrottleService): Router {
  const auth = authController(services, loginThrottle);
  const admin = adminController(services);
  const settings = settingsController(services);
  const staff = staffController(services);
  const journeys = journeyEditorController(services);
  const departments = departmentsController(services);
  const moderation = moderationController(services);
  const insights = insightsController(services);
  const portfolio = portfolioController(services);
  const site = siteController(services);
  const publicJourneys = publicJourneysController(services);
  const feedback = feedbackController(services);
  const ranking = publicRankingController(services);

  const adminRole = requireRole('admin');
  const designer = requireRole('designer');
  const moderator = requireRole('moderator');
  const analyst = requireRole('analyst');
  const portfolioEditor = requireRole('designer', 'analyst');
  // Only a confirmed submission uses up the report limit; the check step does not.
  const reportLimits = residentRateLimits('report', (req) => req.body?.confirmed === '1');

  const r = Router();

  // Sign-in, sign-out and first-admin setup.
  r.get(p.login.pattern, noStore, auth.login.get);
  r.post(p.login.pattern, noStore, auth.login.post);
  r.post(p.logout.pattern, noStore, auth.logout);
  r.get(p.setup.pattern, noStore, auth.setup.get);
  r.post(p.setup.pattern, noStore, auth.setup.post);

  // Staff: everything under /admin, known path or not, is private and needs a signed-in person.
  r.use(p.admin.home.pattern, noStore, requireSignIn);
  r.get(p.admin.home.pattern, admin.home);
  r.get(p.admin.newMunicipality.pattern, requirePlatformAdmin, admin.newMunicipality.get);
  r.post(p.admin.municipalities.pattern, requirePlatformAdmin, admin.newMunicipality.post);
  r.get(p.admin.audit.pattern, requirePlatformAdmin, admin.platformAudit);
  r.post(p.admin.acceptInvitation.pattern, staff.acceptInvitation);
  r.post(p.admin.declineInvitation.pattern, staff.declineInvitation);

  // A municipality's staff pages: only its members (and platform admins) get past the loader; then each area's role.
  r.use(p.admin.municipality.pattern, loadStaffMunicipality(services.auth, services.municipalities));
  r.get(p.admin.municipality.pattern, admin.municipalityHome);

  r.get(p.admin.journeys.index.pattern, designer, journeys.list);
  r.get(p.admin.journeys.new.pattern, designer, journeys.create.get);
  r.post(p.admin.journeys.index.pattern, designer, journeys.create.post);
  r.get(p.admin.journeys.import.pattern, designer, journeys.importDocument.get);
  r.post(p.admin.journeys.import.pattern, designer, journeys.importDocument.post);
  r.get(p.admin.journeys.copy.pattern, designer, journeys.copy.get);
  r.post(p.admin.journeys.copyFrom.pattern, designer, journeys.copy.post);
  r.get(p.admin.journeys.show.pattern, designer, journeys.show);
  r.get(p.admin.journeys.edit.pattern, designer, journeys.details.get);
  r.post(p.admin.journeys.edit.pattern, designer, journeys.details.post);
  r.get(p.admin.journeys.preview.pattern, designer, journeys.preview);
  r.get(p.admin.journeys.versions.pattern, designer, journeys.versions);
  r.get(p.admin.journeys.diff.pattern, designer, journeys.diff);
  r.get(p.admin.journeys.exportJson.pattern, designer, journeys.exportJson);
  r.post(p.admin.journeys.publish.pattern, designer, journeys.publish);
  r.post(p.admin.journeys.archive.pattern, designer, journeys.archive);
  r.post(p.admin.journeys.restore.pattern, designer, journeys.restore);
  r.post(p.admin.journeys.phases.pattern, designer, journeys.addPhase);
  r.get(p.admin.journeys.phaseEdit.pattern, designer, journeys.phase.get);
  r.post(p.admin.journeys.phaseEdit.pattern, designer, journeys.phase.post);
  r.post(p.admin.journeys.phaseMove.pattern, designer, journeys.movePhase);
  r.post(p.admin.journeys.phaseRemove.pattern, designer, journeys.removePhase);
  r.get(p.admin.journeys.newStep.pattern, designer, journeys.newStep.get);
  r.post(p.admin.journeys.phaseSteps.pattern, designer, journeys.newStep.post);
  r.get(p.admin.journeys.stepEdit.pattern, designer, journeys.step.get);
  r.post(p.admin.journeys.stepEdit.pattern, designer, journeys.step.post);
  r.post(p.admin.journeys.stepMove.pattern, designer, journeys.moveStep);
  r.post(p.admin.journeys.stepRemove.pattern, designer, journeys.removeStep);
  r.post(p.admin.journeys.stepMerge.pattern, designer, journeys.mergeStep);

  r.get(p.admin.departments.index.pattern, designer, departments.list);
  r.post(p.admin.departments.index.pattern, designer, departments.create);
  r.get(p.admin.departments.edit.pattern, designer, departments.edit.get);
  r.post(p.admin.departments.edit.pattern, designer, departments.edit.post);
  r.post(p.admin.departments.remove.pattern, designer, departments.remove);

  r.get(p.admin.moderation.queue.pattern, moderator, moderation.queue);
  r.get(p.admin.moderation.detail.pattern, moderator, moderation.detail);
  r.post(p.admin.moderation.approve.pattern, moderator, moderation.approve);
  r.post(p.admin.moderation.reject.pattern, moderator, moderation.reject);
  r.post(p.admin.moderation.redact.pattern, moderator, moderation.redact);
  r.post(p.admin.moderation.merge.pattern, moderator, moderation.merge);
  r.post(p.admin.moderation.unmerge.pattern, moderator, moderation.unmerge);
  r.post(p.admin.moderation.answer.pattern, moderator, moderation.answer);
  r.post(p.admin.moderation.clearFlags.pattern, moderator, moderation.clearFlags);

  r.get(p.admin.insights.index.pattern, analyst, insights.index);
  r.get(p.admin.insights.export.pattern, analyst, insights.exportTable);
  r.get(p.admin.insights.explain.pattern, analyst, insights.explain);

  // Every staff role reads the portfolio; designers and analysts (and admins) edit it.
  r.get(p.admin.portfolio.board.pattern, portfolio.board);
  r.get(p.admin.portfolio.export.pattern, portfolio.exportBoard);
  r.get(p.admin.portfolio.new.pattern, portfolioEditor, portfolio.create.get);
  r.post(p.admin.portfolio.board.pattern, portfolioEditor, portfolio.create.post);
  r.post(p.admin.portfolio.linkFromCandidate.pattern, portfolioEditor, portfolio.linkFromCandidate);
  r.get(p.admin.portfolio.show.pattern, portfolio.show);
  r.get(p.admin.portfolio.edit.pattern, portfolioEditor, portfolio.edit.get);
  r.post(p.admin.portfolio.edit.pattern, portfolioEditor, portfolio.edit.post);
  r.post(p.admin.portfolio.candidates.pattern, portfolioEditor, portfolio.link);
  r.post(p.admin.portfolio.unlink.pattern, portfolioEditor, portfolio.unlink);

  r.get(p.admin.settings.index.pattern, adminRole, settings.get);
  r.post(p.admin.settings.index.pattern, adminRole, settings.post);
  r.get(p.admin.settings.audit.pattern, adminRole, settings.audit);
  r.get(p.admin.settings.users.pattern, adminRole, staff.list);
  r.get(p.admin.settings.newUser.pattern, adminRole, staff.create.get);
  r.post(p.admin.settings.users.pattern, adminRole, staff.create.post);
  r.get(p.admin.settings.user.pattern, adminRole, staff.edit);
  r.post(p.admin.settings.userRoles.pattern, adminRole, staff.setRoles);
  r.post(p.admin.settings.disableUser.pattern, adminRole, staff.disable);
  r.post(p.admin.settings.enableUser.pattern, adminRole, staff.enable);
  r.post(p.admin.settings.removeUser.pattern, adminRole, staff.remove);
  r.post(p.admin.settings.withdrawInvitation.pattern, adminRole, staff.withdrawInvitation);

  // Every refusal above is written to the audit log before the error page.
  r.use(p.admin.home.pattern, auditRefusedAccess(services.audit));

  // The portal's own public pages.
  r.get(p.home.pattern, site.home);
  r.get(p.accessibility.pattern, site.accessibility);

  // A resident's own contributions, in every municipality.
  r.get(p.mine.pattern, feedback.mine);
  r.post(p.deleteMyReport.pattern, feedback.deleteMine);
  r.post(p.deleteMyVote.pattern, feedback.deleteMyVote);

  // A municipality's public pages take any remaining first path segment, so they come last.
  r.use(p.municipality.pattern, loadPublicMunicipality(services.municipalities));
  r.get(p.municipality.pattern, publicJourneys.municipality);
  r.get(p.journey.pattern, publicJourneys.map);
  r.get(p.step.pattern, publicJourneys.step);
  r.get(p.journeyReport.pattern, feedback.report.get);
  r.post(p.journeyReport.pattern, ...reportLimits, feedback.report.post);
  r.get(p.stepReport.pattern, feedback.report.get);
  r.post(p.stepReport.pattern, ...reportLimits, feedback.report.post);
  r.get(p.journeyFeed.pattern, feedback.feed);
  r.get(p.painPoint.pattern, feedback.painPoint);
  r.post(p.painPointVote.pattern, ...residentRateLimits('vote'), feedback.vote);
  r.post(p.painPointWithdraw.pattern, feedback.withdraw);
  r.get(p.painPointFlag.pattern, feedback.flag.get);
  r.post(p.painPointFlag.pattern, ...residentRateLimits('flag'), feedback.flag.post);
  r.get(p.top.pattern, ranking.top);
  r.get(p.doing.pattern, portfolio.doing);
  return r;
}
