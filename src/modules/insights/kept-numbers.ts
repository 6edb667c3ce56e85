// The numbers the insights table and charts are computed from, for the few filters in use: every filtered
// candidate's sums (read once per data version), their need and severity at the ranking's moment, and one order per
// sort. For the largest municipality one filter's numbers take some 8 MB (5 MB of sums, 1.6 MB of scores, 0.4 MB per
// order), so they are not left to the ranking cache, which counts entries, not bytes: an analyst trying filter after
// filter would fill the heap.
import { figures, type RankingSettings } from '../ranking/ranking.math';
import type { ChartInputs } from './insights.repository';
import type { InsightSort, InsightsFilter } from './insights.schema';

/** Filters whose numbers are kept, across municipalities; the least recently used is dropped first. */
export const KEPT_FILTERS = 8;

export interface Scores {
  inputs: ChartInputs;
  need: Float64Array;
  severity: Float64Array;
}

interface Kept {
  version: number;
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
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly sources: NumberSources) {}

  /** How many filters' numbers are held now. */
  get size(): number {
    return this.kept.size;
  }

  /** Every filtered candidate's sums with their need and severity at `now`. */
  scores(municipalityId: number, filter: InsightsFilter, now: Date): Scores {
    return this.scoresOf(this.slot(municipalityId, filter), municipalityId, now);
  }

  /** Positions into `scores` in the order of `sort`: the same order as the table's SQL (ORDER in the repository). */
  order(municipalityId: number, filter: InsightsFilter, sort: InsightSort, now: Date): Int32Array {
    const kept = this.slot(municipalityId, filter);
    const { inputs, need, severity } = this.scoresOf(kept, municipalityId, now);
    const known = kept.orders.get(sort);
    if (known) return known;
    const { n, createdAt, id } = inputs;
    const compare: Record<InsightSort, (a: number, b: number) => number> = {
      need: (a, b) => need[b]! - need[a]! || n[b]! - n[a]! || createdAt[a]! - createdAt[b]! || id[a]! - id[b]!,
      supporters: (a, b) => n[b]! - n[a]! || need[b]! - need[a]! || createdAt[a]! - createdAt[b]! || id[a]! - id[b]!,
      severity: (a, b) => severity[b]! - severity[a]! || need[b]! - need[a]! || id[a]! - id[b]!,
      newest: (a, b) => createdAt[b]! - createdAt[a]! || id[b]! - id[a]!,
      oldest: (a, b) => createdAt[a]! - createdAt[b]! || id[a]! - id[b]!,
    };
    const order = Int32Array.from({ length: id.length }, (_, i) => i).sort(compare[sort]);
    kept.orders.set(sort, order);
    return order;
  }

  private scoresOf(kept: Kept, municipalityId: number, now: Date): Scores {
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
    }
    return kept.scores;
  }

  private slot(municipalityId: number, filter: InsightsFilter): Kept {
    const key = `${municipalityId}:${JSON.stringify(filter)}`;
    const version = this.sources.version(municipalityId);
    let kept = this.kept.get(key);
    if (!kept || kept.version !== version) {
      kept = { version, inputs: this.sources.read(municipalityId, filter), at: Number.NaN, scores: null, orders: new Map() };
    }
    this.kept.delete(key);
    this.kept.set(key, kept);
    if (this.kept.size > KEPT_FILTERS) this.kept.delete(this.kept.keys().next().value!);
    return kept;
  }
}
