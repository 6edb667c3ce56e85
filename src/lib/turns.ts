// Long work done in turns (#17): while one piece of work holds the event loop, the process serves no one else, so work
// over a whole municipality (100 000 candidates) gives the loop back every few milliseconds: at most 50 ms at a time,
// whatever the data's size.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Gives the event loop back once: between two pieces of work that are each short but long together. */
export { nextTurn };

/** How long one turn may run before it lets waiting requests in. */
export const TURN_MS = 8;

/** Measures a turn of work: `due()` once it has run long enough, then `await next()` lets the loop run others. */
export class Turns {
  private until = performance.now() + TURN_MS;

  due(): boolean {
    return performance.now() >= this.until;
  }

  async next(): Promise<void> {
    await nextTurn();
    this.started();
  }

  /** A new turn begins now: after the caller gave the loop back in its own way (waiting for a stream, say). */
  started(): void {
    this.until = performance.now() + TURN_MS;
  }
}

/** Runs `work(i)` for i in [0, count), giving the loop back between turns; checks the time every `check` items. */
export async function forEachInTurns(count: number, work: (i: number) => void, check = 1024): Promise<void> {
  const turns = new Turns();
  for (let i = 0; i < count; i += 1) {
    work(i);
    if (i % check === check - 1 && turns.due()) await turns.next();
  }
}

/** Elements one sorted run holds: a typed-array sort of this many takes a few milliseconds. */
const RUN = 8192;

/**
 * Sorts positions by `compare` as `Int32Array.prototype.sort` would, in turns: runs of RUN sorted one per turn, then
 * merged pairwise, a turn at a time. `compare` must be a total order (the candidate orders end with the id).
 */
export async function sortInTurns(items: Int32Array, compare: (a: number, b: number) => number): Promise<Int32Array> {
  const n = items.length;
  const turns = new Turns();
  for (let start = 0; start < n; start += RUN) {
    items.subarray(start, Math.min(start + RUN, n)).sort(compare);
    if (turns.due()) await turns.next();
  }
  let from: Int32Array = items;
  let to: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) {
        if (compare(from[a]!, from[b]!) <= 0) to[k++] = from[a++]!;
        else to[k++] = from[b++]!;
        if ((k & 4095) === 0 && turns.due()) await turns.next();
      }
      while (a < mid) to[k++] = from[a++]!;
      while (b < hi) to[k++] = from[b++]!;
    }
    [from, to] = [to, from];
  }
  return from;
}
