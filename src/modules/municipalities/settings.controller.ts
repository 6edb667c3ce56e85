// A municipality admin's settings page: name, language, moderation, ranking and residents' limits, staff sign-in, and
// the privacy and open-data contacts.
import type { Request, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { LOCALES } from '../../lib/i18n';
import { paths } from '../../paths';
import { SettingsInputSchema } from './municipalities.schema';
import type { MunicipalitiesService } from './municipalities.service';

export function settingsController({ municipalities, ssoConfigured = () => false }: { municipalities: MunicipalitiesService; ssoConfigured?: () => boolean }) {
  // Whether single sign-on is configured: without it the requirement is kept but cannot be met, and the page says so.
  const settingsForm = (req: Request) => ({
    view: 'municipalities/settings',
    locals: { title: req.t('admin.settings.title'), locales: LOCALES, ssoConfigured: ssoConfigured() },
  });

  return {
    get(req: Request, res: Response) {
      const m = req.municipality!;
      const { view, locals } = settingsForm(req);
      res.render(view, {
        ...locals,
        errors: {},
        values: {
          name: m.name,
          // The municipality's one language setting is also the language its new journeys are written in (#19.9): it
          // is what a nynorsk municipality means by "default language", and nothing else reads it (the interface's
          // language is each visitor's choice), so a second setting would only be a second answer to one question.
          defaultLocale: m.default_locale,
          premoderation: m.premoderation === 1 ? 'on' : undefined,
          halfLifeDays: String(m.half_life_days),
          severityPriorWeight: String(m.severity_prior_weight),
          wipLimit: String(m.wip_limit),
          flagHideThreshold: String(m.flag_hide_threshold),
          reportLimitPerHour: String(m.report_limit_per_hour),
          voteLimitPerHour: String(m.vote_limit_per_hour),
          flagLimitPerHour: String(m.flag_limit_per_hour),
          privacyContact: m.privacy_contact,
          requireSso: m.require_sso === 1 ? 'on' : undefined,
          requireTwoFactor: m.require_two_factor === 1 ? 'on' : undefined,
          organisationNumber: m.organisation_number ?? '',
          contactEmail: m.contact_email ?? '',
        },
      });
    },
    post: handleForm({
      schema: SettingsInputSchema,
      form: settingsForm,
      act: (req, input) => municipalities.updateSettings(req.user!.id, req.municipality!, input),
      done: (req) => ({ to: paths.admin.settings.index({ municipality: req.municipality!.slug }), flash: 'settingsSaved' }),
    }),
  };
}
