// SECURITY.md 16 and 21: sign-in is throttled per account+address pair (backoff), per address across accounts and by a
// global failure budget, kept in the database; strangers cannot lock the owner out, the answers do not tell whether the
// e-mail exists, and no raw address is stored. Addresses come from X-Forwarded-For behind one trusted proxy.
import { anonymousAgent, createUser, makeTestApp, TEST_PASSWORD, type Agent, type TestApp, type TestAppOptions } from '../helpers/test-app';

jest.setTimeout(60_000);

const OWNER = 'ola@example.no';
const ATTACKER = '203.0.113.66';
const OWNER_HOME = '198.51.100.10';

/** A test app behind one proxy with a clock the test moves. */
async function throttledApp(options: TestAppOptions = {}) {
  let now = Date.parse('2030-03-01T08:00:00.000Z');
  const t = makeTestApp({ trustProxy: 1, clock: () => new Date(now), ...options });
  await createUser(t.services, { email: OWNER, platformAdmin: true });
  return { t, advance: (ms: number) => (now += ms) };
}

/** One sign-in attempt from `address` with a fresh session, so that a success does not spoil the next one's token. */
async function attempt(t: TestApp, address: string, email: string, password: string) {
  const agent = anonymousAgent(t.app);
  return post(agent, address, email, password);
}

const post = (agent: Agent, address: string, email: string, password: string) =>
  agent.post('/login').set('X-Forwarded-For', address).type('form').send({ email, password });

/** Attempts that reached the password check: each writes `login` or a `login.failed` that was not a refusal. */
function passwordChecks(t: TestApp): number {
  return t.db
    .prepare("SELECT count(*) FROM audit_log WHERE action = 'login' OR (action = 'login.failed' AND json_extract(details, '$.reason') <> 'throttled')")
    .pluck()
    .get() as number;
}

function refusalsNoted(t: TestApp): { entity_id: number | null; details: string }[] {
  return t.db.prepare("SELECT entity_id, details FROM audit_log WHERE json_extract(details, '$.reason') = 'throttled' ORDER BY id").all() as { entity_id: number | null; details: string }[];
}

describe('the wait of one account+address pair', () => {
  it('lets five failures through, then makes that pair wait 1 s, 2 s, 4 s, refusing even the right password unchecked', async () => {
    const { t, advance } = await throttledApp();
    try {
      const agent = anonymousAgent(t.app);
      const wrong = () => post(agent, ATTACKER, OWNER, 'feil-passord');
      for (let i = 0; i < 5; i += 1) expect((await wrong()).status).toBe(401);
      const blocked = await wrong();
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain('For mange forsøk');
      expect(blocked.text).toContain('Prøv igjen om 1 min.');
      expect(blocked.headers['retry-after']).toBe('1');
      expect((await post(agent, ATTACKER, OWNER, TEST_PASSWORD)).status).toBe(429);
      expect(passwordChecks(t)).toBe(5);

      advance(1000);
      expect((await wrong()).status).toBe(401);
      expect((await wrong()).headers['retry-after']).toBe('2');
      advance(1999);
      expect((await wrong()).status).toBe(429);
      advance(1);
      expect((await wrong()).status).toBe(401);
      expect((await wrong()).headers['retry-after']).toBe('4');
      expect(passwordChecks(t)).toBe(7);
      advance(4000);
      expect((await attempt(t, ATTACKER, OWNER, TEST_PASSWORD)).status).toBe(303);
    } finally {
      t.close();
    }
  });

  it('starts the pair afresh after a successful sign-in', async () => {
    const { t } = await throttledApp({ loginLimits: { freePerPair: 3 } });
    try {
      const statuses: number[] = [];
      for (const password of ['feil-1', 'feil-2', TEST_PASSWORD, 'feil-3', 'feil-4', 'feil-5', 'feil-6']) {
        statuses.push((await attempt(t, OWNER_HOME, OWNER, password)).status);
      }
      // Without the reset the fourth failure would already have been the pair's fourth in a row.
      expect(statuses).toEqual([401, 401, 303, 401, 401, 401, 429]);
    } finally {
      t.close();
    }
  });

  it('still makes the pair wait after a restart: the counters are in the database', async () => {
    const { t } = await throttledApp();
    let restarted: TestApp | undefined;
    try {
      for (let i = 0; i < 5; i += 1) expect((await attempt(t, ATTACKER, OWNER, 'feil-passord')).status).toBe(401);
      restarted = t.restart();
      expect((await attempt(restarted, ATTACKER, OWNER, 'feil-passord')).status).toBe(429);
      expect((await attempt(restarted, ATTACKER, OWNER, TEST_PASSWORD)).status).toBe(429);
      expect(passwordChecks(restarted)).toBe(5);
    } finally {
      (restarted ?? t).close();
    }
  });
});

describe('the owner', () => {
  it('signs in at once from another address after an attacker made 50 failures against the account', async () => {
    const { t, advance } = await throttledApp();
    try {
      const agent = anonymousAgent(t.app);
      let failures = 0;
      while (failures < 50) {
        const res = await post(agent, ATTACKER, OWNER, `gjetning-${failures}`);
        if (res.status === 401) failures += 1;
        else advance(Number(res.headers['retry-after']) * 1000);
      }
      expect(passwordChecks(t)).toBe(50);
      // The attacker is waiting right now; the owner, from a place the account has never signed in from, is not.
      expect((await post(agent, ATTACKER, OWNER, 'en-til')).status).toBe(429);
      expect((await attempt(t, OWNER_HOME, OWNER, TEST_PASSWORD)).status).toBe(303);
    } finally {
      t.close();
    }
  });
});

