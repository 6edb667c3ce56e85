// The check step's similar reports through the full-text index (migration 0014): the same hints as ranking every
// pain point of the journey, robust against any text, and an index that follows every change to what residents see.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate, MIGRATIONS_DIR } from '../../src/db/migrate';
import { draftSearch, mostSimilar, searchTrigrams, similarity, trigrams } from '../../src/lib/similarity';
import { CLOSED_STATUSES } from '../../src/modules/feedback/feedback-vocabulary';
import { FeedbackRepository, type SearchBounds } from '../../src/modules/feedback/feedback.repository';
import { SIMILAR_LIMIT, type ReportInput } from '../../src/modules/feedback/feedback.service';
import { SIMILARITY_THRESHOLD } from '../../src/modules/feedback/similar-reports';
import { buildServices, type Services } from '../../src/services';
import { buildJourney } from '../helpers/journeys';

interface World {
  db: Db;
  services: Services;
  repo: FeedbackRepository;
  municipalityId: number;
  moderator: number;
  close(): void;
}

/** A database migrated with the files of `migrations` (all by default), a municipality without pre-moderation. */
function world(migrations?: string[]): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-similar-'));
  const migrationsDir = path.join(dir, 'migrations');
  fs.mkdirSync(migrationsDir);
  for (const file of migrations ?? fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(migrationsDir, file));
  const db = openDatabase(path.join(dir, 's.db'));
  migrate(db, migrationsDir);
  const services = buildServices(db, () => new Date('2026-03-01T00:00:00Z'));
  const municipalityId = services.municipalities.create(null, { slug: 'aust', name: 'Aust', kommunenummer: '4321', defaultLocale: 'nb' });
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(municipalityId);
  const moderator = Number(db.prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES ('m@x.no', 'M', 'x', '2026-01-01')").run().lastInsertRowid);
  return {
    db,
    services,
    repo: new FeedbackRepository(db),
    municipalityId,
    moderator,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A published journey. On a database of an earlier schema, today's publishing (which reads tables of later migrations,
 * such as stated handovers) cannot run, so the version is written as publishing wrote it then.
 */
function journey(w: World, slug: string, earlierSchema = false): { journeyId: number; stepId: number } {
  if (earlierSchema) {
    // Today's editor writes columns that schema lacks (the content language, migration 0021): the rows as it had them.
    const journeyId = Number(w.db.prepare("INSERT INTO journeys (municipality_id, slug, title, life_event, created_at, updated_at) VALUES (?, ?, ?, 'annet', '2026-02-01', '2026-02-01')")
      .run(w.municipalityId, slug, `Reise ${slug}`).lastInsertRowid);
    const phaseId = w.db.prepare("INSERT INTO phases (journey_id, position, title) VALUES (?, 1, 'Søke')").run(journeyId).lastInsertRowid;
    const stepIds = ['Sende søknad', 'Vente'].map((title, i) =>
      Number(w.db.prepare("INSERT INTO steps (journey_id, phase_id, position, title, channel) VALUES (?, ?, ?, ?, 'digital')").run(journeyId, phaseId, i + 1, title).lastInsertRowid));
    const version = w.db.prepare("INSERT INTO journey_versions (journey_id, version, snapshot, published_at) VALUES (?, 1, '{}', '2026-02-01')").run(journeyId).lastInsertRowid;
    w.db.prepare("UPDATE journeys SET current_version_id = ?, public_slug = slug, status = 'published' WHERE id = ?").run(version, journeyId);
    return { journeyId, stepId: stepIds[0]! };
  }
  const j = buildJourney(w.services, 'aust', { slug, phases: { Søke: ['Sende søknad', 'Vente'] }, publish: true });
  return { journeyId: j.journeyId, stepId: j.stepIds[0]! };
}

let participants = 0;
/** A report by a new resident, through the service as the form's final step sends it. */
function submit(w: World, j: { journeyId: number; stepId: number }, title: string, body: string, earlierSchema = false): number {
  const key = `resident-${(participants += 1)}`;
  // Today's participant lookup also reads the keys of joined browsers (migration 0032): on an earlier schema, the row as
  // it was written then.
  const resident = earlierSchema
    ? Number(w.db.prepare("INSERT INTO participants (key_hash, created_at) VALUES (?, '2026-02-01')").run(key).lastInsertRowid)
    : w.services.feedback.ensureParticipant(key);
  const m = w.services.municipalities.bySlug('aust');
  return w.services.feedback.submit(resident, m, j.journeyId, j.stepId, { title, body, severity: 3, channel: null }).id;
}

const draft = (title: string, body: string): ReportInput => ({ title, body, severity: 3, channel: null });

/** The hints as they were before the index: every public pain point of the journey ranked in JavaScript. */
function fullScan(w: World, journeyId: number, title: string, body: string) {
  return mostSimilar(`${title} ${body}`, w.repo.similarityPool(journeyId), (c) => `${c.title} ${c.body}`, SIMILARITY_THRESHOLD, SIMILAR_LIMIT).map(({ item, score }) => ({
    id: item.id,
    title: item.title,
    score,
    closed: CLOSED_STATUSES.includes(item.response_status),
  }));
}

// Seeded text in the residents' voice: a subject, what went wrong, and some of the things people add.
function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
const SUBJECTS = ['Skjemaet', 'Brevet', 'Nettsiden', 'Telefonkøen', 'Vedtaket', 'Timebestillingen', 'Innloggingen', 'Byggesøknaden', 'Ferdigattesten', 'Reguleringsplanen', 'Kartet', 'Gebyret', 'Fakturaen', 'Servicetorget', 'Chatten', 'Nabovarselet', 'Tilsynet', 'Barnehageplassen', 'Skoleskyssen', 'Renovasjonen', 'Eiendomsskatten', 'Bostøtten', 'ID-porten', 'SFO'];
const PROBLEMS = ['var vanskelig å forstå', 'tok altfor lang tid', 'ga motstridende beskjeder', 'krevde papirer jeg allerede hadde levert', 'manglet informasjon om frister', 'fungerte ikke på mobil', 'svarte aldri', 'hadde feil i beløpet', 'ble sendt til feil adresse', 'ga ingen kvittering', 'krasjet da jeg lastet opp vedlegg', 'var bare på bokmål'];
const ADDED = ['og jeg måtte ringe flere ganger', 'så jeg ga opp til slutt', 'naboen min opplevde det samme', 'ingen visste hvem som hadde ansvaret', 'det står ingenting om dette på nettsiden', 'min mor på 84 klarte det ikke alene', 'vi mistet nesten fristen', 'saken ble liggende i flere måneder', 'hvorfor må jeg sende det samme to ganger?', 'kommunen og staten sier forskjellige ting'];

function painPointText(r: ReturnType<typeof seeded>, k: number): { title: string; body: string } {
  const title = `${r.pick(SUBJECTS)} ${r.pick(PROBLEMS)}`;
  const added = Array.from({ length: 1 + r.int(3) }, () => r.pick(ADDED));
  return { title, body: `${title}, ${added.join('. ')}. (${k})` };
}

/** A resident's draft: another's report in other words, something new, one shouted in capitals, or a few words only. */
function draftText(r: ReturnType<typeof seeded>, existing: { title: string; body: string }[], k: number): { title: string; body: string } {
  const kind = k % 4;
  if (kind === 0) {
    const o = r.pick(existing);
    const words = o.body.split(' ');
    for (let i = 0; i < 3; i += 1) words[r.int(words.length)] = r.pick(ADDED).split(' ')[r.int(3)]!;
    return { title: o.title.split(' ').reverse().join(' '), body: words.join(' ') };
  }
  if (kind === 1) return painPointText(r, 10_000 + k);
  if (kind === 2) {
    const o = r.pick(existing);
    return { title: o.title.toUpperCase(), body: o.body.toUpperCase() };
  }
  return { title: r.pick(SUBJECTS), body: r.pick(PROBLEMS).split(' ').slice(0, 2).join(' ') };
}

describe('the indexed search against ranking every pain point', () => {
  let w: World;
  let a: { journeyId: number; stepId: number };
  let b: { journeyId: number; stepId: number };
  const texts: { title: string; body: string }[] = [];
  beforeAll(() => {
    w = world();
    a = journey(w, 'a');
    b = journey(w, 'b');
    const r = seeded(17);
    for (let k = 0; k < 400; k += 1) {
      const t = painPointText(r, k);
      texts.push(t);
      submit(w, a, t.title, t.body);
    }
    // Another journey saying the same things: its pain points must never be hinted at on journey a.
    for (let k = 0; k < 100; k += 1) submit(w, b, texts[k]!.title, texts[k]!.body);
    // Some of journey a are not public: pending, rejected, hidden by flags.
    const hidden = [3, 30, 300].map((k) => w.repo.similarityPool(a.journeyId)[k]!.id);
    w.services.moderation.reject(w.moderator, w.municipalityId, hidden[0]!, 'Ikke om tjenesten');
    w.db.prepare('UPDATE pain_points SET hidden_by_flags = 1 WHERE id = ?').run(hidden[1]);
    w.db.prepare("UPDATE pain_points SET moderation_status = 'pending' WHERE id = ?").run(hidden[2]);
  });
  afterAll(() => w.close());

  it('gives the same hints, scores and order as the full scan for 80 drafts over 400 pain points', () => {
    const r = seeded(91);
    let withHints = 0;
    for (let k = 0; k < 80; k += 1) {
      const d = draftText(r, texts, k);
      const prepared = w.services.feedback.prepare(a.journeyId, draft(d.title, d.body));
      expect([k, prepared.similar]).toEqual([k, fullScan(w, a.journeyId, d.title, d.body)]);
      if (prepared.similar.length > 0) withHints += 1;
    }
    // The comparison means something only if most drafts have hints to compare.
    expect(withHints).toBeGreaterThan(60);
  });

  it('hints only at public pain points of the same journey', () => {
    const publicIds = new Set(w.repo.similarityPool(a.journeyId).map((p) => p.id));
    const r = seeded(5);
    for (let k = 0; k < 20; k += 1) {
      const d = draftText(r, texts, k);
      for (const hint of w.services.feedback.prepare(a.journeyId, draft(d.title, d.body)).similar) expect(publicIds.has(hint.id)).toBe(true);
    }
  });
});

describe('the indexed search on a journey larger than its bounds', () => {
  it('still shows a reworded report’s closest match first (the full scan’s best), every hint with its true similarity', () => {
    const w = world();
    try {
      const j = journey(w, 'stor');
      const r = seeded(23);
      // 2 500 pain points from a small vocabulary, and bounds cut down to match (a journey of 50 000 against
      // SEARCH_BOUNDS would take a minute here): each draft's trigrams are held by several times more ids than are
      // read, and far more pain points share a trigram than are ranked. Counting a cut list against older pain points,
      // reading no further than the first ids, or reading on the commonest lists first each lose a third of these.
      const bounds: SearchBounds = { firstIds: 25, ids: 2500, estimated: 200, candidates: 50, characters: 100_000 };
      const insert = w.db.prepare(
        `INSERT INTO pain_points (municipality_id, journey_id, step_id, title, body, severity, moderation_status, created_at, published_at)
         VALUES (?, ?, ?, ?, ?, 3, 'published', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      );
      const texts = Array.from({ length: 2500 }, (_, k) => painPointText(r, k));
      w.db.transaction(() => texts.forEach((t) => insert.run(w.municipalityId, j.journeyId, j.stepId, t.title, t.body)))();
      const pool = new Map(w.repo.similarityPool(j.journeyId).map((p) => [p.id, p]));
      for (let k = 0; k < 24; k += 1) {
        const d = draftText(r, texts, 4 * k); // rewordings only
        const text = `${d.title} ${d.body}`;
        const lists = searchTrigrams(text).map((gram) => holding(w, j.journeyId, gram));
        expect(lists.reduce((n, ids) => n + ids.length, 0)).toBeGreaterThan(4 * bounds.ids);
        expect(new Set(lists.flat()).size).toBeGreaterThan(10 * bounds.candidates);

        // As FeedbackService.prepare ranks the candidates, with the smaller bounds.
        const candidates = w.repo.similarityCandidates(j.journeyId, draftSearch(text), bounds);
        const shown = mostSimilar(text, candidates, (c) => `${c.title} ${c.body}`, SIMILARITY_THRESHOLD, SIMILAR_LIMIT);
        const full = fullScan(w, j.journeyId, d.title, d.body);
        expect([k, shown[0]?.score]).toEqual([k, full[0]!.score]);
        for (const hint of shown) {
          const row = pool.get(hint.item.id)!;
          expect(hint.score).toBe(similarity(trigrams(text), trigrams(`${row.title} ${row.body}`)));
          expect(hint.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
        }
      }
    } finally {
      w.close();
    }
  });
});

describe('text the index could read as query syntax', () => {
  let w: World;
  let j: { journeyId: number; stepId: number };
  beforeAll(() => {
    w = world();
    j = journey(w, 'fiendtlig');
    submit(w, j, 'Søknad "OR" NEAR(kø, 2) * ^ - :', 'Teksten har anførselstegn " og \' og AND NOT col:verdi * ** (((');
    submit(w, j, 'Очередь была слишком длинной', 'Я ждал три часа в очереди у стойки обслуживания.');
    submit(w, j, '申请等待时间太长', '我等了三个月才收到答复。');
    submit(w, j, 'Kø', 'Kø');
    submit(w, j, 'Lang ventetid på byggesøknad', 'Det tok tolv uker før jeg fikk svar på byggesøknaden.');
  });
  afterAll(() => w.close());

  it.each([
    ['"', '"'],
    ['"""', '\'"\''],
    ['OR', 'OR'],
    ['NEAR(', 'NEAR(a b'],
    ['*', '* ** ***'],
    ['a OR b AND NOT c', 'col:title ^start -minus +plus'],
    ['🙂', '🙂🙂🙂 👩‍👩‍👧‍👦'],
    ['K', 'ø'],
    ['Kø', 'Kø'],
    ['x'.repeat(120), 'y'.repeat(2000)],
    ['Søk ' + 'ø'.repeat(60), 'æøå ÆØÅ '.repeat(250)],
    ['a\u0301b', 'e\u0301\u0301\u0301'],
    ['𠀀𠀁𠀂', '𝔄𝔅ℭ 𠀀x𠀀'],
    ['\uD800 lone', 'surrogate \uDC00 halves'],
    ['NUL-fri', 'tab\tog\nlinje\r\nskift'],
  ])('prepares a draft titled %j without an error', (title, body) => {
    expect(() => w.services.feedback.prepare(j.journeyId, draft(title, body))).not.toThrow();
  });

  it('reads quotes and operators as text: the pain point written with them is found', () => {
    const similar = w.services.feedback.prepare(j.journeyId, draft('Søknad "OR" NEAR(kø, 2)', 'anførselstegn " og AND NOT col:verdi')).similar;
    expect(similar[0]?.title).toBe('Søknad "OR" NEAR(kø, 2) * ^ - :');
  });

  it('finds pain points in Cyrillic and Chinese, and in another case', () => {
    expect(w.services.feedback.prepare(j.journeyId, draft('ОЧЕРЕДЬ БЫЛА ДЛИННОЙ', 'Я ждал три часа')).similar[0]?.title).toBe('Очередь была слишком длинной');
    expect(w.services.feedback.prepare(j.journeyId, draft('申请等待时间', '等了三个月')).similar[0]?.title).toBe('申请等待时间太长');
  });

  it('finds a pain point of two-letter words from a draft of two-letter words', () => {
    expect(searchTrigrams('Kø Kø')).toEqual(expect.arrayContaining([' kø', 'kø ']));
    expect(w.services.feedback.prepare(j.journeyId, draft('Kø', 'kø')).similar.map((s) => s.title)).toContain('Kø');
  });
});

/** What the index holds for a journey, as pain point ids. */
function indexed(w: World, journeyId: number): number[] {
  return w.db
    .prepare('SELECT rowid & 4294967295 FROM pain_point_search WHERE rowid BETWEEN CAST(? AS INTEGER) * 4294967296 AND CAST(? AS INTEGER) * 4294967296 + 4294967295 ORDER BY rowid')
    .pluck()
    .all(journeyId, journeyId) as number[];
}

/** The ids of a journey's pain points residents can see. */
function visible(w: World, journeyId: number): number[] {
  return w.repo.similarityPool(journeyId).map((p) => p.id).sort((x, y) => x - y);
}

/** Pain points of the journey whose indexed text holds the trigram. */
function holding(w: World, journeyId: number, gram: string): number[] {
  return w.db
    .prepare('SELECT rowid & 4294967295 FROM pain_point_search WHERE pain_point_search MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) * 4294967296 AND CAST(? AS INTEGER) * 4294967296 + 4294967295')
    .pluck()
    .all(`"${gram}"`, journeyId, journeyId) as number[];
}

describe('the index follows what residents can see', () => {
  it('through pre-moderation, approval, flags, redaction, merge, unmerge, rejection and erasure', () => {
    const w = world();
    try {
      const j = journey(w, 'moderert');
      const m = () => w.services.municipalities.bySlug('aust');
      const hints = (title: string, body: string) => w.services.feedback.prepare(j.journeyId, draft(title, body)).similar.map((s) => s.id);
      const inStep = () => expect(indexed(w, j.journeyId)).toEqual(visible(w, j.journeyId));

      w.db.prepare('UPDATE municipalities SET premoderation = 1, flag_hide_threshold = 2 WHERE id = ?').run(w.municipalityId);
      const target = submit(w, j, 'Vannmåleren viste feil', 'Vannmåleren viste dobbelt forbruk i januar.');
      expect(indexed(w, j.journeyId)).toEqual([]);
      expect(hints('Vannmåleren viste feil', 'dobbelt forbruk')).toEqual([]);

      w.services.moderation.approve(w.moderator, w.municipalityId, target);
      inStep();
      expect(hints('Vannmåleren viste feil', 'dobbelt forbruk')).toEqual([target]);

      // Two residents' flags hide it; a moderator's review shows it again.
      const flaggers = [1, 2].map((i) => w.services.feedback.ensureParticipant(`flagger-${i}`));
      w.services.feedback.flag(flaggers[0]!, m(), target, 'spam');
      inStep();
      expect(indexed(w, j.journeyId)).toEqual([target]);
      w.services.feedback.flag(flaggers[1]!, m(), target, 'spam');
      inStep();
      expect(hints('Vannmåleren viste feil', 'dobbelt forbruk')).toEqual([]);
      w.services.moderation.clearFlags(w.moderator, w.municipalityId, target);
      inStep();
      expect(hints('Vannmåleren viste feil', 'dobbelt forbruk')).toEqual([target]);

      // A moderator's redaction: the removed words are gone from the index, the new ones are found.
      w.services.moderation.redact(w.moderator, w.municipalityId, target, 'Vannmåleren viste feil', 'Vannmåleren viste dobbelt forbruk hos [fjernet: navn].');
      inStep();
      expect(holding(w, j.journeyId, 'anu')).toEqual([]);
      expect(holding(w, j.journeyId, 'fje')).toEqual([target]);

      // A duplicate, merged into the target and out again.
      const duplicate = submit(w, j, 'Feil på vannmåleren', 'Vannmåleren viste feil forbruk.');
      w.services.moderation.approve(w.moderator, w.municipalityId, duplicate);
      inStep();
      expect(hints('Vannmåleren viste feil', 'feil forbruk').sort()).toEqual([target, duplicate].sort());
      w.services.moderation.merge(w.moderator, w.municipalityId, duplicate, target);
      inStep();
      expect(hints('Vannmåleren viste feil', 'feil forbruk')).toEqual([target]);
      w.services.moderation.unmerge(w.moderator, w.municipalityId, duplicate);
      inStep();
      expect(hints('Vannmåleren viste feil', 'feil forbruk')).toContain(duplicate);

      // Rejection.
      const rejected = submit(w, j, 'Vannmåleren er stygg', 'Vannmåleren passer ikke på veggen.');
      w.services.moderation.approve(w.moderator, w.municipalityId, rejected);
      w.services.moderation.reject(w.moderator, w.municipalityId, rejected, 'Ikke om tjenesten');
      inStep();
      expect(indexed(w, j.journeyId)).not.toContain(rejected);

      // Erasure of a pain point another was merged into: it leaves the index, the merged one comes back on its own.
      w.services.moderation.merge(w.moderator, w.municipalityId, duplicate, target);
      inStep();
      const author = w.db.prepare('SELECT participant_id FROM pain_points WHERE id = ?').pluck().get(target) as number;
      w.services.feedback.deleteMine(author, target);
      inStep();
      expect(indexed(w, j.journeyId)).toEqual([duplicate]);
      expect(hints('Vannmåleren viste feil', 'feil forbruk')).toEqual([duplicate]);

      // An answer changes nothing the index holds, and leaves it as it is.
      w.services.moderation.answer(w.moderator, w.municipalityId, duplicate, 'planned', 'Vi ser på det.');
      inStep();

      // A journey deleted with its pain points (a foreign key cascade) leaves nothing behind.
      w.db.prepare('DELETE FROM journeys WHERE id = ?').run(j.journeyId);
      expect(indexed(w, j.journeyId)).toEqual([]);
      expect(w.db.prepare('SELECT count(*) FROM pain_point_search').pluck().get()).toBe(0);
    } finally {
      w.close();
    }
  });
});

describe('migration 0014', () => {
  it('runs on a SQLite whose FTS5 has the trigram tokenizer with case folding (3.34 or later)', () => {
    const w = world();
    try {
      const [major, minor] = (w.db.prepare('SELECT sqlite_version()').pluck().get() as string).split('.').map(Number) as [number, number];
      expect(major * 1000 + minor).toBeGreaterThanOrEqual(3034);
      const j = journey(w, 'kasus');
      const id = submit(w, j, 'SØKNAD OM FERDIGATTEST', 'ØDELAGT SKJEMA');
      expect(holding(w, j.journeyId, 'søk')).toEqual([id]);
      expect(holding(w, j.journeyId, 'øde')).toEqual([id]);
    } finally {
      w.close();
    }
  });

  it('fills the index with the public pain points that were there before it', () => {
    const before = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0014');
    const w = world(before);
    try {
      const j = journey(w, 'tidligere', true);
      const shown = submit(w, j, 'Lang ventetid på byggesøknad', 'Det tok tolv uker.', true);
      const hidden = submit(w, j, 'Lang ventetid på ferdigattest', 'Det tok tolv uker.', true);
      w.db.prepare('UPDATE pain_points SET hidden_by_flags = 1 WHERE id = ?').run(hidden);
      const pending = submit(w, j, 'Lang ventetid på svar', 'Det tok tolv uker.', true);
      w.db.prepare("UPDATE pain_points SET moderation_status = 'pending', published_at = NULL WHERE id = ?").run(pending);

      const dir = path.dirname(w.db.name);
      for (const file of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, 'migrations', file));
      expect(migrate(w.db, path.join(dir, 'migrations'))).toEqual(fs.readdirSync(MIGRATIONS_DIR).filter((f) => f >= '0014').sort());
      expect(indexed(w, j.journeyId)).toEqual([shown]);
      expect(w.services.feedback.prepare(j.journeyId, draft('Lang ventetid på byggesøknad', 'tolv uker')).similar.map((s) => s.id)).toEqual([shown]);
    } finally {
      w.close();
    }
  });
});
