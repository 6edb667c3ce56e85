// Sign-in throttling (SECURITY.md 16): slows password guessing per account+address pair and per address, and bounds
// the failures the whole portal lets reach the password check, without letting strangers lock an owner out.
// Free of req/res: it gets an e-mail, an address and the password check to run.
import crypto from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';
import type { AuditService } from '../audit/audit.service';
import { normaliseEmail } from './auth.service';
import type { BucketRow, CounterRow, CounterScope, LoginThrottleRepository } from './login-throttle.repository';

export interface LoginLimits {
  /** Failures one address may make on one account before each further attempt of that pair has to wait. */
  freePerPair: number;
  /** Failures one address may make across all accounts before its attempts on accounts new to it have to wait. */
  freePerAddress: number;
  /** The first wait; every further failure doubles it, up to maxWaitMs. */
  baseWaitMs: number;
  maxWaitMs: number;
  /** A counter is forgotten once it has been quiet this long after its wait ended; also the global budget's span. */
  windowMs: number;
  /** Failures across all accounts and addresses per window beyond which only known pairs reach the password check. */
  globalBudget: number;
  /** How long a successful sign-in keeps its account+address pair known. */
  knownPairMs: number;
}

const MINUTE_MS = 60 * 1000;
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freePerPair: 5,
  freePerAddress: 20,
  baseWaitMs: 1000,
  maxWaitMs: 15 * MINUTE_MS,
  windowMs: 15 * MINUTE_MS,
  globalBudget: 1000,
  knownPairMs: 90 * 24 * 60 * MINUTE_MS,
};

/** The global budget is summed over this many buckets per window: a sliding window in a bounded number of rows. */
const BUCKETS_PER_WINDOW = 15;

/** How long a key with this many failures waits after its last one: nothing while free, then 1, 2, 4 … × base. */
export function waitAfter(failures: number, free: number, limits: Pick<LoginLimits, 'baseWaitMs' | 'maxWaitMs'>): number {
  if (failures < free) return 0;
  return Math.min(limits.baseWaitMs * 2 ** Math.min(failures - free, 40), limits.maxWaitMs);
}

export type ThrottleLimit = 'pair' | 'address' | 'global';
export interface LoginRefusal {
  refused: true;
  limit: ThrottleLimit;
  retryAfterSeconds: number;
}
/** An attempt let through to the password check; already counted as a failure until succeeded() says otherwise. */
export interface LoginTicket {
  refused: false;
  pairKey: string;
  addressKey: string;
  bucketStart: string;
  at: string;
  addressLastBefore: string | null;
}
export type LoginAttempt<T> = LoginRefusal | { refused: false; result: T | null };

const iso = (ms: number) => new Date(ms).toISOString();

export class LoginThrottleService {
  private readonly key: Buffer;
  private readonly bucketMs: number;

  constructor(
    private readonly repo: LoginThrottleRepository,
    private readonly audit: AuditService,
    private readonly accountIdOf: (normalisedEmail: string) => number | undefined,
    secret: string,
    private readonly limits: LoginLimits,
    private readonly clock: () => Date,
  ) {
    // A key of its own, so these hashes match no other keyed hash made from the session secret. Rotating the secret
    // forgets every counter and known pair: the cost is a fresh start for the throttle, nothing else.
    this.key = Buffer.from(crypto.hkdfSync('sha256', secret, '', 'reisekart login throttle', 32));
    this.bucketMs = Math.max(1000, Math.floor(limits.windowMs / BUCKETS_PER_WINDOW));
  }

  /** Runs `check` (the password check) unless the attempt is refused; a non-null result is a successful sign-in. */
  async attempt<T>(email: string, address: string, check: () => Promise<T | null>): Promise<LoginAttempt<T>> {
    const gate = this.begin(email, address);
    if (gate.refused) return gate;
    const result = await check();
    if (result !== null) this.succeeded(gate);
    return { refused: false, result };
  }

