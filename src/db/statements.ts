// The statements a repository keeps (issue #16): each SQL text is compiled on its first use, on the repository's own
// connection, with the row mode it asks for, and kept for the repository's lifetime. Compiling on every call cost
// about 0.1 ms a page (docs/benchmarks.md); nothing is compiled when a repository is built.
import type Database from 'better-sqlite3';
import { KeptValues } from '../lib/kept-values';
import type { Db } from './connection';

/** How rows come back, fixed when the statement is compiled: objects, the first column alone, or arrays. */
export type RowMode = 'object' | 'pluck' | 'raw';

/** The statement for a fixed SQL text in a fixed row mode. */
export type StatementFor = (sql: string, mode?: RowMode) => Database.Statement;

/**
 * More distinct texts than any repository has (the largest has some 40). The texts are meant to be fixed; should SQL
 * ever be built from arguments, the least recently used statements are compiled again rather than kept without bound.
 */
export const MAX_KEPT_STATEMENTS = 200;

export function statements(db: Db): StatementFor {
  // Counted one unit a statement, so the cache helper's budget bounds their number.
  const kept = new KeptValues<Database.Statement>({ maxBytes: MAX_KEPT_STATEMENTS, sizeOf: () => 1 });
  return (sql, mode = 'object') => {
    const key = `${mode}:${sql}`;
    const statement = kept.peek(key, 0);
    // A statement still being iterated cannot run again until its iterator ends: a nested use gets its own, not kept.
    if (statement) return statement.busy ? compile(db, sql, mode) : statement;
    return kept.get(key, 0, () => compile(db, sql, mode));
  };
}

function compile(db: Db, sql: string, mode: RowMode): Database.Statement {
  const statement = db.prepare(sql);
  if (mode === 'pluck') statement.pluck();
  if (mode === 'raw') statement.raw();
  return statement;
}
