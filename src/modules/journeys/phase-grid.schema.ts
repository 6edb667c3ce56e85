// The phase grid (#19.1): a phase with all its steps in one form, so a designer without JavaScript saves a whole
// phase at once instead of one step per page. The form sends each lane as a list, one value per step column in page
// order (`stepId` is empty for the new columns), so every column carries every field: a select or text box each, no
// checkboxes or radios, whose missing values would shift the lists.
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { asList, keepableValues } from '../../lib/forms';
import { hasUnsafeCharacters } from '../../lib/text-safety';
import type { StepValues } from './journeys.repository';
import { PhaseInputSchema, stepFields } from './journeys.schema';

/** The lanes of a column, in the order the grid shows them. */
export const GRID_LANES = ['title', 'residentAction', 'touchpoint', 'channel', 'departmentId', 'backstage', 'systems', 'emotion', 'duration'] as const;
/** Empty columns for new steps at the end of a phase (and of a new phase). */
export const NEW_COLUMNS = 3;
/** Beyond any phase the exchange format allows (60 steps) plus the new columns. */
const MAX_COLUMNS = 64;

const { involvedIds: _involvedIds, ...laneFields } = stepFields;
const ColumnSchema = z.strictObject(laneFields);
const TEXT_LANES = ['title', 'residentAction', 'touchpoint', 'backstage', 'systems', 'duration'] as const;

export interface GridColumn {
  /** null for a new step. */
  stepId: number | null;
  values: StepValues;
  /** Its texts in the journey's own lanes (#19.4), by lane id; the service checks the lanes are the journey's. */
  laneTexts: Map<number, string>;
}

/** A journey's own lane travels as `lane<id>`, a list like the fixed lanes. */
const OWN_LANE = /^lane(\d{1,12})$/;
const OWN_LANE_MAX = 2000;

export interface PhaseGrid {
  phase: { title: string; description: string };
  columns: GridColumn[];
}

/**
 * Reads a phase grid. Errors are keyed `<prefix><lane>-<column>` (the fields' ids without `field-`), so the summary
 * links to the very cell; the phase's own fields are `<prefix>title` and `<prefix>description`. New columns left
 * blank are no steps and are skipped.
 */
export function parsePhaseGrid(body: unknown, prefix: string): PhaseGrid {
  const { _csrf: _ignored, ...fields } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const kept = () => Object.fromEntries(Object.entries(keepableValues(fields)).map(([k, v]) => [prefix + k, v]));
  const known = new Set<string>(['stepId', 'phaseTitle', 'phaseDescription', ...GRID_LANES]);
  if (Object.keys(fields).some((k) => !known.has(k) && !OWN_LANE.test(k))) throw new ValidationError({ _form: 'validation.unknownField' }, kept());
  const ownLanes = Object.keys(fields).filter((k) => OWN_LANE.test(k));

  // Control characters are refused first and by cell, whatever else is wrong, so the message names the field (#15.7).
  const unsafe: Record<string, string> = {};
  for (const [name, key] of [['phaseTitle', 'title'], ['phaseDescription', 'description']] as const) {
    if (asList(fields[name]).some((v) => typeof v === 'string' && hasUnsafeCharacters(v))) unsafe[prefix + key] = 'validation.invalidCharacters';
  }
  for (const lane of [...GRID_LANES, ...ownLanes]) {
    asList(fields[lane]).forEach((v, i) => {
      if (typeof v === 'string' && hasUnsafeCharacters(v)) unsafe[`${prefix}${lane}-${i}`] = 'validation.invalidCharacters';
    });
  }
  if (Object.keys(unsafe).length > 0) throw new ValidationError(unsafe, kept());

  const errors: Record<string, string> = {};
  const phase = PhaseInputSchema.safeParse({ title: fields.phaseTitle, description: fields.phaseDescription ?? '' });
  if (!phase.success) {
    for (const issue of phase.error.issues) errors[`${prefix}${String(issue.path[0])}`] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  const lists = Object.fromEntries(['stepId', ...GRID_LANES, ...ownLanes].map((lane) => [lane, asList(fields[lane])]));
  const count = lists.stepId!.length;
  if (count > MAX_COLUMNS || Object.values(lists).some((l) => l.length !== count || l.some((v) => typeof v !== 'string'))) {
    throw new ValidationError({ _form: 'validation.gridShape' }, kept());
  }

  const columns: GridColumn[] = [];
  for (let i = 0; i < count; i += 1) {
    const raw = Object.fromEntries(GRID_LANES.map((lane) => [lane, lists[lane]![i]!]));
    const stepId = lists.stepId![i]!;
    if (stepId !== '' && !/^\d{1,12}$/.test(stepId)) throw new ValidationError({ _form: 'validation.gridShape' }, kept());
    if (stepId === '' && TEXT_LANES.every((lane) => raw[lane]!.trim() === '') && ownLanes.every((lane) => lists[lane]![i]!.trim() === '')) continue;
    const laneTexts = new Map(ownLanes.map((lane) => [Number(OWN_LANE.exec(lane)![1]), lists[lane]![i]!.trim()]));
    for (const [laneId, text] of laneTexts) if (text.length > OWN_LANE_MAX) errors[`${prefix}lane${laneId}-${i}`] = 'validation.tooLong';
    const parsed = ColumnSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const message = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
        errors[`${prefix}${String(issue.path[0])}-${i}`] ??= message;
      }
      continue;
    }
    columns.push({ stepId: stepId === '' ? null : Number(stepId), values: parsed.data, laneTexts });
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, kept());
  return { phase: phase.data!, columns };
}
