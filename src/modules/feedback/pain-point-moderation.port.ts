// The feedback module's port for moderation: what moderators' rules read and change of pain points, their flags and
// answers. The rules stay in src/modules/moderation; the rows and their SQL stay here (wired in src/services.ts).
import type { FlagReason, ModerationStatus, ResponseStatus } from './feedback-vocabulary';
import type { FeedbackRepository, PainPointRow, PainPointWithSupport } from './feedback.repository';

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
  /** Other published pain points of the journey, as merge targets. */
  mergeTargets(journeyId: number, exceptId: number): { id: number; title: string }[];
  /** Published, rejected (with the reason) or pending; a merge is undone by publishing. */
  setStatus(id: number, status: ModerationStatus, now: string, rejectionReason?: string): void;
  merge(id: number, targetId: number): void;
  /** Closes the open flags and shows the pain point again. */
  resolveFlags(id: number, now: string): void;
  updateText(id: number, title: string, body: string): void;
  /** The moderator's own answer: the pain point's public status and text, and an entry in the journey's history. */
  answer(painPoint: { id: number; journey_id: number }, status: ResponseStatus, text: string, now: string): void;
}

export function painPointModeration(repo: FeedbackRepository): PainPointModeration {
  return {
    transaction: (work) => repo.transaction(work),
    queue: (municipalityId, filter, limit) => repo.queue(municipalityId, filter, limit),
    get: (municipalityId, id) => repo.byId(municipalityId, id),
    mergedInto: (id) => repo.mergedInto(id),
    openFlags: (id) => repo.openFlags(id),
    mergeTargets: (journeyId, exceptId) => repo.mergeTargets(journeyId, exceptId),
    setStatus: (id, status, now, rejectionReason) => repo.setModeration(id, status, now, rejectionReason),
    merge: (id, targetId) => repo.merge(id, targetId),
    resolveFlags: (id, now) => repo.resolveFlags(id, now),
    updateText: (id, title, body) => repo.updateText(id, title, body),
    answer(painPoint, status, text, now) {
      repo.setResponse(painPoint.id, status, text, true, now);
      repo.insertEvent(painPoint.id, painPoint.journey_id, status, text, now);
    },
  };
}
