// The residents' side of journey maps: only published versions, never a draft.
import { NotFoundError } from '../../errors';
import { KeptValues } from '../../lib/kept-values';
import { searchableTexts } from './journey-language';
import { stepsInOrder, type JourneySnapshot, type MapStep } from './journey-snapshot';
import { LIFE_EVENTS, type LifeEvent } from './journey-vocabulary';
import type { JourneysRepository, PublishedJourneyRef } from './journeys.repository';

export interface PublishedMap {
  journeyId: number;
  slug: string;
  version: number;
  publishedAt: string;
  snapshot: JourneySnapshot;
  steps: MapStep[];
  handovers: number;
}

/** Bytes the parsed maps may take; a large published map is some 200 KB parsed. */
const MAPS_BYTES = 32 * 1024 * 1024;

export class PublicJourneysService {
  // Published versions never change, so a parsed map is kept by its version id, valid for ever.
  private readonly kept = new KeptValues<PublishedMap>({ maxBytes: MAPS_BYTES });

  constructor(private readonly repo: JourneysRepository) {}

  /** Published journeys grouped by life event, in the vocabulary's order, optionally filtered by text. */
  /** The published steps as select options grouped by journey (staff filters: insights, moderation), journeys by title. */
  stepGroups(municipalityId: number): { label: string; options: { value: number; label: string }[] }[] {
    return this.listByLifeEvent(municipalityId)
      .flatMap((g) => g.journeys)
      .map((map) => ({ label: map.snapshot.journey.title, options: map.steps.map((step) => ({ value: step.id, label: step.title })) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nb'));
  }

  listByLifeEvent(municipalityId: number, query = ''): { lifeEvent: LifeEvent; journeys: PublishedMap[] }[] {
    const needle = query.trim().toLocaleLowerCase('nb');
    const maps = this.repo
      .published(municipalityId)
      .map((row) => this.toMap(row))
      .filter((m) => !needle || searchableText(m.snapshot).includes(needle))
      .sort((a, b) => a.snapshot.journey.title.localeCompare(b.snapshot.journey.title, 'nb'));
    return LIFE_EVENTS.map((lifeEvent) => ({
      lifeEvent,
      journeys: maps.filter((m) => m.snapshot.journey.lifeEvent === lifeEvent),
    })).filter((group) => group.journeys.length > 0);
  }

  map(municipalityId: number, slug: string): PublishedMap {
    const row = this.repo.publishedBySlug(municipalityId, slug);
    if (!row) throw new NotFoundError();
    return this.toMap(row);
  }

  /** The published map of a journey by id, or undefined when residents cannot see it. */
  mapById(municipalityId: number, journeyId: number): PublishedMap | undefined {
    const row = this.repo.publishedById(journeyId);
    return row && row.municipality_id === municipalityId ? this.toMap(row) : undefined;
  }

  step(municipalityId: number, slug: string, stepId: number): { map: PublishedMap; step: MapStep; previous?: MapStep; next?: MapStep } {
    const map = this.map(municipalityId, slug);
    const step = map.steps.find((s) => s.id === stepId);
    if (!step) throw new NotFoundError();
    return { map, step, previous: map.steps[step.index - 1], next: map.steps[step.index + 1] };
  }

  private toMap(row: PublishedJourneyRef & { snapshot?: string }): PublishedMap {
    return this.kept.get(String(row.version_id), 0, () => {
      const snapshot = JSON.parse(row.snapshot ?? this.repo.versionSnapshot(row.version_id)) as JourneySnapshot;
      const steps = stepsInOrder(snapshot);
      return {
        journeyId: row.id,
        slug: row.public_slug,
        version: row.version,
        publishedAt: row.published_at,
        snapshot,
        steps,
        handovers: steps.filter((s) => s.handover).length,
      };
    });
  }
}

/** The journey's titles and its own texts, in every language it has (#19.9): a resident searches in their own. */
function searchableText(s: JourneySnapshot): string {
  return searchableTexts(s).join(' ').toLocaleLowerCase('nb');
}
