// Form schemas of the journey editor (strict: unknown fields are refused).
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n';
import { wholeNumber } from '../../lib/number-fields';
import { TEXT_LIMITS } from './journey-document.schema';
import { CHANNELS, LIFE_EVENTS } from './journey-vocabulary';
import { TEMPLATE_KEYS } from './templates/journey-templates';

const required = (max: number) =>
  z.string('validation.required').trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optional = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong').default('');

export const JourneyDetailsInputSchema = z.strictObject({
  title: required(TEXT_LIMITS.title),
  slug: z
    .string('validation.required')
    .trim()
    .toLowerCase()
    .min(2, 'validation.slug')
    .max(80, 'validation.slug')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.slug'),
  lifeEvent: z.enum(LIFE_EVENTS, 'validation.invalid'),
  persona: optional(TEXT_LIMITS.long),
  scenario: optional(TEXT_LIMITS.long),
  trigger: optional(TEXT_LIMITS.short),
  outcome: optional(TEXT_LIMITS.short),
  summary: optional(TEXT_LIMITS.long),
  /**
   * The language the journey is written in (#19.9). The form always sends it; without it a new journey takes its
   * municipality's default and an existing one keeps its own.
   */
  contentLanguage: z.enum(LOCALES, 'validation.contentLanguage').optional(),
});
export type JourneyDetailsInput = z.infer<typeof JourneyDetailsInputSchema>;

/**
 * "Start from a template" on the new-journey page, which posts to the same address as the empty journey's details
 * form: `start` tells the two apart. Missing and unknown choices each get the message that says what to pick.
 */
export const TemplateInputSchema = z.strictObject({
  start: z.literal('template', 'validation.invalid'),
  template: z.enum(TEMPLATE_KEYS, 'validation.templateUnknown'),
  language: z.enum(LOCALES, 'validation.templateLanguage'),
});
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

export const PhaseInputSchema = z.strictObject({
  title: required(TEXT_LIMITS.title),
  description: optional(TEXT_LIMITS.long),
});

export const stepFields = {
  title: required(TEXT_LIMITS.title),
  residentAction: optional(TEXT_LIMITS.long),
  touchpoint: optional(TEXT_LIMITS.short),
  channel: z.enum(CHANNELS, 'validation.invalid'),
  departmentId: z
    .string('validation.invalid')
    .regex(/^\d{0,12}$/, 'validation.invalid')
    .transform((v) => (v === '' ? null : Number(v))),
  /** Other departments taking part (#19.3): a checkbox group, so nothing, one id or several. */
  involvedIds: z
    .union([z.string(), z.array(z.string())], 'validation.invalid')
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().regex(/^\d{1,12}$/, 'validation.invalid').transform(Number)).max(20, 'validation.invalid')),
  backstage: optional(TEXT_LIMITS.long),
  systems: optional(TEXT_LIMITS.short),
  emotion: z
    .string('validation.emotion')
    .regex(/^-?\d$/, 'validation.emotion')
    .transform(Number)
    .pipe(z.number().min(-2, 'validation.emotion').max(2, 'validation.emotion')),
  duration: optional(120),
};

export const StepInputSchema = z.strictObject(stepFields);
export const StepUpdateInputSchema = z.strictObject({
  ...stepFields,
  phaseId: z.string('validation.invalid').regex(/^\d{1,12}$/, 'validation.invalid').transform(Number),
});
export type StepInput = z.infer<typeof StepInputSchema>;

const MergeStepFields = z.strictObject({
  targetStepId: z.string().regex(/^\d{1,12}$/).transform(Number),
});
/**
 * The merge form sits on the step's page, but a refused merge is shown on the editor overview, where none of its
 * fields is: so any problem with it is one message for the whole form, not a link to a field that is not there.
 */
export const MergeStepInputSchema = z.unknown().transform((body, ctx) => {
  const parsed = MergeStepFields.safeParse(body);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: 'validation.mergeTarget' });
  return z.NEVER;
});

export const MoveInputSchema = z.strictObject({ direction: z.enum(['up', 'down'], 'validation.invalid') });
/** A step's new place: its phase and its index among that phase's other steps (#19.1). */
export const StepPlaceInputSchema = z.strictObject({
  phaseId: z.string('validation.invalid').regex(/^\d{1,12}$/, 'validation.invalid').transform(Number),
  index: z.string('validation.invalid').regex(/^\d{1,3}$/, 'validation.invalid').transform(Number),
});
/** The grid's "move to another phase" (#19.1). */
export const StepToPhaseInputSchema = z.strictObject({ phaseId: z.string('validation.invalid').regex(/^\d{1,12}$/, 'validation.invalid').transform(Number) });

/** Import pasted JSON, or a file read into the field; 512 kB is far beyond any real journey. */
export const IMPORT_MAX_CHARS = 512 * 1024;
export const ImportInputSchema = z.strictObject({
  document: z.string('validation.required').trim().min(1, 'validation.required').max(IMPORT_MAX_CHARS, 'validation.importTooLarge'),
});

// A query string also carries ?lang= and the like, so unknown keys are ignored here, not refused.
export const DiffQuerySchema = z.object({
  from: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  to: z.union([z.literal('draft'), wholeNumber(1, Number.MAX_SAFE_INTEGER)]),
});

export const IdParamSchema = wholeNumber(1, Number.MAX_SAFE_INTEGER);
