// The portfolio's fixed vocabularies and RANKING.md's weights for effort and confidence.
import type { ResponseStatus } from '../feedback/feedback-vocabulary';

export const EFFORTS = ['S', 'M', 'L', 'XL'] as const;
export type Effort = (typeof EFFORTS)[number];
export const EFFORT_WEIGHT: Record<Effort, number> = { S: 1, M: 2, L: 4, XL: 8 };

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_WEIGHT: Record<Confidence, number> = { low: 0.5, medium: 0.8, high: 1.0 };

export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'declined'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** What linked pain points show when their initiative reaches a status (proposed changes nothing). */
export const PROPAGATED_STATUS: Partial<Record<InitiativeStatus, ResponseStatus>> = {
  planned: 'planned',
  in_progress: 'in_progress',
  done: 'solved',
  declined: 'declined',
};

/** RANKING.md: priority = (Σ need score of linked candidates) × confidence / effort. */
export function priority(needSum: number, effort: Effort, confidence: Confidence): number {
  return (needSum * CONFIDENCE_WEIGHT[confidence]) / EFFORT_WEIGHT[effort];
}
