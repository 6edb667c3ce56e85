// Filters and sort of the staff insights table; values come from fixed lists, never column names from the request.
import { z } from 'zod';
import { CANDIDATE_SORTS, type CandidateSort } from '../ranking/candidate-order';
import { RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import { LIFE_EVENTS } from '../journeys/journey-vocabulary';

/** The insights table sorts by the candidate orders of the ranking module. */
export const INSIGHT_SORTS = CANDIDATE_SORTS;
export type InsightSort = CandidateSort;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;

const id = z
  .union([z.literal(''), z.string().regex(/^\d{1,12}$/)])
  .optional()
  .transform((v) => (v ? Number(v) : null));
const date = z
  .union([z.literal(''), z.iso.date()])
  .optional()
  .transform((v) => v || null);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values)])
    .optional()
    .transform((v) => (v ? (v as T[number]) : null));

// Unknown keys (such as ?lang=) are ignored; a value outside its list is refused with a 400.
export const InsightsQuerySchema = z.object({
  journey: id,
  lifeEvent: optionalEnum(LIFE_EVENTS),
  department: id,
  step: id,
  status: optionalEnum(RESPONSE_STATUSES),
  from: date,
  to: date,
  sort: z.enum(INSIGHT_SORTS).default('need'),
  page: z
    .union([z.literal(''), z.string().regex(/^\d{1,6}$/)])
    .optional()
    .transform((v) => Math.max(1, Number(v || 1))),
});
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;
export type InsightsFilter = Omit<InsightsQuery, 'sort' | 'page'>;

export const ExportQuerySchema = InsightsQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  separator: z.enum(['semicolon', 'comma']).default('semicolon'),
});
