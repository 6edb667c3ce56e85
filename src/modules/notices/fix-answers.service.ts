// "Is it fixed?" (#20.3): the answers residents give through the signed links of the question e-mail, and the rule
// that reopens a report when enough of them say no. Free of req/res.
import { NotFoundError } from '../../errors';
import { paths } from '../../paths';
import type { AuditService } from '../audit/audit.service';
import { residentsSayNotFixed, type FixAnswer, type FixAnswers } from '../feedback/fix-answers';
import type { PainPointLinks } from '../feedback/pain-point-links.port';
import { fixAnswerSubject, verifyFixAnswer } from './fix-answer-links';
import { LinkGone, type FollowsService } from './follows.service';
import type { NoticesRepository } from './notices.repository';

/** What a link asks about: the report, by name and page, and the follow's answer so far. */
export interface FixQuestion {
  followId: number;
  painPointId: number;
  municipalityId: number;
  title: string;
  path: string;
  answer: FixAnswer | undefined;
}

export class FixAnswersService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly answers: FixAnswers,
    private readonly follows: Pick<FollowsService, 'signer'>,
    private readonly painPoints: PainPointLinks,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /**
   * The follow and report a link stands for. A token of the wrong shape or with a bad signature is a 404, as an
   * unsubscribe link's is; a follow that is gone (unsubscribed, cleaned up, moved by a merge) or a report residents
   * no longer see is the "gone" page (410).
   */
  question(token: string): FixQuestion {
    const subject = fixAnswerSubject(token);
    if (!subject) throw new NotFoundError();
    const follow = this.notices.followById(subject.followId);
    if (!follow) throw new LinkGone();
    if (!verifyFixAnswer(this.follows.signer(), subject, follow.salt)) throw new NotFoundError();
    const report = this.answers.visibleReport(subject.painPointId);
    if (follow.pain_point_id !== subject.painPointId || !report) throw new LinkGone();
    return {
      followId: follow.id,
      painPointId: report.id,
      municipalityId: report.municipality_id,
      title: report.title,
      path: paths.painPoint({ municipality: report.municipality_slug, painPointId: report.id }),
      answer: this.answers.answerOf(follow.id, report.id),
    };
  }

  /**
   * Records the follow's answer (again: it changes). When residents then say it is not fixed (fix-answers.ts) and the
   * report says "solved", it goes back to "under review" through the same path as an initiative's answer, so its
   * page, history, followers and insights all say so, and the audit log says why; staff see the counts beside it.
   */
  answer(token: string, answer: FixAnswer): { question: FixQuestion; reopened: boolean } {
    return this.notices.transaction(() => {
      const question = this.question(token);
      const now = this.clock().toISOString();
      this.answers.record({ followId: question.followId, painPointId: question.painPointId, municipalityId: question.municipalityId, answer }, now);
      const counts = this.answers.counts(question.painPointId);
      const current = this.painPoints.answerOf(question.municipalityId, question.painPointId);
      const reopened = residentsSayNotFixed(counts) && current?.status === 'solved';
      if (reopened) {
        this.painPoints.answerFromInitiative({ id: question.painPointId, journeyId: current.journeyId }, 'under_review', '', now);
        this.audit.record({
          actorUserId: null, municipalityId: question.municipalityId, action: 'pain_point.reopened_by_residents', entityType: 'pain_point',
          entityId: question.painPointId, details: { ...counts },
        });
      }
      return { question: { ...question, answer }, reopened };
    });
  }
}
