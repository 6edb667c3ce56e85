// Form schemas of the accounts module (strict: unknown fields are refused).
import { z } from 'zod';
import { decimalNumber, wholeNumber } from '../../lib/number-fields';
import { LOCALES } from '../../lib/i18n';
import { PASSWORD_MAX, passwordProblem } from './password.service';
import { ROLES } from './roles';

const text = (max: number) =>
  z.string('validation.required').trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const email = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .pipe(z.email('validation.email'));
const newPassword = z.string('validation.required').max(PASSWORD_MAX, 'validation.passwordTooLong');
/** The password policy runs on the whole form, so that a password made from the name or e-mail beside it is refused. */
const refuseWeakPassword = (form: { name: string; email: string; password: string }, ctx: z.RefinementCtx) => {
  const problem = passwordProblem(form.password, [form.name, form.email]);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
};
const roleList = z
  .union([z.enum(ROLES), z.array(z.enum(ROLES))], 'validation.roles')
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);

export const LoginInputSchema = z.strictObject({
  email: text(254),
  password: z.string('validation.required').min(1, 'validation.required').max(PASSWORD_MAX, 'validation.passwordTooLong'),
  returnTo: z.string().max(2000).optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const SetupInputSchema = z
  .strictObject({ name: text(120), email, password: newPassword, passwordConfirm: z.string('validation.required') })
  .superRefine(refuseWeakPassword)
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
export type SetupInput = z.infer<typeof SetupInputSchema>;

export const MunicipalityInputSchema = z.strictObject({
  name: text(120),
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
  name: text(120),
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
});
export type SettingsInput = z.infer<typeof SettingsInputSchema>;

export const StaffInputSchema = z
  .strictObject({
    name: text(120),
    email,
    password: newPassword,
    roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
  })
  .superRefine(refuseWeakPassword);
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const RolesInputSchema = z.strictObject({
  roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
});

export const UserIdParamSchema = wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** A button-only form: nothing but the CSRF token may come with it. */
export const EmptyFormSchema = z.strictObject({});
