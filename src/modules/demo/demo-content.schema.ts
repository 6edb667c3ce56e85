// Schemas of the demo content files in demo/ (described in demo/README.md). The journeys themselves are in the
// journey exchange format and use its own schema (journey-document.schema.ts); these cover the rest.
import { z } from 'zod';
import { CONFIDENCES, EFFORTS, INITIATIVE_STATUSES } from '../portfolio/portfolio-vocabulary';
import { RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import { BODY_MAX, TITLE_MAX } from '../feedback/feedback.schema';
import { DepartmentDocumentSchema } from '../journeys/journey-document.schema';
import { CHANNELS } from '../journeys/journey-vocabulary';

/** Residents' reports are dated within the year before the seed; the residents themselves a little earlier. */
export const MAX_DAYS_AGO = 365;
/** Reports newer than this are still waiting for moderation, so the demo has a moderation queue; older ones are published. */
export const PENDING_WITHIN_DAYS = 10;

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** demo/municipality.json: the municipality, its departments, and which journey files to load in which order. */
export const DemoMunicipalitySchema = z.strictObject({
  municipality: z.strictObject({
    slug,
    name: text(120),
    kommunenummer: z.string().regex(/^\d{4}$/),
    defaultLocale: z.enum(['nb', 'nn', 'en']),
  }),
  departments: z.array(DepartmentDocumentSchema),
  /** The moderators' saved answers (#18), so the moderation pages show them in use. */
  savedAnswers: z.array(z.strictObject({ title: text(80), body: text(2000) })).default([]),
  // File names inside demo/journeys/; the order is the order of import, and so of the journeys' ids.
  journeys: z.array(z.string().regex(/^[a-z0-9-]+\.reisekart\.json$/)).min(1),
});
export type DemoMunicipality = z.infer<typeof DemoMunicipalitySchema>;

export const DemoPainPointSchema = z.strictObject({
  journey: slug,
  /** The title of the step it is about, or null for the journey as a whole. */
  step: text(160).nullable(),
  title: text(TITLE_MAX),
  body: text(BODY_MAX),
  severity: z.number().int().min(1).max(5),
  channel: z.enum(CHANNELS).nullable(),
  /** How many other residents say "me too"; a draw that picks the reporter is skipped, so a few less in the end. */
  supporters: z.number().int().min(0).max(200),
  daysAgo: z.number().int().min(1).max(MAX_DAYS_AGO),
  /** The municipality's official answer, given two weeks after the report. */
  answer: z.strictObject({ status: z.enum(RESPONSE_STATUSES).exclude(['received']), text: text(2000) }).optional(),
  /** The title of the pain point of the same journey this one repeats; the seed merges it into that one. */
  duplicateOf: text(TITLE_MAX).optional(),
});
export type DemoPainPoint = z.infer<typeof DemoPainPointSchema>;

/** demo/feedback.json: the residents' pain points, in the order they are written (which the demo's draws follow). */
export const DemoFeedbackSchema = z.strictObject({ painPoints: z.array(DemoPainPointSchema) });

export const DemoInitiativeSchema = z.strictObject({
  title: text(160),
  description: z.string().trim().max(4000),
  /** Departments by name: one listed in municipality.json or brought by a journey. */
  owner: text(120),
  departments: z.array(text(120)),
  effort: z.enum(EFFORTS),
  confidence: z.enum(CONFIDENCES),
  status: z.enum(INITIATIVE_STATUSES),
  progress: z.number().int().min(0).max(100),
  publicNote: z.string().trim().max(2000),
  /** The initiative answers this many of the journey's top-ranked candidates at the time of the seed. */
  answers: z.strictObject({ journey: slug, topCandidates: z.number().int().min(0).max(20) }),
});
export type DemoInitiative = z.infer<typeof DemoInitiativeSchema>;

/** demo/initiatives.json: the improvement work, so the board and "what we are doing" have content. */
export const DemoInitiativesSchema = z.strictObject({ initiatives: z.array(DemoInitiativeSchema) });
