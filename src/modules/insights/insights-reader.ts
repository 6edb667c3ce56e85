// Long reads for the insights, each from a read-only connection of its own, so that writers are never blocked by an
// open iterator and the read can give the event loop back between turns (#17): an export's rows, and every filtered
// candidate's numbers. Also the filters' list of journeys.
import { ownReaders, type Db, type OwnReader } from '../../db/connection';
import { readInTurns, type CandidateNumbers } from '../ranking/candidate-numbers';
import { InsightsRepository } from './insights.repository';
import type { InsightsFilter } from './insights.schema';

export interface InsightsReader {
  /** A read-only connection of its own for one export; close it when the export is written. */
  open(): OwnReader<InsightsRepository>;
  /** Every filtered candidate's numbers in columns, read in turns. */
  numbers(municipalityId: number, filter: InsightsFilter): Promise<CandidateNumbers>;
  /** The municipality's journeys, for the filters. */
  options(municipalityId: number): { journeys: { id: number; title: string }[] };
}

export function insightsReader(db: Db, repo: InsightsRepository): InsightsReader {
  const open = ownReaders(db, InsightsRepository);
  return {
    open,
    async numbers(municipalityId, filter) {
      const reader = open();
      try {
        return await readInTurns(reader.repo.numberRows(municipalityId, filter));
      } finally {
        reader.close();
      }
    },
    options: (municipalityId) => ({ journeys: repo.journeys(municipalityId) }),
  };
}
