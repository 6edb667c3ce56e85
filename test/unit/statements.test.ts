// Repositories keep the statements they prepare (src/db/statements.ts): compiled once, on first use, on their own
// connection, with the row mode fixed then; a nested use of a statement that is being iterated gets its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openReadOnlyDatabase, type Db } from '../../src/db/connection';
import { MAX_KEPT_STATEMENTS, statements } from '../../src/db/statements';
import type { InsightsFilter } from '../../src/modules/insights/insights.schema';
import { InsightsRepository } from '../../src/modules/insights/insights.repository';
import { RankingRepository } from '../../src/modules/ranking/ranking.repository';
import { buildServices } from '../../src/services';
import { buildJourney } from '../helpers/journeys';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

describe('statements(db)', () => {
  let db: Db;
  let compiled: string[];
  beforeEach(() => {
    db = openDatabase(':memory:');
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    compiled = [];
    const prepare = db.prepare.bind(db);
    jest.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
      compiled.push(sql);
      return prepare(sql);
    }) as typeof db.prepare);
  });
  afterEach(() => db.close());

  it('compiles nothing until a statement is asked for, then compiles each text once and hands out the same statement', () => {
    const statement = statements(db);
    expect(compiled).toEqual([]);
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(statement(sql)).toBe(statement(sql));
    expect(statement('SELECT id FROM t')).not.toBe(statement(sql));
    expect(compiled).toEqual([sql, 'SELECT id FROM t']);
  });

  it('fixes the row mode when compiling: the same text in two modes is two statements, and neither mode is ever reset', () => {
    const statement = statements(db);
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    const plucked = statement(sql, 'pluck');
    expect(plucked.get(1)).toBe(1);
    expect(statement(sql).get(1)).toEqual({ id: 1, name: 'a' });
    expect(statement(sql, 'raw').get(2)).toEqual([2, 'b']);
    expect(statement(sql, 'pluck')).toBe(plucked);
    expect(plucked.get(2)).toBe(2);
    expect(statement(sql).get(2)).toEqual({ id: 2, name: 'b' });
  });

  it('gives a nested use of a statement that is being iterated a statement of its own, and the kept one afterwards', () => {
    const statement = statements(db);
    const sql = 'SELECT id FROM t ORDER BY id';
    const kept = statement(sql, 'pluck');
    const pairs: [number, number[]][] = [];
    for (const outer of statement(sql, 'pluck').iterate() as IterableIterator<number>) {
      const inner = statement(sql, 'pluck');
      expect(inner).not.toBe(kept);
      pairs.push([outer, inner.all() as number[]]);
    }
    expect(pairs).toEqual([[1, [1, 2, 3]], [2, [1, 2, 3]], [3, [1, 2, 3]]]);
    expect(statement(sql, 'pluck')).toBe(kept);
  });

  it('keeps statements per helper: two repositories on one connection do not share them', () => {
    const sql = 'SELECT count(*) FROM t';
    expect(statements(db)(sql, 'pluck')).not.toBe(statements(db)(sql, 'pluck'));
  });

  it('runs kept statements that write, and kept reads see the data as it is now', () => {
    const statement = statements(db);
    const insert = 'INSERT INTO t (name) VALUES (?)';
    statement(insert).run('d');
    statement(insert).run('e');
    expect(statement('SELECT count(*) FROM t', 'pluck').get()).toBe(5);
    statement(insert).run('f');
    expect(statement('SELECT count(*) FROM t', 'pluck').get()).toBe(6);
    expect(compiled).toEqual([insert, 'SELECT count(*) FROM t']);
  });

  it('can be made before the tables it reads, as repositories are built before migrations add them', () => {
    const statement = statements(db);
    db.exec("CREATE TABLE later (v TEXT); INSERT INTO later VALUES ('x')");
    expect(statement('SELECT v FROM later', 'pluck').get()).toBe('x');
  });

  it(`keeps at most ${MAX_KEPT_STATEMENTS} texts, compiling the least recently used again, so SQL built from arguments cannot pile up`, () => {
    const statement = statements(db);
    const first = statement('SELECT 0', 'pluck');
    expect(statement('SELECT 0', 'pluck')).toBe(first);
    for (let i = 1; i <= MAX_KEPT_STATEMENTS; i += 1) statement(`SELECT ${i}`, 'pluck');
    const again = statement('SELECT 0', 'pluck');
    expect(again).not.toBe(first);
    expect(again.get()).toBe(0);
    expect(statement(`SELECT ${MAX_KEPT_STATEMENTS}`, 'pluck')).toBe(statement(`SELECT ${MAX_KEPT_STATEMENTS}`, 'pluck'));
  });
});

