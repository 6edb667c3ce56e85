// What changed between two snapshots of a journey: journey fields, and phases and steps added, removed or changed.
import { contentLanguageOf } from './journey-language';
import type { JourneyFields, JourneySnapshot, SnapshotPhase, SnapshotStep } from './journey-snapshot';

export interface ItemChange {
  id: number;
  title: string;
  fields: string[];
}

export interface JourneyDiff {
  journeyFields: (keyof JourneyFields | 'lanes')[];
  phases: { added: SnapshotPhase[]; removed: SnapshotPhase[]; changed: ItemChange[] };
  steps: { added: SnapshotStep[]; removed: SnapshotStep[]; changed: ItemChange[] };
  empty: boolean;
}

const STEP_FIELDS = ['title', 'residentAction', 'touchpoint', 'channel', 'department', 'backstage', 'systems', 'emotion', 'duration'] as const;

/** Whether two values of a snapshot differ; the optional ones (language, translations) may be absent on either side. */
const differ = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

export function diffSnapshots(before: JourneySnapshot, after: JourneySnapshot): JourneyDiff {
  const keys = new Set([...Object.keys(before.journey), ...Object.keys(after.journey)]) as Set<keyof JourneyFields>;
  // A journey without `language` is in bokmål (contentLanguageOf): setting bokmål on it is no change.
  const journeyFields: JourneyDiff['journeyFields'] = [...keys].filter((key) =>
    key === 'language' ? contentLanguageOf(before.journey) !== contentLanguageOf(after.journey) : differ(before.journey[key], after.journey[key]),
  );
  // The journey's own lanes (#19.4): added, renamed, reordered or removed.
  if (differ(before.lanes, after.lanes)) journeyFields.push('lanes');

  const phasesBefore = new Map(before.phases.map((p, i) => [p.id, { phase: p, index: i }]));
  const phasesAfter = new Map(after.phases.map((p, i) => [p.id, { phase: p, index: i }]));
  const phaseChanges: ItemChange[] = [];
  for (const [id, { phase, index }] of phasesAfter) {
    const old = phasesBefore.get(id);
    if (!old) continue;
    const fields: string[] = [];
    if (old.phase.title !== phase.title) fields.push('title');
    if (old.phase.description !== phase.description) fields.push('description');
    if (differ(old.phase.translations, phase.translations)) fields.push('translations');
    if (old.index !== index) fields.push('position');
    if (fields.length > 0) phaseChanges.push({ id, title: phase.title, fields });
  }

  const stepsOf = (s: JourneySnapshot) =>
    new Map(s.phases.flatMap((p) => p.steps.map((step, i) => [step.id, { step, phaseId: p.id, index: i }] as const)));
  const stepsBefore = stepsOf(before);
  const stepsAfter = stepsOf(after);
  const stepChanges: ItemChange[] = [];
  for (const [id, now] of stepsAfter) {
    const old = stepsBefore.get(id);
    if (!old) continue;
    const fields: string[] = STEP_FIELDS.filter((f) =>
      f === 'department' ? old.step.department?.id !== now.step.department?.id : old.step[f] !== now.step[f],
    );
    if (JSON.stringify(old.step.handover ?? null) !== JSON.stringify(now.step.handover ?? null)) fields.push('handover');
    if (differ(old.step.involved, now.step.involved)) fields.push('involved');
    if (differ(old.step.lanes, now.step.lanes)) fields.push('lanes');
    // Its texts in the own lanes translated count as its translations (#19.9); a lane's title's and a handover's
    // note's translations change the lanes and the handover above, which carry them.
    if (differ(old.step.translations, now.step.translations) || differ(old.step.laneTranslations, now.step.laneTranslations)) fields.push('translations');
    if (old.phaseId !== now.phaseId) fields.push('phase');
    else if (old.index !== now.index) fields.push('position');
    if (fields.length > 0) stepChanges.push({ id, title: now.step.title, fields });
  }

  const diff: JourneyDiff = {
    journeyFields,
    phases: {
      added: after.phases.filter((p) => !phasesBefore.has(p.id)),
      removed: before.phases.filter((p) => !phasesAfter.has(p.id)),
      changed: phaseChanges,
    },
    steps: {
      added: [...stepsAfter.values()].filter((s) => !stepsBefore.has(s.step.id)).map((s) => s.step),
      removed: [...stepsBefore.values()].filter((s) => !stepsAfter.has(s.step.id)).map((s) => s.step),
      changed: stepChanges,
    },
    empty: false,
  };
  diff.empty =
    journeyFields.length === 0 &&
    [diff.phases, diff.steps].every((d) => d.added.length + d.removed.length + d.changed.length === 0);
  return diff;
}
