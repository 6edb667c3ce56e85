// "Add my experience" (#20.5): the story form's POST shows the check step (what was removed, the text to correct),
// and the check step's "send" keeps the story and the resident's "me too". Both answer the resident alone: the
// report's page, which every visitor shares, only holds the empty form.
import type { Request, Response } from 'express';
import { NotFoundError, ValidationError } from '../../errors';
import { setFlash } from '../../lib/flash';
import { showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import { SEVERITIES } from './feedback-vocabulary';
import { ExperienceInputSchema } from './feedback.schema';
import type { FeedbackService } from './feedback.service';
import type { ExperiencesService } from './experiences.service';

export function experiencesController({ feedback, experiences }: { feedback: FeedbackService; experiences: ExperiencesService }) {
  const m = (req: Request) => req.municipality!;
  const painPoint = (req: Request) => feedback.visible(m(req).id, idParam(req, 'painPointId'), feedback.participantId(req.participantKey ?? null));
  const checkPage = (req: Request, body: string) => ({
    view: 'feedback/experience-check',
    locals: { title: req.t('feedback.experience.checkTitle'), painPoint: painPoint(req), prepared: experiences.prepare(body), severities: SEVERITIES },
  });

  const own = (req: Request) => {
    const participantId = feedback.participantId(req.participantKey ?? null);
    const story = participantId === null ? undefined : experiences.ofParticipant(participantId).find((e) => e.id === idParam(req, 'experienceId'));
    if (!story) throw new NotFoundError();
    return { participantId: participantId!, story };
  };

  return {
    /** Deleting one's own story asks first (like a report or a vote on /mine); only the POST deletes. */
    confirmDelete(req: Request, res: Response) {
      res.render('feedback/delete-experience', { title: req.t('feedback.deleteExperience.title'), story: own(req).story, errors: {} });
    },
    delete(req: Request, res: Response) {
      const { participantId, story } = own(req);
      experiences.deleteOwn(participantId, story.id);
      setFlash(res, 'contributionDeleted');
      res.redirect(303, paths.mine());
    },

    post(req: Request, res: Response) {
      try {
        const input = parseForm(ExperienceInputSchema, req.body);
        const target = painPoint(req);
        if (input.website) return res.redirect(303, paths.painPoint({ municipality: m(req).slug, painPointId: target.id }));
        if (!input.confirmed) {
          const { view, locals } = checkPage(req, input.body);
          return res.render(view, { ...locals, values: { body: locals.prepared.body, severity: input.severity === null ? '' : String(input.severity) }, errors: {} });
        }
        const participantId = feedback.ensureParticipant(req.ensureParticipantKey!());
        const stored = experiences.add(participantId, m(req), target.id, input.body, input.severity);
        setFlash(res, stored.status === 'pending' ? 'experiencePending' : 'experiencePublished');
        res.redirect(303, paths.painPoint({ municipality: m(req).slug, painPointId: target.id }, undefined, 'opplevelser'));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        // Refused: the check step again, with the message and the text as it was sent.
        const body = typeof (req.body as Record<string, unknown>)?.body === 'string' ? String((req.body as Record<string, unknown>).body) : '';
        showFormAgain(req, res, err, checkPage(req, body));
      }
    },
  };
}
