// The numbers the insights table and charts are computed from, for the few filters in use: every filtered
// candidate's sums (read once per data version), their need and severity at the ranking's moment, and one order per
// sort. For the largest municipality one filter's numbers take some 8 MB (5 MB of sums, 1.6 MB of scores, 0.4 MB per
// order), so they are not left to the ranking cache, which counts entries, not bytes: an analyst trying filter after
// filter would fill the heap.
import { KeptValues } from '../../lib/kept-values';
import { comparatorOf } from '../ranking/candidate-order';
import { figures, type RankingSettings } from '../ranking/ranking.math';
import type { ChartInputs } from './insights.repository';
import type { InsightSort, InsightsFilter } from './insights.schema';

/**
 * Bytes the kept numbers may take across municipalities and filters: the largest municipality's are some 8 MB a
 * filter, so eight filters in use fit; the least recently used go first.
 */
export const KEPT_NUMBERS_BYTES = 64 * 1024 * 1024;

export interface Scores {
  inputs: ChartInputs;
  need: Float64Array;
  severity: Float64Array;
}

interface Kept {
  inputs: ChartInputs;
  /** The moment `scores` and `orders` were computed at. */
  at: number;
  scores: Scores | null;
  orders: Map<InsightSort, Int32Array>;
}

export interface NumberSources {
  read(municipalityId: number, filter: InsightsFilter): ChartInputs;
  /** Changes whenever anything the sums or the filter's candidates depend on changes (the ranking's data version). */
  version(municipalityId: number): number;
  settings(municipalityId: number, now: Date): RankingSettings;
}

export class KeptNumbers {
  private readonly kept: KeptValues<Kept>;

  constructor(
    private readonly sources: NumberSources,
    maxBytes = KEPT_NUMBERS_BYTES,
  ) {
    this.kept = new KeptValues<Kept>({ maxBytes, sizeOf: bytesOf });
  }

  /** The bytes the kept numbers take, as counted. */
  get bytes(): number {
    return this.kept.bytes;
  }

  /** How many filters' numbers are held now. */
  get size(): number {
    return this.kept.size;
  }

  /** Every filtered candidate's sums with their need and severity at `now`. */
  scores(municipalityId: number, filter: InsightsFilter, now: Date): Scores {
    return this.scoresOf(this.slot(municipalityId, filter), municipalityId, filter, now);
  }

  /** Positions into `scores` in the order of `sort`, the same order as the table's SQL (both from candidate-order.ts). */
  order(municipalityId: number, filter: InsightsFilter, sort: InsightSort, now: Date): Int32Array {
    const kept = this.slot(municipalityId, filter);
    const { inputs, need, severity } = this.scoresOf(kept, municipalityId, filter, now);
    const known = kept.orders.get(sort);
    if (known) return known;
    const compare = comparatorOf(sort, { need, n: inputs.n, severity, created_at: inputs.createdAt, id: inputs.id });
    const order = Int32Array.from({ length: inputs.id.length }, (_, i) => i).sort(compare);
    kept.orders.set(sort, order);
    this.keep(municipalityId, filter, kept);
    return order;
  }

  private scoresOf(kept: Kept, municipalityId: number, filter: InsightsFilter, now: Date): Scores {
    if (kept.scores === null || kept.at !== now.getTime()) {
      const { inputs } = kept;
      const settings = this.sources.settings(municipalityId, now);
      const need = new Float64Array(inputs.id.length);
      const severity = new Float64Array(inputs.id.length);
      for (let i = 0; i < inputs.id.length; i += 1) {
        const logDecay = inputs.logDecay[i]!;
        const sums = { n: inputs.n[i]!, logDecay: Number.isNaN(logDecay) ? null : logDecay, ratingSum: inputs.ratingSum[i]!, ratingCount: inputs.ratingCount[i]! };
        const f = figures(sums, settings, now);
        need[i] = f.needScore;
        severity[i] = f.severity;
      }
      kept.scores = { inputs, need, severity };
      kept.orders.clear();
      kept.at = now.getTime();
      this.keep(municipalityId, filter, kept);
    }
    return kept.scores;
  }

  private key(municipalityId: number, filter: InsightsFilter): string {
    return `${municipalityId}:${JSON.stringify(filter)}`;
  }

  private slot(municipalityId: number, filter: InsightsFilter): Kept {
    return this.kept.get(this.key(municipalityId, filter), this.sources.version(municipalityId), () => ({
      inputs: this.sources.read(municipalityId, filter),
      at: Number.NaN,
      scores: null,
      orders: new Map(),
    }));
  }

  /** Keeps a slot again after it grew (scores, an order), so that its bytes are counted anew. */
  private keep(municipalityId: number, filter: InsightsFilter, kept: Kept): void {
    this.kept.set(this.key(municipalityId, filter), this.sources.version(municipalityId), kept);
  }
}

function bytesOf(kept: Kept): number {
  const columns = Object.values(kept.inputs).filter((c): c is ArrayBufferView => ArrayBuffer.isView(c));
  const scores = kept.scores ? kept.scores.need.byteLength + kept.scores.severity.byteLength : 0;
  const orders = [...kept.orders.values()].reduce((bytes, o) => bytes + o.byteLength, 0);
  return columns.reduce((bytes, c) => bytes + c.byteLength, 0) + scores + orders + 1024;
}
