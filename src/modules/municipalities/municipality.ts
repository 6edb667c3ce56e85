// A municipality as the other modules see it: its row with the settings that steer moderation, ranking and limits.
// Kept apart from the repository so that modules can name the type without importing another module's repository.

export interface MunicipalityRow {
  id: number;
  slug: string;
  name: string;
  kommunenummer: string;
  default_locale: string;
  premoderation: number;
  half_life_days: number;
  severity_prior_weight: number;
  wip_limit: number;
  flag_hide_threshold: number;
  report_limit_per_hour: number;
  vote_limit_per_hour: number;
  flag_limit_per_hour: number;
  /** Who residents contact about their data: the data protection officer (#20.7); '' until the admin sets it. */
  privacy_contact: string;
  /** Its staff sign in through single sign-on only, when that is configured (#21.1). */
  require_sso: number;
  /** Every staff member of it needs a second factor; admins always do (#21.2). */
  require_two_factor: number;
  /** Its organisation number in Enhetsregisteret, nine digits: the open data's publisher (#22.4); null until set. */
  organisation_number: string | null;
  /** The public address for questions about its open data (postmottak@…): their contact point (#22.4); null until set. */
  contact_email: string | null;
  created_at: string;
}

/** What a municipality's admin sets on the settings page. */
export interface MunicipalitySettings {
  name: string;
  defaultLocale: 'nb' | 'nn' | 'en';
  premoderation: boolean;
  halfLifeDays: number;
  severityPriorWeight: number;
  wipLimit: number;
  flagHideThreshold: number;
  reportLimitPerHour: number;
  voteLimitPerHour: number;
  flagLimitPerHour: number;
  /** Left as it is when not given (callers other than the settings page). */
  privacyContact?: string;
  /** Left as they are when not given, like privacyContact. */
  requireSso?: boolean;
  requireTwoFactor?: boolean;
  /** Left as they are when not given; null clears them (the settings page sends null for an empty field). */
  organisationNumber?: string | null;
  contactEmail?: string | null;
}
