// Review across departments (#19.7): the list of journeys to review, a draft with its comments, commenting (any
// staff role of the municipality) and resolving (its designers).
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema } from '../../../lib/forms';
import { idParam } from '../../../lib/params';
import { paths } from '../../../paths';
import type { ReviewService } from './review.service';
import { CommentInputSchema } from './review.schema';

export function reviewController({ review }: { review: ReviewService }) {
  const m = (req: Request) => req.municipality!;
  const journeyId = (req: Request) => idParam(req, 'journeyId');
  const form = (req: Request) => {
    const page = review.page(m(req).id, journeyId(req));
    const roles = req.roles ?? [];
    return {
      view: 'journeys/review',
      locals: { title: req.t('journeys.review.title', { title: page.journey.title }), ...page, canResolve: roles.includes('admin') || roles.includes('designer') },
    };
  };
  /** Back to the comments of the step (or of the journey) the form was about: the reviewer stays where they were. */
  const back = (req: Request, stepId: number | null) =>
    paths.admin.review.journey({ municipality: m(req).slug, journeyId: journeyId(req) }, undefined, stepId === null ? 'generelt' : `steg-${stepId}`);

  return {
    index(req: Request, res: Response) {
      res.render('journeys/review-list', { title: req.t('journeys.review.listTitle'), journeys: review.journeys(m(req).id) });
    },
    show(req: Request, res: Response) {
      const { view, locals } = form(req);
      res.render(view, { ...locals, values: {}, errors: {} });
    },
    comment: handleForm({
      schema: CommentInputSchema,
      form,
      act: (req, { stepId, body }) => review.comment(req.user!.id, m(req).id, journeyId(req), stepId, body),
      done: (req, _id, { stepId }) => ({ to: back(req, stepId), flash: 'commentAdded' }),
    }),
    resolve: handleForm({
      schema: EmptyFormSchema,
      form,
      act: (req) => review.resolve(req.user!.id, m(req).id, journeyId(req), idParam(req, 'commentId')),
      done: (req) => ({ to: paths.admin.review.journey({ municipality: m(req).slug, journeyId: journeyId(req) }), flash: 'commentResolved' }),
    }),
  };
}
