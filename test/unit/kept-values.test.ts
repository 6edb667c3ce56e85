// The one cache (#16): values kept per key for one version, bounded in bytes, least recently used dropped first.
import { approximateBytes, KeptValues } from '../../src/lib/kept-values';
import { KeptNumbers, type NumberSources } from '../../src/modules/ranking/kept-numbers';
import type { CandidateNumbers as ChartInputs } from '../../src/modules/ranking/candidate-numbers';
import type { InsightsFilter } from '../../src/modules/insights/insights.schema';

describe('KeptValues', () => {
  it('computes once per key and version, and again when the version moves', () => {
    const kept = new KeptValues<string>({ maxBytes: 10_000 });
    let computed = 0;
    const read = (version: number) => kept.get('k', version, () => `value ${(computed += 1)}`);
    expect([read(1), read(1), read(2), read(2), read(1)]).toEqual(['value 1', 'value 1', 'value 2', 'value 2', 'value 3']);
  });

  it('never holds more bytes than its budget, dropping the least recently used first', () => {
    const kept = new KeptValues<string>({ maxBytes: 1_000, sizeOf: (v) => v.length });
    for (let i = 0; i < 50; i += 1) {
      kept.get(`k${i}`, 1, () => 'x'.repeat(96));
      if (i === 10) kept.get('k9', 1, () => 'recomputed'); // k9 used again: now among the most recent
      expect(kept.bytes).toBeLessThanOrEqual(1_000);
    }
    expect(kept.size).toBeLessThanOrEqual(10);
    expect(kept.peek('k49', 1)).toBe('x'.repeat(96));
    expect(kept.peek('k0', 1)).toBeUndefined();
  });

  it('uses, but does not keep, a value larger than the whole budget', () => {
    const kept = new KeptValues<string>({ maxBytes: 100, sizeOf: (v) => v.length });
    expect(kept.get('big', 1, () => 'y'.repeat(500))).toHaveLength(500);
    expect(kept.size).toBe(0);
  });

  it('sizes plain data roughly by what it holds, also a long list by a sample', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, title: `Tittel ${i}`, need: i / 3 }));
    const bytes = approximateBytes(rows);
    expect(bytes).toBeGreaterThan(10_000 * 50);
    expect(bytes).toBeLessThan(10_000 * 300);
    expect(approximateBytes(new Float64Array(1000))).toBeGreaterThanOrEqual(8000);
    expect(approximateBytes(new Map([['a', 'bb']]))).toBeGreaterThan(approximateBytes(new Map()));
  });
});

describe('KeptNumbers (insights) bounded in bytes', () => {
  const candidates = 2_000;
  const inputs = (): ChartInputs => ({
    id: Int32Array.from({ length: candidates }, (_, i) => i + 1),
    stepId: new Int32Array(candidates),
    n: Float64Array.from({ length: candidates }, (_, i) => (i % 7) + 1),
    logDecay: Float64Array.from({ length: candidates }, (_, i) => 20_000 / 180 + (i % 5)),
    ratingSum: Float64Array.from({ length: candidates }, (_, i) => (i % 5) + 1),
    ratingCount: new Float64Array(candidates).fill(1),
    createdAt: Float64Array.from({ length: candidates }, (_, i) => i),
  });
  const filter = (i: number) => ({ journey: null, lifeEvent: null, department: null, step: null, status: null, from: `2020-01-${String(i + 1).padStart(2, '0')}`, to: null }) as unknown as InsightsFilter;

  it('holds the numbers of as many filters as fit in its bytes, and reads a let-go filter again', async () => {
    let reads = 0;
    const sources: NumberSources<InsightsFilter> = {
      read: async () => ((reads += 1), inputs()),
      version: () => 1,
      settings: () => ({ halfLifeDays: 180, priorWeight: 5, prior: 3 }) as never,
    };
    // One filter with its scores and one order: 7 columns + 2 scores + 1 order, some 140 KB for 2 000 candidates.
    const budget = 500_000;
    const numbers = new KeptNumbers(sources, budget);
    const now = new Date('2026-12-01T00:00:00Z');
    for (let i = 0; i < 12; i += 1) {
      const order = (await numbers.ready(1, filter(i), now, ['need'])).order('need');
      expect(order).toHaveLength(candidates);
      expect(numbers.bytes).toBeLessThanOrEqual(budget);
    }
    expect(numbers.size).toBeGreaterThan(1);
    expect(numbers.size).toBeLessThan(12);
    const before = reads;
    await numbers.ready(1, filter(0), now, ['need']);
    expect(reads).toBe(before + 1);
    await numbers.ready(1, filter(11), now, ['need']);
    expect(reads).toBe(before + 1);
  });

  it('reads once for callers that come while it reads, and again after a change that landed meanwhile (#17)', async () => {
    let reads = 0;
    let version = 1;
    let release = () => {};
    const sources: NumberSources<InsightsFilter> = {
      read: () => {
        reads += 1;
        return new Promise<ChartInputs>((resolve) => (release = () => resolve(inputs())));
      },
      version: () => version,
      settings: () => ({ halfLifeDays: 180, priorWeight: 5, prior: 3 }) as never,
    };
    const numbers = new KeptNumbers(sources);
    const now = new Date('2026-12-01T00:00:00Z');
    const first = numbers.ready(1, filter(0), now, ['need']);
    const second = numbers.ready(1, filter(0), now, ['need', 'newest']);
    // A change lands while the read is under way.
    version = 2;
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(reads).toBe(1);
    // Labelled with the version read before the sums: older than the data, never newer.
    expect([a.version, b.version]).toEqual([1, 1]);
    expect(b.order('newest')[0]).toBe(candidates - 1);
    expect(() => a.order('oldest')).toThrow(/not asked for/);
    const third = numbers.ready(1, filter(0), now, ['need']);
    release();
    expect((await third).version).toBe(2);
    expect(reads).toBe(2);
  });
});
