// The moderation queue and the actions on one pain point.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { ConflictError, ValidationError } from '../../errors';
import { handleForm, showFormAgain } from '../../lib/form-handler';
import type { Flash } from '../../lib/flash';
import { parseForm, parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { EmptyFormSchema } from '../../lib/forms';
import { FLAG_REASONS, MODERATION_STATUSES, RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import type { JourneyEditorService } from '../journeys/journey-editor.service';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import type { VerifiedSupportersService } from '../ranking/verified-supporters.service';
import { AnswerInputSchema, BulkInputSchema, ExperienceDecisionSchema, REASON_MAX, DetailQuerySchema, MergeInputSchema, MergePreviewQuerySchema, QueueQuerySchema, RedactInputSchema, RejectInputSchema } from './moderation.schema';
import type { ModerationService } from './moderation.service';
import type { SavedAnswersService } from './saved-answers.service';

export interface ModerationDeps {
  moderation: ModerationService;
  /** The municipality's saved answers, to fill a reason or an answer from. */
  savedAnswers: Pick<SavedAnswersService, 'list' | 'get' | 'textOf'>;
  journeyEditor: Pick<JourneyEditorService, 'list'>;
  /** The published maps, for the step filter: the steps residents report on, grouped by journey. */
  publicJourneys: Pick<PublicJourneysService, 'stepGroups'>;
  /** Verified supporters beside all supporters (#21.3), once anyone in the municipality has verified. */
  verifiedSupporters: Pick<VerifiedSupportersService, 'shown' | 'ofPainPoint' | 'afterMerge'>;
}

export function moderationController({ moderation, savedAnswers, journeyEditor, publicJourneys, verifiedSupporters }: ModerationDeps) {
  const m = (req: Request) => req.municipality!;
  const actor = (req: Request) => req.user!.id;
  const painPointId = (req: Request) => idParam(req, 'painPointId');

  /** The pain point's page, every action's form on it; the fields start from what is stored. */
  const detail = (req: Request) => {
    const { targets, reasonFrom, answerFrom } = parseQuery(DetailQuerySchema, req.query);
    const details = moderation.details(m(req).id, painPointId(req), targets === 'journey');
    // A saved answer chosen to fill a field replaces what is stored there, until the moderator saves or leaves.
    const filled = (id: number | null) => (id === null ? undefined : savedAnswers.get(m(req).id, id).body);
    return {
      view: 'moderation/detail',
      locals: {
        title: req.t('moderation.detailTitle'),
        ...details,
        // Of its supporters, the persons verified with ID-porten; null (not shown) while nobody in the municipality has verified.
        verified: verifiedSupporters.shown(m(req).id) ? verifiedSupporters.ofPainPoint(m(req).id, details.painPoint.id) : null,
        responseStatuses: RESPONSE_STATUSES,
        flagReasons: FLAG_REASONS,
        savedAnswers: savedAnswers.list(m(req).id),
        current: {
          title: details.painPoint.title,
          body: details.painPoint.body,
          status: details.painPoint.response_status,
          text: filled(answerFrom) ?? details.painPoint.response_text,
          reason: filled(reasonFrom) ?? details.painPoint.rejection_reason,
          reasonFrom: reasonFrom ?? '',
          answerFrom: answerFrom ?? '',
        },
      },
    };
  };

  /** The queue with its filters (from the address), also shown again when a choice on it was refused. */
  const queuePage = (req: Request) => {
    const query = parseQuery(QueueQuerySchema, req.query);
    const filter = { journeyId: query.journey, stepId: query.step, status: query.status, flagged: query.flagged };
    return {
      view: 'moderation/queue',
      locals: {
        title: req.t('moderation.title'),
        items: moderation.queue(m(req).id, filter),
        experiences: moderation.waitingExperiences(m(req).id),
        journeys: journeyEditor.list(m(req).id),
        stepGroups: publicJourneys.stepGroups(m(req).id),
        statuses: [...MODERATION_STATUSES, 'all'],
        savedAnswers: savedAnswers.list(m(req).id),
        filter,
      },
    };
  };

  /** One action on the pain point: back to its page with the notice, or its page again with the reason it was refused. */
  const painPointAction = <S extends z.ZodType>(schema: S, flash: Flash, work: (req: Request, input: z.infer<S>) => void) =>
    handleForm({
      schema,
      form: detail,
      act: work,
      done: (req) => ({ to: paths.admin.moderation.detail({ municipality: m(req).slug, painPointId: painPointId(req) }), flash }),
    });

  /**
   * A decision on the pain point (publish, reject, merge): on to the next item waiting, so a moderator works through the
   * queue without going back to it each time; to the queue when nothing else waits.
   */
  const decision = <S extends z.ZodType>(schema: S, flash: Flash, next: Flash, work: (req: Request, input: z.infer<S>) => void) =>
    handleForm({
      schema,
      form: detail,
      act: work,
      done: (req) => {
        const following = moderation.nextPending(m(req).id, painPointId(req));
        return following === null
          ? { to: paths.admin.moderation.queue({ municipality: m(req).slug }), flash }
          : { to: paths.admin.moderation.detail({ municipality: m(req).slug, painPointId: following }), flash: next };
      },
    });

  return {
    queue(req: Request, res: Response) {
      const { view, locals } = queuePage(req);
      res.render(view, { ...locals, errors: {}, values: {} });
    },
    bulk: handleForm({
      schema: BulkInputSchema,
      form: queuePage,
      act: (req, { ids, decision, reason, savedAnswer }) => {
        // A written reason wins; without one, the saved answer chosen is the reason, and must fit as one.
        const text = reason || (savedAnswer === null ? '' : savedAnswers.textOf(m(req).id, savedAnswer, 'savedAnswer'));
        if (text.length > REASON_MAX) throw new ConflictError({ savedAnswer: 'validation.savedAnswerTooLongForReason' });
        moderation.decideMany(actor(req), m(req).id, ids, decision, text);
      },
      done: (req, _result, { decision }) => ({ to: paths.admin.moderation.queue({ municipality: m(req).slug }), flash: decision === 'approve' ? 'approvedMany' : 'rejectedMany' }),
    }),
    detail(req: Request, res: Response) {
      const { view, locals } = detail(req);
      res.render(view, { ...locals, errors: {}, values: {} });
    },
    approve: decision(EmptyFormSchema, 'approved', 'approvedNext', (req) => moderation.approve(actor(req), m(req).id, painPointId(req))),
    reject: decision(RejectInputSchema, 'rejected', 'rejectedNext', (req, { reason }) => moderation.reject(actor(req), m(req).id, painPointId(req), reason)),
    redact: painPointAction(RedactInputSchema, 'redacted', (req, { title, body }) => moderation.redact(actor(req), m(req).id, painPointId(req), title, body)),
    /** Both reports side by side before the merge is confirmed; a target that will not do is refused on the pain point's page. */
    mergePreview(req: Request, res: Response) {
      try {
        const { targetId } = parseForm(MergePreviewQuerySchema, req.query);
        const preview = moderation.mergePreview(m(req).id, painPointId(req), targetId);
        const municipalityId = m(req).id;
        res.render('moderation/merge-preview', {
          title: req.t('moderation.mergePreview.title'),
          ...preview,
          // What the kept report will have: the residents behind either, each once, and the verified persons among them (#21.3).
          afterMerge: verifiedSupporters.afterMerge(municipalityId, preview.painPoint.id, preview.target.id),
          // Each side's verified supporters by role; null (not shown) while nobody in the municipality has verified.
          verified: verifiedSupporters.shown(municipalityId)
            ? { duplicate: verifiedSupporters.ofPainPoint(municipalityId, preview.painPoint.id), kept: verifiedSupporters.ofPainPoint(municipalityId, preview.target.id) }
            : null,
          errors: {},
          values: {},
        });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        showFormAgain(req, res, err, detail(req));
      }
    },
    /** A resident's story on a report (#20.5): published or rejected from the queue, back to the queue. */
    decideExperience: handleForm({
      schema: ExperienceDecisionSchema,
      form: queuePage,
      act: (req, { decision, reason }) =>
        moderation.decideExperience(actor(req), m(req).id, idParam(req, 'experienceId'), decision === 'approve' ? 'published' : 'rejected', reason || null),
      done: (req) => ({ to: paths.admin.moderation.queue({ municipality: m(req).slug }, undefined, 'opplevelser'), flash: 'experiencesDecided' }),
    }),
    merge: decision(MergeInputSchema, 'merged', 'mergedNext', (req, { targetId }) => moderation.merge(actor(req), m(req).id, painPointId(req), targetId)),
    unmerge: painPointAction(EmptyFormSchema, 'unmerged', (req) => moderation.unmerge(actor(req), m(req).id, painPointId(req))),
    answer: painPointAction(AnswerInputSchema, 'answered', (req, { status, text }) => moderation.answer(actor(req), m(req).id, painPointId(req), status, text)),
    clearFlags: painPointAction(EmptyFormSchema, 'flagsCleared', (req) => moderation.clearFlags(actor(req), m(req).id, painPointId(req))),
  };
}
