// The open data API's read model: municipalities, published journeys with per-step roll-ups, and ranked candidates.
// Every value is built field by field from published data, so a new column, a participant id or a draft cannot leak.
import { NotFoundError } from '../../errors';
import { paths } from '../../paths';
import type { Clock } from '../../lib/clock';
import type { MunicipalityRow } from '../municipalities/municipality';
import type { ResponseStatus } from '../feedback/feedback-vocabulary';
import type { FeedbackService } from '../feedback/feedback.service';
import type { Locale } from '../../lib/i18n';
import { contentLanguageOf, type HandoverTextField, type JourneyTextField, type PhaseTextField, type StepTextField, type Translations } from '../journeys/journey-language';
import type { JourneyFields, SnapshotDepartment } from '../journeys/journey-snapshot';
import type { HandoverKind, LifeEvent } from '../journeys/journey-vocabulary';
import type { PublicJourneysService, PublishedMap } from '../journeys/public-journeys.service';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';
import type { Figures } from '../ranking/ranking.math';
import type { RankingService } from '../ranking/ranking.service';
import type { VerifiedSupportersService } from '../ranking/verified-supporters.service';
import { asOfFor } from './api-cursor';
import { ApiError } from './api-errors';
import { SLUG_PATTERN } from './api.schema';

export interface ApiMunicipality {
  slug: string;
  name: string;
  kommunenummer: string;
  url: string;
}

export interface ApiJourneySummary {
  slug: string;
  title: string;
  lifeEvent: LifeEvent;
  summary: string;
  /** The language the journey is written in (#19.9). */
  language: Locale;
  version: number;
  publishedAt: string;
  phaseCount: number;
  stepCount: number;
  handovers: number;
  url: string;
}

/** A department as residents see it; its id is internal. */
export interface ApiDepartment {
  name: string;
  kind: SnapshotDepartment['kind'];
}

export interface ApiStep {
  id: number;
  title: string;
  residentAction: string;
  touchpoint: string;
  channel: string;
  department: ApiDepartment | null;
  /** Departments taking part besides the responsible one (#19.3). */
  involvedDepartments: ApiDepartment[];
  backstage: string;
  systems: string;
  emotion: number;
  duration: string;
  /** Whether the designer stated a handover into this step, and its parts (#19.2). */
  handover: boolean;
  handoverFrom: ApiDepartment | null;
  handoverTo: ApiDepartment | null;
  handoverWhat: HandoverKind | null;
  handoverNote: string | null;
  /** The handover's note in other languages, by language then field (#19.9); `{}` when none. */
  handoverTranslations: Translations<HandoverTextField>;
  /** The step's texts in other languages, by language then field (#19.9); `{}` when none. */
  translations: Translations<StepTextField>;
  /**
   * `verifiedSupporters` (#21.3): of the step's supporters, the distinct persons verified with ID-porten, counted like
   * `supporters` (distinct over the step's candidates, not a sum of theirs: one person behind two candidates is one).
   */
  feedback: { painPoints: number; supporters: number; verifiedSupporters: number; needScore: number };
}

export interface ApiJourney {
  municipality: string;
  asOf: string;
  journey: Omit<JourneyFields, 'language' | 'translations'> & {
    /** The language the journey is written in, and its own texts in the other languages (#19.9). */
    language: Locale;
    translations: Translations<JourneyTextField>;
    version: number;
    publishedAt: string;
    handovers: number;
    url: string;
  };
  phases: { id: number; title: string; description: string; translations: Translations<PhaseTextField>; steps: ApiStep[] }[];
}

export interface ApiCandidate {
  rank: number;
  id: number;
  title: string;
  journey: string;
  stepId: number | null;
  responseStatus: ResponseStatus;
  createdAt: string;
  url: string;
  /** Of the supporters (`figures.n`), the distinct persons verified with ID-porten (#21.3); 0 when none. */
  verifiedSupporters: number;
  figures: Figures;
}