describe('one address spraying many accounts', () => {
  it('is made to wait after twenty failures, while the owner who signed in there before still gets in', async () => {
    const { t } = await throttledApp();
    try {
      const office = '192.0.2.44';
      expect((await attempt(t, office, OWNER, TEST_PASSWORD)).status).toBe(303);
      const agent = anonymousAgent(t.app);
      for (let n = 0; n < 20; n += 1) expect((await post(agent, office, `ansatt${n}@example.no`, 'Sommer2030!')).status).toBe(401);
      const checks = passwordChecks(t);
      expect((await post(agent, office, 'ansatt20@example.no', 'Sommer2030!')).status).toBe(429);
      expect((await post(agent, office, OWNER, 'Sommer2030!')).status).toBe(401); // a known pair: its own wait only
      expect(passwordChecks(t)).toBe(checks + 1);
      // The same new account from elsewhere, and the owner at the sprayed address, are not held up.
      expect((await attempt(t, '192.0.2.45', 'ansatt20@example.no', 'Sommer2030!')).status).toBe(401);
      expect((await attempt(t, office, OWNER, TEST_PASSWORD)).status).toBe(303);
    } finally {
      t.close();
    }
  });
});

describe('the global failure budget', () => {
  it('refuses pairs new to an account before the password check once spent, lets known pairs in, and refills', async () => {
    const { t, advance } = await throttledApp({ loginLimits: { globalBudget: 10 } });
    try {
      expect((await attempt(t, OWNER_HOME, OWNER, TEST_PASSWORD)).status).toBe(303);
      // A distributed spray: every address and every account only once, so no pair or address limit applies.
      for (let n = 0; n < 10; n += 1) expect((await attempt(t, `203.0.113.${n + 1}`, `bruker${n}@example.no`, 'Sommer2030!')).status).toBe(401);
      const checks = passwordChecks(t);
      expect((await attempt(t, '203.0.113.100', 'bruker100@example.no', 'Sommer2030!')).status).toBe(429);
      expect((await attempt(t, '203.0.113.101', OWNER, 'Sommer2030!')).status).toBe(429);
      expect(passwordChecks(t)).toBe(checks);
      // The owner at home is unaffected; from a new place they are asked to wait until the window has room again.
      expect((await attempt(t, OWNER_HOME, OWNER, TEST_PASSWORD)).status).toBe(303);
      const away = await attempt(t, '192.0.2.200', OWNER, TEST_PASSWORD);
      expect(away.status).toBe(429);
      expect(Number(away.headers['retry-after'])).toBeGreaterThan(0);
      advance(Number(away.headers['retry-after']) * 1000);
      expect((await attempt(t, '192.0.2.200', OWNER, TEST_PASSWORD)).status).toBe(303);
      expect(refusalsNoted(t).map((r) => JSON.parse(r.details))).toEqual([{ reason: 'throttled', limit: 'global' }]);
    } finally {
      t.close();
    }
  });
});

describe('what the throttle tells and keeps', () => {
  it('answers an e-mail that exists and one that does not the same way, before and after the wait starts', async () => {
    const { t } = await throttledApp();
    try {
      const answers = async (email: string) => {
        const agent = anonymousAgent(t.app);
        const out: string[] = [];
        for (let i = 0; i < 7; i += 1) {
          const res = await post(agent, ATTACKER, email, 'feil-passord');
          const body = res.text.replace(new RegExp(email, 'g'), 'EMAIL');
          out.push(`${res.status} ${res.headers['retry-after'] ?? '-'} ${body.length}`);
        }
        return out;
      };
      const existing = await answers(OWNER);
      expect(existing.map((a) => a.split(' ')[0])).toEqual(['401', '401', '401', '401', '401', '429', '429']);
      expect(await answers('ingen.her@example.no')).toEqual(existing);
    } finally {
      t.close();
    }
  });

  it('writes a refusal to the audit log once per wait, with the account but without the password', async () => {
    const { t } = await throttledApp();
    try {
      const agent = anonymousAgent(t.app);
      for (let i = 0; i < 5; i += 1) await post(agent, ATTACKER, OWNER, 'feil-passord');
      for (let i = 0; i < 10; i += 1) expect((await post(agent, ATTACKER, OWNER, 'hemmelig-gjetning-9')).status).toBe(429);
      const ownerId = t.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(OWNER) as number;
      const noted = refusalsNoted(t);
      expect(noted).toEqual([{ entity_id: ownerId, details: JSON.stringify({ reason: 'throttled', limit: 'pair' }) }]);
      expect(JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all())).not.toMatch(/hemmelig-gjetning|feil-passord|203\.0\.113/);
    } finally {
      t.close();
    }
  });

  it('stores no raw address and no e-mail of a failed sign-in, only keyed hashes', async () => {
    const { t } = await throttledApp();
    try {
      const ghost = 'spokelse.spray@example.no';
      const address = '198.51.100.23';
      await attempt(t, address, ghost, 'feil-passord');
      await attempt(t, address, OWNER, TEST_PASSWORD);
      // Without X-Forwarded-For the address is the test socket's own (::ffff:127.0.0.1).
      const agent = anonymousAgent(t.app);
      expect((await agent.post('/login').type('form').send({ email: ghost, password: 'feil-passord' })).status).toBe(401);

      const throttleRows = t.db.prepare('SELECT key_hash FROM login_failures UNION ALL SELECT key_hash FROM login_known_pairs').pluck().all() as string[];
      expect(throttleRows.length).toBeGreaterThanOrEqual(3);
      for (const key of throttleRows) expect(key).toMatch(/^[0-9a-f]{64}$/);
      const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      const stored = tables.map((name) => JSON.stringify(t.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
      for (const secret of [address, '127.0.0.1', '::ffff:', ghost]) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
    } finally {
      t.close();
    }
  });
});
