// "Looks like the same thing": the similarity residents see at the check step, and moderators when they choose what a
// duplicate is merged into (#18), so both are shown the same reports for the same text.
import { draftSearch, mostSimilar } from '../../lib/similarity';
import type { FeedbackRepository, SimilarityCandidate } from './feedback.repository';

export const SIMILARITY_THRESHOLD = 0.2;

export interface SimilarScope {
  /** A report already stored is not like itself. */
  exceptId?: number;
  /** Only reports on this step (null: about the journey as a whole); undefined: the whole journey. */
  stepId?: number | null;
  limit: number;
}

/** The journey's published reports most like `text`, likeliest first, with their similarity (0-1). */
export function similarReports(repo: FeedbackRepository, journeyId: number, text: string, scope: SimilarScope): { item: SimilarityCandidate; score: number }[] {
  // The index narrows the journey's pain points to the few sharing trigrams with the text; the ranking is as before.
  const candidates = repo
    .similarityCandidates(journeyId, draftSearch(text))
    .filter((c) => c.id !== scope.exceptId && (scope.stepId === undefined || c.step_id === scope.stepId));
  return mostSimilar(text, candidates, (c) => `${c.title} ${c.body}`, SIMILARITY_THRESHOLD, scope.limit);
}