export interface CandidatePage {
  settings: { halfLifeDays: number; priorWeight: number };
  candidates: ApiCandidate[];
  hasMore: boolean;
}

interface Deps {
  municipalities: MunicipalitiesService;
  publicJourneys: PublicJourneysService;
  feedback: FeedbackService;
  ranking: RankingService;
  verifiedSupporters: Pick<VerifiedSupportersService, 'perStep'>;
  clock: Clock;
}

const department = (d: SnapshotDepartment | null): ApiDepartment | null => (d ? { name: d.name, kind: d.kind } : null);

export class ApiService {
  constructor(private readonly s: Deps) {}

  /** The services' clock itself (tests can fix it), for checking a cursor's age. */
  now(): Date {
    return this.s.clock();
  }

  /**
   * The moment a first page is computed at: the end of the current minute by the clock itself. Not the ranking's held
   * moment, which may lag the clock by up to a minute and would leave a report published since out of every answer.
   */
  asOf(): Date {
    return asOfFor(this.now());
  }

  /** Moves on whenever anything a municipality's answers at `asOf` show may have changed. */
  version(m: MunicipalityRow, asOf: Date): string {
    return `${this.s.ranking.dataVersion(m.id)}@${asOf.getTime()}`;
  }

  municipalities(): ApiMunicipality[] {
    return this.s.municipalities.list().map((m) => ({ slug: m.slug, name: m.name, kommunenummer: m.kommunenummer, url: paths.municipality({ municipality: m.slug }) }));
  }

  municipality(slug: string): MunicipalityRow {
    const m = SLUG_PATTERN.test(slug) ? this.s.municipalities.findBySlug(slug) : undefined;
    if (!m) throw new ApiError(404, 'municipality_not_found', 'no municipality with that slug');
    return m;
  }

  /** A published journey's map; a draft, an archived journey or an unknown slug is the same 404. */
  publishedJourney(m: MunicipalityRow, slug: string): PublishedMap {
    try {
      if (!SLUG_PATTERN.test(slug)) throw new NotFoundError();
      return this.s.publicJourneys.map(m.id, slug);
    } catch (err) {
      if (err instanceof NotFoundError) throw new ApiError(404, 'journey_not_found', 'no published journey with that slug in this municipality');
      throw err;
    }
  }

  /** The journey a `?journey=` filter names: a value that names no published journey is a bad parameter (400). */
  journeyFilter(m: MunicipalityRow, slug: string): PublishedMap {
    try {
      return this.publishedJourney(m, slug);
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError(400, 'invalid_parameter', 'journey names no published journey of this municipality');
      throw err;
    }
  }

  /** Published journeys, ordered by slug: stable for clients, and independent of any language's collation. */
  journeys(m: MunicipalityRow): ApiJourneySummary[] {
    return this.publishedMaps(m.id)
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map((map) => ({
        slug: map.slug,
        title: map.snapshot.journey.title,
        lifeEvent: map.snapshot.journey.lifeEvent,
        summary: map.snapshot.journey.summary,
        language: contentLanguageOf(map.snapshot.journey),
        version: map.version,
        publishedAt: map.publishedAt,
        phaseCount: map.snapshot.phases.length,
        stepCount: map.steps.length,
        handovers: map.handovers,
        url: paths.journey({ municipality: m.slug, journey: map.slug }),
      }));
  }

