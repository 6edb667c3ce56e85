// Form schemas of staff management: inviting someone, changing roles, and the user id in a path (strict: unknown
// fields are refused).
import { z } from 'zod';
import { wholeNumber } from '../../lib/number-fields';
import { emailField, requiredText } from '../../lib/text-fields';
import { newPasswordField, refuseWeakPassword } from '../sign-in/sign-in.schema';
import { ROLES } from './roles';

const roleList = z
  .union([z.enum(ROLES), z.array(z.enum(ROLES))], 'validation.roles')
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);

export const StaffInputSchema = z
  .strictObject({
    name: requiredText(120),
    email: emailField,
    password: newPasswordField,
    roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
  })
  .superRefine(refuseWeakPassword);
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const RolesInputSchema = z.strictObject({
  roles: roleList.refine((r) => r.length > 0, 'validation.roles'),
});

export const UserIdParamSchema = wholeNumber(1, Number.MAX_SAFE_INTEGER);
