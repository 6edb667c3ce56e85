// Builds the repositories and services over one database connection. Only composition roots call it: the server, the
// CLI, the benchmark's data generator and the test harness, each once.
import type { Db } from './db/connection';
import type { Clock } from './lib/clock';
import { AuthService } from './modules/accounts/auth.service';
import { LoginThrottleRepository } from './modules/accounts/login-throttle.repository';
import { LoginThrottleService, type LoginLimits } from './modules/accounts/login-throttle.service';
import { MunicipalitiesRepository } from './modules/accounts/municipalities.repository';
import { MunicipalitiesService } from './modules/accounts/municipalities.service';
import { StaffService } from './modules/accounts/staff.service';
import { UsersRepository } from './modules/accounts/users.repository';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { DepartmentsRepository } from './modules/departments/departments.repository';
import { DepartmentsService } from './modules/departments/departments.service';
import { FeedbackRepository } from './modules/feedback/feedback.repository';
import { FeedbackService } from './modules/feedback/feedback.service';
import { GroupCommit } from './db/group-commit';
import { ModerationService } from './modules/moderation/moderation.service';
import { RankingRepository } from './modules/ranking/ranking.repository';
import { InsightsRepository } from './modules/insights/insights.repository';
import { InsightsService } from './modules/insights/insights.service';
import { PortfolioRepository } from './modules/portfolio/portfolio.repository';
import { PortfolioService } from './modules/portfolio/portfolio.service';
import { openReadOnlyDatabase } from './db/connection';
import { RankingService } from './modules/ranking/ranking.service';
import { JourneyEditorService } from './modules/journeys/journey-editor.service';
import { JourneysRepository } from './modules/journeys/journeys.repository';
import { PublicJourneysService } from './modules/journeys/public-journeys.service';

export type { Clock } from './lib/clock';

export function buildServices(db: Db, clock: Clock = () => new Date()) {
  const audit = new AuditService(new AuditRepository(db), clock);
  const ranking = new RankingService(new RankingRepository(db), clock);
  const users = new UsersRepository(db);
  const journeys = new JourneysRepository(db);
  const departments = new DepartmentsService(new DepartmentsRepository(db), audit, clock);
  const feedbackRepo = new FeedbackRepository(db);
  const insightsRepo = new InsightsRepository(db);
  const publicJourneys = new PublicJourneysService(journeys);
  return {
    clock,
    ranking,
    insights: new InsightsService(insightsRepo, ranking, publicJourneys),
    portfolio: new PortfolioService(new PortfolioRepository(db), feedbackRepo, departments, ranking, audit, clock),
    /** Long reads (exports) use their own read-only connection, so writers are never blocked by an open iterator. */
    insightsReader: {
      open() {
        const readOnly = openReadOnlyDatabase(db.name);
        return { repo: new InsightsRepository(readOnly), close: () => readOnly.close() };
      },
      options: (municipalityId: number) => ({ journeys: insightsRepo.journeys(municipalityId), steps: insightsRepo.steps(municipalityId) }),
    },
    feedback: new FeedbackService(feedbackRepo, ranking, clock, new GroupCommit(db)),
    moderation: new ModerationService(feedbackRepo, ranking, audit, clock),
    departments,
    journeyEditor: new JourneyEditorService(journeys, departments, audit, clock, {
      hasFeedback: (stepId) => feedbackRepo.stepHasFeedback(stepId),
      move: (from, to) => feedbackRepo.moveToStep(from, to),
    }),
    publicJourneys,
    audit,
    auth: new AuthService(users, audit, clock),
    /** The sign-in throttle: made by the app, whose session secret its keyed hashes are derived from. */
    loginThrottle: (secret: string, limits: LoginLimits) =>
      new LoginThrottleService(new LoginThrottleRepository(db), audit, (email) => users.byEmail(email)?.id, secret, limits, clock),
    staff: new StaffService(users, audit, clock),
    municipalities: new MunicipalitiesService(new MunicipalitiesRepository(db), audit, clock, (id) => ranking.rebuildSums(id)),
  };
}

export type Services = ReturnType<typeof buildServices>;
