// The translation page of a journey (#19.9): every original text beside its translation into one language
// (`?language=`), saved in one form, so it works without JavaScript.
import type { Request, Response } from 'express';
import { ValidationError } from '../../../errors';
import { handleForm } from '../../../lib/form-handler';
import { parseQuery } from '../../../lib/forms';
import { paths } from '../../../paths';
import { TranslationInputSchema, TranslationQuerySchema } from '../translations.schema';
import type { TranslationsService } from '../translations.service';
import { actorId, municipalityId } from './editor-page';
import { journeyOf } from './load-journey';

export function translationsController({ translations }: { translations: TranslationsService }) {
  /** The language in the query; one outside the list is a 400, never a silent default. */
  const requested = (req: Request) => parseQuery(TranslationQuerySchema, req.query).language;
  const form = (req: Request) => {
    const model = translations.form(municipalityId(req), journeyOf(req).id, requested(req));
    return {
      view: 'journeys/editor-translations',
      locals: { title: req.t('journeys.translations.title', { language: req.t('languageNames.' + model.language) }), form: model },
    };
  };

  return {
    get(req: Request, res: Response) {
      const { view, locals } = form(req);
      // Asked for the language the journey is written in: there is nothing to translate into.
      if (locals.form.ownLanguage) throw new ValidationError({ _form: 'validation.translationOwnLanguage' });
      const values = Object.fromEntries(locals.form.groups.flatMap((g) => g.fields.map((f) => [f.name, f.text])));
      res.render(view, { ...locals, values, errors: {} });
    },
    post: handleForm({
      schema: TranslationInputSchema,
      form,
      act: (req, entries) => translations.save(actorId(req), municipalityId(req), journeyOf(req).id, requested(req), entries),
      done: (req, language) => ({
        to: paths.admin.journeys.translations({ municipality: req.municipality!.slug, journeyId: journeyOf(req).id }, { language }),
        flash: 'translationsSaved',
      }),
    }),
  };
}
