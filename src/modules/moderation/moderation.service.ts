// Moderators keep resident content clean and answer it: approve, reject, redact, merge and unmerge, official answers,
// and reviewing flagged items. Every action is audited (without the resident's text). Free of req/res.
import { ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { ResponseStatus } from '../feedback/feedback-vocabulary';
import type { PainPointModeration, PainPointWithSupport, QueueFilter } from '../feedback/pain-point-moderation.port';
import type { RankingService } from '../ranking/ranking.service';

export const QUEUE_LIMIT = 200;
/** How many of the likeliest duplicates the merge choice lists first. */
const SIMILAR_TARGETS = 8;

/** What a moderator's answer needs of the portfolio (named, not imported: the portfolio builds on feedback too). */
export interface ReportInitiatives {
  /** Gives the report the answer its initiatives decide: one in progress outweighs an earlier answer (#18). */
  reconcile(municipalityId: number, painPointId: number): void;
}

/** What moderation needs of residents' stories (#20.5). */
export interface ExperienceDecisions {
  waiting(municipalityId: number): { id: number; pain_point_id: number; pain_point_title: string; body: string; created_at: string }[];
  decide(municipalityId: number, id: number, decision: 'published' | 'rejected', reason: string | null): void;
}
const NO_EXPERIENCES: ExperienceDecisions = { waiting: () => [], decide: () => {} };

export class ModerationService {
  constructor(
    /** The feedback module's port: the pain points these rules read and change. */
    private readonly painPoints: PainPointModeration,
    private readonly ranking: Pick<RankingService, 'refresh'>,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    private readonly initiatives: ReportInitiatives,
    /** Residents' stories on reports (#20.5), decided like reports (the feedback module's, named, not imported). */
    private readonly experiences: ExperienceDecisions = NO_EXPERIENCES,
  ) {}

  /** Stories waiting for a moderator, the longest waiting first. */
  waitingExperiences(municipalityId: number) {
    return this.experiences.waiting(municipalityId);
  }

  /** Publishes or rejects a resident's story; audited without its text, like reports. */
  decideExperience(actorId: number | null, municipalityId: number, id: number, decision: 'published' | 'rejected', reason: string | null): void {
    this.experiences.decide(municipalityId, id, decision, reason);
    this.audit.record({ actorUserId: actorId, municipalityId, action: decision === 'published' ? 'experience.approved' : 'experience.rejected', entityType: 'experience', entityId: id });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private record(actorId: number | null, municipalityId: number, action: string, id: number, details?: Record<string, unknown>): void {
    this.audit.record({ actorUserId: actorId, municipalityId, action, entityType: 'pain_point', entityId: id, details });
  }

  /** The queue with how long each item has waited, in minutes (the page says it in words). */
  queue(municipalityId: number, filter: QueueFilter) {
    const now = this.clock().getTime();
    return this.painPoints.queue(municipalityId, filter, QUEUE_LIMIT).map((p) => ({ ...p, waitedMinutes: Math.max(0, Math.floor((now - Date.parse(p.created_at)) / 60_000)) }));
  }

  /** The pending item a moderator takes next after deciding on `afterId`: the first of the queue's default view. */
  nextPending(municipalityId: number, afterId: number): number | null {
    const next = this.painPoints.queue(municipalityId, { journeyId: null, stepId: null, status: 'pending', flagged: false }, 2).find((p) => p.id !== afterId);
    return next?.id ?? null;
  }

  get(municipalityId: number, id: number): PainPointWithSupport {
    const p = this.painPoints.get(municipalityId, id);
    if (!p) throw new NotFoundError();
    return p;
  }

  /** A pain point with what a moderator decides it on; merge targets from its own step unless `allSteps`. */
  details(municipalityId: number, id: number, allSteps = false) {
    const painPoint = this.get(municipalityId, id);
    return {
      painPoint,
      mergedInto: painPoint.merged_into_id ? this.painPoints.get(municipalityId, painPoint.merged_into_id) : undefined,
      merged: this.painPoints.mergedInto(id),
      flags: this.painPoints.openFlags(id),
      mergeTargets: this.mergeTargets(painPoint, allSteps),
    };
  }

  /**
   * The targets a duplicate may go into, the likeliest first: those most like it (the similarity residents are shown),
   * then the others alphabetically. Nothing is chosen for the moderator: the old list picked its first, unrelated, entry.
   */
  private mergeTargets(painPoint: PainPointWithSupport, allSteps: boolean) {
    const targets = this.painPoints.mergeTargets(painPoint, allSteps);
    const byId = new Map(targets.map((t) => [t.id, t]));
    const similar = this.painPoints
      .similarTo(painPoint, allSteps, SIMILAR_TARGETS)
      .filter((s) => byId.has(s.id))
      .map((s) => ({ ...byId.get(s.id)!, score: s.score }));
    const shown = new Set(similar.map((s) => s.id));
    return { allSteps, similar, others: targets.filter((t) => !shown.has(t.id)) };
  }

  /** Both reports side by side before a merge is confirmed, after the checks the merge itself makes. */
  mergePreview(municipalityId: number, id: number, targetId: number) {
    const { painPoint, target } = this.mergeable(municipalityId, id, targetId);
    const withStep = (p: PainPointWithSupport) => ({ ...p, step_title: this.painPoints.stepTitleOf(p.id) });
    return { painPoint: withStep(painPoint), target: withStep(target) };
  }

  /** A merge may go ahead: the pain point is not merged already nor has others merged into it, and the target is fit. */
  private mergeable(municipalityId: number, id: number, targetId: number) {
    const painPoint = this.get(municipalityId, id);
    // Merged already (a page that went stale): moving it on would leave its first target's figures behind.
    if (painPoint.moderation_status === 'merged') throw new ConflictError({ _form: 'moderation.errors.unmergeFirst' });
    const target = this.painPoints.get(municipalityId, targetId);
    if (!target || target.journey_id !== painPoint.journey_id || target.id === id) throw new ConflictError({ targetId: 'moderation.errors.badTarget' });
    if (target.moderation_status !== 'published') throw new ConflictError({ targetId: 'moderation.errors.badTarget' });
    if (this.painPoints.mergedInto(id).length > 0) throw new ConflictError({ _form: 'moderation.errors.hasMerged' });
    return { painPoint, target };
  }

  approve(actorId: number | null, municipalityId: number, id: number): void {
    this.painPoints.transaction(() => {
      const p = this.get(municipalityId, id);
      if (p.moderation_status === 'merged') throw new ConflictError({ _form: 'moderation.errors.unmergeFirst' });
      this.painPoints.setStatus(id, 'published', this.now());
      this.painPoints.resolveFlags(id, this.now());
      this.ranking.refresh(id);
    });
    this.record(actorId, municipalityId, 'pain_point.approved', id);
  }

  reject(actorId: number | null, municipalityId: number, id: number, reason: string): void {
    this.painPoints.transaction(() => {
      const p = this.get(municipalityId, id);
      if (p.moderation_status === 'merged') throw new ConflictError({ _form: 'moderation.errors.unmergeFirst' });
      if (this.painPoints.mergedInto(id).length > 0) throw new ConflictError({ _form: 'moderation.errors.hasMerged' });
      this.painPoints.setStatus(id, 'rejected', this.now(), reason);
      this.ranking.refresh(id);
    });
    this.record(actorId, municipalityId, 'pain_point.rejected', id);
  }

  /** Redacts more text by hand; the audit log records that it happened, not the text. */
  redact(actorId: number | null, municipalityId: number, id: number, title: string, body: string): void {
    const before = this.get(municipalityId, id);
    this.painPoints.updateText(id, title, body);
    this.record(actorId, municipalityId, 'pain_point.redacted', id, {
      fields: [before.title !== title ? 'title' : null, before.body !== body ? 'body' : null].filter(Boolean),
    });
  }

  /** Marks a pain point as a duplicate: its supporters move to the target (RANKING.md). */
  merge(actorId: number | null, municipalityId: number, id: number, targetId: number): void {
    this.painPoints.transaction(() => {
      this.mergeable(municipalityId, id, targetId);
      this.painPoints.merge(id, targetId);
      this.ranking.refresh(id);
      this.ranking.refresh(targetId);
    });
    this.record(actorId, municipalityId, 'pain_point.merged', id, { into: targetId });
  }

  unmerge(actorId: number | null, municipalityId: number, id: number): void {
    this.painPoints.transaction(() => {
      const p = this.get(municipalityId, id);
      if (p.moderation_status !== 'merged') throw new ConflictError({ _form: 'moderation.errors.notMerged' });
      this.painPoints.setStatus(id, 'published', this.now());
      this.ranking.refresh(id);
      this.ranking.refresh(p.merged_into_id!);
    });
    this.record(actorId, municipalityId, 'pain_point.unmerged', id);
  }

  /** The official answer: a public status with a text and date, also in the journey's feed. */
  answer(actorId: number | null, municipalityId: number, id: number, status: ResponseStatus, text: string): void {
    this.painPoints.transaction(() => {
      const p = this.get(municipalityId, id);
      this.painPoints.answer(p, status, text, this.now());
      this.initiatives.reconcile(municipalityId, id);
    });
    this.record(actorId, municipalityId, 'pain_point.answered', id, { status });
  }

  /**
   * Publishes or rejects several reports at once, all or none: one that cannot be (merged, or not this municipality's)
   * stops the whole batch with its reason. Each is audited as if decided alone.
   */
  decideMany(actorId: number | null, municipalityId: number, ids: readonly number[], decision: 'approve' | 'reject', reason: string): void {
    this.painPoints.transaction(() => {
      for (const id of new Set(ids)) {
        if (decision === 'approve') this.approve(actorId, municipalityId, id);
        else this.reject(actorId, municipalityId, id, reason);
      }
    });
  }

  /** Reviewed the flags and kept the pain point: it is shown again. */
  clearFlags(actorId: number | null, municipalityId: number, id: number): void {
    this.painPoints.transaction(() => {
      this.get(municipalityId, id);
      this.painPoints.resolveFlags(id, this.now());
    });
    this.record(actorId, municipalityId, 'pain_point.flags_cleared', id);
  }
}
