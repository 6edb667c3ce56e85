// The moderation queue and the actions on one pain point.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { parseForm, parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { EmptyFormSchema } from '../accounts/accounts.schema';
import { FLAG_REASONS, MODERATION_STATUSES, RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import { AnswerInputSchema, MergeInputSchema, QueueQuerySchema, RedactInputSchema, RejectInputSchema } from './moderation.schema';

const DONE = ['approved', 'rejected', 'redacted', 'merged', 'unmerged', 'answered', 'flagsCleared'] as const;

export function moderationController({ moderation, journeyEditor }: Services) {
  const m = (req: Request) => req.municipality!;
  const actor = (req: Request) => req.user!.id;
  const painPointId = (req: Request) => idParam(req, 'painPointId');

  const renderDetail = (req: Request, res: Response, errors: Record<string, string> = {}, status = 200, values: Record<string, unknown> = {}) => {
    const details = moderation.details(m(req).id, painPointId(req));
    res.status(status).render('moderation/detail', {
      title: req.t('moderation.detailTitle'),
      ...details,
      responseStatuses: RESPONSE_STATUSES,
      flagReasons: FLAG_REASONS,
      errors,
      values: {
        title: details.painPoint.title,
        body: details.painPoint.body,
        status: details.painPoint.response_status,
        text: details.painPoint.response_text,
        reason: details.painPoint.rejection_reason,
        ...values,
      },
      done: DONE.find((d) => d === req.query.done) ?? null,
    });
  };

  /** Runs one action; a refused one re-renders the pain point with its message and the submitted values. */
  const action = (done: (typeof DONE)[number], work: (req: Request) => void) => (req: Request, res: Response) => {
    try {
      work(req);
    } catch (err) {
      if (err instanceof ValidationError) return renderDetail(req, res, err.fieldErrors, 400, err.values);
      throw err;
    }
    res.redirect(303, paths.admin.moderation.detail({ municipality: m(req).slug, painPointId: painPointId(req) }, { done }));
  };

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
      renderDetail(req, res);
    },
    approve: action('approved', (req) => {
      parseForm(EmptyFormSchema, req.body);
      moderation.approve(actor(req), m(req).id, painPointId(req));
    }),
    reject: action('rejected', (req) => {
      const { reason } = parseForm(RejectInputSchema, req.body);
      moderation.reject(actor(req), m(req).id, painPointId(req), reason);
    }),
    redact: action('redacted', (req) => {
      const { title, body } = parseForm(RedactInputSchema, req.body);
      moderation.redact(actor(req), m(req).id, painPointId(req), title, body);
    }),
    merge: action('merged', (req) => {
      const { targetId } = parseForm(MergeInputSchema, req.body);
      moderation.merge(actor(req), m(req).id, painPointId(req), targetId);
    }),
    unmerge: action('unmerged', (req) => {
      parseForm(EmptyFormSchema, req.body);
      moderation.unmerge(actor(req), m(req).id, painPointId(req));
    }),
    answer: action('answered', (req) => {
      const { status, text } = parseForm(AnswerInputSchema, req.body);
      moderation.answer(actor(req), m(req).id, painPointId(req), status, text);
    }),
    clearFlags: action('flagsCleared', (req) => {
      parseForm(EmptyFormSchema, req.body);
      moderation.clearFlags(actor(req), m(req).id, painPointId(req));
    }),
  };
}
