// The review's comment form: the step it is about ("" for the journey as a whole) and the text.
import { z } from 'zod';

export const CommentInputSchema = z.strictObject({
  stepId: z.union([z.literal(''), z.string().regex(/^\d{1,12}$/, 'validation.invalid')], 'validation.invalid').transform((v) => (v === '' ? null : Number(v))),
  body: z.string('validation.required').trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
});

/** Publishing with open review comments is confirmed on a page of its own. */
export const PublishInputSchema = z.strictObject({ confirmOpenComments: z.literal('1', 'validation.invalid').optional() });