  /**
   * Refuses the attempt, or lets it through and counts it as a failure at once: parallel guesses then see each other,
   * where counting after the password check would let a burst all reach it. The keys hide whether the e-mail exists.
   */
  begin(email: string, address: string): LoginRefusal | LoginTicket {
    const now = this.clock().getTime();
    const at = iso(now);
    const account = normaliseEmail(email);
    // IPv6 by its /56, as express-rate-limit does: one customer gets a whole prefix to rotate through.
    const place = ipKeyGenerator(address);
    const pairKey = this.hash('pair', account, place);
    const addressKey = this.hash('address', place);
    const { windowMs, maxWaitMs, knownPairMs, freePerPair, freePerAddress } = this.limits;

    return this.repo.transaction((): LoginRefusal | LoginTicket => {
      this.repo.purge({ failures: iso(now - windowMs - maxWaitMs), buckets: iso(now - windowMs - this.bucketMs), knownPairs: iso(now - knownPairMs) });
      // The pair's own wait holds even where the owner signed in before: a guesser may share the owner's address.
      const pair = this.live(this.repo.counter('pair', pairKey), freePerPair, now);
      const pairWait = this.waitLeft(pair, freePerPair, now);
      if (pair && pairWait > 0) return this.refuse('pair', pairKey, pair, pairWait, account);

      const address = this.live(this.repo.counter('address', addressKey), freePerAddress, now);
      // Where this account signed in before is the owner's place: spraying from it, or from everywhere, must not
      // keep the owner out of their own account there.
      if (!this.repo.isKnownPair(pairKey, iso(now - knownPairMs))) {
        const addressWait = this.waitLeft(address, freePerAddress, now);
        if (address && addressWait > 0) return this.refuse('address', addressKey, address, addressWait, account);
        // The global budget: beyond it a distributed spray, where every address and pair is still free, no longer
        // reaches argon2 at all. What it costs the owner: signing in from a place new to the account (a new device
        // network, travel) during such an attack may be refused with a 429 until the window has room again, at most
        // one window. Their known places are unaffected.
        const buckets = this.repo.bucketsAfter(iso(now - windowMs));
        const failures = buckets.reduce((sum, b) => sum + b.failures, 0);
        if (failures >= this.limits.globalBudget) return this.refuseGlobal(buckets, now, account);
      }

      this.repo.putCounter('pair', pairKey, { failures: (pair?.failures ?? 0) + 1, last_failure_at: at, noted_failures: pair?.noted_failures ?? 0 });
      this.repo.putCounter('address', addressKey, { failures: (address?.failures ?? 0) + 1, last_failure_at: at, noted_failures: address?.noted_failures ?? 0 });
      const bucketStart = this.bucketOf(now);
      this.repo.addToBucket(bucketStart, 1);
      return { refused: false, pairKey, addressKey, bucketStart, at, addressLastBefore: address?.last_failure_at ?? null };
    });
  }

  /** A successful sign-in: the pair starts afresh and becomes known, and the provisional failure is given back. */
  succeeded(ticket: LoginTicket): void {
    this.repo.transaction(() => {
      this.repo.removeCounter('pair', ticket.pairKey);
      this.repo.markKnownPair(ticket.pairKey, iso(this.clock().getTime()));
      const address = this.repo.counter('address', ticket.addressKey);
      if (address && address.failures > 1) {
        // The time goes back too, unless a failure came since, so that a sign-in never lengthens the address's wait.
        const last = address.last_failure_at === ticket.at && ticket.addressLastBefore ? ticket.addressLastBefore : address.last_failure_at;
        this.repo.putCounter('address', ticket.addressKey, { failures: address.failures - 1, last_failure_at: last, noted_failures: Math.min(address.noted_failures, address.failures - 1) });
      } else if (address) {
        this.repo.removeCounter('address', ticket.addressKey);
      }
      this.repo.addToBucket(ticket.bucketStart, -1);
    });
  }

  private hash(...parts: string[]): string {
    return crypto.createHmac('sha256', this.key).update(JSON.stringify(parts)).digest('hex');
  }

  private bucketOf(now: number): string {
    return iso(Math.floor(now / this.bucketMs) * this.bucketMs);
  }

  /** The row while it still counts: quiet for a whole window after its wait ended, it is forgotten. */
  private live(row: CounterRow | undefined, free: number, now: number): CounterRow | undefined {
    if (!row) return undefined;
    return now < Date.parse(row.last_failure_at) + waitAfter(row.failures, free, this.limits) + this.limits.windowMs ? row : undefined;
  }

  private waitLeft(row: CounterRow | undefined, free: number, now: number): number {
    return row ? Math.max(0, Date.parse(row.last_failure_at) + waitAfter(row.failures, free, this.limits) - now) : 0;
  }

  private refuse(scope: CounterScope, key: string, row: CounterRow, waitMs: number, account: string): LoginRefusal {
    // One audit entry per wait, not per request: a flood of refusals must cost no write (each is an fsync).
    if (row.noted_failures < row.failures) {
      this.repo.noteRefusal(scope, key, row.failures);
      this.recordRefusal(scope, account);
    }
    return { refused: true, limit: scope, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  private refuseGlobal(buckets: BucketRow[], now: number, account: string): LoginRefusal {
    const current = this.bucketOf(now);
    if (!buckets.find((b) => b.bucket_start === current)?.refusal_noted) {
      this.repo.noteBucketRefusal(current);
      this.recordRefusal('global', account);
    }
    // Room comes back when the oldest counted failures leave the window.
    const oldest = buckets.find((b) => b.failures > 0);
    const waitMs = oldest ? Date.parse(oldest.bucket_start) + this.limits.windowMs - now : this.bucketMs;
    return { refused: true, limit: 'global', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Recorded as a failed sign-in whose reason is the throttle; never with the password, the address or the e-mail. */
  private recordRefusal(limit: ThrottleLimit, account: string): void {
    const userId = this.accountIdOf(account);
    this.audit.record({
      actorUserId: null,
      municipalityId: null,
      action: 'login.failed',
      entityType: userId === undefined ? undefined : 'user',
      entityId: userId,
      details: { reason: 'throttled', limit },
    });
  }
}
