// The feedback module's port for the portfolio: which pain points an initiative may answer, and the status they show
// as the initiative moves on. The portfolio keeps its rules (src/modules/portfolio); the SQL stays here.
import type { ResponseStatus } from './feedback-vocabulary';
import type { FeedbackRepository } from './feedback.repository';
import { NO_FOLLOWERS, type PainPointFollowers } from './pain-point-followers';

export interface PainPointLinks {
  /** Whether a pain point of this municipality is a candidate (published, not merged) an initiative may answer. */
  isCandidate(municipalityId: number, id: number): boolean;
  /** The public answer of a pain point of this municipality, or undefined when it has no such pain point. */
  answerOf(municipalityId: number, id: number): { journeyId: number; status: ResponseStatus; byModerator: boolean } | undefined;
  /** An answer that comes from an initiative (not a moderator's own), also in the journey's public history. */
  answerFromInitiative(painPoint: { id: number; journeyId: number }, status: ResponseStatus, note: string, now: string): void;
}

/** `followers` hears of each answer an initiative gives, inside its transaction, so their e-mail is queued with it (#20). */
export function painPointLinks(repo: FeedbackRepository, followers: PainPointFollowers = NO_FOLLOWERS): PainPointLinks {
  return {
    isCandidate: (municipalityId, id) => repo.byId(municipalityId, id)?.moderation_status === 'published',
    answerOf(municipalityId, id) {
      const row = repo.responseOf(municipalityId, id);
      return row && { journeyId: row.journey_id, status: row.response_status, byModerator: row.response_by_moderator === 1 };
    },
    answerFromInitiative(painPoint, status, note, now) {
      repo.setResponse(painPoint.id, status, note, false, now);
      repo.insertEvent(painPoint.id, painPoint.journeyId, status, note, now);
      followers.answered(painPoint.id, { status, text: note, byModerator: false });
    },
  };
}
