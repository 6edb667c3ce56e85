// RANKING.md's worked examples give exactly the figures in its table.
import { daysSinceEpoch, figures, sumsOf, type Supporter } from '../../src/modules/ranking/ranking.math';

const NOW = new Date('2026-06-01T12:00:00Z');
const SETTINGS = { halfLifeDays: 180, priorWeight: 5, prior: 3.0 };
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function supporters(count: number, ratings: number[], ageDays = 0): Supporter[] {
  return Array.from({ length: count }, (_, i) => ({ at: daysAgo(ageDays), rating: ratings[i] ?? null }));
}

// 18 ratings summing to 63: fifteen 3.5s would not be integers, so nine 3s and nine 4s.
const B_RATINGS = [...Array(9).fill(3), ...Array(9).fill(4)];

describe('RANKING.md worked example (H = 180, m = 5, C = 3.0)', () => {
  it('A: 2 supporters rating 5 and 5 today → reach 1.585, severity 3.571, need 5.66', () => {
    const f = figures(sumsOf(supporters(2, [5, 5]), 180), SETTINGS, NOW);
    expect(f.n).toBe(2);
    expect(f.reach).toBeCloseTo(Math.log2(3), 10);
    expect(f.severity).toBeCloseTo(25 / 7, 10);
    expect(f.needScore.toFixed(2)).toBe('5.66');
    expect(f.severityMean).toBe(5);
  });

  it('B: 20 supporters, 18 ratings summing to 63 → reach 4.392, severity 3.391, need 14.90', () => {
    expect(B_RATINGS.reduce((a, b) => a + b, 0)).toBe(63);
    const f = figures(sumsOf(supporters(20, B_RATINGS), 180), SETTINGS, NOW);
    expect(f.k).toBe(18);
    expect(f.reach.toFixed(3)).toBe('4.392');
    expect(f.severity.toFixed(3)).toBe('3.391');
    expect(f.needScore.toFixed(2)).toBe('14.90');
  });

  it('C: as B, all 180 days old → n_eff 10, reach 3.459, need 11.73', () => {
    const f = figures(sumsOf(supporters(20, B_RATINGS, 180), 180), SETTINGS, NOW);
    expect(f.nEff).toBeCloseTo(10, 9);
    expect(f.reach.toFixed(3)).toBe('3.459');
    expect(f.needScore.toFixed(2)).toBe('11.73');
  });
});

describe('figures', () => {
  it('a support H days old counts one half, 2H days one quarter', () => {
    const f = figures(sumsOf([{ at: daysAgo(180), rating: null }, { at: daysAgo(360), rating: null }], 180), SETTINGS, NOW);
    expect(f.nEff).toBeCloseTo(0.75, 12);
  });

  it('a single 5 cannot beat thirty 4.5s (the Bayesian average)', () => {
    const one = figures(sumsOf(supporters(1, [5]), 180), SETTINGS, NOW);
    const thirty = figures(sumsOf(supporters(30, Array(30).fill(4.5)), 180), SETTINGS, NOW);
    expect(thirty.severity).toBeGreaterThan(one.severity);
  });

  it('stays finite with a half-life of one day over decades (the sums are kept as logarithms)', () => {
    const s = sumsOf([{ at: '2000-01-01T00:00:00Z', rating: 3 }, { at: daysAgo(1), rating: 4 }], 1);
    const f = figures(s, { ...SETTINGS, halfLifeDays: 1 }, NOW);
    expect(Number.isFinite(s.logDecay!)).toBe(true);
    expect(f.nEff).toBeCloseTo(0.5, 9);
    expect(daysSinceEpoch('2000-01-02T00:00:00Z')).toBe(1);
  });

  it('has no supporters and the prior as severity for an empty candidate with no prior weight', () => {
    const f = figures(sumsOf([], 180), { ...SETTINGS, priorWeight: 0 }, NOW);
    expect([f.n, f.nEff, f.reach, f.severity, f.needScore, f.severityMean]).toEqual([0, 0, 0, 3, 0, null]);
  });
});
