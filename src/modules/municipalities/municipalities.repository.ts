// SQL for municipalities and their settings.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { MunicipalityRow, MunicipalitySettings } from './municipality';

export class MunicipalitiesRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  count(): number {
    return this.statement('SELECT count(*) FROM municipalities', 'pluck').get() as number;
  }

  all(): MunicipalityRow[] {
    return this.statement('SELECT * FROM municipalities ORDER BY name').all() as MunicipalityRow[];
  }

  /** The language new journeys are written in (#19.9): the municipality's default language. */
  defaultLocale(id: number): string | undefined {
    return this.statement('SELECT default_locale FROM municipalities WHERE id = ?', 'pluck').get(id) as string | undefined;
  }

  bySlug(slug: string): MunicipalityRow | undefined {
    return this.statement('SELECT * FROM municipalities WHERE slug = ?').get(slug) as MunicipalityRow | undefined;
  }

  existsWith(slug: string, kommunenummer: string): { slug: boolean; kommunenummer: boolean } {
    const row = this.statement(
      `SELECT EXISTS (SELECT 1 FROM municipalities WHERE slug = ?) AS slug,
              EXISTS (SELECT 1 FROM municipalities WHERE kommunenummer = ?) AS kommunenummer`,
    ).get(slug, kommunenummer) as { slug: number; kommunenummer: number };
    return { slug: row.slug === 1, kommunenummer: row.kommunenummer === 1 };
  }

  insert(m: { slug: string; name: string; kommunenummer: string; defaultLocale: string }, now: string): number {
    return Number(
      this.statement(
        'INSERT INTO municipalities (slug, name, kommunenummer, default_locale, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(m.slug, m.name, m.kommunenummer, m.defaultLocale, now).lastInsertRowid,
    );
  }

  /** Whether another municipality already gives this organisation number (one publisher, one municipality). */
  organisationNumberHeldByOther(id: number, organisationNumber: string): boolean {
    const row = this.statement('SELECT EXISTS (SELECT 1 FROM municipalities WHERE organisation_number = ? AND id <> ?) AS held').get(organisationNumber, id) as { held: number };
    return row.held === 1;
  }

  updateSettings(id: number, s: MunicipalitySettings): void {
    this.statement(
      `UPDATE municipalities SET name = ?, default_locale = ?, premoderation = ?, half_life_days = ?,
         severity_prior_weight = ?, wip_limit = ?, flag_hide_threshold = ?, report_limit_per_hour = ?,
         vote_limit_per_hour = ?, flag_limit_per_hour = ?, privacy_contact = coalesce(?, privacy_contact),
         require_sso = coalesce(?, require_sso), require_two_factor = coalesce(?, require_two_factor),
         organisation_number = CASE WHEN ? THEN ? ELSE organisation_number END,
         contact_email = CASE WHEN ? THEN ? ELSE contact_email END WHERE id = ?`,
    ).run(
      s.name,
      s.defaultLocale,
      s.premoderation ? 1 : 0,
      s.halfLifeDays,
      s.severityPriorWeight,
      s.wipLimit,
      s.flagHideThreshold,
      s.reportLimitPerHour,
      s.voteLimitPerHour,
      s.flagLimitPerHour,
      s.privacyContact ?? null,
      s.requireSso === undefined ? null : Number(s.requireSso),
      s.requireTwoFactor === undefined ? null : Number(s.requireTwoFactor),
      // Unlike the fields above, these may be cleared: "not given" and "none" differ, so each comes with whether it was given.
      Number(s.organisationNumber !== undefined),
      s.organisationNumber ?? null,
      Number(s.contactEmail !== undefined),
      s.contactEmail ?? null,
      id,
    );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
