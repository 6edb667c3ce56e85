// The figures of RANKING.md, computed exactly; shared by the maintained sums and the from-scratch check.
export const EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export function daysSinceEpoch(at: Date | string): number {
  return (new Date(at).getTime() - EPOCH_MS) / DAY_MS;
}

export interface Supporter {
  /** The latest of the person's acts on the candidate (submission or vote). */
  at: string;
  /** The person's rating, if they gave one (their latest rated act). */
  rating: number | null;
}

export interface CandidateSums {
  n: number;
  /** log2 Σ 2^(t/H); null when there are no supporters. */
  logDecay: number | null;
  ratingSum: number;
  ratingCount: number;
}

/** log2(2^a + 2^b) without overflow. */
export function log2AddExp(a: number | null, b: number): number {
  if (a === null) return b;
  const hi = Math.max(a, b);
  return hi + Math.log2(1 + 2 ** (Math.min(a, b) - hi));
}

export function sumsOf(supporters: Supporter[], halfLifeDays: number): CandidateSums {
  let logDecay: number | null = null;
  let ratingSum = 0;
  let ratingCount = 0;
  for (const s of supporters) {
    logDecay = log2AddExp(logDecay, daysSinceEpoch(s.at) / halfLifeDays);
    if (s.rating !== null) {
      ratingSum += s.rating;
      ratingCount += 1;
    }
  }
  return { n: supporters.length, logDecay, ratingSum, ratingCount };
}

export interface Figures {
  n: number;
  nEff: number;
  reach: number;
  k: number;
  severityMean: number | null;
  prior: number;
  severity: number;
  needScore: number;
}

export interface RankingSettings {
  halfLifeDays: number;
  priorWeight: number;
  /** C: the municipality's mean rating, 3 when there are none. */
  prior: number;
}

export function figures(sums: CandidateSums, settings: RankingSettings, now: Date): Figures {
  const nEff = sums.logDecay === null ? 0 : 2 ** (sums.logDecay - daysSinceEpoch(now) / settings.halfLifeDays);
  const reach = Math.log2(1 + nEff);
  const m = settings.priorWeight;
  // With no prior weight and no ratings there is nothing to average: the prior stands.
  const severity = m + sums.ratingCount === 0 ? settings.prior : (m * settings.prior + sums.ratingSum) / (m + sums.ratingCount);
  return {
    n: sums.n,
    nEff,
    reach,
    k: sums.ratingCount,
    severityMean: sums.ratingCount === 0 ? null : sums.ratingSum / sums.ratingCount,
    prior: settings.prior,
    severity,
    needScore: reach * severity,
  };
}
