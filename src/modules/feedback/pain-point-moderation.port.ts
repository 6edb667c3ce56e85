// The feedback module's port for moderation: what moderators' rules read and change of pain points, their flags and
// answers. The rules stay in src/modules/moderation; the rows and their SQL stay here (wired in src/services.ts).
import type { FlagReason, ModerationStatus, ResponseStatus } from './feedback-vocabulary';
import type { FeedbackRepository, PainPointRow, PainPointWithSupport } from './feedback.repository';
import { NO_FOLLOWERS, type PainPointFollowers } from './pain-point-followers';
import { similarReports } from './similar-reports';

export type { PainPointRow, PainPointWithSupport };

export interface QueueFilter {
  journeyId: number | null;
  stepId: number | null;
  status: ModerationStatus | 'all';
  flagged: boolean;
}

export interface PainPointModeration {
  /** Runs `work` in one write transaction: a rule's checks and its writes see the same rows. */
  transaction<T>(work: () => T): T;
  /** The municipality's pain points as the moderation queue shows them: hidden and flagged first. */
  /** Hidden by flags first, then the longest waiting. */
  queue(municipalityId: number, filter: QueueFilter, limit: number): (PainPointWithSupport & { journey_title: string; step_title: string | null })[];
  /** A pain point of this municipality, with its supporters. */
  get(municipalityId: number, id: number): PainPointWithSupport | undefined;
  /** The pain points merged into one. */
  mergedInto(id: number): PainPointRow[];
  openFlags(id: number): { reason: FlagReason; created_at: string }[];
  /**
   * What a pain point may be merged into: other published pain points of its journey, on its own step unless
   * `allSteps`, each with its step's title, alphabetically; and the most similar of them, by the similarity residents
   * are shown when they report (similar-reports.ts), likeliest first.
   */
  mergeTargets(painPoint: PainPointRow, allSteps: boolean): { id: number; title: string; step_title: string | null }[];
  similarTo(painPoint: PainPointRow, allSteps: boolean, limit: number): { id: number; score: number }[];
  /** The title of the step a pain point is on; null for one about the journey as a whole. */
  stepTitleOf(id: number): string | null;
  /** Published, rejected (with the reason) or pending; a merge is undone by publishing. */
  setStatus(id: number, status: ModerationStatus, now: string, rejectionReason?: string): void;
  merge(id: number, targetId: number): void;
  /** Closes the open flags and shows the pain point again. */
  resolveFlags(id: number, now: string): void;
  updateText(id: number, title: string, body: string): void;
  /** The moderator's own answer: the pain point's public status and text, and an entry in the journey's history. */
  answer(painPoint: { id: number; journey_id: number }, status: ResponseStatus, text: string, now: string): void;
}

/** `followers` hears of each answer, rejection and merge inside its transaction, so their e-mail is queued with it (#20). */
export function painPointModeration(repo: FeedbackRepository, followers: PainPointFollowers = NO_FOLLOWERS): PainPointModeration {
  return {
    transaction: (work) => repo.transaction(work),
    queue: (municipalityId, filter, limit) => repo.queue(municipalityId, filter, limit),
    get: (municipalityId, id) => repo.byId(municipalityId, id),
    mergedInto: (id) => repo.mergedInto(id),
    openFlags: (id) => repo.openFlags(id),
    mergeTargets: (p, allSteps) => repo.mergeTargets(p.journey_id, p.id, p.step_id, allSteps),
    stepTitleOf: (id) => repo.stepTitleOf(id),
    similarTo: (p, allSteps, limit) =>
      similarReports(repo, p.journey_id, `${p.title} ${p.body}`, { exceptId: p.id, stepId: allSteps ? undefined : p.step_id, limit }).map(({ item, score }) => ({ id: item.id, score })),
    setStatus(id, status, now, rejectionReason) {
      repo.setModeration(id, status, now, rejectionReason);
      if (status === 'rejected') followers.rejected(id, rejectionReason ?? '');
    },
    merge(id, targetId) {
      repo.merge(id, targetId);
      followers.merged(id, targetId);
    },
    resolveFlags: (id, now) => repo.resolveFlags(id, now),
    updateText: (id, title, body) => repo.updateText(id, title, body),
    answer(painPoint, status, text, now) {
      repo.setResponse(painPoint.id, status, text, true, now);
      repo.insertEvent(painPoint.id, painPoint.journey_id, status, text, now);
      followers.answered(painPoint.id, { status, text, byModerator: true });
    },
  };
}
