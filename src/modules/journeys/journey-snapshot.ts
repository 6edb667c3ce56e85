// The shape of a journey as residents see it: the working copy rendered into one immutable value.
// Published versions store it as JSON; the export format is the same without ids.
import type { DepartmentKind } from '../departments/department-vocabulary';
import type { Locale } from '../../lib/i18n';
import type { HandoverTextField, JourneyTextField, LaneTextField, LaneTranslations, PhaseTextField, StepTextField, Translations } from './journey-language';
import type { Channel, HandoverKind, LifeEvent } from './journey-vocabulary';

export interface SnapshotDepartment {
  id: number;
  name: string;
  kind: DepartmentKind;
}

/** A handover into a step, as the designer stated it: from and to which department, what, and a note. */
export interface SnapshotHandover {
  from: SnapshotDepartment | null;
  to: SnapshotDepartment | null;
  what: HandoverKind;
  note: string;
  /** The note in other languages than the journey's (#19.9); absent when none, so earlier JSON stays as it was. */
  translations?: Translations<HandoverTextField>;
}

export interface SnapshotStep {
  id: number;
  title: string;
  residentAction: string;
  touchpoint: string;
  channel: Channel;
  department: SnapshotDepartment | null;
  backstage: string;
  systems: string;
  emotion: number;
  duration: string;
  /**
   * The handover into this step, when the designer stated one. Absent rather than null when there is none, so that
   * a journey without handovers has the same JSON as the versions published before handovers existed (the editor
   * compares the two to say whether there are unpublished changes).
   */
  handover?: SnapshotHandover;
  /** Other departments taking part in the step besides the responsible one (#19.3); absent when none, as above. */
  involved?: SnapshotDepartment[];
  /** The step's texts in the journey's own lanes (#19.4), by lane id; absent when it has none. */
  lanes?: Record<string, string>;
  /** The step's texts in other languages than the journey's (#19.9); absent when none, as above. */
  translations?: Translations<StepTextField>;
  /** Its texts in the own lanes in other languages, by language then lane id (#19.9); absent when none. */
  laneTranslations?: LaneTranslations;
}

export interface SnapshotPhase {
  id: number;
  title: string;
  description: string;
  steps: SnapshotStep[];
  /** The phase's texts in other languages than the journey's (#19.9); absent when none. */
  translations?: Translations<PhaseTextField>;
}

export interface JourneyFields {
  title: string;
  slug: string;
  lifeEvent: LifeEvent;
  persona: string;
  scenario: string;
  trigger: string;
  outcome: string;
  summary: string;
  /**
   * The language the journey is written in (#19.9). Absent for bokmål, which every journey published before content
   * languages existed is in, so those keep their JSON (read it with contentLanguageOf).
   */
  language?: Locale;
  /** The journey's own texts in the other languages (#19.9); absent when none. */
  translations?: Translations<JourneyTextField>;
}

/** A lane of the designer's own (#19.4); a step's text in it is in `SnapshotStep.lanes` under the lane's id. */
export interface SnapshotLane {
  id: number;
  title: string;
  /** The title in other languages than the journey's (#19.9); absent when none. */
  translations?: Translations<LaneTextField>;
}

export interface JourneySnapshot {
  journey: JourneyFields;
  phases: SnapshotPhase[];
  /** The journey's own lanes, in order; absent when it has none (like `handover`, to keep earlier JSON). */
  lanes?: SnapshotLane[];
}

/** Steps in reading order, each with its phase and the handover into it, if one was stated. */
export interface MapStep extends Omit<SnapshotStep, 'handover'> {
  phaseId: number;
  phaseTitle: string;
  index: number;
  handover: SnapshotHandover | null;
}

export function stepsInOrder(snapshot: JourneySnapshot): MapStep[] {
  return snapshot.phases.flatMap((phase) => phase.steps.map((step) => ({ ...step, phaseId: phase.id, phaseTitle: phase.title, handover: step.handover ?? null })))
    .map((step, index) => ({ ...step, index }));
}

/**
 * Where the editor suggests a handover: a step whose responsible department differs from that of the last earlier
 * step that had one, and which has no stated handover. Only a suggestion: a department change is often no handover at
 * all (the resident simply goes elsewhere next), which is why the map no longer infers them (#19.2).
 */
export function suggestedHandovers(steps: readonly MapStep[]): Map<number, { from: SnapshotDepartment; to: SnapshotDepartment }> {
  const suggestions = new Map<number, { from: SnapshotDepartment; to: SnapshotDepartment }>();
  let last: SnapshotDepartment | null = null;
  for (const step of steps) {
    if (step.department && last && step.department.id !== last.id && !step.handover) suggestions.set(step.id, { from: last, to: step.department });
    if (step.department) last = step.department;
  }
  return suggestions;
}
