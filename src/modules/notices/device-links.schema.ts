// The form asking for a sign-in link to another device (#20.4); strict: unknown fields are refused.
import { z } from 'zod';
import { emailField } from '../../lib/text-fields';

export const DeviceLinkInputSchema = z.strictObject({
  // Addresses are kept in lower case (notices.schema.ts), so they are looked up so.
  email: emailField.transform((e) => e.toLowerCase()),
  // Honeypot: hidden from people, filled in by some bots.
  website: z.string().max(500).optional(),
});
