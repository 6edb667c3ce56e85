// Municipalities: creation by the platform admin, lookup by slug, settings by the municipality admin.
import { ConflictError, NotFoundError } from '../../errors';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import type { MunicipalitiesRepository } from './municipalities.repository';
import type { MunicipalityRow, MunicipalitySettings } from './municipality';

/** Slugs that would shadow the portal's own top-level paths. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'assets', 'folg', 'healthz', 'konto', 'login', 'logout', 'metrics', 'mine', 'setup', 'tilgjengelighet', 'personvern', 'static', 'favicon.ico', 'robots.txt',
]);

export class MunicipalitiesService {
  constructor(
    private readonly repo: MunicipalitiesRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    /** Called when a municipality's half-life changes: every maintained figure depends on it. */
    private readonly onHalfLifeChanged: (municipalityId: number) => void = () => undefined,
  ) {}

  list(): MunicipalityRow[] {
    return this.repo.all();
  }

  bySlug(slug: string): MunicipalityRow {
    const m = this.repo.bySlug(slug);
    if (!m) throw new NotFoundError();
    return m;
  }

  findBySlug(slug: string): MunicipalityRow | undefined {
    return this.repo.bySlug(slug);
  }

  /**
   * The language the municipality's new journeys are written in (#19.9). This is its one language setting, "default
   * language": nothing else reads it (the interface's language is each visitor's own choice), and what a nynorsk
   * municipality means by it is that it writes nynorsk.
   */
  defaultLanguage(municipalityId: number): Locale {
    const locale = this.repo.defaultLocale(municipalityId);
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  }

  create(actorId: number | null, input: { slug: string; name: string; kommunenummer: string; defaultLocale: string }): number {
    const values = { ...input };
    if (RESERVED_SLUGS.has(input.slug)) throw new ConflictError({ slug: 'validation.slugReserved' }, values);
    const id = this.repo.transaction(() => {
      const taken = this.repo.existsWith(input.slug, input.kommunenummer);
      if (taken.slug) throw new ConflictError({ slug: 'validation.slugTaken' }, values);
      if (taken.kommunenummer) throw new ConflictError({ kommunenummer: 'validation.kommunenummerTaken' }, values);
      return this.repo.insert(input, this.clock().toISOString());
    });
    this.audit.record({ actorUserId: actorId, municipalityId: id, action: 'municipality.created', entityType: 'municipality', entityId: id, details: { slug: input.slug } });
    return id;
  }

  updateSettings(actorId: number | null, municipality: MunicipalityRow, settings: MunicipalitySettings): void {
    this.repo.transaction(() => {
      // Two municipalities with one number would be one publisher with two names in the open data's description.
      if (settings.organisationNumber && this.repo.organisationNumberHeldByOther(municipality.id, settings.organisationNumber)) {
        throw new ConflictError({ organisationNumber: 'validation.organisationNumberTaken' });
      }
      this.repo.updateSettings(municipality.id, settings);
      if (settings.halfLifeDays !== municipality.half_life_days) this.onHalfLifeChanged(municipality.id);
    });
    this.audit.record({
      actorUserId: actorId,
      municipalityId: municipality.id,
      action: 'municipality.settings_changed',
      entityType: 'municipality',
      entityId: municipality.id,
      details: { ...settings },
    });
  }
}
