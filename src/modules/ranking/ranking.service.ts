// Keeps the per-candidate sums of RANKING.md up to date as residents and moderators act, and reads rankings.
// A new supporter is added incrementally; anything else (withdrawal, merge, moderation) recomputes that candidate.
import { figures, log2AddExp, sumsOf, daysSinceEpoch, type CandidateSums, type Figures, type Supporter } from './ranking.math';
import type { OwnReader } from '../../db/connection';
import { KeptValues } from '../../lib/kept-values';
import { readInTurns } from './candidate-numbers';
import { KeptNumbers } from './kept-numbers';
import { SupportersByPerson } from './verified-supporters';
import { Turns } from '../../lib/turns';
import type { RankedRow, RankingRepository, RankingScope } from './ranking.repository';

export const DEFAULT_PRIOR = 3;
/** How long one moment serves as the ranking's "now": decay over a minute moves a need score by a few millionths. */
export const RANKING_MOMENT_MS = 60_000;
/** The bytes kept rankings may take: the largest municipality's full ranking is some 20 MB. */
const RANKING_CACHE_BYTES = 96 * 1024 * 1024;

/** A ranking scope without its page: the key its numbers are kept under (built field by field, so the key is stable). */
type ScopeFilter = Omit<RankingScope, 'limit' | 'offset'>;

/** Every public candidate of a journey, the scope its page's rankings and step needs are taken from. */
function journeyScope(journeyId: number): ScopeFilter {
  return { journeyId, stepId: undefined, journeyLevelOnly: false, includeHidden: false, publishedJourneysOnly: false, publishedBefore: undefined };
}

export interface RankedCandidate extends RankedRow {
  need: number;
  figures: Figures;
}

export class RankingService {
  private moment: Date | null = null;
  /**
   * Rankings by municipality, data version, scope and moment. Reading the largest municipality's ranking computes
   * need scores for 100 000 candidates; pages and the API ask for the same ones many times a second between changes.
   */
  private readonly kept = new KeptValues<unknown>({ maxBytes: RANKING_CACHE_BYTES });
  /** Every candidate's numbers per scope, for the rankings ordered in memory (`rankedInTurns`). */
  private readonly numbers: KeptNumbers<ScopeFilter>;

  constructor(
    private readonly repo: RankingRepository,
    private readonly clock: () => Date,
    /** A connection of its own for each long read of candidates' numbers. */
    private readonly openReader: () => OwnReader<RankingRepository>,
  ) {
    this.numbers = new KeptNumbers<ScopeFilter>({
      read: async (municipalityId, scope) => {
        const reader = openReader();
        try {
          return await readInTurns(reader.repo.numberRows(municipalityId, scope));
        } finally {
          reader.close();
        }
      },
      version: (municipalityId) => repo.version(municipalityId),
      settings: (municipalityId) => this.settingsOf(municipalityId),
    });
  }

  /**
   * A read that depends only on what the municipality's ranking version covers (candidates, their sums, journeys'
   * publication, settings) and on a moment: computed once per version, scope and moment. Other modules' rankings
   * (staff insights) share it.
   */
  memo<T>(municipalityId: number, key: string, compute: () => T): T {
    return this.kept.get(key, this.repo.version(municipalityId), compute) as T;
  }

  /** Recomputes from scratch the candidate a pain point counts for, and drops figures of what is no candidate. */
  refresh(painPointId: number): void {
    if (!this.repo.isCandidate(painPointId)) {
      this.repo.deleteStats(painPointId);
      this.repo.deleteSupporters(painPointId);
    }
    const candidate = this.repo.candidateOf(painPointId);
    if (candidate) this.recompute(candidate.id, candidate.municipality_id);
  }

  private recompute(candidateId: number, municipalityId: number): void {
    const { halfLifeDays } = this.repo.settings(municipalityId);
    this.repo.saveStats(candidateId, municipalityId, sumsOf(this.repo.supporters(candidateId), halfLifeDays), halfLifeDays);
    this.repo.syncSupporters(candidateId, municipalityId);
  }

  /** Call before a vote is stored: whether the voter already supports the candidate the vote will count for. */
  supportsAlready(painPointId: number, participantId: number): boolean {
    const candidate = this.repo.candidateOf(painPointId);
    return candidate ? this.repo.isSupporter(candidate.id, participantId) : false;
  }

