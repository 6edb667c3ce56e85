// SECURITY.md 18-19: votes and flags are limited per participant (and per address) with the limits from the
// municipality's settings, and going over gives a clear, localised 429 page. Behind N proxies the limits key on the
// address N hops in, never on what the client wrote further left in X-Forwarded-For.
import { loadResources } from '../../src/lib/i18n';
import { ADDRESS_FACTOR } from '../../src/middleware/rate-limits';
import { buildJourney } from '../helpers/journeys';
import { resident, type Resident } from '../helpers/residents';
import { anonymousAgent, createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

const texts = loadResources() as unknown as Record<string, { errors: { tooMany: { title: string }; tooManyResident: { body: string } } }>;

/** A municipality with `count` published pain points and the given limits per hour. */
function municipalityWith(t: TestApp, slug: string, limits: { vote_limit_per_hour?: number; flag_limit_per_hour?: number }, count = 4) {
  const id = createMunicipality(t.services, slug);
  t.db.prepare('UPDATE municipalities SET premoderation = 0, vote_limit_per_hour = COALESCE(?, vote_limit_per_hour), flag_limit_per_hour = COALESCE(?, flag_limit_per_hour) WHERE id = ?')
    .run(limits.vote_limit_per_hour ?? null, limits.flag_limit_per_hour ?? null, id);
  const j = buildJourney(t.services, slug, { slug: 'reise', phases: { A: ['a'] }, publish: true });
  const author = t.services.feedback.ensureParticipant(`author-${slug}`);
  const m = t.services.municipalities.bySlug(slug);
  return Array.from({ length: count }, (_, n) => t.services.feedback.submit(author, m, j.journeyId, j.stepIds[0]!, { title: `Smerte ${n}`, body: 'tekst', severity: 3, channel: null }).id);
}

const vote = (r: Resident, slug: string, id: number, headers: Record<string, string> = {}) =>
  r.agent.post(`/${slug}/innspill/${id}/meg-ogsa`).set(headers).type('form').send({ severity: '3' });

describe('resident limits', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  beforeAll(() => (t = makeTestApp()));
  afterAll(() => t.close());

  it.each(['nb', 'nn', 'en'] as const)('gives a clear 429 page in %s after the municipality’s vote limit', async (lang) => {
    const slug = `stemme-${lang}`;
    const ids = municipalityWith(t, slug, { vote_limit_per_hour: 2 });
    const r = await resident(t.app, `/${slug}/reiser/reise`);
    expect((await vote(r, slug, ids[0]!)).status).toBe(303);
    expect((await vote(r, slug, ids[1]!)).status).toBe(303);
    const res = await vote(r, slug, ids[2]!, { 'Accept-Language': lang });
    expect(res.status).toBe(429);
    expect(res.text).toContain(texts[lang]!.errors.tooMany.title);
    expect(res.text).toContain(texts[lang]!.errors.tooManyResident.body);
    expect(t.db.prepare('SELECT COUNT(*) FROM votes WHERE pain_point_id = ?').pluck().get(ids[2])).toBe(0);
  });

  it('gives a clear 429 page after the municipality’s flag limit, and stores no flag beyond it', async () => {
    const ids = municipalityWith(t, 'flagg', { flag_limit_per_hour: 1 });
    const r = await resident(t.app, '/flagg/reiser/reise');
    const flag = (id: number) => r.agent.post(`/flagg/innspill/${id}/rapporter`).type('form').send({ reason: 'spam' });
    expect((await flag(ids[0]!)).status).toBe(303);
    const res = await flag(ids[1]!);
    expect(res.status).toBe(429);
    expect(res.text).toContain(texts.nb!.errors.tooManyResident.body);
    expect(t.db.prepare('SELECT COUNT(*) FROM flags WHERE pain_point_id = ?').pluck().get(ids[1])).toBe(0);
  });

  it('limits an address to a multiple of the participant limit, so one person cannot vote on with fresh cookies', async () => {
    const ids = municipalityWith(t, 'adresse', { vote_limit_per_hour: 1 });
    const statuses: number[] = [];
    for (let n = 0; n <= ADDRESS_FACTOR; n += 1) statuses.push((await vote(await resident(t.app, '/adresse/reiser/reise'), 'adresse', ids[0]!)).status);
    expect(statuses).toEqual([...Array(ADDRESS_FACTOR).fill(303), 429]);
  });
});

describe('trust proxy', () => {
  jest.setTimeout(30_000);

  // Two free failures per address, then a wait far longer than the test, so the third from one address is refused.
  const limits = { freePerAddress: 2, freePerPair: 1000, baseWaitMs: 60 * 60_000 };

  /** Failed sign-ins with the given X-Forwarded-For headers, each on another account; returns the statuses. */
  async function failedLogins(t: TestApp, forwardedFor: string[]): Promise<number[]> {
    const agent = anonymousAgent(t.app);
    const statuses: number[] = [];
    for (const xff of forwardedFor) {
      statuses.push((await agent.post('/login').set('X-Forwarded-For', xff).type('form').send({ email: `x${statuses.length}@example.no`, password: 'wrong-password' })).status);
    }
    return statuses;
  }

  it('is the configured hop count, never true', () => {
    for (const hops of [0, 1, 2]) {
      const t = makeTestApp({ trustProxy: hops });
      expect(t.app.get('trust proxy')).toBe(hops);
      t.close();
    }
  });

  it('keys the login limit on the address two hops in behind two proxies, whatever the client put in front', async () => {
    const t = makeTestApp({ trustProxy: 2, loginLimits: limits });
    // The client 203.0.113.5 reaches the app through a proxy at 10.0.0.1 (and the loopback one of the test).
    const statuses = await failedLogins(t, ['1.1.1.1, 203.0.113.5, 10.0.0.1', '2.2.2.2, 203.0.113.5, 10.0.0.1', '3.3.3.3, 203.0.113.5, 10.0.0.1', '203.0.113.6, 10.0.0.1']);
    expect(statuses).toEqual([401, 401, 429, 401]);
    t.close();
  });

  it('keys on the nearest proxy’s entry behind one proxy', async () => {
    const t = makeTestApp({ trustProxy: 1, loginLimits: limits });
    const statuses = await failedLogins(t, ['203.0.113.5, 198.51.100.7', '203.0.113.6, 198.51.100.7', '198.51.100.7', '198.51.100.8']);
    expect(statuses).toEqual([401, 401, 429, 401]);
    t.close();
  });

  it('ignores X-Forwarded-For without proxies: every request is the socket’s address', async () => {
    const t = makeTestApp({ trustProxy: 0, loginLimits: limits });
    const statuses = await failedLogins(t, ['203.0.113.5', '203.0.113.6', '203.0.113.7']);
    expect(statuses).toEqual([401, 401, 429]);
    t.close();
  });
});

describe('the resident address limit behind a proxy', () => {
  jest.setTimeout(30_000);

  it('counts each client behind the proxy separately', async () => {
    const t = makeTestApp({ trustProxy: 1 });
    const ids = municipalityWith(t, 'proxy', { vote_limit_per_hour: 1 });
    const from = async (client: string) => {
      const r = await resident(t.app, '/proxy/reiser/reise');
      return (await vote(r, 'proxy', ids[0]!, { 'X-Forwarded-For': client })).status;
    };
    const statuses: number[] = [];
    for (let n = 0; n <= ADDRESS_FACTOR; n += 1) statuses.push(await from('203.0.113.5'));
    expect(statuses).toEqual([...Array(ADDRESS_FACTOR).fill(303), 429]);
    expect(await from('203.0.113.9')).toBe(303);
    t.close();
  });
});
