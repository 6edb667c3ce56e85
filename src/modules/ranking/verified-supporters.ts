// Verified supporters (#21.3): the persons behind a candidate who verified themselves with ID-porten, each counted once
// however many browsers (participants) they took part from. Pure folding here; the SQL is in ranking.repository.ts.
import type { CandidateNumbers } from './candidate-numbers';
import { sumsOf, type CandidateSums, type Supporter } from './ranking.math';

interface Person {
  at: string;
  rating: number | null;
  /** The time of the act `rating` comes from. */
  ratedAt: string;
}

/**
 * Folds acts (candidate, person, time, rating) arriving in any order into each candidate's supporters as RANKING.md
 * counts them: one per person, with the time of their latest act and the rating of their latest rated act (of two
 * rated acts at the same time, the higher rating, as the ordered read of ranking.repository.ts picks it).
 */
export class SupportersByPerson {
  private readonly candidates = new Map<number, Map<string, Person>>();

  add(candidateId: number, person: string, at: string, rating: number | null): void {
    let people = this.candidates.get(candidateId);
    if (!people) this.candidates.set(candidateId, (people = new Map()));
    const known = people.get(person);
    if (!known) {
      people.set(person, { at, rating, ratedAt: at });
      return;
    }
    if (at > known.at) known.at = at;
    if (rating !== null && (known.rating === null || at > known.ratedAt || (at === known.ratedAt && rating > known.rating))) {
      known.rating = rating;
      known.ratedAt = at;
    }
  }

  supporters(candidateId: number): Supporter[] {
    return [...(this.candidates.get(candidateId)?.values() ?? [])].map(({ at, rating }) => ({ at, rating }));
  }

  /** Every candidate with at least one verified supporter, and its sums. */
  sums(halfLifeDays: number): Map<number, CandidateSums> {
    const sums = new Map<number, CandidateSums>();
    for (const candidateId of this.candidates.keys()) sums.set(candidateId, sumsOf(this.supporters(candidateId), halfLifeDays));
    return sums;
  }
}

/**
 * The candidates of `numbers` that have verified supporters, with the sums of those supporters in place of everyone's:
 * what the "verified only" view ranks (docs/architecture.md, "Verified supporters"). Order of the columns is kept.
 */
export function onlyVerified(numbers: CandidateNumbers, verified: ReadonlyMap<number, CandidateSums>): CandidateNumbers {
  const kept: number[] = [];
  for (let i = 0; i < numbers.id.length; i += 1) if (verified.has(numbers.id[i]!)) kept.push(i);
  const out: CandidateNumbers = {
    id: new Int32Array(kept.length),
    stepId: new Int32Array(kept.length),
    n: new Float64Array(kept.length),
    logDecay: new Float64Array(kept.length),
    ratingSum: new Float64Array(kept.length),
    ratingCount: new Float64Array(kept.length),
    createdAt: new Float64Array(kept.length),
  };
  kept.forEach((i, at) => {
    const sums = verified.get(numbers.id[i]!)!;
    out.id[at] = numbers.id[i]!;
    out.stepId[at] = numbers.stepId[i]!;
    out.createdAt[at] = numbers.createdAt[i]!;
    out.n[at] = sums.n;
    out.logDecay[at] = sums.logDecay ?? Number.NaN;
    out.ratingSum[at] = sums.ratingSum;
    out.ratingCount[at] = sums.ratingCount;
  });
  return out;
}