  /**
   * A vote was stored. A new supporter is added to the sums, and their first act is this vote; an existing one changes
   * their latest act, so recompute.
   */
  voteAdded(painPointId: number, participantId: number, alreadySupporter: boolean, at: string, rating: number | null): void {
    const candidate = this.repo.candidateOf(painPointId);
    if (!candidate) return;
    const { halfLifeDays } = this.repo.settings(candidate.municipality_id);
    const stats = this.repo.stats(candidate.id);
    if (alreadySupporter || !stats || stats.halfLifeDays !== halfLifeDays) return this.recompute(candidate.id, candidate.municipality_id);
    const next: CandidateSums = {
      n: stats.n + 1,
      logDecay: log2AddExp(stats.logDecay, daysSinceEpoch(at) / halfLifeDays),
      ratingSum: stats.ratingSum + (rating ?? 0),
      ratingCount: stats.ratingCount + (rating === null ? 0 : 1),
    };
    this.repo.saveStats(candidate.id, candidate.municipality_id, next, halfLifeDays);
    this.repo.addSupporter(candidate.id, participantId, candidate.municipality_id, at);
  }

  /** Every candidate of the municipality and its supporters from scratch: after bulk loads. */
  rebuild(municipalityId: number): void {
    this.repo.transaction(() => {
      this.rebuildSums(municipalityId);
      this.repo.rebuildSupporters(municipalityId);
    });
  }

  /** Every candidate's sums from scratch: after the half-life changes (who supports what, and since when, stays). */
  rebuildSums(municipalityId: number): void {
    this.repo.transaction(() => {
      const { halfLifeDays } = this.repo.settings(municipalityId);
      const sums = new Map(this.repo.candidateIds(municipalityId).map((id) => [id, sumsOf([], halfLifeDays)]));
      // The connection is busy while the read streams, so the sums are written after it.
      for (const [candidateId, supporters] of this.repo.supportersByCandidate(municipalityId)) sums.set(candidateId, sumsOf(supporters, halfLifeDays));
      for (const [candidateId, candidateSums] of sums) this.repo.saveStats(candidateId, municipalityId, candidateSums, halfLifeDays);
    });
  }

  /** Changes whenever anything a ranking of the municipality reads changes (migration 0008's triggers). */
  dataVersion(municipalityId: number): number {
    return this.repo.version(municipalityId);
  }

  /**
   * Changes whenever anything the municipality's public pages show from its data may have changed, or the ranking's
   * moment moves on: the key of cached whole pages.
   */
  pageVersion(municipalityId: number): string {
    return `${this.repo.version(municipalityId)}@${this.now().getTime()}`;
  }

  /** What a ranking read needs besides the sums: settings, the prior C, and the time in days since the epoch. */
  parameters(municipalityId: number, now: Date = this.now()) {
    const settings = this.settingsOf(municipalityId);
    return { ...settings, nowDays: daysSinceEpoch(now), now };
  }

  private settingsOf(municipalityId: number) {
    const s = this.repo.settings(municipalityId);
    return { halfLifeDays: s.halfLifeDays, priorWeight: s.priorWeight, prior: this.repo.prior(municipalityId) ?? DEFAULT_PRIOR };
  }

  /**
   * The ranking's clock: callers that must compute several reads at one moment take it here and pass it back as `now`.
   * It moves on once a minute (or when the clock jumps back), so that reads within that minute share cached rankings.
   */
  now(): Date {
    const t = this.clock();
    if (!this.moment || Math.abs(t.getTime() - this.moment.getTime()) >= RANKING_MOMENT_MS) this.moment = t;
    return this.moment;
  }

  /**
   * Candidates in ranking order with their figures, computed at `now` (the clock when not given).
   * A fixed `now` keeps the order from drifting with time decay between reads, as paging through the open data API needs.
   */
  ranked(
    municipalityId: number,
    scope: RankingScope & { now?: Date },
  ): RankedCandidate[] {
    const { now = this.now(), ...rest } = scope;
    return this.memo(municipalityId, `ranked:${municipalityId}:${now.getTime()}:${JSON.stringify(rest)}`, () => {
      const inMemory = this.idsFromJourney(municipalityId, rest, now);
      if (inMemory) return this.withFiguresInOrder(municipalityId, inMemory, now);
      const settings = this.settingsOf(municipalityId);
      return this.repo
        .ranked(municipalityId, { ...settings, ...rest, offset: scope.offset ?? 0, nowDays: daysSinceEpoch(now) })
        .map((row) => ({
          ...row,
          figures: figures({ n: row.n, logDecay: row.log_decay, ratingSum: row.rating_sum, ratingCount: row.rating_count }, settings, now),
        }));
    });
  }

