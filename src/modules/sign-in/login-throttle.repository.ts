// SQL for the sign-in throttle: failure counters per pair and per address, failure buckets for the global budget,
// and the account+address pairs that have signed in before (migrations/0011_login_throttle.sql).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export type CounterScope = 'pair' | 'address';

export interface CounterRow {
  failures: number;
  last_failure_at: string;
  noted_failures: number;
}

export interface BucketRow {
  bucket_start: string;
  failures: number;
  refusal_noted: number;
}

export class LoginThrottleRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  /** Check and count in one write transaction, so that parallel guesses see each other's counts. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  counter(scope: CounterScope, key: string): CounterRow | undefined {
    return this.statement('SELECT failures, last_failure_at, noted_failures FROM login_failures WHERE scope = ? AND key_hash = ?')
      .get(scope, key) as CounterRow | undefined;
  }

  putCounter(scope: CounterScope, key: string, row: CounterRow): void {
    this.statement(
      `INSERT INTO login_failures (scope, key_hash, failures, last_failure_at, noted_failures) VALUES (@scope, @key, @failures, @last, @noted)
       ON CONFLICT (scope, key_hash) DO UPDATE SET failures = @failures, last_failure_at = @last, noted_failures = @noted`,
    ).run({ scope, key, failures: row.failures, last: row.last_failure_at, noted: row.noted_failures });
  }

  removeCounter(scope: CounterScope, key: string): void {
    this.statement('DELETE FROM login_failures WHERE scope = ? AND key_hash = ?').run(scope, key);
  }

  noteRefusal(scope: CounterScope, key: string, failures: number): void {
    this.statement('UPDATE login_failures SET noted_failures = ? WHERE scope = ? AND key_hash = ?').run(failures, scope, key);
  }

  /** The buckets that started after `since`, oldest first. */
  bucketsAfter(since: string): BucketRow[] {
    return this.statement('SELECT bucket_start, failures, refusal_noted FROM login_failure_buckets WHERE bucket_start > ? ORDER BY bucket_start')
      .all(since) as BucketRow[];
  }

  addToBucket(bucketStart: string, delta: 1 | -1): void {
    this.statement(
      `INSERT INTO login_failure_buckets (bucket_start, failures) VALUES (@start, max(@delta, 0))
       ON CONFLICT (bucket_start) DO UPDATE SET failures = max(failures + @delta, 0)`,
    ).run({ start: bucketStart, delta });
  }

  noteBucketRefusal(bucketStart: string): void {
    this.statement(
      `INSERT INTO login_failure_buckets (bucket_start, failures, refusal_noted) VALUES (?, 0, 1)
       ON CONFLICT (bucket_start) DO UPDATE SET refusal_noted = 1`,
    ).run(bucketStart);
  }

  isKnownPair(key: string, since: string): boolean {
    return this.statement('SELECT 1 FROM login_known_pairs WHERE key_hash = ? AND succeeded_at >= ?', 'pluck').get(key, since) !== undefined;
  }

  markKnownPair(key: string, at: string): void {
    this.statement('INSERT INTO login_known_pairs (key_hash, succeeded_at) VALUES (?, ?) ON CONFLICT (key_hash) DO UPDATE SET succeeded_at = excluded.succeeded_at')
      .run(key, at);
  }

  /** Deletes what no rule can look at any more, so the tables stay bounded however many keys an attacker uses. */
  purge(before: { failures: string; buckets: string; knownPairs: string }): void {
    this.statement('DELETE FROM login_failures WHERE last_failure_at < ?').run(before.failures);
    this.statement('DELETE FROM login_failure_buckets WHERE bucket_start < ?').run(before.buckets);
    this.statement('DELETE FROM login_known_pairs WHERE succeeded_at < ?').run(before.knownPairs);
  }
}
