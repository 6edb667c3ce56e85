// One truth about a report's status (#18): residents' pages, insights, the API, feeds and exports all read the stored
// answer (pain_points.response_status), and this decides it from the moderator's own answer and the initiatives the
// report belongs to. Before, a moderator's earlier answer always stood, so a report declined and later picked up by
// an initiative in progress still said "declined, the case is closed" on its page while "vi gjør" listed it as
// being worked on.
import type { ResponseStatus } from '../feedback/feedback-vocabulary';
import { PROPAGATED_STATUS, type InitiativeStatus } from './portfolio-vocabulary';

/** The initiative furthest along speaks for the report: one in progress outweighs another that was declined. */
const PRECEDENCE: readonly InitiativeStatus[] = ['in_progress', 'paused', 'planned', 'done', 'declined', 'proposed'];

export interface ReportAnswer {
  status: ResponseStatus;
  /** Answered by a moderator in person (not carried over from an initiative). */
  byModerator: boolean;
}

export interface LinkedInitiative {
  status: InitiativeStatus;
  publicNote: string;
}

/** What a report goes back to when the initiatives that answered it no longer do: open, being looked at again. */
const REOPENED: ResponseStatus = 'under_review';
/** Answers that say nothing about an initiative, so losing one leaves them standing. */
const NOT_FROM_AN_INITIATIVE: readonly ResponseStatus[] = ['received', 'under_review'];

/**
 * The answer the report's initiatives give it, or null when it keeps the one it has: the same status already, a
 * declined initiative against a moderator's own answer, or no initiative with a say (none, or only proposed ones)
 * while the answer is a moderator's own or says nothing of initiatives. Anything planned, under way, paused or done
 * overrides an earlier answer, a moderator's too: residents are told what is being done, and a declined report that
 * an initiative picks up reopens. An answer that came from initiatives which no longer speak for the report (it was
 * taken out, or they went back to proposed) is not left claiming what nobody does: the report is under review again.
 */
export function answerFromInitiatives(answer: ReportAnswer, initiatives: readonly LinkedInitiative[]): { status: ResponseStatus; note: string } | null {
  const leading = [...initiatives].sort((a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status))[0];
  const status = leading && PROPAGATED_STATUS[leading.status];
  if (!leading || !status) {
    return answer.byModerator || NOT_FROM_AN_INITIATIVE.includes(answer.status) ? null : { status: REOPENED, note: '' };
  }
  if (status === answer.status) return null;
  if (answer.byModerator && leading.status === 'declined') return null;
  return { status, note: leading.publicNote };
}
