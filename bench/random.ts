// Seeded pseudo-random numbers for the benchmark dataset (the generator itself is src/lib/seeded-random.ts), and shares.
export { seededRandom, type Random } from '../src/lib/seeded-random';

export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const shares = raw.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  // The largest remainders get the rest, so the split is exact and stable.
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
