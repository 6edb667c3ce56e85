// SQL for sign-in links to another device (#20.4, migration 0032). It reads follows only to find the participant
// behind a confirmed address; joining the browser itself is the feedback module's (participant_keys).
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import type { Locale } from '../../lib/i18n';

export interface DeviceLinkRow {
  id: number;
  participant_id: number;
  expires_at: string;
  used_at: string | null;
}

export class DeviceLinksRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  /**
   * The participant of a confirmed address's earliest follow made from a browser that had taken part, with the
   * address's language; undefined for an unknown address or one whose follows came from no participant.
   */
  participantOfAddress(email: string): { participantId: number; language: Locale } | undefined {
    return this.statement(
      `SELECT f.participant_id AS participantId, a.language AS language FROM follows f JOIN follow_addresses a ON a.id = f.address_id
       WHERE a.email = ? AND f.participant_id IS NOT NULL ORDER BY f.created_at, f.id LIMIT 1`,
    ).get(email) as { participantId: number; language: Locale } | undefined;
  }

  insert(tokenHash: string, participantId: number, expiresAt: string, now: string): number {
    return Number(
      this.statement('INSERT INTO device_links (token_hash, participant_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(tokenHash, participantId, expiresAt, now).lastInsertRowid,
    );
  }

  byTokenHash(tokenHash: string): DeviceLinkRow | undefined {
    return this.statement('SELECT id, participant_id, expires_at, used_at FROM device_links WHERE token_hash = ?').get(tokenHash) as DeviceLinkRow | undefined;
  }

  /** False when another request used it first. */
  markUsed(id: number, now: string): boolean {
    return this.statement('UPDATE device_links SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1;
  }

  deleteOlderThan(cutoff: string): void {
    this.statement('DELETE FROM device_links WHERE expires_at < ?').run(cutoff);
  }
}
