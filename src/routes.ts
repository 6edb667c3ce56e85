// The route table: every path the portal serves, with its guards and its handler, in the order Express tries them.
// Paths come from src/paths.ts; app.ts mounts `openRoutes` before cookies and sessions, `pageRoutes` after them.
import { Router } from 'express';
import type { Db } from './db/connection';
import { auditRefusedAccess, loadStaffMunicipality, requirePlatformAdmin, requireRole, requireSignIn } from './middleware/auth';
import { loadPublicMunicipality } from './middleware/public-municipality';
import { followRateLimits, residentRateLimits } from './middleware/rate-limits';
import { noStore } from './middleware/cache-headers';
import type { SharedPages } from './middleware/shared-pages';
import { apiErrorHandler, apiNotFound, openCors, readOnly } from './modules/api/api-http';
import { apiController } from './modules/api/api.controller';
import { ApiService } from './modules/api/api.service';
import { openDataController } from './modules/api/open-data.controller';
import type { Metrics } from './modules/metrics';
import { auditController } from './modules/audit/audit.controller';
import { departmentsController } from './modules/departments/departments.controller';
import { feedbackController } from './modules/feedback/feedback.controller';
import { passwordChangeController } from './modules/sign-in/password-change.controller';
import { experiencesController } from './modules/feedback/experiences.controller';
import { insightsController } from './modules/insights/insights.controller';
import { journeysController } from './modules/journeys/editor/journeys.controller';
import { loadJourney } from './modules/journeys/editor/load-journey';
import { phasesController } from './modules/journeys/editor/phases.controller';
import { publishingController } from './modules/journeys/editor/publishing.controller';
import { sharingController } from './modules/journeys/editor/sharing.controller';
import { stepsController } from './modules/journeys/editor/steps.controller';
import { handoversController } from './modules/journeys/editor/handovers.controller';
import { lanesController } from './modules/journeys/editor/lanes.controller';
import { translationsController } from './modules/journeys/editor/translations.controller';
import { publicJourneysController } from './modules/journeys/public-journeys.controller';
import { moderationController } from './modules/moderation/moderation.controller';
import { noticesController } from './modules/notices/notices.controller';
import { deviceLinksController } from './modules/notices/device-links.controller';
import { fixAnswersController } from './modules/notices/fix-answers.controller';
import { savedAnswersController } from './modules/moderation/saved-answers.controller';
import { reviewController } from './modules/journeys/review/review.controller';
import { municipalitiesController } from './modules/municipalities/municipalities.controller';
import { settingsController } from './modules/municipalities/settings.controller';
import { portfolioController } from './modules/portfolio/portfolio.controller';
import { publicRankingController } from './modules/ranking/public-ranking.controller';
import type { LoginThrottleService } from './modules/sign-in/login-throttle.service';
import { signInController } from './modules/sign-in/sign-in.controller';
import { secondFactorController } from './modules/sign-in/second-factor.controller';
import { twoFactorController } from './modules/two-factor/two-factor.controller';
import { invitationLinkController } from './modules/staff/invitation-link.controller';
import { requireTwoFactorEnrolment } from './middleware/require-two-factor';
import { requireSsoSession } from './middleware/require-sso-session';
import { staffSsoController } from './modules/sign-in/staff-sso.controller';
import type { StaffSsoService } from './modules/sign-in/staff-sso.service';
import { residentVerification, type VerificationController } from './modules/verification';
import { healthController } from './modules/site/health.controller';
import { siteController } from './modules/site/site.controller';
import { staffHomeController } from './modules/staff/staff-home.controller';
import { staffController } from './modules/staff/staff.controller';
import { paths as p } from './paths';
import type { Services } from './services';

/**
 * Answered before cookies, sessions and CSRF: the health check, and the open data API (read-only, CORS open, JSON
 * only, never a cookie).
 */
export function openRoutes(services: Services, db: Db, open: { metrics: Metrics; baseUrl: string }): Router {
  const health = healthController(db);
  const apiService = new ApiService(services);
  const api = apiController(apiService);
  const openData = openDataController(apiService, open.baseUrl);
  const r = Router();

  r.get(p.health.pattern, health.check);
  // Prometheus metrics (#22.3): for the configured addresses and the token; anyone else is sent on to the 404 page.
  r.get(p.metrics.pattern, open.metrics.onlyAllowed, open.metrics.scrape);

  r.use(p.api.root.pattern, openCors, readOnly);
  r.get(p.api.municipalities.pattern, api.municipalities);
  r.get(p.api.journeys.pattern, api.journeys);
  r.get(p.api.journey.pattern, api.journey);
  r.get(p.api.candidates.pattern, api.candidates);
  r.get(p.api.candidatesCsv.pattern, openData.candidatesCsv);
  r.get(p.api.openapi.pattern, openData.openapi);
  r.get(p.api.dcat.pattern, openData.catalogue);
  // Everything under /api/v1 ends here, so no API request reaches the HTML pages, their cookies or their error page.
  r.use(p.api.root.pattern, apiNotFound);
  r.use(p.api.root.pattern, apiErrorHandler);
  return r;
}

