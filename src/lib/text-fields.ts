// Text typed into staff forms: a required line of text and an e-mail address, each refused with the field's message.
import { z } from 'zod';

/** A required line of text, trimmed, at most `max` characters. */
export function requiredText(max: number) {
  return z.string('validation.required').trim().min(1, 'validation.required').max(max, 'validation.tooLong');
}

/** An e-mail address, trimmed, at most 254 characters (RFC 5321's limit). */
export const emailField = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .pipe(z.email('validation.email'));
