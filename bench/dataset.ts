// Generates the benchmark's dataset: municipalities, published journeys, participants, pain points, votes, merges
// and official answers, deterministic from a seed. Journeys go through the project's own services (import and
// publish, as a designer would); the bulk of feedback is bulk SQL in transactions, then the ranking's maintained
// sums are rebuilt by the ranking service itself, so the server reads exactly what it would have built.
import crypto from 'node:crypto';
import type { Db } from '../src/db/connection';
import { loadDemoJourneys } from '../src/modules/demo/demo-content.loader';
import { JourneyDocumentSchema, type JourneyDocumentInput } from '../src/modules/journeys/journey-document.schema';
import { buildServices } from '../src/services';
import { apportion, seededRandom, type Random } from './random';

/** The demo's journeys (demo/journeys/), of which every benchmark municipality publishes variants. */
const DEMO_JOURNEYS = loadDemoJourneys();

export interface Scale {
  municipalities: number;
  journeysPerMunicipality: number;
  painPoints: number;
  /** Pain points of the largest municipality (the export scenario reads all its candidates). */
  largestPainPoints: number;
  votes: number;
  participants: number;
}

export const NATIONAL: Scale = {
  municipalities: 357,
  journeysPerMunicipality: 10,
  painPoints: 200_000,
  // About 91 % end up published candidates, so the largest municipality exports some 100 000 of them.
  largestPainPoints: 110_000,
  votes: 2_000_000,
  participants: 500_000,
};

export const SMOKE: Scale = {
  municipalities: 3,
  journeysPerMunicipality: 2,
  painPoints: 400,
  largestPainPoints: 200,
  votes: 3_000,
  participants: 600,
};

/** Everything is dated relative to this moment, so the data is the same whenever it is generated. */
export const ANCHOR = new Date('2026-11-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const SPAN_DAYS = 730;
export const BENCH_PASSWORD = 'benchmark-analyst-passord-2026';

export interface Dataset {
  largest: { slug: string; id: number; candidates: number };
  journeySlug: string;
  /** The step of the largest municipality with the most published pain points. */
  busyStep: { id: number; painPoints: number };
  analystEmail: string;
  counts: Record<'municipalities' | 'journeys' | 'steps' | 'participants' | 'painPoints' | 'votes' | 'merged' | 'answers', number>;
  seconds: Record<'journeys' | 'participants' | 'painPoints' | 'votes' | 'ranking' | 'total', number>;
}

export type Progress = (phase: string, done: number, total: number) => void;

const STATUS_WEIGHTS = { published: 0.88, pending: 0.04, rejected: 0.03, merged: 0.05 };
const ANSWER_SHARE = 0.1;
const ANSWER_STATUSES = ['under_review', 'planned', 'in_progress', 'solved', 'declined'] as const;
const CHANNELS = ['digital', 'phone', 'in_person', 'letter', 'email', 'other'] as const;
const TOPICS = ['Skjemaet', 'Brevet', 'Nettsiden', 'Telefonkøen', 'Saksbehandlingen', 'Vedtaket', 'Timebestillingen', 'Innloggingen'];
const PROBLEMS = ['var vanskelig å forstå', 'tok altfor lang tid', 'ga motstridende beskjeder', 'krevde papirer jeg allerede hadde levert', 'manglet informasjon om frister', 'fungerte ikke på mobil'];

export async function generateDataset(db: Db, scale: Scale, seed: number, progress: Progress = () => {}): Promise<Dataset> {
  const rnd = seededRandom(seed);
  const started = performance.now();
  const seconds = {} as Dataset['seconds'];
  const lap = (key: keyof Dataset['seconds'], since: number) => (seconds[key] = round((performance.now() - since) / 1000));
  // Generation only: nothing here needs to survive a power cut, and the cache keeps the vote index in memory.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const services = buildServices(db, () => ANCHOR);

  let t = performance.now();
  const municipalities = createMunicipalities(db, services, scale, progress);
  lap('journeys', t);
  const steps = db.prepare("SELECT s.id, s.journey_id, j.municipality_id FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.removed_at IS NULL").all() as { id: number; journey_id: number; municipality_id: number }[];
  const stepsOf = groupBy(steps, (s) => s.municipality_id);

  // The largest municipality first, the rest shaped like Norway: a few large, many small (Zipf weights).
  const weights = municipalities.map((_, i) => (i === 0 ? 0 : 1 / Math.pow(i, 0.9)));
  const painShares = [scale.largestPainPoints, ...apportion(scale.painPoints - scale.largestPainPoints, weights.slice(1))];
  const participantShares = apportion(scale.participants, painShares);

  t = performance.now();
  const pools = insertParticipants(db, municipalities, participantShares, progress);
  lap('participants', t);

  t = performance.now();
  const painPoints = insertPainPoints(db, rnd, municipalities, painShares, stepsOf, pools, progress);
  lap('painPoints', t);

  t = performance.now();
  const votes = insertVotes(db, rnd, painPoints, pools, scale.votes, progress);
  lap('votes', t);

  t = performance.now();
  municipalities.forEach((m, i) => {
    services.ranking.rebuild(m.id);
    progress('ranking', i + 1, municipalities.length);
  });
  lap('ranking', t);

  const largest = municipalities[0]!;
  const analystEmail = 'analytiker@benchmark.example';
  await services.staff.createUser({ email: analystEmail, name: 'Benchmark analytiker', password: BENCH_PASSWORD, platformAdmin: false, membership: { municipalityId: largest.id, roles: ['analyst'] } });
  db.pragma('synchronous = FULL');
  lap('total', started);

  const busyStep = db
    .prepare(
      `SELECT step_id AS id, count(*) AS painPoints FROM pain_points WHERE municipality_id = ? AND moderation_status = 'published' AND step_id IS NOT NULL
       GROUP BY step_id ORDER BY painPoints DESC, step_id LIMIT 1`,
    )
    .get(largest.id) as { id: number; painPoints: number };
  const journeySlug = db.prepare('SELECT j.public_slug FROM steps s JOIN journeys j ON j.id = s.journey_id WHERE s.id = ?').pluck().get(busyStep.id) as string;
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    largest: { slug: largest.slug, id: largest.id, candidates: count(`SELECT count(*) FROM candidate_stats WHERE municipality_id = ${largest.id}`) },
    journeySlug,
    busyStep,
    analystEmail,
    counts: {
      municipalities: municipalities.length,
      journeys: count('SELECT count(*) FROM journeys'),
      steps: steps.length,
      participants: count('SELECT count(*) FROM participants'),
      painPoints: count('SELECT count(*) FROM pain_points'),
      votes,
      merged: count("SELECT count(*) FROM pain_points WHERE moderation_status = 'merged'"),
      answers: count('SELECT count(*) FROM pain_points WHERE response_by_moderator = 1'),
    },
    seconds,
  };
}

