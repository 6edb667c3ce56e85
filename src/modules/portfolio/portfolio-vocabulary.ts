// The portfolio's fixed vocabularies and RANKING.md's weights for effort and confidence.
import type { ResponseStatus } from '../feedback/feedback-vocabulary';

export const EFFORTS = ['S', 'M', 'L', 'XL'] as const;
export type Effort = (typeof EFFORTS)[number];
export const EFFORT_WEIGHT: Record<Effort, number> = { S: 1, M: 2, L: 4, XL: 8 };

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { low: 0.5, medium: 0.8, high: 1.0 };

export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in_progress', 'paused', 'done', 'declined'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const isInitiativeStatus = (value: string): value is InitiativeStatus => (INITIATIVE_STATUSES as readonly string[]).includes(value);

/**
 * The moves the board offers on each card, one button each. The edit form may still set any status (to correct a
 * mistake); the board holds to the usual path so that a click never does something surprising. Done and declined
 * are ends: reopening one is a deliberate edit.
 */
export const BOARD_MOVES: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  proposed: ['planned', 'declined'],
  planned: ['in_progress', 'declined'],
  in_progress: ['paused', 'done'],
  paused: ['in_progress', 'declined'],
  done: [],
  declined: [],
};

/** How staff make room under the WIP limit for one more initiative in progress. */
export const MAKE_ROOM_ACTIONS = ['pause', 'finish'] as const;
export type MakeRoomAction = (typeof MAKE_ROOM_ACTIONS)[number];
export const MAKE_ROOM_STATUS: Record<MakeRoomAction, InitiativeStatus> = { pause: 'paused', finish: 'done' };

/**
 * What linked pain points show when their initiative reaches a status (proposed changes nothing). Pain points have
 * no "paused" answer of their own (the feedback module's vocabulary), so a paused initiative's pain points go back to
 * planned: still meant to be done, no longer being worked on, which "in progress" would wrongly claim.
 */
export const PROPAGATED_STATUS: Partial<Record<InitiativeStatus, ResponseStatus>> = {
  planned: 'planned',
  in_progress: 'in_progress',
  paused: 'planned',
  done: 'solved',
  declined: 'declined',
};

/** RANKING.md: priority = (Σ need score of linked candidates) × confidence / effort. */
export function priority(needSum: number, effort: Effort, confidence: Confidence): number {
  return (needSum * CONFIDENCE_WEIGHT[confidence]) / EFFORT_WEIGHT[effort];
}
