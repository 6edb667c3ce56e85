// Staff insights: the ranked candidate table with every figure, the charts, and a candidate's explanation. Free of req/res.
import { NotFoundError } from '../../errors';
import { figures, sumsOf, type Figures } from '../ranking/ranking.math';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import type { RankingService } from '../ranking/ranking.service';
import { Turns } from '../../lib/turns';
import { isoWeek, lastWeeks, mondayOfStrftimeWeek } from '../../lib/weeks';
import type { InsightsReader } from './insights-reader';
import type { InsightRow, InsightsRepository, RankingParams } from './insights.repository';
import { filterOf, type InsightSort, type InsightsFilter } from './insights.schema';
import { KeptNumbers, type Numbers } from '../ranking/kept-numbers';
import { onlyVerified } from '../ranking/verified-supporters';

export const PAGE_SIZE = 50;
/** Export rows read by id at a time, between turns of the event loop. */
const EXPORT_BATCH = 200;
const CHART_TOP = 10;
const WEEKS = 26;

export interface InsightItem extends InsightRow {
  figures: Figures;
}

export class InsightsService {
  private readonly numbers: KeptNumbers<InsightsFilter>;

  constructor(
    private readonly repo: InsightsRepository,
    private readonly ranking: RankingService,
    private readonly journeys: PublicJourneysService,
    private readonly reader: Pick<InsightsReader, 'numbers' | 'open'>,
  ) {
    this.numbers = new KeptNumbers({
      // "Verified only" (#21.3): the filter's candidates that verified persons support, with their sums alone.
      read: async (municipalityId, filter) =>
        filter.verified
          ? onlyVerified(await reader.numbers(municipalityId, filter), await ranking.verifiedSums(municipalityId))
          : reader.numbers(municipalityId, filter),
      version: (municipalityId) => ranking.dataVersion(municipalityId),
      settings: (municipalityId, now) => ranking.parameters(municipalityId, now),
    });
  }

  /** How many filters' numbers are kept (bounded in bytes by KEPT_NUMBERS_BYTES). */
  get keptFilters(): number {
    return this.numbers.size;
  }

  /** The bytes the kept numbers take. */
  get keptBytes(): number {
    return this.numbers.bytes;
  }

  /** Steps into which a published map states a handover between departments, labelled "from → to: step". */
  private handovers(municipalityId: number): Map<number, string> {
    const labels = new Map<number, string>();
    for (const group of this.journeys.listByLifeEvent(municipalityId)) {
      for (const map of group.journeys) {
        for (const s of map.steps) {
          const to = s.handover?.to ?? s.department;
          if (s.handover?.from && to) labels.set(s.id, `${s.handover.from.name} → ${to.name}: ${s.title}`);
        }
      }
    }
    return labels;
  }

  /**
   * Adds the figures to a row just read (the row is this call's own): copying 18 fields for each of 100 000 rows of an
   * export showed. With `at`, the figures come from the kept numbers at that position instead of the row's sums: under
   * "verified only" those are the verified persons' sums.
   */
  private withFigures(row: InsightRow, p: RankingParams & { now: Date }, numbers?: Numbers, at?: number): InsightItem {
    const item = row as InsightItem;
    if (numbers && at !== undefined) {
      const { inputs } = numbers;
      const logDecay = inputs.logDecay[at]!;
      item.figures = figures({ n: inputs.n[at]!, logDecay: Number.isNaN(logDecay) ? null : logDecay, ratingSum: inputs.ratingSum[at]!, ratingCount: inputs.ratingCount[at]! }, p, p.now);
    } else {
      item.figures = figures({ n: row.n, logDecay: row.log_decay, ratingSum: row.rating_sum, ratingCount: row.rating_count }, p, p.now);
    }
    return item;
  }

  /** The figures of the rows of `positions` (into the kept numbers), from the numbers when they are verified persons' own. */
  private withFiguresAt(rows: InsightRow[], positions: Map<number, number>, numbers: Numbers, filter: InsightsFilter, p: RankingParams & { now: Date }): InsightItem[] {
    return rows.map((row) => (filter.verified ? this.withFigures(row, p, numbers, positions.get(row.id)) : this.withFigures(row, p)));
  }

  /** Whether staff pages show verified supporters: once anyone in the municipality has verified (#21.3). */
  showsVerified(municipalityId: number): boolean {
    return this.ranking.hasVerifications(municipalityId);
  }

  async table(municipalityId: number, query: InsightsFilter, sort: InsightSort, page: number) {
    const filter = filterOf(query);
    const now = this.ranking.now();
    const numbers = await this.numbers.ready(municipalityId, filter, now, [sort]);
    // Keyed by the numbers' own version: they may be older than the data version by the time they are ready.
    return this.ranking.memo(municipalityId, `insights-table:${municipalityId}:${numbers.version}:${now.getTime()}:${sort}:${page}:${JSON.stringify(filter)}`, () =>
      this.tableAt(numbers, municipalityId, filter, sort, page, now),
    );
  }

