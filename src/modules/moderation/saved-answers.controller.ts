// The page where moderators keep their municipality's saved answers: list, add, change, remove.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { EmptyFormSchema } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { SavedAnswerInputSchema } from './moderation.schema';
import type { SavedAnswersService } from './saved-answers.service';

export function savedAnswersController({ savedAnswers }: { savedAnswers: SavedAnswersService }) {
  const m = (req: Request) => req.municipality!;
  const answerId = (req: Request) => idParam(req, 'answerId');
  const listPage = (req: Request) => paths.admin.moderation.savedAnswers({ municipality: m(req).slug });
  const listForm = (req: Request) => ({ view: 'moderation/saved-answers', locals: { title: req.t('moderation.savedAnswers.title'), answers: savedAnswers.list(m(req).id) } });
  const editForm = (req: Request) => ({ view: 'moderation/saved-answer-edit', locals: { title: req.t('moderation.savedAnswers.editTitle'), answer: savedAnswers.get(m(req).id, answerId(req)) } });

  return {
    list(req: Request, res: Response) {
      const { view, locals } = listForm(req);
      res.render(view, { ...locals, values: {}, errors: {} });
    },
    create: handleForm({
      schema: SavedAnswerInputSchema,
      form: listForm,
      act: (req, input) => savedAnswers.create(req.user!.id, m(req).id, input),
      done: (req) => ({ to: listPage(req), flash: 'savedAnswerAdded' }),
    }),
    edit: {
      get(req: Request, res: Response) {
        const { view, locals } = editForm(req);
        res.render(view, { ...locals, values: { title: locals.answer.title, body: locals.answer.body }, errors: {} });
      },
      post: handleForm({
        schema: SavedAnswerInputSchema,
        form: editForm,
        act: (req, input) => savedAnswers.update(req.user!.id, m(req).id, answerId(req), input),
        done: (req) => ({ to: listPage(req), flash: 'savedAnswerChanged' }),
      }),
    },
    remove: handleForm({
      schema: EmptyFormSchema,
      form: listForm,
      act: (req) => savedAnswers.remove(req.user!.id, m(req).id, answerId(req)),
      done: (req) => ({ to: listPage(req), flash: 'savedAnswerRemoved' }),
    }),
  };
}
