// Folding verified persons' acts into supporters (one per person, their latest act and latest rating) whatever order
// the acts come in, and narrowing a ranking's numbers to the candidates verified persons support (#21.3).
import fc from 'fast-check';
import type { CandidateNumbers } from '../../src/modules/ranking/candidate-numbers';
import { sumsOf } from '../../src/modules/ranking/ranking.math';
import { onlyVerified, SupportersByPerson } from '../../src/modules/ranking/verified-supporters';

type Act = [candidate: number, person: string, at: string, rating: number | null];

/** RANKING.md's supporter of a candidate, computed the plain way: sort latest first, take the first act and the first rating. */
function reference(acts: Act[], candidate: number): { at: string; rating: number | null }[] {
  const people = new Map<string, Act[]>();
  for (const a of acts.filter((x) => x[0] === candidate)) people.set(a[1], [...(people.get(a[1]) ?? []), a]);
  return [...people.values()].map((own) => {
    // Latest first; of two acts at the same time, the rated and higher one first (SQLite's ORDER BY at DESC, rating DESC).
    const sorted = [...own].sort((a, b) => (a[2] < b[2] ? 1 : a[2] > b[2] ? -1 : (b[3] ?? 0) - (a[3] ?? 0)));
    return { at: sorted[0]![2], rating: sorted.find((a) => a[3] !== null)?.[3] ?? null };
  });
}

const byAt = (a: { at: string; rating: number | null }, b: { at: string; rating: number | null }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.rating ?? 0) - (b.rating ?? 0));

describe('SupportersByPerson', () => {
  it('counts a person with several browsers once, with their latest act and the rating of their latest rated act', () => {
    const fold = new SupportersByPerson();
    fold.add(1, 'person-1', '2026-01-02T00:00:00Z', 5);
    fold.add(1, 'person-1', '2026-01-05T00:00:00Z', null); // a later unrated act moves the time, not the rating
    fold.add(1, 'person-1', '2026-01-03T00:00:00Z', 2); // the latest rated act
    fold.add(1, 'person-2', '2026-01-01T00:00:00Z', null);
    fold.add(2, 'person-1', '2026-01-01T00:00:00Z', 4);
    expect(fold.supporters(1).sort(byAt)).toEqual([
      { at: '2026-01-01T00:00:00Z', rating: null },
      { at: '2026-01-05T00:00:00Z', rating: 2 },
    ]);
    expect(fold.supporters(3)).toEqual([]);
    const sums = fold.sums(180);
    expect([...sums.keys()].sort()).toEqual([1, 2]);
    expect(sums.get(1)).toEqual(sumsOf(fold.supporters(1), 180));
    expect(sums.get(1)).toMatchObject({ n: 2, ratingSum: 2, ratingCount: 1 });
  });

  it('gives the same supporters as the ordered fold whatever order the acts come in', () => {
    const act = fc.tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('a', 'b', 'c'),
      fc.integer({ min: 1, max: 6 }).map((d) => `2026-01-0${d}T00:00:00Z`),
      fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    );
    fc.assert(
      fc.property(fc.array(act, { maxLength: 30 }), (acts) => {
        const fold = new SupportersByPerson();
        for (const a of acts as Act[]) fold.add(...a);
        for (const candidate of [1, 2, 3]) expect(fold.supporters(candidate).sort(byAt)).toEqual(reference(acts as Act[], candidate).sort(byAt));
      }),
    );
  });
});

describe('onlyVerified', () => {
  it('keeps the candidates verified persons support, in order, with their sums in place of everyone\'s', () => {
    const numbers: CandidateNumbers = {
      id: Int32Array.from([10, 11, 12]),
      stepId: Int32Array.from([1, -1, 2]),
      n: Float64Array.from([9, 5, 3]),
      logDecay: Float64Array.from([200, 190, 180]),
      ratingSum: Float64Array.from([30, 10, 5]),
      ratingCount: Float64Array.from([8, 3, 2]),
      createdAt: Float64Array.from([1000, 2000, 3000]),
    };
    const verified = new Map([
      [12, { n: 1, logDecay: null, ratingSum: 0, ratingCount: 0 }],
      [10, { n: 2, logDecay: 150.5, ratingSum: 7, ratingCount: 2 }],
    ]);
    const only = onlyVerified(numbers, verified);
    expect(Array.from(only.id)).toEqual([10, 12]);
    expect(Array.from(only.stepId)).toEqual([1, 2]);
    expect(Array.from(only.createdAt)).toEqual([1000, 3000]);
    expect(Array.from(only.n)).toEqual([2, 1]);
    expect(Array.from(only.logDecay)).toEqual([150.5, Number.NaN]);
    expect(Array.from(only.ratingSum)).toEqual([7, 0]);
    expect(Array.from(only.ratingCount)).toEqual([2, 0]);
  });
});
