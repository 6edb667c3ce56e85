// SQL for residents' ID-porten verifications (#21.3, migration 0033): which participant is verified in which
// municipality, under which keyed pseudonym, since when. Never a national identity number.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export interface VerifiedMunicipality {
  municipality_id: number;
  slug: string;
  name: string;
  verified_at: string;
}

export class VerificationRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  /** One row per participant and municipality: a new verification replaces the earlier one. */
  upsert(participantId: number, municipalityId: number, pseudonym: string, now: string): void {
    this.statement(
      `INSERT INTO resident_verifications (participant_id, municipality_id, pseudonym, verified_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (participant_id, municipality_id) DO UPDATE SET pseudonym = excluded.pseudonym, verified_at = excluded.verified_at`,
    ).run(participantId, municipalityId, pseudonym, now);
  }

  /** Whether a row was there to delete. */
  delete(participantId: number, municipalityId: number): boolean {
    return this.statement('DELETE FROM resident_verifications WHERE participant_id = ? AND municipality_id = ?').run(participantId, municipalityId).changes > 0;
  }

  ofParticipant(participantId: number): VerifiedMunicipality[] {
    return this.statement(
      `SELECT v.municipality_id, m.slug, m.name, v.verified_at
       FROM resident_verifications v JOIN municipalities m ON m.id = v.municipality_id
       WHERE v.participant_id = ? ORDER BY m.name`,
    ).all(participantId) as VerifiedMunicipality[];
  }

  isVerified(participantId: number, municipalityId: number): boolean {
    return this.statement('SELECT 1 FROM resident_verifications WHERE participant_id = ? AND municipality_id = ?', 'pluck').get(participantId, municipalityId) !== undefined;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
