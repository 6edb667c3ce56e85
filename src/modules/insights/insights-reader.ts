// Long reads for the insights, each from a read-only connection of its own, so that writers are never blocked by an
// open iterator and the read can give the event loop back between turns (#17): an export's rows, and every filtered
// candidate's numbers. Also the filters' lists of journeys and steps.
import { openReadOnlyDatabase, type Db } from '../../db/connection';
import { Turns } from '../../lib/turns';
import { InsightsRepository, type ChartInputs } from './insights.repository';
import type { InsightsFilter } from './insights.schema';

export interface InsightsReader {
  /** A read-only connection of its own for one export; close it when the export is written. */
  open(): { repo: InsightsRepository; close(): void };
  /** Every filtered candidate's numbers in columns, read in turns. */
  numbers(municipalityId: number, filter: InsightsFilter): Promise<ChartInputs>;
  /** The municipality's journeys and steps, for the filters. */
  options(municipalityId: number): { journeys: { id: number; title: string }[]; steps: { id: number; title: string; journey_id: number }[] };
}

export function insightsReader(db: Db, repo: InsightsRepository): InsightsReader {
  const open = () => {
    const readOnly = openReadOnlyDatabase(db.name);
    return { repo: new InsightsRepository(readOnly), close: () => readOnly.close() };
  };
  return {
    open,
    async numbers(municipalityId, filter) {
      const reader = open();
      try {
        const columns = new Columns();
        const turns = new Turns();
        // The open iterator holds one snapshot of the data across the turns.
        for (const row of reader.repo.chartInputRows(municipalityId, filter)) {
          columns.push(row);
          if ((columns.length & 1023) === 0 && turns.due()) await turns.next();
        }
        return columns.done();
      } finally {
        reader.close();
      }
    },
    options: (municipalityId) => ({ journeys: repo.journeys(municipalityId), steps: repo.steps(municipalityId) }),
  };
}

/** Typed columns that grow as rows come, the count not being known up front (counting would be another full read). */
class Columns {
  length = 0;
  private c: ChartInputs = allocate(1024);

  push([id, stepId, n, logDecay, ratingSum, ratingCount, createdAt]: [number, number | null, number, number | null, number, number, number]): void {
    if (this.length === this.c.id.length) this.c = grow(this.c, this.length * 2, this.length);
    const i = this.length;
    this.c.id[i] = id;
    this.c.stepId[i] = stepId ?? -1;
    this.c.n[i] = n;
    this.c.logDecay[i] = logDecay ?? Number.NaN;
    this.c.ratingSum[i] = ratingSum;
    this.c.ratingCount[i] = ratingCount;
    this.c.createdAt[i] = createdAt;
    this.length += 1;
  }

  /** The columns cut to the rows read (copied, so the spare room is given back). */
  done(): ChartInputs {
    return grow(this.c, this.length, this.length);
  }
}

function allocate(size: number): ChartInputs {
  return {
    id: new Int32Array(size),
    stepId: new Int32Array(size),
    n: new Float64Array(size),
    logDecay: new Float64Array(size),
    ratingSum: new Float64Array(size),
    ratingCount: new Float64Array(size),
    createdAt: new Float64Array(size),
  };
}

function grow(c: ChartInputs, size: number, used: number): ChartInputs {
  const next = allocate(size);
  for (const key of Object.keys(c) as (keyof ChartInputs)[]) next[key].set(c[key].subarray(0, used) as never);
  return next;
}
