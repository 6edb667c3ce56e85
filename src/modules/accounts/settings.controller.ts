// A municipality admin's settings page and the municipality's audit log.
import type { Request, Response } from 'express';
import { parseForm } from '../../lib/forms';
import { LOCALES } from '../../lib/i18n';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { SettingsInputSchema } from './accounts.schema';
import { beforeIdFrom } from './admin.controller';

export function settingsController({ municipalities, audit }: Services) {
  const view = (req: Request) => ({ title: req.t('admin.settings.title'), locales: LOCALES });

  return {
    get(req: Request, res: Response) {
      const m = req.municipality!;
      res.render('accounts/settings', {
        ...view(req),
        saved: req.query.saved === '1',
        errors: {},
        values: {
          name: m.name,
          defaultLocale: m.default_locale,
          premoderation: m.premoderation === 1 ? 'on' : undefined,
          halfLifeDays: String(m.half_life_days),
          severityPriorWeight: String(m.severity_prior_weight),
          wipLimit: String(m.wip_limit),
          flagHideThreshold: String(m.flag_hide_threshold),
          reportLimitPerHour: String(m.report_limit_per_hour),
          voteLimitPerHour: String(m.vote_limit_per_hour),
          flagLimitPerHour: String(m.flag_limit_per_hour),
        },
      });
    },
    post(req: Request, res: Response) {
      try {
        const input = parseForm(SettingsInputSchema, req.body);
        municipalities.updateSettings(req.user!.id, req.municipality!, input);
        res.redirect(303, paths.admin.settings.index({ municipality: req.municipality!.slug }, { saved: 1 }));
      } catch (err) {
        renderFormError(res, err, 'accounts/settings', { ...view(req), saved: false });
      }
    },
    audit(req: Request, res: Response) {
      const m = req.municipality!;
      const page = audit.page(m.id, beforeIdFrom(req.query));
      res.render('accounts/audit', { title: req.t('admin.audit.title'), ...page, olderHref: (before: number) => paths.admin.settings.audit({ municipality: m.slug }, { before }) });
    },
  };
}
