// Form schemas for creating a municipality and for its settings (strict: unknown fields are refused).
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n';
import { decimalNumber, wholeNumber } from '../../lib/number-fields';
import { hasOrganisationNumberShape, isOrganisationNumber, normaliseOrganisationNumber } from '../../lib/organisation-number';
import { requiredText } from '../../lib/text-fields';

const EMAIL = z.email();

/** The address the open data's contact point gives (#22.4): empty for none, else an e-mail address. */
const optionalEmail = z
  .string('validation.invalid')
  .trim()
  .max(254, 'validation.tooLong')
  .refine((v) => v === '' || EMAIL.safeParse(v).success, 'validation.email')
  .transform((v) => v || null)
  .default(null);

/**
 * The municipality's organisation number in Enhetsregisteret (#22.4): empty for none, else nine digits (spaces as
 * people write them are dropped) with a right check digit. Anything but nine digits, and a wrong check digit (one digit
 * mistyped or two swapped), each get a message of their own, so the admin knows which to look for.
 */
const optionalOrganisationNumber = z
  .string('validation.invalid')
  .max(30, 'validation.organisationNumber')
  .transform(normaliseOrganisationNumber)
  .refine((v) => v === '' || hasOrganisationNumberShape(v), { message: 'validation.organisationNumber', abort: true })
  .refine((v) => v === '' || isOrganisationNumber(v), 'validation.organisationNumberCheckDigit')
  .transform((v) => v || null)
  .default(null);

export const MunicipalityInputSchema = z.strictObject({
  name: requiredText(120),
  slug: z
    .string('validation.required')
    .trim()
    .toLowerCase()
    .min(2, 'validation.slug')
    .max(60, 'validation.slug')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.slug'),
  kommunenummer: z.string('validation.required').trim().regex(/^\d{4}$/, 'validation.kommunenummer'),
  defaultLocale: z.enum(LOCALES, 'validation.invalid'),
});
export type MunicipalityInput = z.infer<typeof MunicipalityInputSchema>;

export const SettingsInputSchema = z.strictObject({
  name: requiredText(120),
  defaultLocale: z.enum(LOCALES, 'validation.invalid'),
  // An unticked checkbox sends nothing.
  premoderation: z.literal('on', 'validation.invalid').optional().transform((v) => v === 'on'),
  halfLifeDays: wholeNumber(1, 3650),
  severityPriorWeight: decimalNumber(0, 100),
  wipLimit: wholeNumber(1, 100),
  flagHideThreshold: wholeNumber(1, 100),
  reportLimitPerHour: wholeNumber(1, 1000),
  voteLimitPerHour: wholeNumber(1, 10000),
  flagLimitPerHour: wholeNumber(1, 1000),
  // The data protection officer's contact, shown in the privacy statement (#20.7): free text, may be empty.
  privacyContact: z.string('validation.invalid').trim().max(500, 'validation.tooLong').default(''),
  // What the municipality requires of its staff's sign-in (#21).
  requireSso: z.literal('on', 'validation.invalid').optional().transform((v) => v === 'on'),
  requireTwoFactor: z.literal('on', 'validation.invalid').optional().transform((v) => v === 'on'),
  // Who publishes the municipality's open data, and where to write about it, for data.norge.no (#22.4).
  organisationNumber: optionalOrganisationNumber,
  contactEmail: optionalEmail,
});
export type SettingsInput = z.infer<typeof SettingsInputSchema>;