/** The HTML pages: sign-in, staff pages under /admin, the portal's own pages, then each municipality's public pages. */
export function pageRoutes(services: Services, sharedPages: SharedPages, loginThrottle: LoginThrottleService, staffSsoService: StaffSsoService | null = null,
  // Without settings its routes are declared all the same (the route lists see them), and answer 404.
  verification: VerificationController = residentVerification({ ...services, settings: null, baseUrl: '', sessionSecret: '' }),
): Router {
  const signIn = signInController({ auth: services.auth, loginThrottle, twoFactor: services.twoFactor, clock: services.clock, staffSso: staffSsoService });
  const secondFactor = secondFactorController({ auth: services.auth, loginThrottle, twoFactor: services.twoFactor, clock: services.clock });
  const twoFactor = twoFactorController(services);
  const invitationLink = invitationLinkController(services);
  const staffSso = staffSsoController({ staffSso: staffSsoService });
  const staffHome = staffHomeController(services);
  const municipalities = municipalitiesController(services);
  // The settings page says when "require single sign-on" cannot take effect: no provider configured.
  const settings = settingsController({ ...services, ssoConfigured: () => staffSsoService !== null });
  const audit = auditController(services);
  const staff = staffController(services);
  const journeys = journeysController(services);
  const publishing = publishingController(services);
  const sharing = sharingController(services);
  const phases = phasesController(services);
  const steps = stepsController(services);
  const lanes = lanesController(services);
  const handovers = handoversController(services);
  const translations = translationsController(services);
  const departments = departmentsController(services);
  const moderation = moderationController(services);
  const savedAnswers = savedAnswersController(services);
  const review = reviewController(services);
  const insights = insightsController(services);
  const portfolio = portfolioController({ ...services, sharedPages });
  const site = siteController({ ...services, sharedPages, verificationOffered: verification.offered });
  const publicJourneys = publicJourneysController({ ...services, sharedPages });
  const experiences = experiencesController(services);
  const feedback = feedbackController({ ...services, sharedPages });
  const ranking = publicRankingController({ ...services, sharedPages });
  const notices = noticesController(services);
  const deviceLinks = deviceLinksController(services);
  const fixAnswers = fixAnswersController(services);

  const adminRole = requireRole('admin');
  const designer = requireRole('designer');
  const moderator = requireRole('moderator');
  const analyst = requireRole('analyst');
  const portfolioEditor = requireRole('designer', 'analyst');
  // Only a confirmed submission uses up the report limit; the check step does not.
  const reportLimits = residentRateLimits('report', (req) => req.body?.confirmed === '1');

  const passwordChange = passwordChangeController(services);
  const r = Router();

  // Sign-in, sign-out and first-admin setup.
  r.get(p.login.pattern, noStore, signIn.login.get);
  r.post(p.login.pattern, noStore, signIn.login.post);
  r.post(p.logout.pattern, noStore, signIn.logout);
  // Staff single sign-on (#21.1): before /admin's sign-in guard, since nobody is signed in yet; 404 when not configured.
  r.post(p.staffSso.start.pattern, noStore, staffSso.start);
  r.get(p.staffSso.callback.pattern, noStore, staffSso.callback);
  r.get(p.setup.pattern, noStore, signIn.setup.get);
  r.post(p.setup.pattern, noStore, signIn.setup.post);
  // The second step of a sign-in with TOTP (#21.2).
  r.get(p.loginCode.pattern, noStore, secondFactor.get);
  r.post(p.loginCode.pattern, noStore, secondFactor.post);
  // An invitation's link (#21.2): before /admin's sign-in guard, since a new person has no account yet.
  r.get(p.admin.invitation.pattern, noStore, invitationLink.get);
  r.post(p.admin.invitation.pattern, noStore, invitationLink.createAccount);

  // Staff: everything under /admin, known path or not, is private and needs a signed-in person.
  r.use(p.admin.home.pattern, noStore, requireSignIn);
  // Where a second factor is required, nothing under /admin but its enrolment until it is enrolled (#21.2).
  r.use(p.admin.home.pattern, requireSsoSession(services.auth), requireTwoFactorEnrolment(services.twoFactor));
  r.get(p.admin.twoFactor.pattern, twoFactor.get);
  r.post(p.admin.twoFactor.pattern, twoFactor.confirm);
  r.post(p.admin.twoFactorStart.pattern, twoFactor.start);
  r.post(p.admin.twoFactorRemove.pattern, twoFactor.remove);
  r.post(p.admin.twoFactorRecoveryCodes.pattern, twoFactor.renewRecoveryCodes);
  r.post(p.admin.invitationAnswer.pattern, invitationLink.answer);
  r.get(p.admin.home.pattern, staffHome.home);
  r.get(p.admin.password.pattern, passwordChange.get);
  r.post(p.admin.password.pattern, passwordChange.post);
  r.get(p.admin.newMunicipality.pattern, requirePlatformAdmin, municipalities.create.get);
  r.post(p.admin.municipalities.pattern, requirePlatformAdmin, municipalities.create.post);
  r.get(p.admin.audit.pattern, requirePlatformAdmin, audit.platform);
  r.post(p.admin.acceptInvitation.pattern, staffHome.acceptInvitation);
  r.post(p.admin.declineInvitation.pattern, staffHome.declineInvitation);

  // A municipality's staff pages: only its members (and platform admins) get past the loader; then each area's role.
  r.use(p.admin.municipality.pattern, loadStaffMunicipality(services.staff, services.municipalities));
  r.get(p.admin.municipality.pattern, municipalities.overview);

  r.get(p.admin.journeys.index.pattern, designer, journeys.list);
  r.get(p.admin.journeys.new.pattern, designer, journeys.create.get);
  r.post(p.admin.journeys.index.pattern, designer, journeys.create.post);
  r.get(p.admin.journeys.import.pattern, designer, sharing.importDocument.get);
  r.post(p.admin.journeys.import.pattern, designer, sharing.importDocument.post);
  r.get(p.admin.journeys.copy.pattern, designer, sharing.copy.get);
  r.post(p.admin.journeys.copyFrom.pattern, designer, sharing.copy.post);
  // One journey and everything under it: the role first (a non-designer gets 403), then the journey in the URL, of
  // this municipality (404 otherwise). After new, import and copy, which would otherwise be taken for a journey id.
  r.use(p.admin.journeys.show.pattern, designer, loadJourney(services.journeyEditor));
  r.get(p.admin.journeys.show.pattern, designer, journeys.show);
  r.get(p.admin.journeys.edit.pattern, designer, journeys.details.get);
  r.post(p.admin.journeys.edit.pattern, designer, journeys.details.post);
  r.get(p.admin.journeys.preview.pattern, designer, publishing.preview);
  r.get(p.admin.journeys.versions.pattern, designer, publishing.versions);
  r.get(p.admin.journeys.diff.pattern, designer, publishing.diff);
  r.get(p.admin.journeys.exportJson.pattern, designer, sharing.exportJson);
  r.get(p.admin.journeys.translations.pattern, designer, translations.get);
  r.post(p.admin.journeys.translations.pattern, designer, translations.post);
  r.post(p.admin.journeys.publish.pattern, designer, publishing.publish);
  r.post(p.admin.journeys.archive.pattern, designer, publishing.archive);
  r.post(p.admin.journeys.restore.pattern, designer, publishing.restore);
  r.post(p.admin.journeys.phases.pattern, designer, phases.addPhase);
  r.get(p.admin.journeys.phaseEdit.pattern, designer, phases.edit.get);
  r.post(p.admin.journeys.phaseEdit.pattern, designer, phases.edit.post);
  r.post(p.admin.journeys.phaseMove.pattern, designer, phases.move);
  r.get(p.admin.journeys.phaseRemove.pattern, designer, phases.confirmRemove);
  r.post(p.admin.journeys.phaseRemove.pattern, designer, phases.remove);
  r.post(p.admin.journeys.phaseGrid.pattern, designer, phases.grid);
  r.post(p.admin.journeys.phaseRestore.pattern, designer, phases.restore);
  r.get(p.admin.journeys.newStep.pattern, designer, steps.create.get);
  r.post(p.admin.journeys.phaseSteps.pattern, designer, steps.create.post);
  r.get(p.admin.journeys.stepEdit.pattern, designer, steps.edit.get);
  r.post(p.admin.journeys.stepEdit.pattern, designer, steps.edit.post);
  r.post(p.admin.journeys.stepMove.pattern, designer, steps.move);
  r.get(p.admin.journeys.stepRemove.pattern, designer, steps.confirmRemove);
  r.post(p.admin.journeys.stepRemove.pattern, designer, steps.remove);
  r.post(p.admin.journeys.stepAddAfter.pattern, designer, steps.addAfter);
  r.post(p.admin.journeys.stepDuplicate.pattern, designer, steps.duplicate);
  r.post(p.admin.journeys.stepToPhase.pattern, designer, steps.toPhase);
  r.post(p.admin.journeys.stepPlace.pattern, designer, steps.place);
  r.post(p.admin.journeys.lanes.pattern, designer, lanes.add);
  r.post(p.admin.journeys.lane.pattern, designer, lanes.rename);
  r.post(p.admin.journeys.laneMove.pattern, designer, lanes.move);
  r.post(p.admin.journeys.laneRemove.pattern, designer, lanes.remove);
  r.post(p.admin.journeys.stepRestore.pattern, designer, steps.restore);
  r.post(p.admin.journeys.stepMerge.pattern, designer, steps.merge);
  r.get(p.admin.journeys.handover.pattern, designer, handovers.get);
  r.post(p.admin.journeys.handover.pattern, designer, handovers.post);
  r.post(p.admin.journeys.handoverRemove.pattern, designer, handovers.remove);

  r.get(p.admin.departments.index.pattern, designer, departments.list);
  r.post(p.admin.departments.index.pattern, designer, departments.create);
  r.get(p.admin.departments.edit.pattern, designer, departments.edit.get);
  r.post(p.admin.departments.edit.pattern, designer, departments.edit.post);
  r.post(p.admin.departments.remove.pattern, designer, departments.remove);

  r.get(p.admin.moderation.queue.pattern, moderator, moderation.queue);
  r.post(p.admin.moderation.bulk.pattern, moderator, moderation.bulk);
  // Every staff role of the municipality reviews drafts and comments; designers resolve (#19.7).
  r.get(p.admin.review.index.pattern, review.index);
  r.get(p.admin.review.journey.pattern, review.show);
  r.post(p.admin.review.comments.pattern, review.comment);
  r.post(p.admin.review.resolve.pattern, designer, review.resolve);

  // Before the pain point's page, whose :painPointId would otherwise take "svar".
  r.post(p.admin.moderation.experience.pattern, moderator, moderation.decideExperience);
  r.get(p.admin.moderation.savedAnswers.pattern, moderator, savedAnswers.list);
  r.post(p.admin.moderation.savedAnswers.pattern, moderator, savedAnswers.create);
  r.get(p.admin.moderation.savedAnswerEdit.pattern, moderator, savedAnswers.edit.get);
  r.post(p.admin.moderation.savedAnswerEdit.pattern, moderator, savedAnswers.edit.post);
  r.post(p.admin.moderation.savedAnswerRemove.pattern, moderator, savedAnswers.remove);
  r.get(p.admin.moderation.detail.pattern, moderator, moderation.detail);
  r.post(p.admin.moderation.approve.pattern, moderator, moderation.approve);
  r.post(p.admin.moderation.reject.pattern, moderator, moderation.reject);
  r.post(p.admin.moderation.redact.pattern, moderator, moderation.redact);
  r.get(p.admin.moderation.merge.pattern, moderator, moderation.mergePreview);
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
  r.post(p.admin.portfolio.move.pattern, portfolioEditor, portfolio.move);
  r.post(p.admin.portfolio.candidates.pattern, portfolioEditor, portfolio.link);
  r.post(p.admin.portfolio.unlink.pattern, portfolioEditor, portfolio.unlink);

  r.get(p.admin.settings.index.pattern, adminRole, settings.get);
  r.post(p.admin.settings.index.pattern, adminRole, settings.post);
  r.get(p.admin.settings.audit.pattern, adminRole, audit.municipality);
  r.get(p.admin.settings.users.pattern, adminRole, staff.list);
  r.get(p.admin.settings.newUser.pattern, adminRole, staff.create.get);
  r.post(p.admin.settings.users.pattern, adminRole, staff.create.post);
  r.get(p.admin.settings.user.pattern, adminRole, staff.edit);
  r.post(p.admin.settings.userRoles.pattern, adminRole, staff.setRoles);
  r.post(p.admin.settings.disableUser.pattern, adminRole, staff.disable);
  r.post(p.admin.settings.enableUser.pattern, adminRole, staff.enable);
  r.post(p.admin.settings.removeUser.pattern, adminRole, staff.remove);
  r.post(p.admin.settings.withdrawInvitation.pattern, adminRole, staff.withdrawInvitation);
  r.post(p.admin.settings.resendInvitation.pattern, adminRole, staff.resendInvitation);

  // Every refusal above is written to the audit log before the error page.
  r.use(p.admin.home.pattern, auditRefusedAccess(services.audit));

  // The portal's own public pages.
  r.get(p.home.pattern, site.home);
  r.get(p.accessibility.pattern, site.accessibility);
  r.get(p.privacy.pattern, site.privacy);

  // A resident's own contributions, in every municipality.
  // Residents' ID-porten verification (#21.3), 404 unless configured: its status and offers on /mine and on the
  // municipality's pages (below); ID-porten's answer (a GET that stores, bound to the sealed cookie the start set);
  // logout at ID-porten and removal (asked first) are POSTs behind Fetch Metadata like every resident's form.
  r.use(p.mine.pattern, verification.locals);
  r.get(p.verification.callback.pattern, verification.callback);
  r.post(p.verification.logout.pattern, verification.logout);
  r.get(p.verification.remove.pattern, verification.remove.get);
  r.post(p.verification.remove.pattern, verification.remove.post);
  r.get(p.mine.pattern, feedback.mine);
  // Deleting asks first on a page of its own (GET), which works without JavaScript; only its button POSTs.
  r.get(p.deleteMyReport.pattern, feedback.confirmDeleteMine);
  r.post(p.deleteMyReport.pattern, feedback.deleteMine);
  r.get(p.deleteMyVote.pattern, feedback.confirmDeleteMyVote);
  r.post(p.deleteMyVote.pattern, feedback.deleteMyVote);
  r.get(p.deleteMyExperience.pattern, experiences.confirmDelete);
  r.post(p.deleteMyExperience.pattern, experiences.delete);
  // Your contributions on another device (#20.4): each request may send an e-mail, so it is limited like a follow's.
  r.get(p.device.request.pattern, deviceLinks.request.get);
  r.post(p.device.request.pattern, ...followRateLimits(), deviceLinks.request.post);
  r.get(p.device.join.pattern, deviceLinks.join.get);
  r.post(p.device.join.pattern, deviceLinks.join.post);

  // Following by e-mail (#20): the links in the e-mails and an address's own page; private, like every form's answer.
  r.get(p.follow.confirm.pattern, notices.confirm.get);
  r.post(p.follow.confirm.pattern, notices.confirm.post);
  r.get(p.follow.unsubscribe.pattern, notices.unsubscribe.get);
  r.post(p.follow.unsubscribe.pattern, notices.unsubscribe.post);
  r.get(p.follow.manage.pattern, notices.manage);
  r.post(p.follow.mode.pattern, notices.setMode);
  r.post(p.follow.remove.pattern, notices.remove);
  r.post(p.follow.deleteAll.pattern, notices.deleteAll);
  r.get(p.follow.fixed.pattern, fixAnswers.get);
  r.post(p.follow.fixed.pattern, fixAnswers.post);

  // A municipality's public pages take any remaining first path segment, so they come last.
  r.use(p.municipality.pattern, loadPublicMunicipality(services.municipalities));
  r.use(p.municipality.pattern, verification.locals);
  r.post(p.verification.start.pattern, verification.start);
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
  // A story counts like a report once it is sent from the check step (#20.5).
  r.post(p.painPointExperience.pattern, ...residentRateLimits('report', (req) => req.body?.confirmed === '1'), experiences.post);
  r.post(p.painPointWithdraw.pattern, feedback.withdraw);
  r.get(p.painPointFlag.pattern, feedback.flag.get);
  r.post(p.painPointFlag.pattern, ...residentRateLimits('flag'), feedback.flag.post);
  r.get(p.painPointFollow.pattern, notices.painPointForm);
  r.post(p.painPointFollow.pattern, ...followRateLimits(), notices.followPainPoint);
  r.get(p.journeyFollow.pattern, notices.journeyForm);
  r.post(p.journeyFollow.pattern, ...followRateLimits(), notices.followJourney);
  r.get(p.top.pattern, ranking.top);
  r.get(p.doing.pattern, portfolio.doing);
  r.get(p.municipalityPrivacy.pattern, site.privacy);
  return r;
}
