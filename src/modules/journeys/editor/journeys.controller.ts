// The designer's journeys: the list, a new journey (empty, or from a template), the editor overview of one, and its
// details (title, slug, life event, persona, scenario, trigger, outcome, summary).
import type { NextFunction, Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../../../lib/i18n';
import { paths } from '../../../paths';
import type { JourneyRow } from '../journeys.repository';
import { JourneyDetailsInputSchema, TemplateInputSchema } from '../journeys.schema';
import { templateSummaries } from '../templates/journey-templates';
import { actorId, editorPage, municipalityId, overview, VOCABULARY, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

export function journeysController(deps: EditorPageDeps) {
  const editor = deps.journeyEditor;
  // The new-journey page holds both ways to create here (an empty journey's details, or a template), so a refusal of
  // either is shown on the same page.
  const newForm = (req: Request) => ({
    view: 'journeys/editor-new',
    locals: {
      title: req.t('journeys.editor.newTitle'),
      action: paths.admin.journeys.index({ municipality: req.municipality!.slug }),
      journey: null,
      locales: LOCALES,
      templates: templateSummaries(interfaceLanguage(req)),
      templateLanguages: LOCALES,
      ...VOCABULARY,
    },
  });
  const detailsForm = (req: Request) => ({
    view: 'journeys/editor-details',
    locals: {
      title: req.t('journeys.editor.detailsTitle'),
      action: paths.admin.journeys.edit({ municipality: req.municipality!.slug, journeyId: journeyOf(req).id }),
      locales: LOCALES,
      ...VOCABULARY,
    },
  });
  const page = editorPage(deps);

  const createEmpty = handleForm({
    schema: JourneyDetailsInputSchema,
    form: newForm,
    act: (req, input) => editor.create(actorId(req), municipalityId(req), input),
    done: (req, journeyId) => ({ to: overview(req, journeyId) }),
  });
  // A starting point to adapt before publishing, which its notice says.
  const createFromTemplate = handleForm({
    schema: TemplateInputSchema,
    form: newForm,
    act: (req, input) => editor.createFromTemplate(actorId(req), municipalityId(req), input.template, input.language),
    done: (req, journeyId) => ({ to: overview(req, journeyId), flash: 'createdFromTemplate' }),
  });

  return {
    list(req: Request, res: Response) {
      res.render('journeys/editor-list', { title: req.t('journeys.editor.listTitle'), journeys: editor.list(municipalityId(req)) });
    },

    create: {
      get(req: Request, res: Response) {
        const form = newForm(req);
        // The new journey's text starts in the municipality's language (#19.9); a template's, as before, in the page's.
        res.render(form.view, { ...form.locals, values: { lifeEvent: 'annet', language: interfaceLanguage(req), contentLanguage: req.municipality!.default_locale }, errors: {} });
      },
      /** Both forms of the new-journey page post here (no new route): the template form says `start=template`. */
      post(req: Request, res: Response, next: NextFunction) {
        const fromTemplate = (req.body as Record<string, unknown> | undefined)?.start === 'template';
        return (fromTemplate ? createFromTemplate : createEmpty)(req, res, next);
      },
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

/** The language the page is shown in: the templates are listed in it, and it is the default for a template's text. */
function interfaceLanguage(req: Request): Locale {
  return isLocale(req.language) ? req.language : DEFAULT_LOCALE;
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
    contentLanguage: j.content_language,
  };
}
