// The shareable journey format (export, import, copy, demo seed): versioned, validated with zod.
// Documented in docs/journey-format.md. Ids are not part of it: an import always makes new ones.
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { DEFAULT_LOCALE, LOCALES } from '../../lib/i18n';
import { firstUnsafePath } from '../../lib/text-safety';
import { DEPARTMENT_KINDS } from '../departments/department-vocabulary';
import type { JourneyTextField, PhaseTextField, StepTextField } from './journey-language';
import { CHANNELS, HANDOVER_KINDS, LIFE_EVENTS } from './journey-vocabulary';

export const JOURNEY_FORMAT = 'reisekart.journey';
export const JOURNEY_FORMAT_VERSION = 1;
export const TEXT_LIMITS = { title: 160, short: 500, long: 2000 } as const;
/** The longest title of a journey's own lane (#19.4), and of its translations. */
export const LANE_TITLE_MAX = 80;

const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

/** The longest translation of each text (#19.9): as long as its original may be. */
export const TRANSLATION_LIMITS = {
  journey: { title: TEXT_LIMITS.title, summary: TEXT_LIMITS.long, persona: TEXT_LIMITS.long, scenario: TEXT_LIMITS.long, trigger: TEXT_LIMITS.short, outcome: TEXT_LIMITS.short } satisfies Record<JourneyTextField, number>,
  phase: { title: TEXT_LIMITS.title, description: TEXT_LIMITS.long } satisfies Record<PhaseTextField, number>,
  step: { title: TEXT_LIMITS.title, residentAction: TEXT_LIMITS.long, touchpoint: TEXT_LIMITS.short, backstage: TEXT_LIMITS.long, systems: TEXT_LIMITS.short, duration: 120 } satisfies Record<StepTextField, number>,
};

/** An item's translations (#19.9): per language, the translated fields, none of them empty; absent when there are none. */
function translations<F extends string>(limits: Record<F, number>) {
  const texts = z.strictObject(Object.fromEntries(Object.entries<number>(limits).map(([field, max]) => [field, required(max).optional()])) as Record<F, z.ZodOptional<z.ZodString>>);
  return z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, texts.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<typeof texts>>).optional();
}

export const DepartmentDocumentSchema = z.strictObject({
  name: required(120),
  kind: z.enum(DEPARTMENT_KINDS),
});

/** A handover into the step, stated by the designer (#19.2); older documents have none. */
export const HandoverDocumentSchema = z.strictObject({
  from: DepartmentDocumentSchema.nullable(),
  to: DepartmentDocumentSchema.nullable(),
  what: z.enum(HANDOVER_KINDS),
  note: optional(TEXT_LIMITS.short),
  translations: translations({ note: TEXT_LIMITS.short }),
});

export const StepDocumentSchema = z.strictObject({
  title: required(TEXT_LIMITS.title),
  residentAction: optional(TEXT_LIMITS.long),
  touchpoint: optional(TEXT_LIMITS.short),
  channel: z.enum(CHANNELS),
  department: DepartmentDocumentSchema.nullable(),
  backstage: optional(TEXT_LIMITS.long),
  systems: optional(TEXT_LIMITS.short),
  emotion: z.number().int().min(-2).max(2),
  duration: optional(120),
  handover: HandoverDocumentSchema.optional(),
  /** Departments taking part besides the responsible one (#19.3). */
  involved: z.array(DepartmentDocumentSchema).max(20).optional(),
  /** The step's texts in the journey's own lanes (#19.4), in the order of the document's `lanes`. */
  lanes: z.array(optional(TEXT_LIMITS.long)).max(8).optional(),
  translations: translations(TRANSLATION_LIMITS.step),
  /** Those texts in other languages (#19.9): per language, in the same order, '' where one has none. */
  laneTranslations: z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, z.array(optional(TEXT_LIMITS.long)).max(8).optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<z.ZodArray<ReturnType<typeof optional>>>>).optional(),
});

export const PhaseDocumentSchema = z.strictObject({
  title: required(TEXT_LIMITS.title),
  description: optional(TEXT_LIMITS.long),
  steps: z.array(StepDocumentSchema).max(60),
  translations: translations(TRANSLATION_LIMITS.phase),
});

export const JourneyDocumentSchema = z.strictObject({
  format: z.literal(JOURNEY_FORMAT),
  formatVersion: z.literal(JOURNEY_FORMAT_VERSION),
  journey: z.strictObject({
    title: required(TEXT_LIMITS.title),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).min(2).max(80),
    lifeEvent: z.enum(LIFE_EVENTS),
    persona: optional(TEXT_LIMITS.long),
    scenario: optional(TEXT_LIMITS.long),
    trigger: optional(TEXT_LIMITS.short),
    outcome: optional(TEXT_LIMITS.short),
    summary: optional(TEXT_LIMITS.long),
    /** The language the journey is written in (#19.9); documents from before it are in bokmål. */
    language: z.enum(LOCALES).default(DEFAULT_LOCALE),
    translations: translations(TRANSLATION_LIMITS.journey),
  }),
  phases: z.array(PhaseDocumentSchema).max(20),
  /** Lanes of the designer's own (#19.4), under the fixed ones. */
  lanes: z.array(z.strictObject({ title: required(LANE_TITLE_MAX), translations: translations({ title: LANE_TITLE_MAX }) })).max(8).optional(),
});

export type JourneyDocument = z.infer<typeof JourneyDocumentSchema>;
export type JourneyDocumentInput = z.input<typeof JourneyDocumentSchema>;
export type StepDocument = z.infer<typeof StepDocumentSchema>;

/** Pasted or uploaded JSON text -> a validated journey document, or a ValidationError naming what is wrong and where. */
export function parseJourneyDocument(text: string): JourneyDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError({ document: 'validation.importNotJson' });
  }
  const unsafe = firstUnsafePath(json);
  if (unsafe !== null) throw new ValidationError({ document: 'validation.importInvalidCharacters' }, { importProblem: unsafe });
  const result = JourneyDocumentSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const wrongFormat = issue.path[0] === 'format' || issue.path[0] === 'formatVersion';
    throw new ValidationError({ document: wrongFormat ? 'validation.importWrongFormat' : 'validation.importInvalid' }, {
      importProblem: issue.path.join('.'),
    });
  }
  return result.data;
}
