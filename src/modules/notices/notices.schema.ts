// Form schemas of following by e-mail (strict: unknown fields are refused).
import { z } from 'zod';
import { emailField } from '../../lib/text-fields';

export const FOLLOW_MODES = ['immediate', 'weekly'] as const;

const mode = z.enum(FOLLOW_MODES, 'notices.validation.mode');

export const FollowInputSchema = z.strictObject({
  // Matched as written in lower case: the same person typing "Kari@" and "kari@" is one address.
  email: emailField.transform((e) => e.toLowerCase()),
  mode,
  // Honeypot: hidden from people, filled in by some bots.
  website: z.string().max(500).optional(),
});
export type FollowInput = z.infer<typeof FollowInputSchema>;

export const ModeInputSchema = z.strictObject({ mode });

/** The buttons that carry nothing but themselves (confirm, unsubscribe from the page, stop, delete all). */
export const ButtonOnlySchema = z.strictObject({});
