// The municipality settings form as its page sends it back unchanged, so a test changes only the fields it is about.
import type { MunicipalityRow } from '../../src/modules/municipalities/municipality';

export function settingsFormOf(m: MunicipalityRow): Record<string, string> {
  return {
    name: m.name,
    defaultLocale: m.default_locale,
    halfLifeDays: String(m.half_life_days),
    severityPriorWeight: String(m.severity_prior_weight),
    wipLimit: String(m.wip_limit),
    flagHideThreshold: String(m.flag_hide_threshold),
    reportLimitPerHour: String(m.report_limit_per_hour),
    voteLimitPerHour: String(m.vote_limit_per_hour),
    flagLimitPerHour: String(m.flag_limit_per_hour),
    privacyContact: m.privacy_contact,
  };
}
