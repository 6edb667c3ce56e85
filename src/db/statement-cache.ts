// Repositories write their SQL where it is used and call db.prepare() on every call. Compiling the same statement
// again on every request was a tenth of a millisecond of each page (docs/benchmarks.md), so the connection keeps the
// statements it has compiled, by their text, and hands them out again with their modes put back to the defaults
// (the project never changes a statement's integer mode). A caller that keeps a statement sets its mode on each use.
import type Database from 'better-sqlite3';

const MAX_STATEMENTS = 1000;

export function cacheStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    // A statement still being iterated cannot run again; a fresh one is compiled for the nested use.
    if (hit && !hit.busy) {
      // pluck(false) and raw(false) leave rows as objects; both throw on statements that return no rows.
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const statement = compile(sql);
    if (!hit) {
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}