  /**
   * One page of the table in `sort` order at `now`. The order comes from the candidates' numbers kept per data
   * version (kept-numbers.ts), so a new minute or a vote costs a sort in memory, not two reads of every candidate
   * (0.2 s for the largest municipality); only the page's own 50 rows are read with their names.
   */
  private tableAt(numbers: Numbers, municipalityId: number, filter: InsightsFilter, sort: InsightSort, page: number, now: Date) {
    const p = this.ranking.parameters(municipalityId, now);
    const order = numbers.order(sort);
    const total = order.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const current = Math.min(page, pages);
    const positions = new Map(Array.from(order.subarray((current - 1) * PAGE_SIZE, current * PAGE_SIZE), (i) => [numbers.inputs.id[i]!, i]));
    const rows = this.withFiguresAt(this.inOrder(this.repo, municipalityId, filter, [...positions.keys()]), positions, numbers, filter, p);
    return { rows, total, page: current, pages, prior: p.prior, halfLifeDays: p.halfLifeDays, priorWeight: p.priorWeight };
  }

  /** The rows of `ids` that pass the filter, in the order of `ids`. */
  private inOrder(repo: InsightsRepository, municipalityId: number, filter: InsightsFilter, ids: number[]): InsightRow[] {
    const byId = new Map(repo.rows(municipalityId, filter, ids).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Every filtered row with its figures, in `sort` order, a batch at a time with turns of the event loop between:
   * the order comes from the kept numbers (sorting 100 000 candidates in SQL held the loop for the first row), the
   * rows from a read-only connection of the export's own.
   */
  async *exportRows(municipalityId: number, query: InsightsFilter, sort: InsightSort): AsyncGenerator<InsightItem> {
    const filter = filterOf(query);
    const now = this.ranking.now();
    const p = this.ranking.parameters(municipalityId, now);
    const numbers = await this.numbers.ready(municipalityId, filter, now, [sort]);
    const order = numbers.order(sort);
    const reader = this.reader.open();
    const turns = new Turns();
    try {
      for (let from = 0; from < order.length; from += EXPORT_BATCH) {
        const positions = new Map(Array.from(order.subarray(from, from + EXPORT_BATCH), (i) => [numbers.inputs.id[i]!, i]));
        yield* this.withFiguresAt(this.inOrder(reader.repo, municipalityId, filter, [...positions.keys()]), positions, numbers, filter, p);
        if (turns.due()) await turns.next();
      }
    } finally {
      reader.close();
    }
  }

  /** The charts of the insights page, each with the numbers its text alternative shows. */
  async charts(municipalityId: number, query: InsightsFilter, now: Date = this.ranking.now()) {
    const filter = filterOf(query);
    const numbers = await this.numbers.ready(municipalityId, filter, now, ['need']);
    return this.ranking.memo(municipalityId, `insights-charts:${municipalityId}:${numbers.version}:${now.getTime()}:${JSON.stringify(filter)}`, () =>
      this.chartsAt(numbers, municipalityId, now),
    );
  }

  /**
   * Sums the need scores at `now` (kept-numbers.ts): reading the candidates with their names every minute, when the
   * ranking's moment moves on, held the largest municipality's page for a second and more. The top ten are the
   * table's first ten.
   */
  private chartsAt(numbers: Numbers, municipalityId: number, now: Date) {
    const { inputs, need } = numbers;
    const steps = this.ranking.memo(municipalityId, `insights-step-labels:${municipalityId}`, () => new Map(this.repo.stepLabels(municipalityId).map((s) => [s.id, s])));
    const handoverLabels = this.handovers(municipalityId);
    // Summed per step first (a few hundred), then per label: looking up three text keys for each of 100 000
    // candidates held the loop for 70-80 ms.
    const perStep = new Map<number, number>();
    for (let i = 0; i < inputs.id.length; i += 1) {
      const stepId = inputs.stepId[i]!;
      if (stepId >= 0) perStep.set(stepId, (perStep.get(stepId) ?? 0) + need[i]!);
    }
    const departments = new Map<string, number>();
    const handovers = new Map<string, number>();
    const stepSums = new Map<string, number>();
    const add = (sums: Map<string, number>, key: string | null | undefined, value: number) => {
      if (key) sums.set(key, (sums.get(key) ?? 0) + value);
    };
    for (const [stepId, sum] of perStep) {
      const step = steps.get(stepId);
      // A step counts for every department in it, responsible or involved: the silos a resident passes through.
      for (const name of step?.departments ?? []) add(departments, name, sum);
      add(handovers, handoverLabels.get(stepId), sum);
      add(stepSums, step && `${step.journey_title} · ${step.step_title}`, sum);
    }
    const top = Array.from(numbers.order('need').subarray(0, CHART_TOP));
    const titles = this.repo.titles(top.map((i) => inputs.id[i]!));
    const bars = (sums: Map<string, number>, limit = Infinity) =>
      [...sums].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([label, value]) => ({ label, value }));
    return {
      top: top.map((i) => ({ label: titles.get(inputs.id[i]!) ?? '', value: need[i]! })),
      byStep: bars(stepSums, CHART_TOP),
      byDepartment: bars(departments),
      byHandover: bars(handovers, CHART_TOP),
      perWeek: this.supportersPerWeek(municipalityId, now),
    };
  }

  /**
   * New supporters per week over the last 26 weeks (this one and the 25 before it, from Monday), every week named by its
   * Monday and its ISO week number and shown even when nobody joined in it: a read of some 180 day counts. Empty when
   * nobody joined in any of them.
   */
  private supportersPerWeek(municipalityId: number, now: Date): { label: string; week: number; value: number }[] {
    const mondays = lastWeeks(now, WEEKS);
    const perMonday = new Map(mondays.map((monday) => [monday, 0]));
    // SQLite's %W splits the week over New Year in two (week 52 or 53, and week 00): both halves have the same Monday.
    for (const w of this.repo.supportersPerWeek(municipalityId, mondays[0]!)) {
      const monday = mondayOfStrftimeWeek(w.week);
      if (perMonday.has(monday)) perMonday.set(monday, perMonday.get(monday)! + w.supporters);
    }
    const weeks = mondays.map((monday) => ({ label: monday, week: isoWeek(monday), value: perMonday.get(monday)! }));
    return weeks.some((w) => w.value > 0) ? weeks : [];
  }

  /**
   * How one candidate's figures came about: supporters over time, ratings, merged items and each formula. With
   * `verifiedOnly` (#21.3), every figure and chart counts the verified persons alone, as that view ranks them: one per
   * person however many browsers, with the time of their latest act and their latest rating over all of them.
   */
  explain(municipalityId: number, candidateId: number, verifiedOnly = false) {
    const p = this.ranking.parameters(municipalityId);
    const row = this.repo.one(municipalityId, candidateId, p);
    if (!row) throw new NotFoundError();
    const candidate = this.withFigures(row, p);
    const supporters = verifiedOnly ? this.ranking.verifiedSupportersOf(candidateId, municipalityId) : this.ranking.supportersOf(candidateId);
    if (verifiedOnly) candidate.figures = figures(sumsOf(supporters, p.halfLifeDays), p, p.now);
    const ratings = [1, 2, 3, 4, 5].map((level) => ({ label: String(level), value: 0 }));
    for (const s of supporters) if (s.rating !== null) ratings[s.rating - 1]!.value += 1;
    return {
      candidate,
      // Σ ratings of the severity formula: the row's maintained sum, or the verified persons' own (whole ratings 1-5).
      ratingSum: verifiedOnly ? ratings.reduce((sum, r) => sum + Number(r.label) * r.value, 0) : row.rating_sum,
      // The check from scratch is of all supporters' figures: the verified persons' are computed from scratch already.
      scratch: verifiedOnly ? null : figures(sumsOf(supporters, p.halfLifeDays), p, p.now),
      verifiedOnly,
      showVerified: this.showsVerified(municipalityId),
      ratings,
      // Everyone's every act (report or "me too") per month; under "verified only", each verified person once, in the
      // month of their latest act, as the figures count them.
      actsPerMonth: verifiedOnly ? perMonth(supporters.map((s) => s.at).sort()) : perMonth(this.repo.supporterActs(candidateId).map((a) => a.at)),
      merged: this.repo.merged(candidateId),
      // Residents' "is it fixed?" answers of the verified persons alone; null when everyone's are shown.
      verifiedFixCounts: verifiedOnly ? this.repo.verifiedFixCounts(municipalityId, candidateId) : null,
      settings: { halfLifeDays: p.halfLifeDays, priorWeight: p.priorWeight, prior: p.prior },
    };
  }
}

/** How many of the times `at` (ISO, in order) fall in each month, in that order; months without any are left out. */
function perMonth(at: readonly string[]): { label: string; value: number }[] {
  const months = new Map<string, number>();
  for (const time of at) months.set(time.slice(0, 7), (months.get(time.slice(0, 7)) ?? 0) + 1);
  return [...months].map(([label, value]) => ({ label, value }));
}
