// Review across departments (#19.7): any staff member of the municipality comments on a draft's steps or on the
// journey as a whole; its designers resolve the comments. Comments never enter a snapshot, so residents never see
// them. Audited without their text. Free of req/res.
import { ConflictError, NotFoundError } from '../../../errors';
import type { AuditService } from '../../audit/audit.service';
import type { JourneyEditorService } from '../journey-editor.service';
import { stepsInOrder } from '../journey-snapshot';
import type { CommentRow, CommentsRepository } from './comments.repository';

export class ReviewService {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly editor: Pick<JourneyEditorService, 'get' | 'list' | 'draftSnapshot'>,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /** The municipality's journeys that are not archived, with how many comments on each are open. */
  journeys(municipalityId: number) {
    const open = this.repo.openCounts(municipalityId);
    return this.editor
      .list(municipalityId)
      .filter((j) => j.status !== 'archived')
      .map((j) => ({ ...j, openComments: open.get(j.id) ?? 0 }));
  }

  /** A draft with its steps in order and its comments: by step, about the journey as a whole, and on removed steps. */
  page(municipalityId: number, journeyId: number) {
    const journey = this.editor.get(municipalityId, journeyId);
    if (journey.status === 'archived') throw new NotFoundError();
    const draft = this.editor.draftSnapshot(journey);
    const steps = stepsInOrder(draft);
    const comments = this.repo.ofJourney(journeyId);
    const stepIds = new Set(steps.map((s) => s.id));
    const byStep = new Map<number, CommentRow[]>();
    for (const c of comments) if (c.step_id !== null && stepIds.has(c.step_id)) byStep.set(c.step_id, [...(byStep.get(c.step_id) ?? []), c]);
    return {
      journey,
      draft,
      steps,
      byStep,
      general: comments.filter((c) => c.step_id === null || !stepIds.has(c.step_id)),
      open: comments.filter((c) => c.resolved_at === null),
    };
  }

  openComments(journeyId: number): CommentRow[] {
    return this.repo.ofJourney(journeyId).filter((c) => c.resolved_at === null);
  }

  /** A comment on a step of the draft, or on the journey as a whole (stepId null). */
  comment(actorId: number, municipalityId: number, journeyId: number, stepId: number | null, body: string): number {
    const id = this.repo.transaction(() => {
      const { steps } = this.page(municipalityId, journeyId);
      const step = stepId === null ? null : steps.find((s) => s.id === stepId);
      // The step was removed from the draft while the reviewer wrote: said on the form, the text kept.
      if (step === undefined) throw new ConflictError({ _form: 'validation.commentStepGone' }, { body, stepId: '' });
      return this.repo.insert(journeyId, stepId, step?.title ?? '', actorId, body, this.clock().toISOString());
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'journey.commented', entityType: 'journey', entityId: journeyId, details: { commentId: id, stepId } });
    return id;
  }

  resolve(actorId: number, municipalityId: number, journeyId: number, commentId: number): void {
    this.repo.transaction(() => {
      this.editor.get(municipalityId, journeyId);
      if (!this.repo.resolve(journeyId, commentId, actorId, this.clock().toISOString())) throw new NotFoundError();
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'journey.comment_resolved', entityType: 'journey', entityId: journeyId, details: { commentId } });
  }
}
