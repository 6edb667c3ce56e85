// Form schemas of a staff member's own second factor (#21.2), strict: unknown fields are refused.
import { z } from 'zod';

const returnTo = z.string().max(2000).optional();

/** A code from the app: confirming an enrolment, or turning it off. */
export const TotpCodeInputSchema = z.strictObject({
  code: z.string('validation.required').trim().min(1, 'validation.required').max(20, 'twoFactor.errors.wrongCode'),
  returnTo,
});

/** Starting an enrolment: only where to go when it is done. */
export const StartInputSchema = z.strictObject({ returnTo });
