// Builds the repositories and services over one database connection. Only composition roots call it: the server, the
// CLI, the benchmark's data generator and the test harness, each once.
import { ownReaders, type Db } from './db/connection';
import type { Clock } from './lib/clock';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { DepartmentsRepository } from './modules/departments/departments.repository';
import { DepartmentsService } from './modules/departments/departments.service';
import { FeedbackRepository } from './modules/feedback/feedback.repository';
import { FeedbackService } from './modules/feedback/feedback.service';
import { journeyFeedback } from './modules/feedback/journey-feedback.port';
import { painPointLinks } from './modules/feedback/pain-point-links.port';
import { painPointModeration } from './modules/feedback/pain-point-moderation.port';
import { GroupCommit } from './db/group-commit';
import { ModerationService } from './modules/moderation/moderation.service';
import { ExperiencesRepository } from './modules/feedback/experiences.repository';
import { ExperiencesService } from './modules/feedback/experiences.service';
import { SavedAnswersRepository } from './modules/moderation/saved-answers.repository';
import { SavedAnswersService } from './modules/moderation/saved-answers.service';
import { RankingRepository } from './modules/ranking/ranking.repository';
import { insightsReader } from './modules/insights/insights-reader';
import { InsightsRepository } from './modules/insights/insights.repository';
import { InsightsService } from './modules/insights/insights.service';
import { PortfolioRepository } from './modules/portfolio/portfolio.repository';
import { PortfolioService } from './modules/portfolio/portfolio.service';
import { RankingService } from './modules/ranking/ranking.service';
import { VerifiedSupportersRepository } from './modules/ranking/verified-supporters.repository';
import { VerifiedSupportersService } from './modules/ranking/verified-supporters.service';
import { JourneyEditorService } from './modules/journeys/journey-editor.service';
import { JourneysRepository } from './modules/journeys/journeys.repository';
import { PublicJourneysService } from './modules/journeys/public-journeys.service';
import { HandoversService } from './modules/journeys/handovers.service';
import { JourneyLanesService } from './modules/journeys/journey-lanes.service';
import { TranslationsService } from './modules/journeys/translations.service';
import { CommentsRepository } from './modules/journeys/review/comments.repository';
import { ReviewService } from './modules/journeys/review/review.service';
import { MunicipalitiesRepository } from './modules/municipalities/municipalities.repository';
import { MunicipalitiesService } from './modules/municipalities/municipalities.service';
import { AuthService } from './modules/sign-in/auth.service';
import { LoginThrottleRepository } from './modules/sign-in/login-throttle.repository';
import { LoginThrottleService, type LoginLimits } from './modules/sign-in/login-throttle.service';
import { SessionsRepository } from './modules/sign-in/sessions.repository';
import { SetupTokensRepository } from './modules/sign-in/setup-tokens.repository';
import { staffSsoFor } from './modules/sign-in/staff-sso.service';
import type { StaffOidcConfig } from './config';
import { StaffService } from './modules/staff/staff.service';
import { TwoFactorRepository } from './modules/two-factor/two-factor.repository';
import { TwoFactorService } from './modules/two-factor/two-factor.service';
import { InvitationOutbox } from './modules/notices/invitation-outbox';
import { UsersRepository } from './modules/staff/users.repository';
import { ChangeNotices } from './modules/notices/change-notices';
import { DeviceLinksRepository } from './modules/notices/device-links.repository';
import { DeviceLinksService } from './modules/notices/device-links.service';
import { FollowsService } from './modules/notices/follows.service';
import { FixAnswersService } from './modules/notices/fix-answers.service';
import { FixAnswers } from './modules/feedback/fix-answers';
import { FixAnswersRepository } from './modules/feedback/fix-answers.repository';
import type { MailTransport } from './modules/notices/mail-transport';
import { NoticeMail } from './modules/notices/notice-mail';
import { NoticeSender, type SenderOptions } from './modules/notices/notice-sender';
import { NoticesRepository } from './modules/notices/notices.repository';
import { VerificationRepository } from './modules/verification/verification.repository';
import { VerificationService } from './modules/verification/verification.service';
import type { Logger } from './lib/logger';
import { BackupRunsRepository } from './modules/operations/backup-runs.repository';
import { BackupService } from './modules/operations/backup.service';
import { ResidentActivity } from './modules/metrics/resident-activity';

export type { Clock } from './lib/clock';