  /**
   * Reads the numbers of a journey's public candidates in turns, so that the rankings of its steps and of the journey
   * as a whole, and its step needs, are then computed in memory at `now`. A busy journey's page took 80-120 ms in one
   * go each minute (step needs 50 ms, the list's ranking 25-35 ms in SQL): now some 5 ms after turns of the reading.
   */
  async prepareJourney(municipalityId: number, journeyId: number, now: Date = this.now()): Promise<void> {
    await this.numbers.ready(municipalityId, journeyScope(journeyId), now, ['need']);
  }

  /**
   * The ids of a ranking in order: for a page that reads only its own rows. From memory when the journey's numbers are
   * ready (`prepareJourney`), else from the ranking.
   */
  rankedIds(municipalityId: number, scope: RankingScope & { now?: Date }): number[] {
    const { now = this.now(), ...rest } = scope;
    return this.idsFromJourney(municipalityId, rest, now) ?? this.ranked(municipalityId, scope).map((c) => c.id);
  }

  /**
   * A journey's public ranking narrowed to a step (or to the journey as a whole), in order, from its numbers made ready
   * by `prepareJourney`; undefined when they are not ready for this version and moment.
   */
  private idsFromJourney(municipalityId: number, scope: RankingScope, now: Date): number[] | undefined {
    const narrowed = scope.stepId !== undefined || scope.journeyLevelOnly === true;
    if (scope.journeyId === undefined || !narrowed || scope.includeHidden || scope.publishedJourneysOnly || scope.publishedBefore !== undefined) return undefined;
    const numbers = this.numbers.peek(municipalityId, journeyScope(scope.journeyId), now, 'need');
    if (!numbers) return undefined;
    const wanted = scope.stepId ?? -1;
    const ids: number[] = [];
    for (const i of numbers.order('need')) if (numbers.inputs.stepId[i] === wanted) ids.push(numbers.inputs.id[i]!);
    const offset = scope.offset ?? 0;
    return ids.slice(offset, scope.limit < 0 ? undefined : offset + scope.limit);
  }

