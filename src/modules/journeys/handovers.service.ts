// Handovers between departments, stated by the designer (#19.2): set, changed or removed on a step of the working
// copy, with the editor's suggestion where the responsible department changes. Never added by themselves: a change of
// department is often no handover at all. Free of req/res.
import { ConflictError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { JourneyEditorService } from './journey-editor.service';
import { stepsInOrder, suggestedHandovers } from './journey-snapshot';
import type { HandoverValues, JourneysRepository } from './journeys.repository';

export class HandoversService {
  constructor(
    private readonly repo: JourneysRepository,
    private readonly editor: Pick<JourneyEditorService, 'get' | 'getStep' | 'draftSnapshot'>,
    private readonly departments: Pick<DepartmentsService, 'findInMunicipality'>,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /** The step, the handover stated into it, if any, and what the editor suggests from the departments around it. */
  ofStep(municipalityId: number, journeyId: number, stepId: number) {
    const step = this.editor.getStep(municipalityId, journeyId, stepId);
    const steps = stepsInOrder(this.editor.draftSnapshot(this.editor.get(municipalityId, journeyId)));
    const here = steps.find((s) => s.id === stepId)!;
    const before = steps[here.index - 1] ?? null;
    return { step, before, stated: here.handover, suggestion: suggestedHandovers(steps).get(stepId) ?? null };
  }

  state(actorId: number | null, municipalityId: number, journeyId: number, stepId: number, values: HandoverValues): void {
    this.repo.transaction(() => {
      this.editor.getStep(municipalityId, journeyId, stepId);
      for (const [field, id] of [['fromDepartmentId', values.fromDepartmentId], ['toDepartmentId', values.toDepartmentId]] as const) {
        if (id !== null && !this.departments.findInMunicipality(municipalityId, id)) throw new ConflictError({ [field]: 'validation.invalid' }, { ...values });
      }
      if (values.fromDepartmentId === values.toDepartmentId) throw new ConflictError({ toDepartmentId: 'validation.handoverSameDepartment' }, { ...values });
      this.repo.setHandover(stepId, values);
      this.repo.touch(journeyId, this.clock().toISOString());
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'journey.handover_stated', entityType: 'journey', entityId: journeyId, details: { stepId, what: values.what } });
  }

  /** Removes the handover and its note's translations (#19.9), which a handover stated later should not inherit. */
  remove(actorId: number | null, municipalityId: number, journeyId: number, stepId: number): void {
    const removed = this.repo.transaction(() => {
      this.editor.getStep(municipalityId, journeyId, stepId);
      const done = this.repo.removeHandover(stepId);
      for (const row of this.repo.translations(journeyId)) {
        if (row.item === 'handover' && row.item_id === stepId) this.repo.removeTranslation(journeyId, row.language, row.item, row.item_id, row.field);
      }
      if (done) this.repo.touch(journeyId, this.clock().toISOString());
      return done;
    });
    if (removed) this.audit.record({ actorUserId: actorId, municipalityId, action: 'journey.handover_removed', entityType: 'journey', entityId: journeyId, details: { stepId } });
  }
}
