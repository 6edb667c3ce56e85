// SQL on the sessions table beside express-session's store (session.store.ts): ending every session of one user,
// which the staff module asks for through its port when an account is disabled, and all but the one in use, which
// two-factor asks for when a second factor is enrolled or removed.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export class SessionsRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  /** Ends every session of the user; returns how many there were. */
  deleteOf(userId: number): number {
    return this.statement('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  /** Ends every session of the user but the one in use (a second factor enrolled or removed); returns how many. */
  deleteOthersOf(userId: number, keepSid: string): number {
    return this.statement('DELETE FROM sessions WHERE user_id = ? AND sid <> ?').run(userId, keepSid).changes;
  }
}
