// Form schemas of staff management: inviting someone, changing roles, and the user id in a path (strict: unknown
// fields are refused).
import { z } from 'zod';
import { wholeNumber } from '../../lib/number-fields';
import { emailField, requiredText } from '../../lib/text-fields';
import { newPasswordField } from '../sign-in/sign-in.schema';
import { ROLES } from './roles';

const roleList = z
  .union([z.enum(ROLES), z.array(z.enum(ROLES))], 'validation.roles')
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);

/** An invitation (#21.2): who, and which roles; the invitee chooses their own password at the e-mailed link. */
export const StaffInputSchema = z.strictObject({
  name: requiredText(120),
  email: emailField,
  roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
});
export type StaffInput = z.infer<typeof StaffInputSchema>;

/** A new person's own password at the invitation's link; the policy runs in the service, where the name is known. */
export const InvitationPasswordSchema = z
  .strictObject({ password: newPasswordField.min(1, 'validation.required'), passwordConfirm: z.string('validation.required') })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'validation.passwordMismatch' });

/** Someone with an account answers the invitation at its link. */
export const InvitationAnswerSchema = z.strictObject({ answer: z.enum(['accept', 'decline'], 'validation.required') });

export const RolesInputSchema = z.strictObject({
  roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
});

export const UserIdParamSchema = wholeNumber(1, Number.MAX_SAFE_INTEGER);
