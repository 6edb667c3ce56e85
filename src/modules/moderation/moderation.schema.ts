// Schemas of the moderation queue's filters and the moderators' forms.
import { z } from 'zod';
import { BODY_MAX, TITLE_MAX } from '../feedback/feedback.schema';
import { MODERATION_STATUSES, RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';

// Query strings also carry ?lang=, so unknown keys are ignored; values outside the lists are refused.
const optionalId = z.union([z.literal(''), z.string().regex(/^\d{1,12}$/)]).optional().transform((v) => (v ? Number(v) : null));

export const QueueQuerySchema = z.object({
  journey: optionalId,
  step: optionalId,
  status: z.enum([...MODERATION_STATUSES, 'all']).default('pending'),
  flagged: z.union([z.literal(''), z.literal('1')]).optional().transform((v) => v === '1'),
});

/** The longest reason for a rejection; a saved answer used as one must fit too. */
export const REASON_MAX = 500;

export const RejectInputSchema = z.strictObject({
  reason: z.string('validation.required').trim().min(1, 'validation.required').max(REASON_MAX, 'validation.tooLong'),
});

export const RedactInputSchema = z.strictObject({
  title: z.string('validation.required').trim().min(1, 'validation.required').max(TITLE_MAX, 'validation.tooLong'),
  body: z.string('validation.required').trim().min(1, 'validation.required').max(BODY_MAX, 'validation.tooLong'),
});

const targetId = z.string('validation.chooseMergeTarget').min(1, 'validation.chooseMergeTarget').regex(/^\d{1,12}$/, 'validation.invalid').transform(Number);

export const MergeInputSchema = z.strictObject({ targetId });

/** The merge's preview: the target chosen on the pain point's page (a GET form, so the query also carries ?lang=). */
export const MergePreviewQuerySchema = z.object({ targetId, targets: z.enum(['step', 'journey']).optional() });

/**
 * A pain point's page: merge targets from its own step (the default) or the whole journey; a saved answer to fill in
 * as the rejection's reason or as the official answer.
 */
export const DetailQuerySchema = z.object({ targets: z.enum(['step', 'journey']).default('step'), reasonFrom: optionalId, answerFrom: optionalId });

export const SavedAnswerInputSchema = z.strictObject({
  title: z.string('validation.required').trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  // As long as the longest text it may fill: an official answer.
  body: z.string('validation.required').trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
});

export const AnswerInputSchema = z.strictObject({
  status: z.enum(RESPONSE_STATUSES, 'validation.invalid'),
  text: z.string('validation.invalid').trim().max(2000, 'validation.tooLong').default(''),
});

/** A resident's story (#20.5): published, or rejected with an optional reason the resident sees on "my contributions". */
export const ExperienceDecisionSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject'], 'validation.invalid'),
    reason: z.string('validation.invalid').trim().max(REASON_MAX, 'validation.tooLong').default(''),
  });

/** Several pending reports at once from the queue: publish them, or reject them with one reason (#18). */
export const BulkInputSchema = z
  .strictObject({
    ids: z
      .union([z.string(), z.array(z.string())], 'validation.chooseAtLeastOne')
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string().regex(/^\d{1,12}$/, 'validation.invalid').transform(Number)).min(1, 'validation.chooseAtLeastOne').max(200, 'validation.invalid')),
    decision: z.enum(['approve', 'reject'], 'validation.invalid'),
    reason: z.string('validation.invalid').trim().max(REASON_MAX, 'validation.tooLong').default(''),
    /** A saved answer, used as the reason when none is written. */
    savedAnswer: optionalId,
  })
  .refine((v) => v.decision !== 'reject' || v.reason.length > 0 || v.savedAnswer !== null, { message: 'validation.reasonWhenRejecting', path: ['reason'] });
