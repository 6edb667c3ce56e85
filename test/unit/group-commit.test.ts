// Group commit: writes queued together share one transaction (one durable commit), a failing one rolls back alone,
// and each caller hears only after the commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/connection';
import { GroupCommit } from '../../src/db/group-commit';

function tempDb(): Db {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-group-')), 'g.db'));
  db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE)');
  return db;
}

/** Counts the transactions begun outside any other: each is one commit. */
function countCommits(db: Db): { commits: number } {
  const counter = { commits: 0 };
  const original = db.transaction.bind(db);
  jest.spyOn(db, 'transaction').mockImplementation(((fn: (...args: unknown[]) => unknown) => {
    if (!db.inTransaction) counter.commits += 1;
    return original(fn);
  }) as Db['transaction']);
  return counter;
}

describe('group commit', () => {
  it('runs writes that arrive together in one transaction and answers each with its own result', async () => {
    const db = tempDb();
    const counter = countCommits(db);
    const writes = new GroupCommit(db);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => writes.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(i).changes * i)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(counter.commits).toBe(1);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(20);
    db.close();
  });

  it('rolls back only the write that failed, and rejects only its caller', async () => {
    const db = tempDb();
    const writes = new GroupCommit(db);
    const outcomes = await Promise.allSettled([
      writes.run(() => db.prepare('INSERT INTO t (v) VALUES (1)').run()),
      writes.run(() => {
        db.prepare('INSERT INTO t (v) VALUES (2)').run();
        db.prepare('INSERT INTO t (v) VALUES (1)').run(); // breaks UNIQUE: this write's first insert goes too
      }),
      writes.run(() => db.prepare('INSERT INTO t (v) VALUES (3)').run()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 3]);
    db.close();
  });

  it('answers a caller only once the write is committed and visible to another connection', async () => {
    const db = tempDb();
    const writes = new GroupCommit(db);
    const file = db.name;
    await writes.run(() => db.prepare('INSERT INTO t (v) VALUES (7)').run());
    const other = openDatabase(file);
    expect(other.prepare('SELECT v FROM t').pluck().all()).toEqual([7]);
    other.close();
    db.close();
  });
});
