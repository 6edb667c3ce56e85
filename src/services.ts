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
import { SavedAnswersRepository } from './modules/moderation/saved-answers.repository';
import { SavedAnswersService } from './modules/moderation/saved-answers.service';
import { RankingRepository } from './modules/ranking/ranking.repository';
import { insightsReader } from './modules/insights/insights-reader';
import { InsightsRepository } from './modules/insights/insights.repository';
import { InsightsService } from './modules/insights/insights.service';
import { PortfolioRepository } from './modules/portfolio/portfolio.repository';
import { PortfolioService } from './modules/portfolio/portfolio.service';
import { RankingService } from './modules/ranking/ranking.service';
import { JourneyEditorService } from './modules/journeys/journey-editor.service';
import { JourneysRepository } from './modules/journeys/journeys.repository';
import { PublicJourneysService } from './modules/journeys/public-journeys.service';
import { HandoversService } from './modules/journeys/handovers.service';
import { CommentsRepository } from './modules/journeys/review/comments.repository';
import { ReviewService } from './modules/journeys/review/review.service';
import { MunicipalitiesRepository } from './modules/municipalities/municipalities.repository';
import { MunicipalitiesService } from './modules/municipalities/municipalities.service';
import { AuthService } from './modules/sign-in/auth.service';
import { LoginThrottleRepository } from './modules/sign-in/login-throttle.repository';
import { LoginThrottleService, type LoginLimits } from './modules/sign-in/login-throttle.service';
import { SessionsRepository } from './modules/sign-in/sessions.repository';
import { SetupTokensRepository } from './modules/sign-in/setup-tokens.repository';
import { StaffService } from './modules/staff/staff.service';
import { UsersRepository } from './modules/staff/users.repository';

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
  const publicJourneys = new PublicJourneysService(journeys);
  const readInsights = insightsReader(db, insightsRepo);
  const portfolio = new PortfolioService(new PortfolioRepository(db), painPointLinks(feedbackRepo), departments, ranking, audit, clock);
  const feedback = new FeedbackService(feedbackRepo, ranking, clock, new GroupCommit(db));
  const journeyEditor = new JourneyEditorService(journeys, departments, audit, clock, {
    hasFeedback: (stepId) => feedbackRepo.stepHasFeedback(stepId),
    move: (from, to) => feedbackRepo.moveToStep(from, to),
  });
  return {
    clock,
    ranking,
    insights: new InsightsService(insightsRepo, ranking, publicJourneys, readInsights),
    portfolio,
    insightsReader: readInsights,
    feedback,
    /** What the journey map and step pages show of residents' feedback (the journeys module's JourneyFeedback port). */
    journeyFeedback: journeyFeedback(feedback, ranking),
    moderation: new ModerationService(painPointModeration(feedbackRepo), ranking, audit, clock, portfolio),
    savedAnswers: new SavedAnswersService(new SavedAnswersRepository(db), audit, clock),
    departments,
    journeyEditor,
    publicJourneys,
    /** Comments on drafts by staff of other departments, resolved by the designers (#19.7). */
    review: new ReviewService(new CommentsRepository(db), journeyEditor, audit, clock),
    /** Handovers between departments, stated on the steps of a working copy (#19.2). */
    handovers: new HandoversService(journeys, journeyEditor, departments, audit, clock),
    audit,
    // Sign-in reads the staff accounts through its port, which the users repository fills.
    auth: new AuthService(users, new SetupTokensRepository(db), audit, clock),
    /** The sign-in throttle: made by the app, whose session secret its keyed hashes are derived from. */
    loginThrottle: (secret: string, limits: LoginLimits) =>
      new LoginThrottleService(new LoginThrottleRepository(db), audit, (email) => users.byEmail(email)?.id, secret, limits, clock),
    staff: new StaffService(users, audit, clock, { endAllOf: (userId) => sessions.deleteOf(userId) }),
    municipalities: new MunicipalitiesService(new MunicipalitiesRepository(db), audit, clock, (id) => ranking.rebuildSums(id)),
  };
}

export type Services = ReturnType<typeof buildServices>;
