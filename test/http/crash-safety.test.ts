// SECURITY.md 24: `kill -9` of the real server during a stream of votes loses no vote that was answered with success,
// and the database passes `PRAGMA integrity_check` after a restart. Repeated, each round on the restarted server.
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { participantCookies, participantKeyHash } from '../../src/modules/feedback/participant-key';
import { buildServices } from '../../src/services';
import { baseUrlOf, startServer, tempDb, type ChildServer } from '../helpers/child-server';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality } from '../helpers/test-app';

const SECRET = 'crash-test-secret-crash-test-secret-1234';
const ROUNDS = 3;
const PARTICIPANTS = 40;
const IN_FLIGHT = 10;

/** A municipality with one published journey and a few published pain points to vote on. */
function prepareDatabase(dbPath: string): number[] {
  const db = openDatabase(dbPath);
  migrate(db);
  const services = buildServices(db);
  const id = createMunicipality(services, 'krasj');
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(id);
  const j = buildJourney(services, 'krasj', { slug: 'reise', phases: { A: ['a'] }, publish: true });
  const author = services.feedback.ensureParticipant('author');
  const m = services.municipalities.bySlug('krasj');
  const ids = [1, 2, 3].map((n) => services.feedback.submit(author, m, j.journeyId, j.stepIds[0]!, { title: `Smerte ${n}`, body: 'tekst', severity: 3, channel: null }).id);
  db.close();
  return ids;
}

/** One resident: open the pain point, then say "me too" (no token: Fetch Metadata guards residents' forms). The participant value on success. */
async function vote(base: string, painPointId: number): Promise<string | null> {
  try {
    const page = await fetch(`${base}/krasj/innspill/${painPointId}`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await page.text();
    const body = new URLSearchParams({ severity: '4' });
    const res = await fetch(`${base}/krasj/innspill/${painPointId}/meg-ogsa`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
    if (res.status !== 303) return null;
    const issued = res.headers.getSetCookie().find((c) => c.startsWith('rk.p='))!.split(';')[0]!.slice('rk.p='.length);
    return participantCookies(SECRET).read(decodeURIComponent(issued));
  } catch {
    return null; // the server died under this request: no success was answered
  }
}

/** Sends votes from many participants, IN_FLIGHT at a time, and kills the server with SIGKILL after `killAfter` successes. */
async function voteUntilKilled(server: ChildServer, base: string, painPoints: number[], killAfter: number) {
  const answered: { painPointId: number; participant: string }[] = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < PARTICIPANTS) {
      const painPointId = painPoints[next++ % painPoints.length]!;
      const participant = await vote(base, painPointId);
      if (participant === null) failed += 1;
      else answered.push({ painPointId, participant });
      if (answered.length === killAfter) server.child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // Too few successes to reach the kill: stop the server anyway, so the test fails on the count instead of hanging.
  if (server.child.exitCode === null && !server.child.killed) server.child.kill('SIGKILL');
  return { answered, failed };
}

describe('crash safety', () => {
  jest.setTimeout(90_000);

  it('runs the database with WAL and synchronous=FULL, so an answered write is on disk', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it(`keeps every answered vote through ${ROUNDS} rounds of kill -9 and restart`, async () => {
    const dbPath = tempDb();
    const painPoints = prepareDatabase(dbPath);
    const env = { DATABASE_PATH: dbPath, SEED_DEMO: 'off', SESSION_SECRET: SECRET };
    let server = startServer(env);
    const everyAnswered: { painPointId: number; participant: string }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const base = await baseUrlOf(server);
      const { answered, failed } = await voteUntilKilled(server, base, painPoints, 10 + round * 7);
      expect(await server.exited).toBeNull(); // killed by the signal, not a clean exit
      // Mid-stream: some votes were answered, and some requests were cut off.
      expect(answered.length).toBeGreaterThanOrEqual(10 + round * 7);
      expect(failed).toBeGreaterThan(0);
      everyAnswered.push(...answered);

      server = startServer(env);
      await baseUrlOf(server);
      const db = new Database(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const find = db.prepare('SELECT COUNT(*) FROM votes v JOIN participants p ON p.id = v.participant_id WHERE p.key_hash = ? AND v.pain_point_id = ?').pluck();
      const lost = everyAnswered.filter((a) => find.get(participantKeyHash(SECRET, a.participant), a.painPointId) !== 1);
      expect(lost).toEqual([]);
      db.close();
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
