// The shape of a journey as residents see it: the working copy rendered into one immutable value.
// Published versions store it as JSON; the export format is the same without ids.
import type { DepartmentKind } from '../departments/department-vocabulary';
import type { Channel, LifeEvent } from './journey-vocabulary';

export interface SnapshotDepartment {
  id: number;
  name: string;
  kind: DepartmentKind;
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
}

export interface SnapshotPhase {
  id: number;
  title: string;
  description: string;
  steps: SnapshotStep[];
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
}

export interface JourneySnapshot {
  journey: JourneyFields;
  phases: SnapshotPhase[];
}

/** Steps in reading order, each with its phase and whether it hands the resident over to another department. */
export interface MapStep extends SnapshotStep {
  phaseId: number;
  phaseTitle: string;
  index: number;
  /** The department of the previous step that had one, when this step's department differs from it. */
  handoverFrom: SnapshotDepartment | null;
}

export function stepsInOrder(snapshot: JourneySnapshot): MapStep[] {
  const steps: MapStep[] = [];
  let lastDepartment: SnapshotDepartment | null = null;
  for (const phase of snapshot.phases) {
    for (const step of phase.steps) {
      const handoverFrom =
        step.department && lastDepartment && step.department.id !== lastDepartment.id ? lastDepartment : null;
      steps.push({ ...step, phaseId: phase.id, phaseTitle: phase.title, index: steps.length, handoverFrom });
      if (step.department) lastDepartment = step.department;
    }
  }
  return steps;
}
