// Form schemas of sign-in and the first-admin setup, and the new-password field other forms share (strict: unknown
// fields are refused).
import { z } from 'zod';
import { emailField, requiredText } from '../../lib/text-fields';
import { PASSWORD_MAX, passwordProblem } from './password.service';

/** A new password; its policy runs on the whole form (refuseWeakPassword), where the name and e-mail are known. */
export const newPasswordField = z.string('validation.required').max(PASSWORD_MAX, 'validation.passwordTooLong');

/** The password policy on a whole form, so that a password made from the name or e-mail beside it is refused. */
export function refuseWeakPassword(form: { name: string; email: string; password: string }, ctx: z.RefinementCtx): void {
  const problem = passwordProblem(form.password, [form.name, form.email]);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const LoginInputSchema = z.strictObject({
  email: requiredText(254),
  password: z.string('validation.required').min(1, 'validation.required').max(PASSWORD_MAX, 'validation.passwordTooLong'),
  returnTo: z.string().max(2000).optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** The second step of a sign-in (#21.2): six digits from the app, or a recovery code (its dashes and spaces allowed). */
export const SecondFactorInputSchema = z.strictObject({
  code: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'twoFactor.errors.wrongCode'),
});

export const SetupInputSchema = z
  .strictObject({ name: requiredText(120), email: emailField, password: newPasswordField, passwordConfirm: z.string('validation.required') })
  .superRefine(refuseWeakPassword)
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
export type SetupInput = z.infer<typeof SetupInputSchema>;

/** A staff member's own password change (#21.2); the policy and the current password are checked by the service. */
export const PasswordChangeInputSchema = z
  .strictObject({
    currentPassword: z.string('validation.required').min(1, 'validation.required').max(PASSWORD_MAX, 'validation.passwordTooLong'),
    password: newPasswordField.min(1, 'validation.required'),
    passwordConfirm: z.string('validation.required'),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
