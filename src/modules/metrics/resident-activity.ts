// Votes and reports accepted, counted where the feedback service accepts them (its FeedbackActivity port), so the
// feedback module never imports metrics. Plain counters: Prometheus' rate() turns them into votes and reports a minute.
import { Counter } from 'prom-client';
import type { FeedbackActivity } from '../feedback/feedback-activity.port';

export const ACTIVITY_PREFIX = 'reisekart_';

export class ResidentActivity implements FeedbackActivity {
  // Not registered here: the app's registry takes them (metrics-registry.ts), one registry per app.
  readonly votes = new Counter({
    name: `${ACTIVITY_PREFIX}votes_accepted_total`,
    help: 'Votes ("me too") accepted and stored since the process started',
    registers: [],
  });
  readonly reports = new Counter({
    name: `${ACTIVITY_PREFIX}reports_accepted_total`,
    help: 'Reports (pain points) accepted and stored since the process started, demo seed included',
    registers: [],
  });

  voteAccepted(): void {
    this.votes.inc();
  }

  reportAccepted(): void {
    this.reports.inc();
  }
}
