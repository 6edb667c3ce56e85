// "Is it fixed?" (#20.3): the page each of the e-mail's three links opens, and its POST. The GET only asks, with the
// e-mail's choice preselected (mail scanners open links); the button records it. Private pages, like every link's.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { paths } from '../../paths';
import { FIX_ANSWERS } from '../feedback/fix-answers';
import type { FixAnswersService } from './fix-answers.service';
import { LinkGone } from './follows.service';

const svar = z.enum(FIX_ANSWERS, 'fixAnswers.validation.answer');
/** The link's query: the choice the e-mail's link made (other parameters, such as `lang`, are the page's own). */
const QuerySchema = z.object({ svar: svar.optional() });
export const FixAnswerInputSchema = z.strictObject({ svar });

export function fixAnswersController({ fixAnswers }: { fixAnswers: FixAnswersService }) {
  const token = (req: Request) => String(req.params.fixToken);

  const message = (req: Request, res: Response, key: string, status: number, link: { href: string; text: string } | null = null) => {
    res.status(status).render('notices/message', { title: req.t(`fixAnswers.${key}.title`), paragraphs: [req.t(`fixAnswers.${key}.body`)], link });
  };

  /** Runs a link's work: a link for a follow that is gone is the "gone" page (410), a bad answer a plain 400. */
  const withLink = (work: (req: Request, res: Response) => void) => (req: Request, res: Response) => {
    try {
      work(req, res);
    } catch (err) {
      if (err instanceof LinkGone) {
        return res.status(410).render('notices/message', { title: req.t('notices.gone.title'), paragraphs: [req.t('notices.gone.body')], link: null });
      }
      if (err instanceof ValidationError) return message(req, res, 'badAnswer', 400);
      throw err;
    }
  };

  const page = (req: Request, res: Response, chosen: string | undefined) => {
    const question = fixAnswers.question(token(req));
    res.render('notices/fix-answer', {
      title: req.t('fixAnswers.page.title'),
      question,
      chosen: chosen ?? question.answer ?? null,
      answers: FIX_ANSWERS,
      action: paths.follow.fixed({ fixToken: token(req) }),
    });
  };

  return {
    get: withLink((req, res) => {
      const parsed = QuerySchema.safeParse(req.query);
      if (!parsed.success) throw new ValidationError({ svar: 'fixAnswers.validation.answer' });
      page(req, res, parsed.data.svar);
    }),
    post: withLink((req, res) => {
      const input = parseForm(FixAnswerInputSchema, req.body ?? {});
      const { question } = fixAnswers.answer(token(req), input.svar);
      message(req, res, 'thanks', 200, { href: question.path, text: req.t('notices.backTo', { title: question.title }) });
    }),
  };
}
