// The feedback module's side of the journey map and step pages (the JourneyFeedback port named in
// src/modules/journeys/public-journeys.controller.ts, wired in src/services.ts): the pain lane and the lists of pain points.
import { parseQuery } from '../../lib/forms';
import type { JourneyFeedback } from '../journeys/public-journeys.controller';
import { SEVERITIES, STEP_SORTS } from './feedback-vocabulary';
import { StepQuerySchema } from './feedback.schema';
import type { FeedbackService } from './feedback.service';

/** Heat levels of the pain lane: the step with the most summed need is 4; the shade only repeats the numbers in text. */
export const HEAT_LEVELS = 4;

/** What the pain lane needs of the ranking (named, not imported: the ranking builds on feedback). */
export interface StepNeeds {
  /** Summed need score of the candidates on each step of a journey. */
  stepNeeds(municipalityId: number, journeyId: number): Map<number, number>;
  /** Reads the journey's candidates in turns, so that its step needs and rankings are then computed in memory. */
  prepareJourney(municipalityId: number, journeyId: number): Promise<void>;
}

export function journeyFeedback(feedback: FeedbackService, ranking: StepNeeds): JourneyFeedback {
  return {
    severities: SEVERITIES,

    prepare: (municipalityId, journeyId) => ranking.prepareJourney(municipalityId, journeyId),

    painLane(municipalityId, journeyId) {
      const summaries = feedback.stepSummaries(municipalityId, journeyId);
      const needs = ranking.stepNeeds(municipalityId, journeyId);
      const max = Math.max(0, ...needs.values());
      return new Map(
        [...summaries].map(([stepId, s]) => {
          const needSum = needs.get(stepId) ?? 0;
          return [stepId, { ...s, needSum, heat: max > 0 ? Math.max(1, Math.ceil((HEAT_LEVELS * needSum) / max)) : 0 }];
        }),
      );
    },

    listQuery: (query) => parseQuery(StepQuerySchema, query),

    list(municipalityId, journeyId, stepId, query, participantKey) {
      // The query came from listQuery above, so its sort is one of ours.
      const sort = STEP_SORTS.find((s) => s === query.sort) ?? 'important';
      const participantId = feedback.participantId(participantKey);
      return stepId === null
        ? feedback.forJourneyAsWhole(municipalityId, journeyId, sort, query.side, participantId)
        : feedback.forStep(municipalityId, journeyId, stepId, sort, query.side, participantId);
    },
  };
}