describe('statements on the read-only connection', () => {
  let dir: string;
  let rw: Db;
  let ro: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-statements-'));
    rw = openDatabase(path.join(dir, 'x.db'));
    rw.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a')");
    ro = openReadOnlyDatabase(path.join(dir, 'x.db'));
  });
  afterEach(() => {
    ro.close();
    rw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are compiled on that connection, which sees what the other commits and refuses to write', () => {
    const statement = statements(ro);
    expect(statement('SELECT count(*) FROM t', 'pluck').database).toBe(ro);
    rw.prepare("INSERT INTO t (name) VALUES ('b')").run();
    expect(statement('SELECT count(*) FROM t', 'pluck').get()).toBe(2);
    expect(() => statement("INSERT INTO t (name) VALUES ('c')").run()).toThrow(/readonly/);
  });
});

describe('repositories and their statements', () => {
  let t: TestApp;
  let municipalityId: number;
  const none = { journey: null, lifeEvent: null, department: null, step: null, status: null, from: null, to: null } as unknown as InsightsFilter;

  beforeAll(() => {
    t = makeTestApp();
    municipalityId = createMunicipality(t.services, 'nord', undefined, { premoderation: false });
    const journey = buildJourney(t.services, 'nord', { slug: 'r', phases: { P: ['Steg 1'] }, publish: true });
    const m = t.services.municipalities.bySlug('nord');
    for (let i = 0; i < 4; i += 1) {
      const id = t.services.feedback.submit(t.services.feedback.ensureParticipant(`p-${i}`), m, journey.journeyId, journey.stepIds[0]!, {
        title: `Problem ${i}`, body: 'tekst', severity: (i % 5) + 1, channel: null,
      }).id;
      for (let v = 0; v < i; v += 1) t.services.feedback.vote(t.services.feedback.ensureParticipant(`v-${i}-${v}`), municipalityId, id, v + 1);
    }
  });
  afterAll(() => t.close());

  it('are not compiled when the services are built, so a database without tables yet can have services', () => {
    const empty = openDatabase(':memory:');
    const prepare = jest.spyOn(empty, 'prepare');
    try {
      expect(() => buildServices(empty)).not.toThrow();
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      empty.close();
    }
  });

  it('let one export repository iterate its table again, and read one row, while an iteration of it is open', () => {
    const ro = openReadOnlyDatabase(t.dbPath);
    try {
      const repo = new InsightsRepository(ro);
      const p = t.services.ranking.parameters(municipalityId);
      const all = [...repo.iterate(municipalityId, none, 'need', p)].map((r) => r.id);
      expect(all).toHaveLength(4);
      const seen: number[][] = [];
      for (const row of repo.iterate(municipalityId, none, 'need', p)) {
        seen.push([...repo.iterate(municipalityId, none, 'need', p)].map((r) => r.id));
        expect(repo.one(municipalityId, row.id, p)?.id).toBe(row.id);
      }
      expect(seen).toEqual([all, all, all, all]);
    } finally {
      ro.close();
    }
  });

  it('let the ranking read every supporter again while a rebuild read is open on the same repository', () => {
    const repo = new RankingRepository(t.db);
    const once = [...repo.supportersByCandidate(municipalityId)];
    expect(once).toHaveLength(4);
    const nested: unknown[] = [];
    for (const candidate of repo.supportersByCandidate(municipalityId)) nested.push([candidate, [...repo.supportersByCandidate(municipalityId)]]);
    expect(nested).toEqual(once.map((candidate) => [candidate, once]));
  });

  it('are prepared only through the kept statements: no repository compiles SQL itself or changes a row mode', () => {
    const modules = path.join(__dirname, '../../src/modules');
    const files = fs.readdirSync(modules, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.repository.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = fs.readFileSync(path.join(modules, file), 'utf8');
      expect([file, source.match(/\.prepare\(|\.pluck\(|\.raw\(|\.expand\(/g)]).toEqual([file, null]);
    }
  });
});
