// The sign-in throttle's rules with an injected clock: the backoff schedule, the exact end of a wait, attempts in
// flight counted at once, success giving back its provisional count, and old rows forgotten and purged.
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { DEFAULT_LOGIN_LIMITS, waitAfter, type LoginLimits } from '../../src/modules/sign-in/login-throttle.service';
import { buildServices } from '../../src/services';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function throttle(limits: Partial<LoginLimits> = {}) {
  const db = openDatabase(':memory:');
  migrate(db);
  let now = Date.parse('2030-03-01T08:00:00.000Z');
  const service = buildServices(db, () => new Date(now)).loginThrottle('unit-secret-unit-secret-unit-secret-12', { ...DEFAULT_LOGIN_LIMITS, ...limits });
  return { db, service, advance: (ms: number) => (now += ms) };
}

const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('waitAfter', () => {
  it('is free for the free failures, then 1 s, 2 s, 4 s … capped at 15 minutes', () => {
    const waits = Array.from({ length: 18 }, (_, n) => waitAfter(n + 1, 5, DEFAULT_LOGIN_LIMITS) / SECOND);
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    expect(waitAfter(10_000, 5, DEFAULT_LOGIN_LIMITS)).toBe(15 * MINUTE);
  });
});

describe('LoginThrottleService', () => {
  it('refuses a pair until exactly the end of its wait, with the seconds left', () => {
    const { db, service, advance } = throttle();
    for (let i = 0; i < 5; i += 1) expect(service.begin('ola@example.no', '203.0.113.5').refused).toBe(false);
    const first = service.begin('ola@example.no', '203.0.113.5');
    expect(first).toEqual({ refused: true, limit: 'pair', retryAfterSeconds: 1 });
    advance(999);
    expect(service.begin('OLA@example.no ', '203.0.113.5').refused).toBe(true); // the same account, normalised
    advance(1);
    expect(service.begin('ola@example.no', '203.0.113.5').refused).toBe(false);
    expect(service.begin('ola@example.no', '203.0.113.5')).toEqual({ refused: true, limit: 'pair', retryAfterSeconds: 2 });
    // Other accounts from that address, and the account from another address, are free.
    expect(service.begin('kari@example.no', '203.0.113.5').refused).toBe(false);
    expect(service.begin('ola@example.no', '203.0.113.6').refused).toBe(false);
    db.close();
  });

  it('counts an attempt when it is let through, so a burst of parallel guesses gets only the free ones', () => {
    const { db, service } = throttle();
    const results = Array.from({ length: 10 }, () => service.begin('ola@example.no', '203.0.113.5'));
    expect(results.map((r) => r.refused)).toEqual([false, false, false, false, false, true, true, true, true, true]);
    db.close();
  });

  it('gives back the provisional failure on success: the address and the global budget are as before', async () => {
    const { db, service } = throttle({ globalBudget: 3 });
    for (const email of ['a@example.no', 'b@example.no']) await service.attempt(email, '203.0.113.5', async () => null);
    const before = db.prepare("SELECT failures, last_failure_at FROM login_failures WHERE scope = 'address'").all();
    const ok = await service.attempt('c@example.no', '203.0.113.5', async () => ({ id: 1 }));
    expect(ok).toEqual({ refused: false, result: { id: 1 } });
    expect(db.prepare("SELECT failures, last_failure_at FROM login_failures WHERE scope = 'address'").all()).toEqual(before);
    expect(db.prepare('SELECT sum(failures) FROM login_failure_buckets').pluck().get()).toBe(2);
    // One failure left in the budget for pairs new to their account, however many sign-ins succeed.
    expect((await service.attempt('d@example.no', '198.51.100.1', async () => null)).refused).toBe(false);
    expect(service.begin('e@example.no', '198.51.100.2')).toMatchObject({ refused: true, limit: 'global' });
    db.close();
  });

  it('refuses an address spraying accounts after its free failures, but not an account that signed in there before', async () => {
    const { db, service, advance } = throttle({ freePerAddress: 3 });
    await service.attempt('owner@example.no', '192.0.2.1', async () => ({ id: 7 }));
    for (let n = 0; n < 3; n += 1) await service.attempt(`x${n}@example.no`, '192.0.2.1', async () => null);
    expect(service.begin('x3@example.no', '192.0.2.1')).toEqual({ refused: true, limit: 'address', retryAfterSeconds: 1 });
    expect((await service.attempt('owner@example.no', '192.0.2.1', async () => ({ id: 7 }))).refused).toBe(false);
    advance(SECOND);
    expect(service.begin('x3@example.no', '192.0.2.1').refused).toBe(false);
    db.close();
  });

  it('takes an IPv6 address by its /56, so rotating through one customer prefix does not give fresh counters', () => {
    const { db, service } = throttle({ freePerPair: 2 });
    expect(service.begin('ola@example.no', '2001:db8:1:100::1').refused).toBe(false);
    expect(service.begin('ola@example.no', '2001:db8:1:1ff::2').refused).toBe(false);
    expect(service.begin('ola@example.no', '2001:db8:1:1aa::3').refused).toBe(true);
    expect(service.begin('ola@example.no', '2001:db8:1:200::1').refused).toBe(false);
    db.close();
  });

  it('forgets a counter a window after its wait ended, and purges rows nobody can look at any more', () => {
    const { db, service, advance } = throttle();
    for (let n = 0; n < 200; n += 1) service.begin(`x${n}@example.no`, `203.0.113.${n}`);
    for (let i = 0; i < 6; i += 1) service.begin('ola@example.no', '198.51.100.9');
    expect(count(db, 'login_failures')).toBe(402);
    // Five failures (the sixth was refused) make a wait of 1 s; until a window after it the count still holds.
    advance(SECOND + DEFAULT_LOGIN_LIMITS.windowMs - 1);
    expect(service.begin('ola@example.no', '198.51.100.9').refused).toBe(false);
    expect(service.begin('ola@example.no', '198.51.100.9').refused).toBe(true);
    // Now six, a wait of 2 s: a window after that it is forgotten, and the pair has its five free failures again.
    advance(2 * SECOND + DEFAULT_LOGIN_LIMITS.windowMs);
    for (let i = 0; i < 5; i += 1) expect(service.begin('ola@example.no', '198.51.100.9').refused).toBe(false);
    expect(service.begin('ola@example.no', '198.51.100.9').refused).toBe(true);
    advance(DEFAULT_LOGIN_LIMITS.windowMs + DEFAULT_LOGIN_LIMITS.maxWaitMs + 1);
    service.begin('kari@example.no', '192.0.2.7');
    expect(count(db, 'login_failures')).toBe(2);
    expect(count(db, 'login_failure_buckets')).toBe(1);
    db.close();
  });
});
