// Form schemas of resident feedback (strict: unknown fields are refused).
import { z } from 'zod';
import { wholeNumber } from '../../lib/number-fields';
import { CHANNELS } from '../journeys/journey-vocabulary';
import { FLAG_REASONS, STEP_SORTS } from './feedback-vocabulary';

export const TITLE_MAX = 120;
export const BODY_MAX = 2000;

const severity = z.enum(['1', '2', '3', '4', '5'], 'feedback.validation.severity').transform(Number);

export const ReportInputSchema = z.strictObject({
  title: z.string('validation.required').trim().min(1, 'validation.required').max(TITLE_MAX, 'feedback.validation.titleTooLong'),
  body: z.string('validation.required').trim().min(1, 'validation.required').max(BODY_MAX, 'feedback.validation.bodyTooLong'),
  severity,
  channel: z
    .union([z.literal(''), z.enum(CHANNELS)], 'validation.invalid')
    .optional()
    .transform((v) => (v ? v : null)),
  // Honeypot: hidden from people, filled in by some bots.
  website: z.string().max(500).optional(),
  // Set by the check step's "send" button; without it the check step is shown.
  confirmed: z.literal('1').optional(),
  // The check step's "change" button: back to the form with the values.
  edit: z.literal('1').optional(),
});
export type ReportFormInput = z.infer<typeof ReportInputSchema>;

export const VoteInputSchema = z.strictObject({
  severity: z.union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])], 'feedback.validation.severity').optional().transform((v) => (v ? Number(v) : null)),
  returnTo: z.string().max(500).optional(),
});

/** "Add my experience" (#20.5): the story, the severity of the "me too" it is too, and the check step's "send". */
export const ExperienceInputSchema = z.strictObject({
  body: z.string('validation.required').trim().min(1, 'validation.required').max(BODY_MAX, 'feedback.validation.bodyTooLong'),
  severity: z.union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])], 'feedback.validation.severity').optional().transform((v) => (v ? Number(v) : null)),
  confirmed: z.literal('1').optional(),
  // Honeypot, as on the report form.
  website: z.string().max(500).optional(),
});

export const ReturnToSchema = z.strictObject({ returnTo: z.string().max(500).optional() });

export const FlagInputSchema = z.strictObject({
  reason: z.enum(FLAG_REASONS, 'feedback.validation.flagReason'),
});

// Query strings also carry ?lang=, so unknown keys are ignored; a sort outside the list is refused.
export const StepQuerySchema = z.object({
  sort: z.enum(STEP_SORTS).default('important'),
  side: wholeNumber(1, 100_000).optional().transform((v) => v ?? 1),
});