type Services = ReturnType<typeof buildServices>;
interface Municipality {
  id: number;
  slug: string;
}

/** Municipalities with generous resident limits (a setting) and published journeys, through the editor's import and publish. */
function createMunicipalities(db: Db, services: Services, scale: Scale, progress: Progress): Municipality[] {
  const created: Municipality[] = [];
  const limits = db.prepare('UPDATE municipalities SET report_limit_per_hour = 1000, vote_limit_per_hour = 10000, flag_limit_per_hour = 1000 WHERE id = ?');
  for (let i = 0; i < scale.municipalities; i += 1) {
    const slug = `kommune-${String(i + 1).padStart(3, '0')}`;
    db.transaction(() => {
      const id = services.municipalities.create(null, { slug, name: `Kommune ${i + 1}`, kommunenummer: String(1000 + i), defaultLocale: 'nb' });
      for (let j = 0; j < scale.journeysPerMunicipality; j += 1) {
        const journeyId = services.journeyEditor.importDocument(null, id, JourneyDocumentSchema.parse(variant(DEMO_JOURNEYS[j % DEMO_JOURNEYS.length]!, j)));
        services.journeyEditor.publish(null, id, journeyId);
      }
      limits.run(id);
      created.push({ id, slug });
    })();
    progress('journeys', i + 1, scale.municipalities);
  }
  return created;
}

/** The j-th copy of a demo journey: its own slug and title, the same phases and steps. */
function variant(doc: JourneyDocumentInput, j: number): JourneyDocumentInput {
  if (j < DEMO_JOURNEYS.length) return doc;
  const round = Math.floor(j / DEMO_JOURNEYS.length) + 1;
  return { ...doc, journey: { ...doc.journey, slug: `${doc.journey.slug}-${round}`, title: `${doc.journey.title} (${round})` } };
}

/** Each municipality's residents are one contiguous range of participant ids. */
interface Pool {
  first: number;
  size: number;
}

function insertParticipants(db: Db, municipalities: Municipality[], shares: number[], progress: Progress): Pool[] {
  const insert = db.prepare('INSERT INTO participants (key_hash, created_at) VALUES (?, ?)');
  const total = shares.reduce((a, b) => a + b, 0);
  const created = new Date(ANCHOR.getTime() - SPAN_DAYS * DAY_MS).toISOString();
  let done = 0;
  return db.transaction(() =>
    municipalities.map((_, i) => {
      let first = 0;
      for (let k = 0; k < shares[i]!; k += 1) {
        const id = Number(insert.run(crypto.createHash('sha256').update(`bench-participant-${done}`).digest('hex'), created).lastInsertRowid);
        if (k === 0) first = id;
        done += 1;
        if (done % 10_000 === 0) progress('participants', done, total);
      }
      return { first, size: shares[i]! };
    }),
  )();
}

interface PainPoint {
  id: number;
  municipalityIndex: number;
  submitter: number;
  createdDay: number;
  counts: boolean;
}