  /** The ranked rows of `ids` with their figures at `now`, in the order of `ids`. */
  private withFiguresInOrder(municipalityId: number, ids: number[], now: Date): RankedCandidate[] {
    const settings = this.settingsOf(municipalityId);
    const byId = new Map(this.repo.rankedRows(ids).map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const f = figures({ n: row.n, logDecay: row.log_decay, ratingSum: row.rating_sum, ratingCount: row.rating_count }, settings, now);
      return [{ ...row, need: f.needScore, figures: f }];
    });
  }

  /**
   * The same ranking as `ranked`, ordered in memory from the scope's kept numbers in turns (kept-numbers.ts): for a
   * whole municipality, SQL computed and sorted 100 000 need scores in one go, holding the event loop for 0.1 s every
   * minute and after every change (#17). Only the page's rows are read with their titles.
   */
  async rankedInTurns(municipalityId: number, scope: RankingScope & { now?: Date }): Promise<RankedCandidate[]> {
    const { now = this.now(), limit, offset = 0 } = scope;
    const filter: ScopeFilter = {
      journeyId: scope.journeyId,
      stepId: scope.stepId,
      journeyLevelOnly: scope.journeyLevelOnly ?? false,
      includeHidden: scope.includeHidden ?? false,
      publishedJourneysOnly: scope.publishedJourneysOnly ?? false,
      publishedBefore: scope.publishedBefore,
    };
    const numbers = await this.numbers.ready(municipalityId, filter, now, ['need']);
    // Keyed by the numbers' own version: they may be older than the data version by the time they are ready.
    return this.memo(municipalityId, `ranked-in-turns:${municipalityId}:${numbers.version}:${now.getTime()}:${JSON.stringify(filter)}:${limit}:${offset}`, () => {
      const order = numbers.order('need');
      const end = limit < 0 ? order.length : Math.min(order.length, offset + limit);
      return this.withFiguresInOrder(municipalityId, Array.from(order.subarray(Math.min(offset, end), end), (i) => numbers.inputs.id[i]!), now);
    });
  }

  /**
   * The need scores of a few given candidates at `now` (0 for what is no candidate), from their maintained sums. For
   * the portfolio's linked candidates: ranking all 100 000 candidates of a large municipality to look up a few cost
   * 2 s per view and kept another 90 MB in the cache every minute.
   */
  needOf(municipalityId: number, candidateIds: readonly number[], now: Date = this.now()): Map<number, number> {
    const settings = this.settingsOf(municipalityId);
    const need = new Map(candidateIds.map((id) => [id, 0]));
    for (const stats of this.repo.statsOf(municipalityId, candidateIds)) need.set(stats.id, figures(stats, settings, now).needScore);
    return need;
  }

  /** Summed need score of the candidates on each step of a journey (RANKING.md roll-ups; hidden ones left out). */
  stepNeeds(municipalityId: number, journeyId: number, now: Date = this.now()): Map<number, number> {
    return this.memo(municipalityId, `needs:${municipalityId}:${journeyId}:${now.getTime()}`, () => {
      const numbers = this.numbers.peek(municipalityId, journeyScope(journeyId), now, 'need');
      if (numbers) {
        const needs = new Map<number, number>();
        for (let i = 0; i < numbers.inputs.id.length; i += 1) {
          const stepId = numbers.inputs.stepId[i]!;
          if (stepId >= 0) needs.set(stepId, (needs.get(stepId) ?? 0) + numbers.need[i]!);
        }
        return needs;
      }
      const rows = this.repo.needByStep(municipalityId, journeyId, { ...this.settingsOf(municipalityId), nowDays: daysSinceEpoch(now) });
      return new Map(rows.map((r) => [r.step_id, r.need]));
    });
  }

  /**
   * Every candidate of the municipality that verified persons support, with the sums of those persons alone (one per
   * person, however many browsers): the "verified only" ranking's numbers (#21.3). Read in turns from a connection of
   * its own; callers keep the result per data version (kept-numbers.ts), which every verification moves (migration 0035).
   */
  async verifiedSums(municipalityId: number): Promise<Map<number, CandidateSums>> {
    const { halfLifeDays } = this.repo.settings(municipalityId);
    const reader = this.openReader();
    try {
      const fold = new SupportersByPerson();
      const turns = new Turns();
      let read = 0;
      for (const [candidateId, person, at, rating] of reader.repo.verifiedActs(municipalityId)) {
        fold.add(candidateId, person, at, rating);
        read += 1;
        if ((read & 1023) === 0 && turns.due()) await turns.next();
      }
      return fold.sums(halfLifeDays);
    } finally {
      reader.close();
    }
  }

  /**
   * A candidate's verified supporters (#21.3): one per person, with the time of their latest act and their latest
   * rating over all their browsers: what the explanation page's figures and charts under "verified only" count.
   */
  verifiedSupportersOf(candidateId: number, municipalityId: number): Supporter[] {
    return this.repo.verifiedSupporters(candidateId, municipalityId);
  }

  /**
   * Whether anyone has verified themselves with ID-porten in the municipality: staff pages show verified supporters
   * from then on (before it, the column would be all zeros). Kept per data version, which a verification moves.
   */
  hasVerifications(municipalityId: number): boolean {
    return this.memo(municipalityId, `has-verifications:${municipalityId}`, () => this.repo.hasVerifications(municipalityId));
  }

  /** The supporters of a candidate, counted from scratch (for explanations and checks). */
  supportersOf(candidateId: number) {
    return this.repo.supporters(candidateId);
  }

  /** The figures of one candidate from its supporters directly, bypassing the maintained sums (for checks). */
  fromScratch(candidateId: number, municipalityId: number): Figures {
    const settings = this.settingsOf(municipalityId);
    return figures(sumsOf(this.repo.supporters(candidateId), settings.halfLifeDays), settings, this.clock());
  }

  maintained(candidateId: number, municipalityId: number): Figures | null {
    const stats = this.repo.stats(candidateId);
    return stats ? figures(stats, this.settingsOf(municipalityId), this.clock()) : null;
  }
}
