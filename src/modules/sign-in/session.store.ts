// express-session store on the project's SQLite database (the `sessions` table).
// Keeps the signed-in user id in its own column so that disabling a user can end all their sessions.
import session from 'express-session';
import type { Db } from '../../db/connection';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

type Callback = (err?: unknown, data?: session.SessionData | null) => void;

export class SqliteSessionStore extends session.Store {
  private readonly statements;

  constructor(db: Db) {
    super();
    this.statements = {
      get: db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?'),
      set: db.prepare(
        `INSERT INTO sessions (sid, user_id, expires_at, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (sid) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at, data = excluded.data`,
      ),
      // Rolling sessions are touched on every request; moving the expiry by less than a minute is not worth a write.
      touch: db.prepare('UPDATE sessions SET expires_at = @expires WHERE sid = @sid AND expires_at < @expires - 60000'),
      destroy: db.prepare('DELETE FROM sessions WHERE sid = ?'),
      prune: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
  }

  override get(sid: string, callback: Callback): void {
    this.run(callback, () => {
      // The connection's statement cache may hand this text to others; the mode is set on each use.
      const data = this.statements.get.pluck().get(sid, Date.now()) as string | undefined;
      return data ? (JSON.parse(data) as session.SessionData) : null;
    });
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    this.run(callback, () => {
      this.statements.set.run(sid, sess.userId ?? null, expiry(sess), JSON.stringify(sess));
    });
  }

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    this.run(callback, () => {
      this.statements.touch.run({ expires: expiry(sess), sid });
    });
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.run(callback, () => {
      this.statements.destroy.run(sid);
    });
  }

  /** Removes expired sessions; called periodically by the server. */
  prune(now = Date.now()): number {
    return this.statements.prune.run(now).changes;
  }

  private run<T>(callback: ((err?: unknown, value?: T) => void) | undefined, work: () => T): void {
    let value: T;
    try {
      value = work();
    } catch (err) {
      callback?.(err);
      return;
    }
    callback?.(undefined, value);
  }
}

function expiry(sess: session.SessionData): number {
  const expires = sess.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + DEFAULT_TTL_MS;
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    flash?: string;
  }
}
