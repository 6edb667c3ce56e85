// Every candidate's sums in typed columns: what a ranking's order is computed from in memory (kept-numbers.ts). The
// largest municipality's 100 000 candidates take about 5 MB this way, and are read in turns so that reading them
// never holds the event loop for long (#17).
import { Turns } from '../../lib/turns';

/** Per candidate, in the same order in every column; a missing step is -1, a missing log_decay NaN. */
export interface CandidateNumbers {
  id: Int32Array;
  stepId: Int32Array;
  n: Float64Array;
  logDecay: Float64Array;
  ratingSum: Float64Array;
  ratingCount: Float64Array;
  /** Milliseconds since the epoch. */
  createdAt: Float64Array;
}

/** One candidate as a repository reads it (a raw row): created_at already in milliseconds. */
export type CandidateNumberRow = [id: number, stepId: number | null, n: number, logDecay: number | null, ratingSum: number, ratingCount: number, createdAtMs: number];

/** The SQL select list of a CandidateNumberRow, over `pp` (pain_points) and `cs` (candidate_stats). */
export const CANDIDATE_NUMBER_COLUMNS = "pp.id, pp.step_id, cs.n, cs.log_decay, cs.rating_sum, cs.rating_count, round(unixepoch(pp.created_at, 'subsec') * 1000)";

/**
 * Collects the rows into columns, giving the event loop back between turns. `rows` should be an open iterator on a
 * connection of the caller's own, which holds one snapshot of the data across the turns.
 */
export async function readInTurns(rows: Iterable<CandidateNumberRow>): Promise<CandidateNumbers> {
  let columns = allocate(1024);
  let length = 0;
  const turns = new Turns();
  for (const [id, stepId, n, logDecay, ratingSum, ratingCount, createdAt] of rows) {
    // The count is not known up front: counting would be another full read.
    if (length === columns.id.length) columns = copy(columns, length * 2, length);
    columns.id[length] = id;
    columns.stepId[length] = stepId ?? -1;
    columns.n[length] = n;
    columns.logDecay[length] = logDecay ?? Number.NaN;
    columns.ratingSum[length] = ratingSum;
    columns.ratingCount[length] = ratingCount;
    columns.createdAt[length] = createdAt;
    length += 1;
    if ((length & 1023) === 0 && turns.due()) await turns.next();
  }
  // Cut to the rows read, so the spare room is given back.
  return copy(columns, length, length);
}

function allocate(size: number): CandidateNumbers {
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

function copy(c: CandidateNumbers, size: number, used: number): CandidateNumbers {
  const next = allocate(size);
  for (const key of Object.keys(c) as (keyof CandidateNumbers)[]) next[key].set(c[key].subarray(0, used) as never);
  return next;
}
