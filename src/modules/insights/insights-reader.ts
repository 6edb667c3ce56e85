// Long reads for the insights: an export streams from its own read-only connection, so that writers are never blocked
// by an open iterator; and the filters' lists of journeys and steps.
import { openReadOnlyDatabase, type Db } from '../../db/connection';
import { InsightsRepository } from './insights.repository';

export interface InsightsReader {
  /** A read-only connection of its own for one export; close it when the export is written. */
  open(): { repo: InsightsRepository; close(): void };
  /** The municipality's journeys and steps, for the filters. */
  options(municipalityId: number): { journeys: { id: number; title: string }[]; steps: { id: number; title: string; journey_id: number }[] };
}

export function insightsReader(db: Db, repo: InsightsRepository): InsightsReader {
  return {
    open() {
      const readOnly = openReadOnlyDatabase(db.name);
      return { repo: new InsightsRepository(readOnly), close: () => readOnly.close() };
    },
    options: (municipalityId) => ({ journeys: repo.journeys(municipalityId), steps: repo.steps(municipalityId) }),
  };
}
