// The numbers rankings are ordered by in memory, for the few filters in use (the public ranking's scopes, the staff
// insights' filters): every filtered candidate's sums (read once per data version), their need and severity at the
// ranking's moment, and one order per sort. For the largest municipality one filter's numbers take some 8 MB (5 MB of sums, 1.6 MB of scores, 0.4 MB per
// order), so they are kept by bytes apart from the ranking cache: an analyst trying filter after filter would fill
// the heap.
//
// Everything here is computed in turns (lib/turns.ts): reading 100 000 candidates' sums, scoring and sorting them held
// the event loop for 0.6 s after every vote (#17), and for 0.2 s each minute; the public ranking's SQL sort 0.1 s. Callers wait for `ready()`; callers that
// come meanwhile wait for the same work.
import { InFlight } from '../../lib/in-flight';
import { KeptValues } from '../../lib/kept-values';
import { forEachInTurns, sortInTurns } from '../../lib/turns';
import type { CandidateNumbers } from './candidate-numbers';
import { comparatorOf, type CandidateSort } from './candidate-order';
import { figures, type RankingSettings } from './ranking.math';

/**
 * Bytes the kept numbers may take across municipalities and filters: the largest municipality's are some 8 MB a
 * filter, so eight filters in use fit; the least recently used go first.
 */
export const KEPT_NUMBERS_BYTES = 64 * 1024 * 1024;

/** A filter's numbers at one moment with the orders asked for, as of `version` of the data (or newer). */
export interface Numbers {
  version: number;
  inputs: CandidateNumbers;
  need: Float64Array;
  severity: Float64Array;
  /** Positions into the columns in the order of `sort` (one of those `ready()` was asked for). */
  order(sort: CandidateSort): Int32Array;
}

interface Kept {
  version: number;
  inputs: CandidateNumbers;
  /** The moment `need`, `severity` and `orders` were computed at. */
  at: number;
  need: Float64Array | null;
  severity: Float64Array | null;
  orders: Map<CandidateSort, Int32Array>;
  /** The work on this filter's numbers, one piece after another, so that callers arriving meanwhile share it. */
  work: Promise<unknown>;
}

export interface NumberSources<F> {
  /** Every filtered candidate's sums, read without holding the event loop for long. */
  read(municipalityId: number, filter: F): Promise<CandidateNumbers>;
  /** Changes whenever anything the sums or the filter's candidates depend on changes (the ranking's data version). */
  version(municipalityId: number): number;
  settings(municipalityId: number, now: Date): RankingSettings;
}

export class KeptNumbers<F> {
  private readonly kept: KeptValues<Kept>;
  /** Reads under way, by filter and version: a burst of requests after a vote reads once. */
  private readonly reading = new InFlight<Kept>();