function insertPainPoints(
  db: Db,
  rnd: Random,
  municipalities: Municipality[],
  shares: number[],
  stepsOf: Map<number, { id: number; journey_id: number }[]>,
  pools: Pool[],
  progress: Progress,
): PainPoint[] {
  const insert = db.prepare(
    `INSERT INTO pain_points (municipality_id, journey_id, step_id, participant_id, title, body, severity, channel, moderation_status,
       rejection_reason, merged_into_id, response_status, response_text, response_at, response_by_moderator, created_at, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare('INSERT INTO pain_point_events (pain_point_id, journey_id, response_status, response_text, at) VALUES (?, ?, ?, ?, ?)');
  const total = shares.reduce((a, b) => a + b, 0);
  const all: PainPoint[] = [];
  db.transaction(() => {
    municipalities.forEach((m, mi) => {
      const steps = stepsOf.get(m.id)!;
      // Published pain points per journey, for duplicates to be merged into.
      const targets = new Map<number, { id: number; day: number }[]>();
      for (let k = 0; k < shares[mi]!; k += 1) {
        const step = rnd.pick(steps);
        const day = rnd.int(SPAN_DAYS);
        const status = pickStatus(rnd, day);
        const sameJourney = targets.get(step.journey_id) ?? [];
        const target = status === 'merged' ? sameJourney.find((t) => t.day <= day) : undefined;
        const moderation = status === 'merged' && !target ? 'published' : status;
        const answered = moderation === 'published' && rnd() < ANSWER_SHARE;
        const answerStatus = answered ? rnd.pick(ANSWER_STATUSES) : 'received';
        const answerText = answered ? `Takk for innspillet. ${rnd.pick(TOPICS)} er tatt opp med fagavdelingen.` : '';
        const created = dayToIso(day);
        const answeredAt = answered ? dayToIso(Math.min(SPAN_DAYS, day + 14)) : null;
        const submitter = pools[mi]!.first + rnd.int(pools[mi]!.size);
        const topic = rnd.pick(TOPICS);
        const problem = rnd.pick(PROBLEMS);
        const id = Number(
          insert.run(
            m.id, step.journey_id, rnd() < 0.05 ? null : step.id, submitter,
            `${topic} ${problem}`, `${topic} ${problem}, og jeg måtte ta kontakt flere ganger før jeg fikk svar. (${k})`,
            1 + rnd.int(5), rnd.pick(CHANNELS), moderation, moderation === 'rejected' ? 'Innspillet handler ikke om denne tjenesten.' : '',
            moderation === 'merged' ? target!.id : null, answerStatus, answerText, answeredAt, answered ? 1 : 0,
            created, moderation === 'published' || moderation === 'merged' ? created : null,
          ).lastInsertRowid,
        );
        event.run(id, step.journey_id, 'received', '', created);
        if (answered) event.run(id, step.journey_id, answerStatus, answerText, answeredAt);
        if (moderation === 'published') {
          sameJourney.push({ id, day });
          if (sameJourney.length > 200) sameJourney.shift();
          targets.set(step.journey_id, sameJourney);
        }
        all.push({ id, municipalityIndex: mi, submitter, createdDay: day, counts: moderation === 'published' || moderation === 'merged' });
        if (all.length % 5_000 === 0) progress('pain points', all.length, total);
      }
    });
  })();
  return all;
}

function pickStatus(rnd: Random, day: number): keyof typeof STATUS_WEIGHTS {
  // Only recent reports still wait for a moderator.
  if (day > SPAN_DAYS - 10 && rnd() < STATUS_WEIGHTS.pending * 20) return 'pending';
  const r = rnd();
  if (r < STATUS_WEIGHTS.rejected) return 'rejected';
  if (r < STATUS_WEIGHTS.rejected + STATUS_WEIGHTS.merged) return 'merged';
  return 'published';
}

/**
 * Votes on published and merged pain points, from residents of the same municipality, between the report's day and
 * the anchor. Support is heavy-tailed, as in real life: a few pain points gather most of the "me too"s.
 */
function insertVotes(db: Db, rnd: Random, painPoints: PainPoint[], pools: Pool[], total: number, progress: Progress): number {
  const open = painPoints.filter((p) => p.counts);
  const weights = open.map(() => 1 / Math.pow(1 - rnd() * 0.999, 0.8));
  const perPainPoint = apportion(total, weights);
  const insert = db.prepare('INSERT INTO votes (pain_point_id, participant_id, severity, created_at) VALUES (?, ?, ?, ?)');
  let done = 0;
  // Support a small municipality cannot give (more than it has residents) moves on to the next pain point.
  let carried = 0;
  db.transaction(() => {
    open.forEach((p, i) => {
      const pool = pools[p.municipalityIndex]!;
      const wanted = Math.min(perPainPoint[i]! + carried, pool.size - 1);
      carried += perPainPoint[i]! - wanted;
      const voters = new Set<number>();
      while (voters.size < wanted) {
        const voter = pool.first + rnd.int(pool.size);
        if (voter !== p.submitter) voters.add(voter);
      }
      for (const voter of voters) {
        const day = p.createdDay + rnd.int(SPAN_DAYS - p.createdDay + 1);
        insert.run(p.id, voter, rnd() < 0.7 ? 1 + rnd.int(5) : null, dayToIso(day));
        done += 1;
        if (done % 50_000 === 0) progress('votes', done, total);
      }
    });
  })();
  return done;
}

function dayToIso(day: number): string {
  return new Date(ANCHOR.getTime() - (SPAN_DAYS - day) * DAY_MS).toISOString();
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
