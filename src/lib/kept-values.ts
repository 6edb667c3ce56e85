// The one way the portal keeps computed values (#16): an LRU (the lru-cache package) bounded in bytes, whose entries
// are valid for one version of what they were computed from (a municipality's data version, a published version id,
// a ranking moment). A stale entry is recomputed on the next read; the least recently used go first when the bytes
// run out.
import { LRUCache } from 'lru-cache';

export interface KeptValuesOptions<V> {
  /** Bytes the entries may take together, as `sizeOf` counts them. */
  maxBytes: number;
  /** An entry's size in bytes (or in any unit `maxBytes` is given in); `approximateBytes` of value and key by default. */
  sizeOf?: (value: V, key: string) => number;
}

interface Entry<V> {
  version: string | number;
  value: V;
}

export class KeptValues<V> {
  private readonly entries: LRUCache<string, Entry<V>>;

  constructor(options: KeptValuesOptions<V>) {
    const sizeOf = options.sizeOf ?? ((value: V, key: string) => approximateBytes(value) + 2 * key.length);
    this.entries = new LRUCache<string, Entry<V>>({
      maxSize: options.maxBytes,
      // An entry larger than the whole budget is computed and used, but not kept.
      maxEntrySize: options.maxBytes,
      sizeCalculation: (entry, key) => Math.max(1, sizeOf(entry.value, key)),
    });
  }

  /** The kept value for `key` when it was computed for `version`; otherwise `compute()`, kept for next time. */
  get(key: string, version: string | number, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    this.entries.set(key, { version, value });
    return value;
  }

  /** The kept value for `key` and `version`, without computing one. */
  peek(key: string, version: string | number): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.version === version ? hit.value : undefined;
  }

  /** The kept value for `key` with the version it was computed for, whichever that was (the caller checks it). */
  entry(key: string): Readonly<{ version: string | number; value: V }> | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` (again): after a kept value grew in place, so that its size is counted anew. */
  set(key: string, version: string | number, value: V): void {
    this.entries.set(key, { version, value });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes the kept entries take, as counted. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

/** Long lists are measured by a sample of this many items, so that sizing a ranking of 100 000 rows stays cheap. */
const SAMPLE = 32;

/**
 * A rough size in bytes of a value made of plain data: strings, numbers, typed arrays and buffers, arrays, plain
 * objects, maps and sets. It runs only when a value is kept, and measures long lists by a sample of their items.
 */
export function approximateBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  if (ArrayBuffer.isView(value)) return 64 + value.byteLength;
  if (value instanceof Map) return 32 + sampled(first(value.entries()), value.size, ([k, v]) => 16 + approximateBytes(k) + approximateBytes(v));
  if (value instanceof Set) return 32 + sampled(first(value.values()), value.size, (v) => 8 + approximateBytes(v));
  if (Array.isArray(value)) return 32 + sampled(value.slice(0, SAMPLE), value.length, (v) => 8 + approximateBytes(v));
  return 32 + Object.entries(value).reduce((sum, [k, v]) => sum + 8 + k.length + approximateBytes(v), 0);
}

function first<T>(items: Iterable<T>): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length === SAMPLE) break;
    taken.push(item);
  }
  return taken;
}

function sampled<T>(sample: T[], count: number, sizeOf: (item: T) => number): number {
  if (sample.length === 0) return 0;
  const total = sample.reduce((sum, item) => sum + sizeOf(item), 0);
  return Math.round((total / sample.length) * count);
}
