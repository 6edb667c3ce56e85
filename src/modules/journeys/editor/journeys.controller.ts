// The designer's journeys: the list, a new journey, the editor overview of one, and its details (title, slug,
// life event, persona, scenario, trigger, outcome, summary).
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { paths } from '../../../paths';
import type { JourneyEditorService } from '../journey-editor.service';
import type { JourneyRow } from '../journeys.repository';
import { JourneyDetailsInputSchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview, VOCABULARY } from './editor-page';
import { journeyOf } from './load-journey';

export function journeysController({ journeyEditor: editor }: { journeyEditor: JourneyEditorService }) {
  const newForm = (req: Request) => ({
    view: 'journeys/editor-details',
    locals: { title: req.t('journeys.editor.newTitle'), action: paths.admin.journeys.index({ municipality: req.municipality!.slug }), journey: null, ...VOCABULARY },
  });
  const detailsForm = (req: Request) => ({
    view: 'journeys/editor-details',
    locals: { title: req.t('journeys.editor.detailsTitle'), action: paths.admin.journeys.edit({ municipality: req.municipality!.slug, journeyId: journeyOf(req).id }), ...VOCABULARY },
  });
  const page = editorPage(editor);

  return {
    list(req: Request, res: Response) {
      res.render('journeys/editor-list', { title: req.t('journeys.editor.listTitle'), journeys: editor.list(municipalityId(req)) });
    },

    create: {
      get(req: Request, res: Response) {
        const form = newForm(req);
        res.render(form.view, { ...form.locals, values: { lifeEvent: 'annet' }, errors: {} });
      },
      post: handleForm({
        schema: JourneyDetailsInputSchema,
        form: newForm,
        act: (req, input) => editor.create(actorId(req), municipalityId(req), input),
        done: (req, journeyId) => ({ to: overview(req, journeyId) }),
      }),
    },

    show(req: Request, res: Response) {
      const { view, locals } = page(req);
      res.render(view, { ...locals, errors: {}, values: {} });
    },

    details: {
      get(req: Request, res: Response) {
        const form = detailsForm(req);
        res.render(form.view, { ...form.locals, values: detailsValues(journeyOf(req)), errors: {} });
      },
      post: handleForm({
        schema: JourneyDetailsInputSchema,
        form: detailsForm,
        act: (req, input) => editor.updateDetails(actorId(req), municipalityId(req), journeyOf(req).id, input),
        done: (req) => ({ to: overview(req), flash: 'saved' }),
      }),
    },
  };
}

/** The details form filled from the journey. */
function detailsValues(j: JourneyRow) {
  return {
    title: j.title,
    slug: j.slug,
    lifeEvent: j.life_event,
    persona: j.persona,
    scenario: j.scenario,
    trigger: j.trigger_text,
    outcome: j.outcome,
    summary: j.summary,
  };
}
