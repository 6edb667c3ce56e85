// Platform administration of municipalities (creating one), and a municipality's overview page for its staff.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { LOCALES } from '../../lib/i18n';
import { paths } from '../../paths';
import { MunicipalityInputSchema } from './municipalities.schema';
import type { MunicipalitiesService } from './municipalities.service';

export function municipalitiesController({ municipalities }: { municipalities: MunicipalitiesService }) {
  const newForm = (req: Request) => ({ view: 'municipalities/new', locals: { title: req.t('admin.municipalities.newTitle'), locales: LOCALES } });

  return {
    create: {
      get(req: Request, res: Response) {
        const { view, locals } = newForm(req);
        res.render(view, { ...locals, values: { defaultLocale: 'nb' }, errors: {} });
      },
      post: handleForm({
        schema: MunicipalityInputSchema,
        form: newForm,
        act: (req, input) => municipalities.create(req.user!.id, input),
        done: (_req, _id, input) => ({ to: paths.admin.municipality({ municipality: input.slug }), flash: 'municipalityCreated' }),
      }),
    },

    /** What the signed-in member may reach in this municipality, by their roles. */
    overview(req: Request, res: Response) {
      res.render('municipalities/overview', { title: req.municipality!.name });
    },
  };
}
