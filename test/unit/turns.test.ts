// #17: long work over a whole municipality gives the event loop back between turns, and gives the same answer as
// doing it in one go.
import { seededRandom as random } from '../../src/lib/seeded-random';
import { forEachInTurns, sortInTurns, Turns, TURN_MS } from '../../src/lib/turns';

describe('sortInTurns', () => {
  it.each([0, 1, 2, 8191, 8192, 8193, 20_000, 100_003])('sorts %i positions as a sort in one go does', async (n) => {
    const next = random(n + 1);
    // Few distinct keys, so the tie-breaker (the id) decides often, as equal need scores do.
    const key = Float64Array.from({ length: n }, () => Math.floor(next() * 50));
    const compare = (a: number, b: number) => key[b]! - key[a]! || a - b;
    const positions = () => Int32Array.from({ length: n }, (_, i) => i);
    expect(Array.from(await sortInTurns(positions(), compare))).toEqual(Array.from(positions().sort(compare)));
  });

  it('lets other work in while it sorts a large array', async () => {
    const n = 400_000;
    const next = random(7);
    const key = Float64Array.from({ length: n }, () => next());
    let others = 0;
    const other = setInterval(() => (others += 1), 1);
    try {
      await sortInTurns(Int32Array.from({ length: n }, (_, i) => i), (a, b) => key[a]! - key[b]! || a - b);
    } finally {
      clearInterval(other);
    }
    expect(others).toBeGreaterThan(0);
  });
});

describe('forEachInTurns', () => {
  it('visits every index once, in order, and lets other work in between turns', async () => {
    const seen: number[] = [];
    let others = 0;
    const other = setInterval(() => (others += 1), 1);
    try {
      await forEachInTurns(100_000, (i) => {
        seen.push(i);
        // A millisecond of work every thousand items: some 100 ms in all, many turns.
        if (i % 1000 === 0) for (const until = performance.now() + 1; performance.now() < until; );
      });
    } finally {
      clearInterval(other);
    }
    expect(seen).toHaveLength(100_000);
    expect(seen.every((v, i) => v === i)).toBe(true);
    expect(others).toBeGreaterThan(0);
  });
});

describe('Turns', () => {
  it('is due once its turn has run long enough, and starts a new turn after giving the loop back', async () => {
    const turns = new Turns();
    expect(turns.due()).toBe(false);
    const until = performance.now() + TURN_MS + 1;
    while (performance.now() < until);
    expect(turns.due()).toBe(true);
    await turns.next();
    expect(turns.due()).toBe(false);
  });
});
