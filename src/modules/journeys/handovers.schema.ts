// The handover form (#19.2): both departments, what is handed over, and a note.
import { z } from 'zod';
import { TEXT_LIMITS } from './journey-document.schema';
import { HANDOVER_KINDS } from './journey-vocabulary';

const department = z.string('validation.chooseDepartment').regex(/^\d{1,12}$/, 'validation.chooseDepartment').transform(Number);

export const HandoverInputSchema = z.strictObject({
  fromDepartmentId: department,
  toDepartmentId: department,
  what: z.enum(HANDOVER_KINDS, 'validation.chooseHandoverKind'),
  note: z.string('validation.invalid').trim().max(TEXT_LIMITS.short, 'validation.tooLong').default(''),
});
