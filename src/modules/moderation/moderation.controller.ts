// The moderation queue and the actions on one pain point.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { handleForm } from '../../lib/form-handler';
import type { Flash } from '../../lib/flash';
import { parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { EmptyFormSchema } from '../../lib/forms';
import { FLAG_REASONS, MODERATION_STATUSES, RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import type { JourneyEditorService } from '../journeys/journey-editor.service';
import { AnswerInputSchema, MergeInputSchema, QueueQuerySchema, RedactInputSchema, RejectInputSchema } from './moderation.schema';
import type { ModerationService } from './moderation.service';

export function moderationController({ moderation, journeyEditor }: { moderation: ModerationService; journeyEditor: Pick<JourneyEditorService, 'list'> }) {
  const m = (req: Request) => req.municipality!;
  const actor = (req: Request) => req.user!.id;
  const painPointId = (req: Request) => idParam(req, 'painPointId');

  /** The pain point's page, every action's form on it; the fields start from what is stored. */
  const detail = (req: Request) => {
    const details = moderation.details(m(req).id, painPointId(req));
    return {
      view: 'moderation/detail',
      locals: {
        title: req.t('moderation.detailTitle'),
        ...details,
        responseStatuses: RESPONSE_STATUSES,
        flagReasons: FLAG_REASONS,
        current: {
          title: details.painPoint.title,
          body: details.painPoint.body,
          status: details.painPoint.response_status,
          text: details.painPoint.response_text,
          reason: details.painPoint.rejection_reason,
        },
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

  return {
    queue(req: Request, res: Response) {
      const query = parseQuery(QueueQuerySchema, req.query);
      const filter = { journeyId: query.journey, status: query.status, flagged: query.flagged };
      res.render('moderation/queue', {
        title: req.t('moderation.title'),
        items: moderation.queue(m(req).id, filter),
        journeys: journeyEditor.list(m(req).id),
        statuses: [...MODERATION_STATUSES, 'all'],
        filter,
      });
    },
    detail(req: Request, res: Response) {
      const { view, locals } = detail(req);
      res.render(view, { ...locals, errors: {}, values: {} });
    },
    approve: painPointAction(EmptyFormSchema, 'approved', (req) => moderation.approve(actor(req), m(req).id, painPointId(req))),
    reject: painPointAction(RejectInputSchema, 'rejected', (req, { reason }) => moderation.reject(actor(req), m(req).id, painPointId(req), reason)),
    redact: painPointAction(RedactInputSchema, 'redacted', (req, { title, body }) => moderation.redact(actor(req), m(req).id, painPointId(req), title, body)),
    merge: painPointAction(MergeInputSchema, 'merged', (req, { targetId }) => moderation.merge(actor(req), m(req).id, painPointId(req), targetId)),
    unmerge: painPointAction(EmptyFormSchema, 'unmerged', (req) => moderation.unmerge(actor(req), m(req).id, painPointId(req))),
    answer: painPointAction(AnswerInputSchema, 'answered', (req, { status, text }) => moderation.answer(actor(req), m(req).id, painPointId(req), status, text)),
    clearFlags: painPointAction(EmptyFormSchema, 'flagsCleared', (req) => moderation.clearFlags(actor(req), m(req).id, painPointId(req))),
  };
}