  /** The published map with the step roll-ups of RANKING.md, need scores computed at `asOf`. */
  async journey(m: MunicipalityRow, slug: string, asOf: Date): Promise<ApiJourney> {
    const map = this.publishedJourney(m, slug);
    await this.s.ranking.prepareJourney(m.id, map.journeyId, asOf);
    const summaries = this.s.feedback.stepSummaries(m.id, map.journeyId);
    const needs = this.s.ranking.stepNeeds(m.id, map.journeyId, asOf);
    const verified = this.s.verifiedSupporters.perStep(m.id, map.journeyId);
    const j = map.snapshot.journey;
    return {
      municipality: m.slug,
      asOf: asOf.toISOString(),
      journey: {
        slug: map.slug,
        title: j.title,
        lifeEvent: j.lifeEvent,
        persona: j.persona,
        scenario: j.scenario,
        trigger: j.trigger,
        outcome: j.outcome,
        summary: j.summary,
        language: contentLanguageOf(j),
        translations: j.translations ?? {},
        version: map.version,
        publishedAt: map.publishedAt,
        handovers: map.handovers,
        url: paths.journey({ municipality: m.slug, journey: map.slug }),
      },
      phases: map.snapshot.phases.map((phase) => ({
        id: phase.id,
        title: phase.title,
        description: phase.description,
        translations: phase.translations ?? {},
        steps: phase.steps.map((step) => {
          const handover = step.handover ?? null;
          const summary = summaries.get(step.id);
          return {
            id: step.id,
            title: step.title,
            residentAction: step.residentAction,
            touchpoint: step.touchpoint,
            channel: step.channel,
            department: department(step.department),
            involvedDepartments: (step.involved ?? []).map((d) => department(d)!),
            backstage: step.backstage,
            systems: step.systems,
            emotion: step.emotion,
            duration: step.duration,
            handover: handover !== null,
            handoverFrom: department(handover?.from ?? null),
            handoverTo: department(handover?.to ?? null),
            handoverWhat: handover?.what ?? null,
            handoverNote: handover?.note ?? null,
            handoverTranslations: handover?.translations ?? {},
            translations: step.translations ?? {},
            feedback: {
              painPoints: summary?.painPoints ?? 0,
              supporters: summary?.supporters ?? 0,
              // Distinct persons over the step, as `supporters` is distinct residents over it (RANKING.md's roll-ups).
              verifiedSupporters: verified.get(step.id) ?? 0,
              needScore: needs.get(step.id) ?? 0,
            },
          };
        }),
      })),
    };
  }

  /**
   * One page of the ranking computed at `asOf`. Candidates of draft or archived journeys, hidden ones and those
   * published after `asOf` are left out in SQL, so offsets count the same list on every page.
   */
  async candidates(m: MunicipalityRow, q: { journey: PublishedMap | null; limit: number; offset: number; asOf: Date }): Promise<CandidatePage> {
    const maps = new Map(this.publishedMaps(m.id).map((map) => [map.journeyId, map]));
    const rows = await this.s.ranking.rankedInTurns(m.id, {
      journeyId: q.journey?.journeyId,
      publishedJourneysOnly: true,
      publishedBefore: q.asOf.toISOString(),
      limit: q.limit + 1,
      offset: q.offset,
      now: q.asOf,
    });
    const candidates = rows.slice(0, q.limit).map((c, i) => {
      const map = maps.get(c.journey_id);
      // The SQL keeps published journeys only; a miss here is a bug, not something to paper over with a gap.
      if (!map) throw new Error(`candidate ${c.id} belongs to no published journey`);
      return {
        rank: q.offset + i + 1,
        id: c.id,
        title: c.title,
        journey: map.slug,
        stepId: c.step_id,
        responseStatus: c.response_status,
        createdAt: c.created_at,
        url: paths.painPoint({ municipality: m.slug, painPointId: c.id }),
        verifiedSupporters: c.verified_n,
        figures: {
          n: c.figures.n,
          nEff: c.figures.nEff,
          reach: c.figures.reach,
          k: c.figures.k,
          severityMean: c.figures.severityMean,
          prior: c.figures.prior,
          severity: c.figures.severity,
          needScore: c.figures.needScore,
        },
      };
    });
    return {
      settings: { halfLifeDays: m.half_life_days, priorWeight: m.severity_prior_weight },
      candidates,
      hasMore: rows.length > q.limit,
    };
  }

  private publishedMaps(municipalityId: number): PublishedMap[] {
    return this.s.publicJourneys.listByLifeEvent(municipalityId).flatMap((g) => g.journeys);
  }
}
