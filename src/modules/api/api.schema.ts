// Query schemas of the open data API. Strict: an unknown parameter is a 400, so a typo such as `?limt=` is not
// silently ignored. Express's simple query parser gives strings, or arrays when a parameter is repeated (refused too).
import { z } from 'zod';
import { ApiError } from './api-errors';

/** Slugs of municipalities and journeys, as the editors accept them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LIMIT_MIN = 1;
export const LIMIT_MAX = 200;
export const LIMIT_DEFAULT = 50;

export const NoQuerySchema = z.strictObject({});

export const CandidatesQuerySchema = z.strictObject({
  journey: z.string().max(80).regex(SLUG_PATTERN).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.int().min(LIMIT_MIN).max(LIMIT_MAX))
    .optional(),
  cursor: z
    .string()
    .min(1)
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});
export type CandidatesQuery = z.infer<typeof CandidatesQuerySchema>;

const MESSAGES: Record<string, string> = {
  journey: 'journey must be the slug of a published journey (lower-case letters, digits and hyphens), given once',
  limit: `limit must be a whole number from ${LIMIT_MIN} to ${LIMIT_MAX}, given once`,
  cursor: 'cursor must be a nextCursor value returned by this API, given once',
};

/** Parses a request's query; the first problem becomes a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new ApiError(400, 'unknown_parameter', `unknown query parameter: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}`);
  }
  const name = String(issue.path[0] ?? '');
  throw new ApiError(400, name === 'cursor' ? 'invalid_cursor' : 'invalid_parameter', MESSAGES[name] ?? 'invalid query parameter');
}
