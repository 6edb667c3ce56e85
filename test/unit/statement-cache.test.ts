// The connection hands out compiled statements again (src/db/statement-cache.ts); a reused one must behave as new.
import { openDatabase, type Db } from '../../src/db/connection';

describe('statement cache', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\'), (\'c\')');
  });
  afterEach(() => db.close());

  it('compiles a statement text once and hands the same statement out again', () => {
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare('SELECT id FROM t')).not.toBe(db.prepare(sql));
  });

  it('puts a reused statement back to returning rows as objects after pluck and raw', () => {
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    expect(db.prepare(sql).pluck().get(1)).toBe(1);
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, name: 'a' });
    expect(db.prepare(sql).raw().get(2)).toEqual([2, 'b']);
    expect(db.prepare(sql).get(2)).toEqual({ id: 2, name: 'b' });
  });

  it('compiles a fresh statement when the cached one is still being iterated', () => {
    const sql = 'SELECT id FROM t ORDER BY id';
    const pairs: number[][] = [];
    for (const outer of db.prepare(sql).pluck().iterate() as IterableIterator<number>) {
      pairs.push([outer, (db.prepare(sql).pluck().all() as number[]).length]);
    }
    expect(pairs).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('reuses statements that write, and they see the data as it is now', () => {
    const insert = 'INSERT INTO t (name) VALUES (?)';
    db.prepare(insert).run('d');
    db.prepare(insert).run('e');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5);
    db.prepare(insert).run('f');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(6);
  });

  it('still compiles statements after a schema change', () => {
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'a' });
    db.exec('ALTER TABLE t ADD COLUMN extra TEXT DEFAULT \'x\'');
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'a', extra: 'x' });
  });
});
