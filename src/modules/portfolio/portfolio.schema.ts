// Form and query schemas of the portfolio.
import { z } from 'zod';
import { CONFIDENCES, EFFORTS, INITIATIVE_STATUSES } from './portfolio-vocabulary';

const id = (message: string) => z.string(message).regex(/^\d{1,12}$/, message).transform(Number);

export const InitiativeInputSchema = z.strictObject({
  title: z.string('validation.required').trim().min(1, 'validation.required').max(160, 'validation.tooLong'),
  description: z.string('validation.invalid').trim().max(4000, 'validation.tooLong').default(''),
  ownerDepartmentId: id('portfolio.validation.owner'),
  departmentIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^\d{1,12}$/, 'validation.invalid').transform(Number)).max(50, 'validation.invalid')),
  effort: z.enum(EFFORTS, 'portfolio.validation.effort'),
  confidence: z.enum(CONFIDENCES, 'portfolio.validation.confidence'),
  status: z.enum(INITIATIVE_STATUSES, 'portfolio.validation.status'),
  progress: z.string('portfolio.validation.progress').regex(/^\d{1,3}$/, 'portfolio.validation.progress').transform(Number).pipe(z.number().max(100, 'portfolio.validation.progress')),
  publicNote: z.string('validation.invalid').trim().max(2000, 'validation.tooLong').default(''),
  // When starting from a candidate in the insights table.
  candidateId: z.union([z.literal(''), z.string().regex(/^\d{1,12}$/, 'portfolio.errors.notCandidate')]).optional().transform((v) => (v ? Number(v) : null)),
});

export const LinkInputSchema = z.strictObject({ painPointId: id('portfolio.errors.notCandidate') });
export const LinkToInitiativeInputSchema = z.strictObject({
  painPointId: id('portfolio.errors.notCandidate'),
  initiativeId: id('validation.invalid'),
});

// Query strings also carry ?lang=; unknown keys are ignored, values outside their lists refused.
export const BoardQuerySchema = z.object({
  department: z.union([z.literal(''), z.string().regex(/^\d{1,12}$/)]).optional().transform((v) => (v ? Number(v) : null)),
  journey: z.union([z.literal(''), z.string().regex(/^\d{1,12}$/)]).optional().transform((v) => (v ? Number(v) : null)),
});
export const PortfolioExportQuerySchema = BoardQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const NewQuerySchema = z.object({ candidate: z.string().regex(/^\d{1,12}$/).optional().transform((v) => (v ? Number(v) : null)) });