export function buildServices(db: Db, clock: Clock = () => new Date()) {
  const audit = new AuditService(new AuditRepository(db), clock);
  const ranking = new RankingService(new RankingRepository(db), clock, ownReaders(db, RankingRepository));
  const users = new UsersRepository(db);
  const sessions = new SessionsRepository(db);
  const journeys = new JourneysRepository(db);
  const departments = new DepartmentsService(new DepartmentsRepository(db), audit, clock);
  const feedbackRepo = new FeedbackRepository(db);
  const insightsRepo = new InsightsRepository(db);
  // Residents following by e-mail (#20): feedback, moderation and the portfolio queue their notices through these
  // ports, inside the transaction of each change.
  const noticesRepo = new NoticesRepository(db);
  const changeNotices = new ChangeNotices(noticesRepo, clock);
  const follows = new FollowsService(noticesRepo, clock);
  const publicJourneys = new PublicJourneysService(journeys);
  const readInsights = insightsReader(db, insightsRepo);
  const portfolio = new PortfolioService(new PortfolioRepository(db), painPointLinks(feedbackRepo, changeNotices), departments, ranking, audit, clock, changeNotices);
  /** Votes and reports accepted, for the metrics (#22): counted by feedback through its FeedbackActivity port. */
  const residentActivity = new ResidentActivity();
  const feedback = new FeedbackService(feedbackRepo, ranking, clock, new GroupCommit(db), changeNotices, residentActivity);
  /** Residents' own stories on existing reports (#20.5). */
  const experiences = new ExperiencesService(new ExperiencesRepository(db), feedback, clock);
  /** Residents' answers to "is it fixed?" (#20.3): read by the report's page, insights and the portfolio. */
  const fixAnswerCounts = new FixAnswers(new FixAnswersRepository(db));
  const municipalities = new MunicipalitiesService(new MunicipalitiesRepository(db), audit, clock, (id) => ranking.rebuildSums(id));
  const journeyEditor = new JourneyEditorService(
    journeys,
    departments,
    audit,
    clock,
    { hasFeedback: (stepId) => feedbackRepo.stepHasFeedback(stepId), move: (from, to) => feedbackRepo.moveToStep(from, to) },
    // A new journey is written in its municipality's default language (#19.9).
    municipalities,
  );
  return {
    clock,
    ranking,
    insights: new InsightsService(insightsRepo, ranking, publicJourneys, readInsights),
    /** Verified supporters per step (the API) and per pain point (moderation), where no kept count has them (#21.3). */
    verifiedSupporters: new VerifiedSupportersService(new VerifiedSupportersRepository(db), ranking),
    portfolio,
    insightsReader: readInsights,
    feedback,
    residentActivity,
    /** What the journey map and step pages show of residents' feedback (the journeys module's JourneyFeedback port). */
    journeyFeedback: journeyFeedback(feedback, ranking),
    moderation: new ModerationService(painPointModeration(feedbackRepo, changeNotices), ranking, audit, clock, portfolio, experiences),
    experiences,
    /** Following reports and journeys by e-mail: requests, confirmation, unsubscribe, the manage page, cleanup (#20). */
    follows,
    /** "Is it fixed?" (#20.3): the signed links' answers, and the rule that reopens a report. */
    fixAnswers: new FixAnswersService(noticesRepo, fixAnswerCounts, follows, painPointLinks(feedbackRepo, changeNotices), audit, clock),
    fixAnswerCounts,
    /** Sign-in links that join a resident's earlier contributions to another browser (#20.4). */
    deviceLinks: new DeviceLinksService(new DeviceLinksRepository(db), noticesRepo, audit, clock),
    /** The outbox's sender, made by the server (and tests) with where the mail goes. */
    noticeSender: (mail: { baseUrl: string; from: string; transport: MailTransport; logger: Logger; options?: SenderOptions }) =>
      new NoticeSender(noticesRepo, follows, new NoticeMail(mail.baseUrl, mail.from), mail.transport, clock, mail.logger, mail.options),
    savedAnswers: new SavedAnswersService(new SavedAnswersRepository(db), audit, clock),
    departments,
    journeyEditor,
    publicJourneys,
    /** Comments on drafts by staff of other departments, resolved by the designers (#19.7). */
    review: new ReviewService(new CommentsRepository(db), journeyEditor, audit, clock),
    /** The journey's own lanes under the fixed ones (#19.4). */
    journeyLanes: new JourneyLanesService(journeys, journeyEditor, audit),
    /** Handovers between departments, stated on the steps of a working copy (#19.2). */
    handovers: new HandoversService(journeys, journeyEditor, departments, audit, clock),
    /** Translations of a journey's text into the languages it is not written in (#19.9). */
    translations: new TranslationsService(journeys, journeyEditor, audit, clock),
    audit,
    // Sign-in reads the staff accounts through its port, which the users repository fills.
    auth: new AuthService(users, new SetupTokensRepository(db), audit, clock, { endAllOf: (userId) => sessions.deleteOf(userId) }),
    /** The sign-in throttle: made by the app, whose session secret its keyed hashes are derived from. */
    loginThrottle: (secret: string, limits: LoginLimits) =>
      new LoginThrottleService(new LoginThrottleRepository(db), audit, (email) => users.byEmail(email)?.id, secret, limits, clock),
    /** Staff single sign-on (#21.1): made by the app when STAFF_OIDC_* are set, with the portal's own address. */
    staffSso: (oidc: StaffOidcConfig, baseUrl: string) => staffSsoFor(oidc, baseUrl, users, audit, clock),
    // Invitations go out by e-mail through the residents' outbox (#21.2).
    staff: new StaffService(users, audit, clock, { endAllOf: (userId) => sessions.deleteOf(userId) }, new InvitationOutbox(noticesRepo)),
    /**
     * TOTP as staff members' second factor, and who must have it (#21.2); its secrets' sealing key is set by the app
     * (createApp: twoFactor.configure). Enrolling or removing it ends the user's other sessions.
     */
    twoFactor: new TwoFactorService(new TwoFactorRepository(db), audit, clock, { endOthersOf: (userId, keep) => sessions.deleteOthersOf(userId, keep), endAllOf: (userId) => sessions.deleteOf(userId) }),
    municipalities,
    /** Scheduled backups (#22.2): configured and started by the server; status() for the admin page and /metrics. */
    backups: new BackupService(db, new BackupRunsRepository(db), clock),
    /** Residents' ID-porten verifications (#21.3): stored, removed, listed; the flow itself is the app's (it needs the settings). */
    verification: new VerificationService(new VerificationRepository(db), audit, clock),
  };
}

export type Services = ReturnType<typeof buildServices>;
