// The residents' side of feedback: report, "me too", flag, see and erase one's own contributions. Free of req/res.
import type { GroupCommit } from '../../db/group-commit';
import { ConflictError, NotFoundError } from '../../errors';
import { redactPersonalData, type Redaction } from '../../lib/pii-redaction';
import { CLOSED_STATUSES, type FlagReason, type StepSort } from './feedback-vocabulary';
import type { FeedbackRepository, PainPointWithSupport } from './feedback.repository';
import { NO_FOLLOWERS, type PainPointFollowers } from './pain-point-followers';
import { isPubliclyVisible } from './public-visibility';
import { similarReports } from './similar-reports';
import { NO_ACTIVITY, type FeedbackActivity } from './feedback-activity.port';

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

export const FEEDBACK_PAGE_SIZE = 20;

/** What residents' feedback follows of their municipality's settings. */
export interface FeedbackSettings {
  id: number;
  /** 1: new reports wait for a moderator. */
  premoderation: number;
  /** Open flags from this many residents hide a pain point until a moderator looks at it. */
  flag_hide_threshold: number;
}

/**
 * What feedback asks of the ranking, which it keeps up to date with every change. Declared here rather than imported:
 * the ranking reads feedback's tables and vocabulary, and importing it back would make the modules a cycle.
 */
export interface FeedbackRanking {
  /** Recomputes the candidate a pain point counts for. */
  refresh(painPointId: number): void;
  supportsAlready(painPointId: number, participantId: number): boolean;
  voteAdded(painPointId: number, participantId: number, alreadySupporter: boolean, at: string, rating: number | null): void;
  /** The ids of candidates in ranking order ("most important"). */
  rankedIds(municipalityId: number, scope: { journeyId: number; stepId?: number; journeyLevelOnly?: boolean; limit: number }): number[];
  /** A read kept until the municipality's ranking version moves on. */
  memo<T>(municipalityId: number, key: string, compute: () => T): T;
}

export class FeedbackService {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly ranking: FeedbackRanking,
    private readonly clock: () => Date,
    private readonly writes: GroupCommit,
    /** Residents following reports by e-mail: an erased contribution takes its follows with it (#20). */
    private readonly followers: PainPointFollowers = NO_FOLLOWERS,
    /** Counts accepted votes and reports for the metrics (#22), through a port. */
    private readonly activity: FeedbackActivity = NO_ACTIVITY,
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

  /** Joins a new browser (the hash of a key just issued to it) to an earlier participant: a sign-in link's work (#20.4). */
  joinBrowser(keyHash: string, participantId: number): void {
    this.repo.linkKey(keyHash, participantId, this.now());
  }

  /** The check step: what personal data would be removed, and which existing pain points look the same. */
  prepare(journeyId: number, input: ReportInput): PreparedReport {
    const title = redactPersonalData(input.title);
    const body = redactPersonalData(input.body);
    const removed = { ...title.removed };
    for (const [kind, n] of Object.entries(body.removed) as [keyof Redaction['removed'], number][]) removed[kind] = (removed[kind] ?? 0) + n;
    const text = `${title.text} ${body.text}`;
    const similar = similarReports(this.repo, journeyId, text, { limit: SIMILAR_LIMIT }).map(
      ({ item, score }) => ({ id: item.id, title: item.title, score, closed: CLOSED_STATUSES.includes(item.response_status) }),
    );
    return { ...input, title: title.text, body: body.text, removed, similar };
  }