  constructor(
    private readonly sources: NumberSources<F>,
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

  /**
   * The filter's numbers at `now`, with the orders of `sorts`. The version is read first and the sums after it, so
   * the numbers are at least as new as their version says: a change that lands meanwhile is read again next time.
   */
  async ready(municipalityId: number, filter: F, now: Date, sorts: readonly CandidateSort[]): Promise<Numbers> {
    const kept = await this.slot(municipalityId, filter);
    await this.after(kept, () => this.score(kept, municipalityId, now));
    for (const sort of sorts) await this.after(kept, () => this.sort(kept, sort, now));
    this.keep(municipalityId, filter, kept);
    const { version, inputs, need, severity, orders } = kept;
    // A later caller may have moved the moment on while this one waited; this one gets what was computed for it.
    if (kept.at !== now.getTime()) return this.ready(municipalityId, filter, now, sorts);
    const taken = new Map(orders);
    return {
      version,
      inputs,
      need: need!,
      severity: severity!,
      order(sort) {
        const order = taken.get(sort);
        if (!order) throw new Error(`the order "${sort}" was not asked for`);
        return order;
      },
    };
  }

  /**
   * The filter's numbers if they are ready now, for the current data version at `now` with the order of `sort`, without
   * waiting or computing: for synchronous reads after `ready()` (a page's several rankings of one journey).
   */
  peek(municipalityId: number, filter: F, now: Date, sort: CandidateSort): Numbers | undefined {
    const kept = this.kept.peek(this.key(municipalityId, filter), this.sources.version(municipalityId));
    const order = kept?.orders.get(sort);
    if (!kept || !order || kept.at !== now.getTime() || !kept.need || !kept.severity) return undefined;
    const { version, inputs, need, severity } = kept;
    return {
      version,
      inputs,
      need,
      severity,
      order(asked) {
        if (asked !== sort) throw new Error(`the order "${asked}" was not asked for`);
        return order;
      },
    };
  }

  private key(municipalityId: number, filter: F): string {
    return `${municipalityId}:${JSON.stringify(filter)}`;
  }

  private async slot(municipalityId: number, filter: F): Promise<Kept> {
    const key = this.key(municipalityId, filter);
    const version = this.sources.version(municipalityId);
    const kept = this.kept.peek(key, version);
    if (kept) return kept;
    return this.reading.run(`${key}@${version}`, async () => {
      const inputs = await this.sources.read(municipalityId, filter);
      const read: Kept = { version, inputs, at: Number.NaN, need: null, severity: null, orders: new Map(), work: Promise.resolve() };
      this.kept.set(key, version, read);
      return read;
    });
  }

  /** Runs `step` after the work already queued on this filter's numbers. */
  private after(kept: Kept, step: () => Promise<void>): Promise<void> {
    const done = kept.work.then(step);
    kept.work = done.catch(() => undefined);
    return done;
  }

  private async score(kept: Kept, municipalityId: number, now: Date): Promise<void> {
    if (kept.need !== null && kept.at === now.getTime()) return;
    const { inputs } = kept;
    const settings = this.sources.settings(municipalityId, now);
    const need = new Float64Array(inputs.id.length);
    const severity = new Float64Array(inputs.id.length);
    await forEachInTurns(inputs.id.length, (i) => {
      const logDecay = inputs.logDecay[i]!;
      const sums = { n: inputs.n[i]!, logDecay: Number.isNaN(logDecay) ? null : logDecay, ratingSum: inputs.ratingSum[i]!, ratingCount: inputs.ratingCount[i]! };
      const f = figures(sums, settings, now);
      need[i] = f.needScore;
      severity[i] = f.severity;
    });
    kept.need = need;
    kept.severity = severity;
    kept.orders = new Map();
    kept.at = now.getTime();
  }

  private async sort(kept: Kept, sort: CandidateSort, now: Date): Promise<void> {
    if (kept.orders.has(sort) || kept.at !== now.getTime()) return;
    const { inputs, need, severity } = kept;
    const compare = comparatorOf(sort, { need: need!, n: inputs.n, severity: severity!, created_at: inputs.createdAt, id: inputs.id });
    const order = await sortInTurns(Int32Array.from({ length: inputs.id.length }, (_, i) => i), compare);
    if (kept.at === now.getTime()) kept.orders.set(sort, order);
  }

  /** Keeps a slot again after it grew (scores, an order), so that its bytes are counted anew. */
  private keep(municipalityId: number, filter: F, kept: Kept): void {
    if (this.kept.peek(this.key(municipalityId, filter), kept.version) === kept) this.kept.set(this.key(municipalityId, filter), kept.version, kept);
  }
}

function bytesOf(kept: Kept): number {
  const columns = Object.values(kept.inputs).filter((c): c is ArrayBufferView => ArrayBuffer.isView(c));
  const scores = (kept.need?.byteLength ?? 0) + (kept.severity?.byteLength ?? 0);
  const orders = [...kept.orders.values()].reduce((bytes, o) => bytes + o.byteLength, 0);
  return columns.reduce((bytes, c) => bytes + c.byteLength, 0) + scores + orders + 1024;
}
