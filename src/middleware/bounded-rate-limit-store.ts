// A rate-limit store for express-rate-limit that holds at most a fixed number of clients. express-rate-limit's own
// MemoryStore keeps every key seen in a window, and a resident's key can be new on every request (a client that drops
// its cookie gets a new one), so a flood of new keys grew the server without bound (#15: some 375 bytes a key).
// Past the bound, the clients least recently seen are forgotten: they start counting afresh, which costs at most
// their remaining allowance, while the per-address limit still holds them.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { LRUCache } from 'lru-cache';

export const DEFAULT_MAX_CLIENTS = 20_000;

interface Window {
  totalHits: number;
  resetTime: Date;
}

export class BoundedMemoryStore implements Store {
  readonly localKeys = true;
  private windowMs = 60_000;
  private readonly clients: LRUCache<string, Window>;

  constructor(maxClients = DEFAULT_MAX_CLIENTS) {
    this.clients = new LRUCache<string, Window>({ max: maxClients });
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  /** How many clients are held now; never more than the bound. */
  get size(): number {
    return this.clients.size;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const window = this.current(key);
    return window && { ...window };
  }

  increment(key: string): ClientRateLimitInfo {
    let window = this.current(key);
    if (!window) {
      window = { totalHits: 0, resetTime: new Date(Date.now() + this.windowMs) };
      this.clients.set(key, window);
    }
    window.totalHits += 1;
    return { ...window };
  }

  decrement(key: string): void {
    const window = this.current(key);
    if (!window) return;
    window.totalHits -= 1;
    // A request that did not count (refused input, a pain point that does not exist) leaves nothing behind.
    if (window.totalHits <= 0) this.clients.delete(key);
  }

  resetKey(key: string): void {
    this.clients.delete(key);
  }

  resetAll(): void {
    this.clients.clear();
  }

  private current(key: string): Window | undefined {
    const window = this.clients.get(key);
    if (window && window.resetTime.getTime() <= Date.now()) {
      this.clients.delete(key);
      return undefined;
    }
    return window;
  }
}