  /** Stores a report; text is redacted again here, whatever the form sent back. */
  submit(participantId: number, municipality: FeedbackSettings, journeyId: number, stepId: number | null, input: ReportInput): { id: number; status: 'pending' | 'published' } {
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
      this.ranking.refresh(painPointId);
      return painPointId;
    });
    this.activity.reportAccepted();
    return { id, status };
  }

  /** A pain point as a resident may see it: published and not hidden, or their own in any state. */
  visible(municipalityId: number, id: number, participantId: number | null): PainPointWithSupport & { own: boolean; voted: boolean } {
    const p = this.repo.byId(municipalityId, id);
    if (!p) throw new NotFoundError();
    const own = participantId !== null && p.participant_id === participantId;
    if (!isPubliclyVisible(p) && !own) {
      // A merged pain point lives on in the one it was merged into.
      if (p.moderation_status === 'merged' && p.merged_into_id) return this.visible(municipalityId, p.merged_into_id, participantId);
      throw new NotFoundError();
    }
    return { ...p, own, voted: participantId !== null && this.repo.hasVoted(p.id, participantId) };
  }

  /** One page of a step's public pain points in the chosen order, with the resident's own votes marked. */
  forStep(municipalityId: number, journeyId: number, stepId: number, sort: StepSort, page: number, participantId: number | null) {
    return this.pageOf(this.orderedIds(municipalityId, journeyId, stepId, sort), page, participantId);
  }

  /** The same for the pain points about the journey as a whole. */
  forJourneyAsWhole(municipalityId: number, journeyId: number, sort: StepSort, page: number, participantId: number | null) {
    return this.pageOf(this.orderedIds(municipalityId, journeyId, null, sort), page, participantId);
  }

  /**
   * "Most important" is the ranking's order (need score, cached per moment) with closed items last; the other sorts
   * come from SQL.
   */
  private orderedIds(municipalityId: number, journeyId: number, stepId: number | null, sort: StepSort): number[] {
    if (sort !== 'important') return this.repo.publicIds(journeyId, stepId, sort);
    const scope = stepId === null ? { journeyId, journeyLevelOnly: true } : { journeyId, stepId };
    const ids = this.ranking.rankedIds(municipalityId, { ...scope, limit: -1 });
    // Open items first, in ranking order; solved and declined ones after them (#18).
    const closed = this.repo.closedAmong(ids);
    return closed.size === 0 ? ids : [...ids.filter((id) => !closed.has(id)), ...ids.filter((id) => closed.has(id))];
  }

  /**
   * A busy step holds hundreds of pain points; a page shows FEEDBACK_PAGE_SIZE of them, which is what a resident
   * reads and what keeps the page light (rendering 500 cards with their forms took over 100 ms). Only the page's
   * own rows are read.
   */
  private pageOf(ids: number[], page: number, participantId: number | null) {
    const pages = Math.max(1, Math.ceil(ids.length / FEEDBACK_PAGE_SIZE));
    const current = Math.min(page, pages);
    const from = (current - 1) * FEEDBACK_PAGE_SIZE;
    const items = this.withVotes(this.repo.publicByIds(ids.slice(from, from + FEEDBACK_PAGE_SIZE)), participantId);
    return { items, total: ids.length, page: current, pages, from: from + 1 };
  }

  /** Per step: public pain points and distinct supporters; cached with the rankings, which every change to them moves on. */
  stepSummaries(municipalityId: number, journeyId: number): Map<number, { painPoints: number; supporters: number }> {
    return this.ranking.memo(municipalityId, `step-summaries:${municipalityId}:${journeyId}`, () =>
      new Map(this.repo.stepSummaries(journeyId).map((r) => [r.step_id, { painPoints: r.pain_points, supporters: r.supporters }])),
    );
  }

  private withVotes(rows: PainPointWithSupport[], participantId: number | null) {
    const voted = participantId === null ? new Set<number>() : this.repo.votedIds(participantId, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, voted: voted.has(r.id), own: participantId !== null && r.participant_id === participantId }));
  }

  /**
   * "Me too" from the resident holding this key (a participant from now on, if new): the vote below, committed together
   * with others that arrive at the same moment. Resolves once the vote is durable.
   */
  voteAs(participantKey: string, municipalityId: number, painPointId: number, severity: number | null): Promise<boolean> {
    // Counted once the group's commit has made the vote durable, as the resident is told.
    return this.writes.run(() => this.vote(this.ensureParticipant(participantKey), municipalityId, painPointId, severity)).then((added) => {
      if (added) this.activity.voteAccepted();
      return added;
    });
  }

  /** "Me too": one per participant (the database enforces it), not on one's own, not once closed. */
  vote(participantId: number, municipalityId: number, painPointId: number, severity: number | null): boolean {
    return this.repo.transaction(() => {
      const p = this.repo.byId(municipalityId, painPointId);
      if (!p || !isPubliclyVisible(p)) throw new NotFoundError();
      if (p.participant_id === participantId) throw new ConflictError({ _form: 'feedback.errors.ownPainPoint' });
      if (CLOSED_STATUSES.includes(p.response_status)) throw new ConflictError({ _form: 'feedback.errors.closed' });
      const already = this.ranking.supportsAlready(painPointId, participantId);
      const now = this.now();
      const added = this.repo.insertVote(painPointId, participantId, severity, now);
      if (added) this.ranking.voteAdded(painPointId, participantId, already, now, severity);
      return added;
    });
  }

  withdraw(participantId: number, municipalityId: number, painPointId: number): void {
    if (!this.repo.byId(municipalityId, painPointId)) throw new NotFoundError();
    this.repo.transaction(() => {
      if (this.repo.deleteVote(painPointId, participantId)) this.ranking.refresh(painPointId);
    });
  }

  flag(participantId: number, municipality: FeedbackSettings, painPointId: number, reason: FlagReason): void {
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

  /**
   * One of the resident's own pain points with what erasing it takes along, for the page that asks first: its votes
   * (others' "me too" cascade with it) and the pain points merged into it (they become their own again, see delete).
   */
  ownReport(participantId: number | null, painPointId: number) {
    const own = participantId === null ? undefined : this.repo.byParticipant(participantId).find((p) => p.id === painPointId);
    if (!own) throw new NotFoundError();
    return { painPoint: own, votes: this.repo.voteCount(painPointId), merged: this.repo.mergedInto(painPointId).length };
  }

  /** The resident's own "me too" on a pain point, for the page that asks before withdrawing it. */
  ownVote(participantId: number | null, painPointId: number) {
    const vote = participantId === null ? undefined : this.repo.votesByParticipant(participantId).find((v) => v.pain_point_id === painPointId);
    if (!vote) throw new NotFoundError();
    return vote;
  }

  /** Erasure of one's own pain point: gone from every page, feed and export. */
  deleteMine(participantId: number, painPointId: number): void {
    this.repo.transaction(() => {
      const own = this.repo.byParticipant(participantId).find((p) => p.id === painPointId);
      if (!own) throw new NotFoundError();
      const children = this.repo.mergedInto(painPointId).map((c) => c.id);
      // Everyone's follows of the report go with it (a foreign key); the reporter's own are named here all the same.
      this.followers.erased(participantId, painPointId);
      this.repo.delete(painPointId);
      // What it counted for, and what was merged into it, are candidates of their own now.
      if (own.merged_into_id) this.ranking.refresh(own.merged_into_id);
      for (const child of children) this.ranking.refresh(child);
    });
  }

  deleteMyVote(participantId: number, painPointId: number): void {
    this.repo.transaction(() => {
      if (!this.repo.deleteVote(painPointId, participantId)) throw new NotFoundError();
      this.followers.erased(participantId, painPointId);
      this.ranking.refresh(painPointId);
    });
  }

  feed(journeyId: number) {
    return this.repo.feed(journeyId, 50);
  }
}
