// The designer's side of journey maps: the working copy, publishing, versions, export, import, copy and templates.
// Free of req/res; every change is audited. Takes only what it uses of other modules (the interfaces below).
import { ConflictError, NotFoundError } from '../../errors';
import type { Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import { diffSnapshots, type JourneyDiff } from './journey-diff';
import {
  JOURNEY_FORMAT,
  JOURNEY_FORMAT_VERSION,
  type JourneyDocument,
} from './journey-document.schema';
import type { JourneySnapshot, SnapshotDepartment, SnapshotHandover } from './journey-snapshot';
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
    return {
      journey: {
        title: journey.title,
        slug: journey.slug,
        lifeEvent: journey.life_event,
        persona: journey.persona,
        scenario: journey.scenario,
        trigger: journey.trigger_text,
        outcome: journey.outcome,
        summary: journey.summary,
      },
      phases: this.repo.phases(journey.id).map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        steps: steps
          .filter((s) => s.phase_id === p.id)
          .map((s) => ({
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
            // Only when stated: a step without one keeps the JSON of versions published before handovers existed.
            ...handoverOf(handovers.get(s.id)),
            ...(involved.has(s.id) ? { involved: involved.get(s.id) } : {}),
          })),
      })),
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

  create(actorId: number | null, municipalityId: number, details: JourneyDetails): number {
    const id = this.repo.transaction(() => {
      this.assertSlugFree(municipalityId, details, null);
      return this.repo.insertJourney(municipalityId, details, this.now());
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
      const journeyId = this.repo.insertJourney(municipalityId, { ...doc.journey, slug }, this.now(), copiedFrom);
      const byName = (d: { name: string; kind: DepartmentKind }) => this.departments.findOrCreate(municipalityId, d.name, d.kind);
      for (const phase of doc.phases) {
        const phaseId = this.repo.insertPhase(journeyId, phase.title, phase.description);
        for (const step of phase.steps) {
          const departmentId = step.department ? byName(step.department) : null;
          const involvedIds = (step.involved ?? []).map(byName).filter((id) => id !== departmentId);
          const stepId = this.repo.insertStep(journeyId, phaseId, { ...step, departmentId, involvedIds });
          if (step.handover) {
            const { from, to, what, note } = step.handover;
            this.repo.setHandover(stepId, { fromDepartmentId: from ? byName(from) : null, toDepartmentId: to ? byName(to) : null, what, note });
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
    journey: { ...snapshot.journey },
    phases: snapshot.phases.map((p) => ({
      title: p.title,
      description: p.description,
      steps: p.steps.map(({ id: _id, department, handover, involved, ...step }) => ({
        ...step,
        department: named(department),
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

function handoverOf(h: HandoverRow | undefined): { handover?: SnapshotHandover } {
  if (!h) return {};
  return { handover: { from: departmentOf(h.from_department_id, h.from_name, h.from_kind), to: departmentOf(h.to_department_id, h.to_name, h.to_kind), what: h.what, note: h.note } };
}
