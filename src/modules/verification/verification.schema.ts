// What the verification's forms and its two sealed cookies may hold (#21.3), as strict schemas: a cookie that opens
// but does not fit is treated as no cookie at all.
import { z } from 'zod';

/** "Confirm with ID-porten": where to come back to afterwards (a path on this site, checked again with safeReturnTo). */
export const StartInputSchema = z.strictObject({ returnTo: z.string().max(2000).optional() });
export type StartInput = z.infer<typeof StartInputSchema>;

/** "Log out of ID-porten" and "remove the verification": a button, nothing else. */
export const EmptyFormSchema = z.strictObject({});

/**
 * A sign-in under way, in the resident's own browser for ten minutes: what ID-porten's answer must match, and the
 * participant (its key hash) and municipality it was started for.
 */
export const PendingVerificationSchema = z.strictObject({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  municipalityId: z.number().int().positive(),
  participant: z.string().regex(/^[0-9a-f]{64}$/),
  returnTo: z.string().max(2000),
  expiresAt: z.number().int(),
});
export type PendingVerification = z.infer<typeof PendingVerificationSchema>;

/** The ID token, kept only in the resident's browser, for logout's id_token_hint (ID-porten requires it). */
export const IdTokenCookieSchema = z.strictObject({
  idToken: z.string().min(10).max(8000),
  expiresAt: z.number().int(),
});
export type IdTokenCookie = z.infer<typeof IdTokenCookieSchema>;
