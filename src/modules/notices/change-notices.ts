// The outbox's writer: fills feedback's PainPointFollowers and the portfolio's InitiativeFollowers ports, so every
// answer, status change, initiative's progress, merge and rejection queues one notice per following address in the
// transaction that makes the change (#20.2, #20.6). No req/res, no sending: the sender does that.
import { CLOSED_STATUSES, type ResponseStatus } from '../feedback/feedback-vocabulary';
import type { PainPointFollowers } from '../feedback/pain-point-followers';
import type { InitiativeFollowers } from '../portfolio/portfolio.service';
import { nextDigestAt } from './digest-schedule';
import type { FollowRow, NoticeKind, NoticesRepository, PainPointInfo } from './notices.repository';

/** What a notice says, kept with it: the text at the time of the change, rendered in the follower's language later. */
export interface NoticePayload {
  painPoint: { id: number; title: string; municipality: string; municipalityName: string };
  /** The follower follows the report's journey, not the report itself. */
  viaJourney?: boolean;
  status?: ResponseStatus;
  text?: string;
  reason?: string;
  target?: { id: number; title: string };
  initiative?: { id: number; title: string; status: string; progress: number; note: string };
}

export class ChangeNotices implements PainPointFollowers, InitiativeFollowers {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly clock: () => Date,
  ) {}

  answered(painPointId: number, change: { status: ResponseStatus; text: string; byModerator: boolean }): void {
    const p = this.repo.painPointInfo(painPointId);
    if (!p) return;
    const now = this.clock().toISOString();
    const kind: NoticeKind = change.byModerator ? 'answer' : 'status';
    this.queue(kind, p, this.repo.followersOf(p), { status: change.status, text: change.text }, `${kind}:${p.id}:${change.status}:${now}`, now);
    this.repo.setClosed(p.id, CLOSED_STATUSES.includes(change.status) ? now : null);
  }

  progressed(painPointId: number, initiative: { id: number; title: string; status: string; progress: number; note: string }): void {
    const p = this.repo.painPointInfo(painPointId);
    if (!p) return;
    const now = this.clock().toISOString();
    // Only the report's own followers: a journey's followers hear of answers, not of every step of the work.
    const follows = this.repo.followersOf(p).filter((f) => f.pain_point_id === p.id);
    this.queue('progress', p, follows, { initiative }, `progress:${p.id}:${initiative.id}:${now}`, now);
  }

  /**
   * "Is it fixed?" (#20.3): the report's own followers (not its journey's) of a report residents can see are asked once
   * per initiative; the key has no time in it, so an initiative done, reopened and done again does not ask twice.
   */
  finished(painPointId: number, initiative: { id: number; title: string }): void {
    const p = this.repo.painPointInfo(painPointId);
    if (!p || p.publicly_visible !== 1) return;
    const now = this.clock().toISOString();
    const follows = this.repo.followersOf(p).filter((f) => f.pain_point_id === p.id);
    this.queue('fixed', p, follows, { initiative: { ...initiative, status: 'done', progress: 100, note: '' } }, `fixed:${p.id}:${initiative.id}`, now);
  }

  merged(painPointId: number, targetId: number): void {
    const p = this.repo.painPointInfo(painPointId);
    const target = this.repo.painPointInfo(targetId);
    if (!p || !target) return;
    const now = this.clock().toISOString();
    const follows = this.repo.followersOf(p).filter((f) => f.pain_point_id === p.id);
    this.queue('merged', p, follows, { target: { id: target.id, title: target.title } }, `merged:${p.id}:${target.id}:${now}`, now);
    // Where to follow now: the same follows go on with the report it was merged into, as the notice says.
    this.repo.moveFollows(p.id, target.id);
  }

  rejected(painPointId: number, reason: string): void {
    const p = this.repo.painPointInfo(painPointId);
    if (!p || p.participant_id === null) return;
    const now = this.clock().toISOString();
    const reporter = this.repo.followersOf(p).filter((f) => f.pain_point_id === p.id && f.participant_id === p.participant_id);
    this.queue('rejected', p, reporter, { reason }, `rejected:${p.id}:${now}`, now);
    this.repo.setClosed(p.id, now);
  }

  erased(participantId: number, painPointId: number): void {
    this.repo.deleteFollowsBy(participantId, painPointId);
  }

  /** One notice per address and change (an address following both a report and its journey hears once). */
  private queue(kind: NoticeKind, p: PainPointInfo, follows: FollowRow[], details: Partial<NoticePayload>, changeKey: string, now: string): void {
    for (const f of follows) {
      const payload: NoticePayload = {
        painPoint: { id: p.id, title: p.title, municipality: p.municipality_slug, municipalityName: p.municipality_name },
        viaJourney: f.pain_point_id === null,
        ...details,
      };
      this.repo.insertNotice(
        {
          kind,
          followId: f.id,
          language: f.language,
          digest: f.mode === 'weekly',
          payload,
          dedupeKey: `${changeKey}:a${f.address_id}`,
          dueAt: f.mode === 'weekly' ? nextDigestAt(this.clock()).toISOString() : now,
        },
        now,
      );
    }
  }
}
