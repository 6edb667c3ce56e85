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
  /**
   * Only supporters verified with ID-porten, once per person (#21.3): the candidates they support, ranked by scores
   * computed from them alone (docs/architecture.md, "Verified supporters").
   */
  verified: z
    .union([z.literal(''), z.literal('1')])
    .optional()
    .transform((v) => v === '1'),
  /** Every figure of the formula as columns of the table; by default the compact set (#18). */
  figures: z
    .union([z.literal(''), z.literal('all')])
    .optional()
    .transform((v) => v === 'all'),
});
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

const FILTER_KEYS = ['journey', 'lifeEvent', 'department', 'step', 'status', 'from', 'to', 'verified'] as const;
/** Which candidates the table, charts and exports take: the query without its sort, page and display choices. */
export type InsightsFilter = Pick<InsightsQuery, (typeof FILTER_KEYS)[number]>;

/**
 * The filter alone, in a fixed key order: numbers and pages are kept under it, so the table's page, its sort, the
 * display and an export's format must not make a new key (each page of the table read every candidate again).
 */
export function filterOf(query: InsightsFilter): InsightsFilter {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, query[key]])) as InsightsFilter;
}

/** A candidate's explanation: with `verified=1`, its figures over verified supporters alone (#21.3). */
export const ExplainQuerySchema = InsightsQuerySchema.pick({ verified: true });

export const ExportQuerySchema = InsightsQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  // semicolon: for Norwegian spreadsheets (decimal comma, labels, Norwegian time); comma: machine-readable.
  separator: z.enum(['semicolon', 'comma']).default('semicolon'),
});
