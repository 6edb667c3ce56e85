// The staff start page, platform administration (municipalities, platform audit log) and a municipality's overview.
import type { Request, Response } from 'express';
import { parseForm } from '../../lib/forms';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { LOCALES } from '../../lib/i18n';
import { MunicipalityInputSchema } from './accounts.schema';

export function beforeIdFrom(query: Request['query']): number | null {
  const before = Number(query.before);
  return Number.isSafeInteger(before) && before > 0 ? before : null;
}

export function adminController({ auth, municipalities, audit, staff }: Services) {
  const newMunicipalityView = (req: Request) => ({ title: req.t('admin.municipalities.newTitle'), locales: LOCALES });

  return {
    home(req: Request, res: Response) {
      const user = req.user!;
      res.render('accounts/admin-home', {
        title: req.t('admin.home.title'),
        municipalities: user.isPlatformAdmin ? municipalities.list() : auth.municipalitiesOf(user.id),
        invitations: staff.invitationsTo(user),
      });
    },

    newMunicipality: {
      get(req: Request, res: Response) {
        res.render('accounts/municipality-new', { ...newMunicipalityView(req), values: { defaultLocale: 'nb' }, errors: {} });
      },
      post(req: Request, res: Response) {
        try {
          const input = parseForm(MunicipalityInputSchema, req.body);
          municipalities.create(req.user!.id, input);
          res.redirect(303, paths.admin.municipality({ municipality: input.slug }));
        } catch (err) {
          renderFormError(res, err, 'accounts/municipality-new', newMunicipalityView(req));
        }
      },
    },

    platformAudit(req: Request, res: Response) {
      const page = audit.page(null, beforeIdFrom(req.query));
      res.render('accounts/audit', { title: req.t('admin.audit.platformTitle'), ...page, olderHref: (before: number) => paths.admin.audit({}, { before }) });
    },

    municipalityHome(req: Request, res: Response) {
      res.render('accounts/municipality-home', { title: req.municipality!.name });
    },
  };
}
