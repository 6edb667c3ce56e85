// The residents' side of feedback: report, "me too", flag, see and erase one's own contributions. Free of req/res.
import { ConflictError, NotFoundError } from '../../errors';
import { redactPersonalData, type Redaction } from '../../lib/pii-redaction';
import { mostSimilar } from '../../lib/similarity';
import type { MunicipalityRow } from '../accounts/municipalities.repository';
import { CLOSED_STATUSES, type FlagReason, type StepSort } from './feedback-vocabulary';
import type { FeedbackRepository, PainPointWithSupport } from './feedback.repository';

export const SIMILARITY_THRESHOLD = 0.2;
export const SIMILAR_LIMIT = 5;

export interface ReportInput {
  title: string;
  body: string;
  severity: number;
  channel: string | null;
}

export interface PreparedReport extends ReportInput {
  removed: Redaction['removed'];
  similar: { id: number; title: string; score: number; closed: boolean }[];
}

export class FeedbackService {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly clock: () => Date,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  participantId(keyHash: string | null): number | null {
    return keyHash ? (this.repo.participantByHash(keyHash) ?? null) : null;
  }

  ensureParticipant(keyHash: string): number {
    return this.repo.participantByHash(keyHash) ?? this.repo.insertParticipant(keyHash, this.now());
  }

  /** The check step: what personal data would be removed, and which existing pain points look the same. */
  prepare(journeyId: number, input: ReportInput): PreparedReport {
    const title = redactPersonalData(input.title);
    const body = redactPersonalData(input.body);
    const removed = { ...title.removed };
    for (const [kind, n] of Object.entries(body.removed) as [keyof Redaction['removed'], number][]) removed[kind] = (removed[kind] ?? 0) + n;
    const similar = mostSimilar(`${title.text} ${body.text}`, this.repo.similarityPool(journeyId), (c) => `${c.title} ${c.body}`, SIMILARITY_THRESHOLD, SIMILAR_LIMIT).map(
      ({ item, score }) => ({ id: item.id, title: item.title, score, closed: CLOSED_STATUSES.includes(item.response_status) }),
    );
    return { ...input, title: title.text, body: body.text, removed, similar };
  }

  /** Stores a report; text is redacted again here, whatever the form sent back. */
  submit(participantId: number, municipality: MunicipalityRow, journeyId: number, stepId: number | null, input: ReportInput): { id: number; status: 'pending' | 'published' } {
    const status = municipality.premoderation === 1 ? 'pending' : 'published';
    const id = this.repo.transaction(() => {
      const painPointId = this.repo.insert(
        {
          municipalityId: municipality.id,
          journeyId,
          stepId,
          participantId,
          title: redactPersonalData(input.title).text,
          body: redactPersonalData(input.body).text,
          severity: input.severity,
          channel: input.channel,
          status,
        },
        this.now(),
      );
      this.repo.insertEvent(painPointId, journeyId, 'received', '', this.now());
      return painPointId;
    });
    return { id, status };
  }

  /** A pain point as a resident may see it: published and not hidden, or their own in any state. */
  visible(municipalityId: number, id: number, participantId: number | null): PainPointWithSupport & { own: boolean; voted: boolean } {
    const p = this.repo.byId(municipalityId, id);
    if (!p) throw new NotFoundError();
    const own = participantId !== null && p.participant_id === participantId;
    const isPublic = p.moderation_status === 'published' && p.hidden_by_flags === 0;
    if (!isPublic && !own) {
      // A merged pain point lives on in the one it was merged into.
      if (p.moderation_status === 'merged' && p.merged_into_id) return this.visible(municipalityId, p.merged_into_id, participantId);
      throw new NotFoundError();
    }
    return { ...p, own, voted: participantId !== null && this.repo.hasVoted(p.id, participantId) };
  }

  forStep(stepId: number, sort: StepSort, participantId: number | null) {
    return this.withVotes(this.repo.publicForStep(stepId, sort), participantId);
  }

  forJourneyAsWhole(journeyId: number, sort: StepSort, participantId: number | null) {
    return this.withVotes(this.repo.publicForJourneyAsWhole(journeyId, sort), participantId);
  }

  stepSummaries(journeyId: number): Map<number, { painPoints: number; supporters: number }> {
    return new Map(this.repo.stepSummaries(journeyId).map((r) => [r.step_id, { painPoints: r.pain_points, supporters: r.supporters }]));
  }

  private withVotes(rows: PainPointWithSupport[], participantId: number | null) {
    const voted = participantId === null ? new Set<number>() : this.repo.votedIds(participantId, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, voted: voted.has(r.id), own: participantId !== null && r.participant_id === participantId }));
  }

  /** "Me too": one per participant (the database enforces it), not on one's own, not once closed. */
  vote(participantId: number, municipalityId: number, painPointId: number, severity: number | null): boolean {
    return this.repo.transaction(() => {
      const p = this.repo.byId(municipalityId, painPointId);
      if (!p || p.moderation_status !== 'published' || p.hidden_by_flags === 1) throw new NotFoundError();
      if (p.participant_id === participantId) throw new ConflictError({ _form: 'feedback.errors.ownPainPoint' });
      if (CLOSED_STATUSES.includes(p.response_status)) throw new ConflictError({ _form: 'feedback.errors.closed' });
      return this.repo.insertVote(painPointId, participantId, severity, this.now());
    });
  }

  withdraw(participantId: number, municipalityId: number, painPointId: number): void {
    if (!this.repo.byId(municipalityId, painPointId)) throw new NotFoundError();
    this.repo.deleteVote(painPointId, participantId);
  }

  flag(participantId: number, municipality: MunicipalityRow, painPointId: number, reason: FlagReason): void {
    this.repo.transaction(() => {
      const p = this.repo.byId(municipality.id, painPointId);
      if (!p || p.moderation_status !== 'published') throw new NotFoundError();
      this.repo.insertFlag(painPointId, participantId, reason, municipality.flag_hide_threshold, this.now());
    });
  }

  mine(participantId: number | null) {
    if (participantId === null) return { painPoints: [], votes: [] };
    return { painPoints: this.repo.byParticipant(participantId), votes: this.repo.votesByParticipant(participantId) };
  }

  /** Erasure of one's own pain point: gone from every page, feed and export. */
  deleteMine(participantId: number, painPointId: number): void {
    this.repo.transaction(() => {
      const own = this.repo.byParticipant(participantId).some((p) => p.id === painPointId);
      if (!own) throw new NotFoundError();
      this.repo.delete(painPointId);
    });
  }

  deleteMyVote(participantId: number, painPointId: number): void {
    if (!this.repo.deleteVote(painPointId, participantId)) throw new NotFoundError();
  }

  feed(journeyId: number) {
    return this.repo.feed(journeyId, 50);
  }
}
