// Form schema for a department.
import { z } from 'zod';
import { DEPARTMENT_KINDS } from './department-vocabulary';

export const DepartmentInputSchema = z.strictObject({
  name: z.string('validation.required').trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  kind: z.enum(DEPARTMENT_KINDS, 'validation.invalid'),
});
export type DepartmentInput = z.infer<typeof DepartmentInputSchema>;
