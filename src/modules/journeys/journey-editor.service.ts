// The designer's side of journey maps: the working copy, publishing, versions, export, import, copy and templates.
// Free of req/res; every change is audited. Takes only what it uses of other modules (the interfaces below).
import { ConflictError, NotFoundError } from '../../errors';
import { DEFAULT_LOCALE, type Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import { diffSnapshots, type JourneyDiff } from './journey-diff';
import {
  JOURNEY_FORMAT,
  JOURNEY_FORMAT_VERSION,
  type JourneyDocument,
} from './journey-document.schema';
import { stepsInOrder, type JourneySnapshot, type SnapshotDepartment, type SnapshotHandover } from './journey-snapshot';
import {
  contentLanguageOf,
  HANDOVER_TEXT_FIELDS,
  JOURNEY_TEXT_FIELDS,
  LANE_TEXT_FIELDS,
  laneTextField,
  PHASE_TEXT_FIELDS,
  snapshotLaneTranslations,
  snapshotTranslations,
  STEP_TEXT_FIELDS,
  translationKey,
  type TranslationItem,
  type Translations,
} from './journey-language';
import type { PhaseGrid } from './phase-grid.schema';
import { templateDocument } from './templates/journey-templates';
import type { DepartmentKind } from '../departments/department-vocabulary';
import type {
  HandoverRow,
  JourneyDetails,
  JourneyRow,
  JourneysRepository,
  StepValues,
  VersionRow,
} from './journeys.repository';

export type Direction = 'up' | 'down';

/** What the editor needs to know about residents' feedback on steps (implemented by the feedback module). */
export interface StepFeedback {
  hasFeedback(stepId: number): boolean;
  /** Moves all feedback from one step to another; returns how many pain points moved. */
  move(fromStepId: number, toStepId: number): number;
}

const NO_FEEDBACK: StepFeedback = { hasFeedback: () => false, move: () => 0 };

/** A step's department must be the municipality's own; an import names departments that may not exist yet. */
export type StepDepartments = Pick<DepartmentsService, 'findInMunicipality' | 'findOrCreate'>;

/** Every change is written to the audit log. */
export type JourneyAudit = Pick<AuditService, 'record'>;

/** The language a municipality writes new journeys in (its setting, #19.9); wired over the municipalities module. */
export interface MunicipalityLanguage {
  defaultLanguage(municipalityId: number): Locale;
}

const BOKMAL: MunicipalityLanguage = { defaultLanguage: () => DEFAULT_LOCALE };

export interface JourneyListItem extends JourneyRow {
  hasUnpublishedChanges: boolean;
  stepCount: number;
}

export class JourneyEditorService {
  constructor(
    private readonly repo: JourneysRepository,
    private readonly departments: StepDepartments,
    private readonly audit: JourneyAudit,
    private readonly clock: () => Date,
    /** Residents' feedback on steps: a step that has some must not be removed, only merged. */
    private readonly feedback: StepFeedback = NO_FEEDBACK,
    /** Where a new journey's content language comes from when its form does not say. */
    private readonly municipalityLanguage: MunicipalityLanguage = BOKMAL,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private record(actorId: number | null, municipalityId: number, action: string, entityId: number, details?: Record<string, unknown>): void {
    this.audit.record({ actorUserId: actorId, municipalityId, action, entityType: 'journey', entityId, details });
  }

  list(municipalityId: number): JourneyListItem[] {
    return this.repo.list(municipalityId).map((j) => {
      const draft = this.draftSnapshot(j);
      return {
        ...j,
        hasUnpublishedChanges: this.hasUnpublishedChanges(j, draft),
        stepCount: draft.phases.reduce((n, p) => n + p.steps.length, 0),
      };
    });
  }

  get(municipalityId: number, journeyId: number): JourneyRow {
    const journey = this.repo.byId(municipalityId, journeyId);
    if (!journey) throw new NotFoundError();
    return journey;
  }

  /** The working copy in the same shape residents see, so it can be previewed and compared. */
  draftSnapshot(journey: JourneyRow): JourneySnapshot {
    const steps = this.repo.steps(journey.id);
    const handovers = new Map(this.repo.handovers(journey.id).map((h) => [h.step_id, h]));
    const involved = new Map<number, SnapshotDepartment[]>();
    for (const { step_id: stepId, ...d } of this.repo.involved(journey.id)) involved.set(stepId, [...(involved.get(stepId) ?? []), d]);
    const laneRows = this.repo.lanes(journey.id);
    const laneTexts = new Map<number, Record<string, string>>();
    for (const t of this.repo.laneTexts(journey.id)) laneTexts.set(t.step_id, { ...laneTexts.get(t.step_id), [String(t.lane_id)]: t.text });
    // The language and the translations (#19.9) are left out when there are none, as handovers are: a bokmål journey
    // without translations keeps the JSON of the versions published before content languages existed.
    const content = journey.content_language;
    const texts = new Map(this.repo.translations(journey.id).map((r) => [translationKey(r.language, r.item, r.item_id, r.field), r.text]));
    const translated = <F extends string>(item: TranslationItem, id: number, fields: readonly F[], source: Record<F, string>) =>
      snapshotTranslations(texts, item, id, fields, source, content);
    // The own lanes' titles, their texts and the handovers' notes are translated too (#19.9, migration 0039).
    const lanes = laneRows.map((l) => ({ id: l.id, title: l.title, ...translated('lane', l.id, LANE_TEXT_FIELDS, l) }));
    const fields = {
      title: journey.title,
      slug: journey.slug,
      lifeEvent: journey.life_event,
      persona: journey.persona,
      scenario: journey.scenario,
      trigger: journey.trigger_text,
      outcome: journey.outcome,
      summary: journey.summary,
    };
    return {
      journey: {
        ...fields,
        ...(content !== DEFAULT_LOCALE ? { language: content } : {}),
        ...translated('journey', journey.id, JOURNEY_TEXT_FIELDS, fields),
      },
      phases: this.repo.phases(journey.id).map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        steps: steps
          .filter((s) => s.phase_id === p.id)
          .map((s) => {
            const step = {
              id: s.id,
              title: s.title,
              residentAction: s.resident_action,
              touchpoint: s.touchpoint,
              channel: s.channel,
              department: departmentOf(s.department_id, s.department_name, s.department_kind),
              backstage: s.backstage,
              systems: s.systems,
              emotion: s.emotion,
              duration: s.duration,
            };
            return {
              ...step,
              // Only when stated: a step without one keeps the JSON of versions published before handovers existed.
              ...handoverOf(handovers.get(s.id), (h) => translated('handover', s.id, HANDOVER_TEXT_FIELDS, h)),
              ...(involved.has(s.id) ? { involved: involved.get(s.id) } : {}),
              ...(laneTexts.has(s.id) ? { lanes: laneTexts.get(s.id) } : {}),
              ...translated('step', s.id, STEP_TEXT_FIELDS, step),
              ...snapshotLaneTranslations(texts, s.id, laneTexts.get(s.id), content),
            };
          }),
        ...translated('phase', p.id, PHASE_TEXT_FIELDS, p),
      })),
      ...(lanes.length > 0 ? { lanes } : {}),
    };
  }

  publishedSnapshot(journey: JourneyRow): JourneySnapshot | null {
    const json = this.repo.currentSnapshot(journey.id);
    return json ? (JSON.parse(json) as JourneySnapshot) : null;
  }

  hasUnpublishedChanges(journey: JourneyRow, draft = this.draftSnapshot(journey)): boolean {
    const published = this.repo.currentSnapshot(journey.id);
    return published === undefined || published !== JSON.stringify(draft);
  }

  // --- journey details ------------------------------------------------------------------------

  /** A new empty journey; in its municipality's content language unless the details name one (#19.9). */
  create(actorId: number | null, municipalityId: number, details: JourneyDetails): number {
    const id = this.repo.transaction(() => {
      this.assertSlugFree(municipalityId, details, null);
      const contentLanguage = details.contentLanguage ?? this.municipalityLanguage.defaultLanguage(municipalityId);
      return this.repo.insertJourney(municipalityId, { ...details, contentLanguage }, this.now());
    });
    this.record(actorId, municipalityId, 'journey.created', id, { slug: details.slug });
    return id;
  }

  updateDetails(actorId: number | null, municipalityId: number, journeyId: number, details: JourneyDetails): void {
    this.repo.transaction(() => {
      this.get(municipalityId, journeyId);
      this.assertSlugFree(municipalityId, details, journeyId);
      this.repo.updateJourney(journeyId, details, this.now());
    });
    this.record(actorId, municipalityId, 'journey.updated', journeyId, { slug: details.slug });
  }

  private assertSlugFree(municipalityId: number, details: JourneyDetails, journeyId: number | null): void {
    if (this.repo.slugTaken(municipalityId, details.slug, journeyId)) {
      throw new ConflictError({ slug: 'validation.slugTaken' }, { ...details });
    }
  }

  // --- phases ---------------------------------------------------------------------------------

  addPhase(actorId: number | null, municipalityId: number, journeyId: number, input: { title: string; description: string }): number {
    const id = this.repo.transaction(() => {
      this.get(municipalityId, journeyId);
      const phaseId = this.repo.insertPhase(journeyId, input.title, input.description);
      this.repo.touch(journeyId, this.now());
      return phaseId;
    });
    this.record(actorId, municipalityId, 'journey.phase_added', journeyId, { phaseId: id });
    return id;
  }

  getPhase(municipalityId: number, journeyId: number, phaseId: number) {
    this.get(municipalityId, journeyId);
    const phase = this.repo.phase(journeyId, phaseId);
    if (!phase) throw new NotFoundError();
    return phase;
  }

  updatePhase(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number, input: { title: string; description: string }): void {
    this.repo.transaction(() => {
      this.getPhase(municipalityId, journeyId, phaseId);
      this.repo.updatePhase(phaseId, input.title, input.description);
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.phase_updated', journeyId, { phaseId });
  }

  movePhase(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number, direction: Direction): void {
    this.repo.transaction(() => {
      this.getPhase(municipalityId, journeyId, phaseId);
      this.swap(this.repo.phases(journeyId), phaseId, direction, (id, position) => this.repo.setPhasePosition(id, position));
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.phase_moved', journeyId, { phaseId, direction });
  }

  removePhase(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number): void {
    this.repo.transaction(() => {
      this.getPhase(municipalityId, journeyId, phaseId);
      if (this.repo.stepsOfPhase(phaseId).some((s) => this.feedback.hasFeedback(s.id))) throw new ConflictError({ _form: 'validation.phaseHasFeedback' });
      this.repo.removePhase(phaseId, this.now());
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.phase_removed', journeyId, { phaseId });
  }

  // --- steps ----------------------------------------------------------------------------------

  getStep(municipalityId: number, journeyId: number, stepId: number) {
    this.get(municipalityId, journeyId);
    const step = this.repo.step(journeyId, stepId);
    if (!step) throw new NotFoundError();
    return step;
  }

  addStep(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number, values: StepValues): number {
    const id = this.repo.transaction(() => {
      this.getPhase(municipalityId, journeyId, phaseId);
      this.assertDepartment(municipalityId, values);
      const stepId = this.repo.insertStep(journeyId, phaseId, values);
      this.repo.touch(journeyId, this.now());
      return stepId;
    });
    this.record(actorId, municipalityId, 'journey.step_added', journeyId, { stepId: id });
    return id;
  }

  updateStep(
    actorId: number | null,
    municipalityId: number,
    journeyId: number,
    stepId: number,
    values: StepValues & { phaseId: number },
  ): void {
    this.repo.transaction(() => {
      const step = this.getStep(municipalityId, journeyId, stepId);
      if (!this.repo.phase(journeyId, values.phaseId)) throw new ConflictError({ phaseId: 'validation.invalid' }, { ...values });
      this.assertDepartment(municipalityId, values);
      this.repo.updateStep(stepId, values);
      if (values.phaseId !== step.phase_id) this.repo.moveStepToPhase(stepId, values.phaseId);
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_updated', journeyId, { stepId });
  }

  moveStep(actorId: number | null, municipalityId: number, journeyId: number, stepId: number, direction: Direction): void {
    this.repo.transaction(() => {
      const step = this.getStep(municipalityId, journeyId, stepId);
      this.swap(this.repo.stepsOfPhase(step.phase_id), stepId, direction, (id, position) => this.repo.setStepPosition(id, position));
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_moved', journeyId, { stepId, direction });
  }

  /**
   * Removes a step from the working copy. The row stays (marked removed) so its id keeps pointing at
   * the same step in published versions. A step that carries resident feedback is refused: it can only be merged.
   */
  removeStep(actorId: number | null, municipalityId: number, journeyId: number, stepId: number): void {
    this.repo.transaction(() => {
      this.getStep(municipalityId, journeyId, stepId);
      if (this.feedback.hasFeedback(stepId)) throw new ConflictError({ _form: 'validation.stepHasFeedback' });
      this.repo.removeStep(stepId, this.now());
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_removed', journeyId, { stepId });
  }

  /**
   * Merges a step into another step of the same journey: its feedback moves to the target, and the step is
   * marked removed and merged, so its id still leads somewhere in published versions.
   */
  mergeStep(actorId: number | null, municipalityId: number, journeyId: number, stepId: number, targetStepId: number): number {
    const moved = this.repo.transaction(() => {
      this.getStep(municipalityId, journeyId, stepId);
      if (targetStepId === stepId || !this.repo.step(journeyId, targetStepId)) {
        throw new ConflictError({ _form: 'validation.mergeTarget' });
      }
      const count = this.feedback.move(stepId, targetStepId);
      this.repo.mergeStep(stepId, targetStepId, this.now());
      this.repo.touch(journeyId, this.now());
      return count;
    });
    this.record(actorId, municipalityId, 'journey.step_merged', journeyId, { stepId, into: targetStepId, painPointsMoved: moved });
    return moved;
  }

  // --- removed, and restored (#19.6) ----------------------------------------------------------

  /**
   * What a removal takes away, for its confirmation page: the phase or step, and for a phase its steps. A step with
   * residents' feedback cannot be removed (only merged), which the page says instead of offering the button.
   */
  removal(municipalityId: number, journeyId: number, target: { phaseId: number } | { stepId: number }) {
    const journey = this.get(municipalityId, journeyId);
    const steps = stepsInOrder(this.draftSnapshot(journey));
    if ('phaseId' in target) {
      const phase = this.getPhase(municipalityId, journeyId, target.phaseId);
      const inPhase = steps.filter((s) => s.phaseId === phase.id);
      return { phase, steps: inPhase, withFeedback: inPhase.filter((s) => this.feedback.hasFeedback(s.id)) };
    }
    const step = steps.find((s) => s.id === target.stepId);
    if (!step) throw new NotFoundError();
    return { phase: null, steps: [step], withFeedback: this.feedback.hasFeedback(step.id) ? [step] : [] };
  }

  /** The draft's history of removals that can be undone: phases (with their steps) and single steps. */
  removed(municipalityId: number, journeyId: number) {
    this.get(municipalityId, journeyId);
    const phases = this.repo.removedPhases(journeyId);
    const removedPhaseIds = new Set(phases.map((p) => p.id));
    const steps = this.repo.removedSteps(journeyId);
    return {
      phases: phases.map((p) => ({ ...p, steps: steps.filter((s) => s.phase_id === p.id && s.removed_at === p.removed_at && s.merged_into_step_id === null) })),
      // A step merged into another is offered back too (#19.6): the step returns, its feedback stays where the
      // merge moved it (the page says so), since residents may since have followed or supported it there.
      steps: steps.filter((s) => !removedPhaseIds.has(s.phase_id)),
    };
  }

  restorePhase(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number): void {
    this.repo.transaction(() => {
      const phase = this.removed(municipalityId, journeyId).phases.find((p) => p.id === phaseId);
      if (!phase) throw new NotFoundError();
      this.repo.restorePhase(phaseId, phase.removed_at);
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.phase_restored', journeyId, { phaseId });
  }

  restoreStep(actorId: number | null, municipalityId: number, journeyId: number, stepId: number): void {
    this.repo.transaction(() => {
      const step = this.removed(municipalityId, journeyId).steps.find((s) => s.id === stepId);
      if (!step) throw new NotFoundError();
      this.repo.restoreStep(stepId, step.phase_id);
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_restored', journeyId, { stepId });
  }

  /** For the journey's parts kept by services of their own (own lanes, #19.4): one transaction, one change time. */
  transaction<T>(work: () => T): T {
    return this.repo.transaction(work);
  }

  touch(journeyId: number): void {
    this.repo.touch(journeyId, this.now());
  }

  // --- the phase grid (#19.1) -----------------------------------------------------------------

  /**
   * Saves a phase and all its steps at once (the grid): the phase's title and description, every existing column's
   * fields, and the new columns as new steps at the end, in the order given. A column whose step is no longer in this
   * phase (a stale page) refuses the whole save, so nothing is half written.
   */
  savePhaseGrid(actorId: number | null, municipalityId: number, journeyId: number, phaseId: number, grid: PhaseGrid): number[] {
    const ids = this.repo.transaction(() => {
      this.getPhase(municipalityId, journeyId, phaseId);
      this.repo.updatePhase(phaseId, grid.phase.title, grid.phase.description);
      const inPhase = new Set(this.repo.stepsOfPhase(phaseId).map((s) => s.id));
      const lanes = new Set(this.repo.lanes(journeyId).map((l) => l.id));
      const saved: number[] = [];
      for (const column of grid.columns) {
        this.assertDepartment(municipalityId, column.values);
        if ([...column.laneTexts.keys()].some((id) => !lanes.has(id))) throw new ConflictError({ _form: 'validation.gridStale' });
        let id: number;
        if (column.stepId === null) id = this.repo.insertStep(journeyId, phaseId, column.values);
        else if (inPhase.has(column.stepId)) {
          this.repo.updateStep(column.stepId, column.values);
          id = column.stepId;
        } else throw new ConflictError({ _form: 'validation.gridStale' });
        for (const [laneId, text] of column.laneTexts) this.repo.setLaneText(laneId, id, text);
        saved.push(id);
      }
      this.repo.touch(journeyId, this.now());
      return saved;
    });
    this.record(actorId, municipalityId, 'journey.phase_saved', journeyId, { phaseId, stepsAdded: grid.columns.filter((c) => c.stepId === null).length });
    return ids;
  }

  /**
   * Puts a step at a place in a phase (the grid's dragging and keyboard moves, #19.1): `index` counts the phase's
   * steps from 0 as they are without this one, and an index past the end means last. Both phases are numbered anew.
   */
  placeStep(actorId: number | null, municipalityId: number, journeyId: number, stepId: number, phaseId: number, index: number): void {
    this.repo.transaction(() => {
      const step = this.getStep(municipalityId, journeyId, stepId);
      if (!this.repo.phase(journeyId, phaseId)) throw new ConflictError({ _form: 'validation.invalid' });
      const order = this.repo.stepsOfPhase(phaseId).map((s) => s.id).filter((id) => id !== stepId);
      order.splice(Math.min(index, order.length), 0, stepId);
      if (phaseId !== step.phase_id) {
        this.repo.moveStepToPhase(stepId, phaseId);
        this.repo.stepsOfPhase(step.phase_id).forEach((s, i) => this.repo.setStepPosition(s.id, i + 1));
      }
      order.forEach((id, i) => this.repo.setStepPosition(id, i + 1));
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_moved', journeyId, { stepId, toPhase: phaseId, index });
  }

  /** A new phase with its first steps (the empty grid under the phases): one form for what took one page per step. */
  addPhaseWithSteps(actorId: number | null, municipalityId: number, journeyId: number, grid: PhaseGrid): number {
    const phaseId = this.repo.transaction(() => {
      this.get(municipalityId, journeyId);
      for (const column of grid.columns) this.assertDepartment(municipalityId, column.values);
      const id = this.repo.insertPhase(journeyId, grid.phase.title, grid.phase.description);
      const lanes = new Set(this.repo.lanes(journeyId).map((l) => l.id));
      for (const column of grid.columns) {
        const stepId = this.repo.insertStep(journeyId, id, column.values);
        for (const [laneId, text] of column.laneTexts) if (lanes.has(laneId)) this.repo.setLaneText(laneId, stepId, text);
      }
      this.repo.touch(journeyId, this.now());
      return id;
    });
    this.record(actorId, municipalityId, 'journey.phase_added', journeyId, { phaseId, stepsAdded: grid.columns.length });
    return phaseId;
  }

  /**
   * A new step right after another, in the same phase: a blank one to fill in (`title` names it), or a copy of the
   * step (`duplicate`), with its departments and handover left to the designer.
   */
  addStepAfter(actorId: number | null, municipalityId: number, journeyId: number, afterStepId: number, how: { duplicate: true } | { title: string }): number {
    const id = this.repo.transaction(() => {
      const after = this.getStep(municipalityId, journeyId, afterStepId);
      const values: StepValues =
        'duplicate' in how
          ? { title: after.title, residentAction: after.resident_action, touchpoint: after.touchpoint, channel: after.channel, departmentId: after.department_id,
              backstage: after.backstage, systems: after.systems, emotion: after.emotion, duration: after.duration }
          : { title: how.title, residentAction: '', touchpoint: '', channel: after.channel, departmentId: after.department_id, backstage: '', systems: '', emotion: 0, duration: '' };
      const stepId = this.repo.insertStepAfter(journeyId, after.phase_id, after.position, values);
      // A copy carries the step's texts in the journey's own lanes too (#19.4).
      if ('duplicate' in how) for (const t of this.repo.laneTexts(journeyId)) if (t.step_id === afterStepId) this.repo.setLaneText(t.lane_id, stepId, t.text);
      this.repo.touch(journeyId, this.now());
      return stepId;
    });
    this.record(actorId, municipalityId, 'duplicate' in how ? 'journey.step_duplicated' : 'journey.step_added', journeyId, { stepId: id, after: afterStepId });
    return id;
  }

  /** Moves a step to the end of another phase of the journey (the grid's "move to phase"). */
  moveStepToPhase(actorId: number | null, municipalityId: number, journeyId: number, stepId: number, phaseId: number): void {
    this.repo.transaction(() => {
      const step = this.getStep(municipalityId, journeyId, stepId);
      if (!this.repo.phase(journeyId, phaseId)) throw new ConflictError({ _form: 'validation.invalid' });
      if (phaseId !== step.phase_id) this.repo.moveStepToPhase(stepId, phaseId);
      this.repo.touch(journeyId, this.now());
    });
    this.record(actorId, municipalityId, 'journey.step_moved', journeyId, { stepId, toPhase: phaseId });
  }

  /** The responsible and the involved departments are the municipality's; one is not also involved in its own step. */
  private assertDepartment(municipalityId: number, values: StepValues): void {
    if (values.departmentId !== null && !this.departments.findInMunicipality(municipalityId, values.departmentId)) {
      throw new ConflictError({ departmentId: 'validation.invalid' }, { ...values });
    }
    for (const id of values.involvedIds ?? []) {
      if (!this.departments.findInMunicipality(municipalityId, id)) throw new ConflictError({ involvedIds: 'validation.invalid' }, { ...values });
      if (id === values.departmentId) throw new ConflictError({ involvedIds: 'validation.involvedIsResponsible' }, { ...values });
    }
  }

  /** Swaps an item with its neighbour; moving the first up or the last down is refused. */
  private swap(
    items: { id: number; position: number }[],
    id: number,
    direction: Direction,
    setPosition: (id: number, position: number) => void,
  ): void {
    const index = items.findIndex((item) => item.id === id);
    const otherIndex = direction === 'up' ? index - 1 : index + 1;
    const item = items[index];
    const other = items[otherIndex];
    if (!item || !other) throw new ConflictError({ _form: direction === 'up' ? 'validation.alreadyFirst' : 'validation.alreadyLast' });
    setPosition(item.id, other.position);
    setPosition(other.id, item.position);
  }

  // --- publishing -----------------------------------------------------------------------------

  publish(actorId: number | null, municipalityId: number, journeyId: number): number {
    const { version, slug } = this.repo.transaction(() => {
      const journey = this.get(municipalityId, journeyId);
      const draft = this.draftSnapshot(journey);
      if (!draft.phases.some((p) => p.steps.length > 0)) throw new ConflictError({ _form: 'validation.publishEmpty' });
      if (!this.hasUnpublishedChanges(journey, draft) && journey.status === 'published') {
        throw new ConflictError({ _form: 'validation.nothingToPublish' });
      }
      return { version: this.repo.insertVersion(journeyId, JSON.stringify(draft), journey.slug, actorId, this.now()), slug: journey.slug };
    });
    this.record(actorId, municipalityId, 'journey.published', journeyId, { version, slug });
    return version;
  }

  archive(actorId: number | null, municipalityId: number, journeyId: number): void {
    this.repo.transaction(() => {
      this.get(municipalityId, journeyId);
      this.repo.setStatus(journeyId, 'archived', this.now());
    });
    this.record(actorId, municipalityId, 'journey.archived', journeyId);
  }

  /** Brings an archived journey back: live again when it has a published version, else a draft. */
  restore(actorId: number | null, municipalityId: number, journeyId: number): void {
    this.repo.transaction(() => {
      const journey = this.get(municipalityId, journeyId);
      if (journey.status !== 'archived') throw new ConflictError({ _form: 'validation.notArchived' });
      this.repo.setStatus(journeyId, journey.current_version_id ? 'published' : 'draft', this.now());
    });
    this.record(actorId, municipalityId, 'journey.restored', journeyId);
  }

  versions(municipalityId: number, journeyId: number): VersionRow[] {
    this.get(municipalityId, journeyId);
    return this.repo.versions(journeyId);
  }

  /** Compares two published versions, or a version with the working copy (`to` = 'draft'). */
  diff(municipalityId: number, journeyId: number, from: number, to: number | 'draft'): { diff: JourneyDiff; from: VersionRow; to: VersionRow | null } {
    const journey = this.get(municipalityId, journeyId);
    const fromRow = this.repo.version(journeyId, from);
    const toRow = to === 'draft' ? null : this.repo.version(journeyId, to);
    if (!fromRow || (to !== 'draft' && !toRow)) throw new NotFoundError();
    const after = toRow ? (JSON.parse(toRow.snapshot) as JourneySnapshot) : this.draftSnapshot(journey);
    return { diff: diffSnapshots(JSON.parse(fromRow.snapshot) as JourneySnapshot, after), from: fromRow, to: toRow ?? null };
  }

  // --- sharing --------------------------------------------------------------------------------

  /** Exports are security events: who took which journey out of the portal is in the audit log. */
  exportDocument(actorId: number | null, municipalityId: number, journeyId: number): JourneyDocument {
    const snapshot = this.draftSnapshot(this.get(municipalityId, journeyId));
    this.record(actorId, municipalityId, 'journey.exported', journeyId);
    return asJourneyDocument(snapshot);
  }

  /** Creates a new draft journey from a validated document; departments are matched by name or created. */
  importDocument(actorId: number | null, municipalityId: number, doc: JourneyDocument, action = 'journey.imported', copiedFrom: number | null = null): number {
    const id = this.insertDocument(municipalityId, doc, copiedFrom);
    this.record(actorId, municipalityId, action, id, copiedFrom ? { copiedFrom } : undefined);
    return id;
  }

  /** A new draft from one of the templates (templates/), its text in the language the designer chose. */
  createFromTemplate(actorId: number | null, municipalityId: number, template: string, language: Locale): number {
    const id = this.insertDocument(municipalityId, templateDocument(template, language), null);
    this.record(actorId, municipalityId, 'journey.created_from_template', id, { template, language });
    return id;
  }

  /** The one way content becomes a draft (import, copy, template): a free slug, new ids, departments by name. */
  private insertDocument(municipalityId: number, doc: JourneyDocument, copiedFrom: number | null): number {
    return this.repo.transaction(() => {
      const slug = this.freeSlug(municipalityId, doc.journey.slug);
      // The document's language and translations come along (#19.9): a copy or an import reads as its source did.
      const { language, translations, ...details } = doc.journey;
      const journeyId = this.repo.insertJourney(municipalityId, { ...details, slug, contentLanguage: language }, this.now(), copiedFrom);
      const translate = (item: TranslationItem, itemId: number, source: Record<string, unknown>, t: Translations<string> | undefined) => {
        for (const [lang, texts] of Object.entries(t ?? {}) as [Locale, Record<string, string>][]) {
          for (const [field, text] of Object.entries(texts)) {
            this.repo.setTranslation(journeyId, { language: lang, item, itemId, field, text, sourceText: String(source[field] ?? '') });
          }
        }
      };
      translate('journey', journeyId, details, translations);
      const byName = (d: { name: string; kind: DepartmentKind }) => this.departments.findOrCreate(municipalityId, d.name, d.kind);
      // The document's own lanes (#19.4) first: its steps' texts follow them in order.
      const laneIds = (doc.lanes ?? []).map((l) => {
        const laneId = this.repo.insertLane(journeyId, l.title);
        translate('lane', laneId, l, l.translations);
        return laneId;
      });
      for (const phase of doc.phases) {
        const phaseId = this.repo.insertPhase(journeyId, phase.title, phase.description);
        translate('phase', phaseId, phase, phase.translations);
        for (const { laneTranslations: laneTranslated, ...step } of phase.steps) {
          const departmentId = step.department ? byName(step.department) : null;
          const involvedIds = (step.involved ?? []).map(byName).filter((id) => id !== departmentId);
          const stepId = this.repo.insertStep(journeyId, phaseId, { ...step, departmentId, involvedIds });
          translate('step', stepId, step, step.translations);
          (step.lanes ?? []).forEach((text, i) => laneIds[i] !== undefined && this.repo.setLaneText(laneIds[i]!, stepId, text));
          const laneSources = Object.fromEntries((step.lanes ?? []).flatMap((text, i) => (laneIds[i] !== undefined ? [[laneTextField(laneIds[i]!), text]] : [])));
          const laneTranslations = Object.entries(laneTranslated ?? {}).map(([lang, texts]) => [lang, Object.fromEntries(
            (texts ?? []).flatMap((text, i) => (laneIds[i] !== undefined && text !== '' ? [[laneTextField(laneIds[i]!), text]] : [])),
          )]);
          translate('step', stepId, laneSources, Object.fromEntries(laneTranslations) as Translations<string>);
          if (step.handover) {
            const { from, to, what, note, translations: noteTranslations } = step.handover;
            this.repo.setHandover(stepId, { fromDepartmentId: from ? byName(from) : null, toDepartmentId: to ? byName(to) : null, what, note });
            translate('handover', stepId, { note }, noteTranslations);
          }
        }
      }
      return journeyId;
    });
  }

  /** Journeys other municipalities have published, to start from. */
  copyCandidates(municipalityId: number) {
    return this.repo.publishedElsewhere(municipalityId).map((row) => ({
      id: row.id,
      municipalityName: row.municipality_name,
      municipalitySlug: row.municipality_slug,
      publicSlug: row.public_slug,
      snapshot: JSON.parse(row.snapshot) as JourneySnapshot,
    }));
  }

  copyFrom(actorId: number | null, municipalityId: number, sourceJourneyId: number): number {
    const source = this.repo.publishedById(sourceJourneyId);
    if (!source || source.municipality_id === municipalityId) throw new NotFoundError();
    const doc = asJourneyDocument(JSON.parse(source.snapshot) as JourneySnapshot);
    return this.importDocument(actorId, municipalityId, doc, 'journey.copied', sourceJourneyId);
  }

  /** The slug itself, or the first free "-2", "-3", … variant of it. */
  private freeSlug(municipalityId: number, slug: string): string {
    let candidate = slug;
    for (let n = 2; this.repo.slugTaken(municipalityId, candidate, null); n += 1) candidate = `${slug.slice(0, 75)}-${n}`;
    return candidate;
  }
}

export function asJourneyDocument(snapshot: JourneySnapshot): JourneyDocument {
  return {
    format: JOURNEY_FORMAT,
    formatVersion: JOURNEY_FORMAT_VERSION,
    // Documents say their language even for bokmål, which snapshots leave out (#19.9).
    journey: { ...snapshot.journey, language: contentLanguageOf(snapshot.journey) },
    ...(snapshot.lanes ? { lanes: snapshot.lanes.map((l) => ({ title: l.title, ...(l.translations ? { translations: l.translations } : {}) })) } : {}),
    phases: snapshot.phases.map((p) => ({
      title: p.title,
      description: p.description,
      ...(p.translations ? { translations: p.translations } : {}),
      steps: p.steps.map(({ id: _id, department, handover, involved, lanes: laneTexts, laneTranslations, ...step }) => ({
        ...step,
        department: named(department),
        // A document's lanes have no ids: a step's texts follow the journey's lanes in order (#19.4), and so do their
        // translations, per language ('' where a lane's text has none).
        ...(laneTexts && snapshot.lanes ? { lanes: snapshot.lanes.map((l) => laneTexts[String(l.id)] ?? '') } : {}),
        ...(laneTranslations && snapshot.lanes
          ? { laneTranslations: Object.fromEntries(Object.entries(laneTranslations).map(([lang, texts]) => [lang, snapshot.lanes!.map((l) => texts[String(l.id)] ?? '')])) }
          : {}),
        ...(involved ? { involved: involved.map((d) => named(d)!) } : {}),
        ...(handover ? { handover: { ...handover, from: named(handover.from), to: named(handover.to) } } : {}),
      })),
    })),
  };
}

/** A department as documents carry it: by name and kind, never by this database's id. */
const named = (d: SnapshotDepartment | null) => (d ? { name: d.name, kind: d.kind } : null);

/** A department of a joined row (id, name and kind columns), or null when the row has none. */
function departmentOf(id: number | null, name: string | null, kind: DepartmentKind | null): SnapshotDepartment | null {
  return id ? { id, name: name!, kind: kind! } : null;
}

function handoverOf(
  h: HandoverRow | undefined,
  translated: (source: { note: string }) => Pick<SnapshotHandover, 'translations'>,
): { handover?: SnapshotHandover } {
  if (!h) return {};
  return {
    handover: {
      from: departmentOf(h.from_department_id, h.from_name, h.from_kind),
      to: departmentOf(h.to_department_id, h.to_name, h.to_kind),
      what: h.what,
      note: h.note,
      ...translated({ note: h.note }),
    },
  };
}
