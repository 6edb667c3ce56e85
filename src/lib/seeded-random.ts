// Seeded pseudo-random numbers (mulberry32): the same sequence from the same seed on every run and machine, for the
// demo content, the benchmark's dataset and tests that must be replayable.
export interface Random {
  (): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let a = seed | 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (maxExclusive) => Math.floor(next() * maxExclusive);
  next.pick = (items) => items[next.int(items.length)]!;
  return next;
}

/** Splits `total` into whole shares proportional to `weights`, summing exactly to `total`. */
