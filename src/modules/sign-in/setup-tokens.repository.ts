// SQL for the one-time tokens that create the first platform admin (only their hashes are stored).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export class SetupTokensRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  /** Only the newest token counts. */
  replace(tokenHash: string, now: string): void {
    this.statement('DELETE FROM setup_tokens').run();
    this.statement('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)').run(tokenHash, now);
  }

  isValid(tokenHash: string): boolean {
    return this.statement('SELECT count(*) FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL', 'pluck').get(tokenHash) === 1;
  }

  use(tokenHash: string, now: string): boolean {
    return this.statement('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(now, tokenHash).changes === 1;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
