// Form and query schemas of the portfolio.
import { z } from 'zod';
import { CONFIDENCES, EFFORTS, INITIATIVE_STATUSES, type MakeRoomAction } from './portfolio-vocabulary';

const id = (message: string) => z.string(message).regex(/^\d{1,12}$/, message).transform(Number);

/**
 * The WIP question's answer, sent back with the change it was asked about: `pause:<id>` or `finish:<id>` of an
 * initiative in progress. Absent on the first submission.
 */
const makeRoom = z
  .string('portfolio.errors.notInProgress')
  .regex(/^(pause|finish):\d{1,12}$/, 'portfolio.errors.notInProgress')
  .transform((v) => {
    const [action, initiativeId] = v.split(':');
    return { action: action as MakeRoomAction, initiativeId: Number(initiativeId) };
  })
  .optional()
  .transform((v) => v ?? null);

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
  makeRoom,
});

/**
 * A move from the board: the status to move to (BOARD_MOVES says which are offered from where). The service checks
 * it against the statuses, so that an unknown one is refused with its own message rather than the forms' generic one.
 */
export const MoveInputSchema = z.strictObject({
  to: z.string('validation.required').max(40, 'validation.invalid'),
  makeRoom,
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
