// SQL for verified supporters (#21.3) where no kept column has them: per step of a journey (the API's roll-ups) and
// for any pain point as moderators see it (pending, merged or the two sides of a merge). Each verified person counts
// once (pseudonym), however many browsers (participants) they took part from.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';

export class VerifiedSupportersRepository {
  private readonly statement: StatementFor;

  constructor(db: Db) {
    this.statement = statements(db);
  }

  /**
   * Per step of a journey, the distinct verified persons among the step's supporters (migration 0006: the reporters and
   * voters of its publicly visible candidates and of what was merged into them), only those verified in the
   * municipality. Steps without any are left out. From the steps' supporters to their verifications (primary keys
   * both): 80-270 ms for the busiest journey of the national benchmark (130 000 step supporters, a tenth verified) on a
   * loaded machine. From the verified participants' candidates instead took 1.1-2.3 s there: a random read of a pain
   * point for each of the 126 000 supports of the municipality's verified persons.
   */
  perStep(municipalityId: number, journeyId: number): { step_id: number; verified: number }[] {
    return this.statement(
      // CROSS JOIN keeps this order of the joins: from the journey's steps out, never from every verification.
      `SELECT ss.step_id, count(DISTINCT rv.pseudonym) AS verified
       FROM steps st
       CROSS JOIN step_supporters ss ON ss.step_id = st.id
       CROSS JOIN resident_verifications rv ON rv.participant_id = ss.participant_id AND rv.municipality_id = @m
       WHERE st.journey_id = @j
       GROUP BY ss.step_id`,
    ).all({ m: municipalityId, j: journeyId }) as { step_id: number; verified: number }[];
  }

  /**
   * The residents behind the pain points `ids` of a municipality taken together, counted from scratch as moderation
   * counts a pain point's supporters (feedback.repository.ts `SUPPORTERS`: its reporter and voters, and those of the
   * pain points merged into it), whatever its status: distinct participants, and of them the distinct persons verified
   * in the municipality. One id is one pain point; two are what a merge of them will have.
   */
  together(municipalityId: number, ids: readonly number[]): { supporters: number; verified: number } {
    return this.statement(
      // CROSS JOIN keeps the order: from the given pain points out through primary keys and the merged index. Left to
      // itself SQLite went through every pain point of the municipality and every vote (300 ms in the largest one).
      `WITH ids(id) AS (SELECT p.id FROM json_each(@ids) j CROSS JOIN pain_points p ON p.id = j.value WHERE p.municipality_id = @m),
       items(id, pid) AS (
         SELECT p.id, p.participant_id FROM ids CROSS JOIN pain_points p ON p.id = ids.id
         UNION
         SELECT s.id, s.participant_id FROM ids CROSS JOIN pain_points s ON s.merged_into_id = ids.id
       ),
       people(pid) AS MATERIALIZED (
         SELECT pid FROM items WHERE pid IS NOT NULL
         UNION
         SELECT v.participant_id FROM items i CROSS JOIN votes v ON v.pain_point_id = i.id
       )
       SELECT (SELECT count(*) FROM people) AS supporters,
         (SELECT count(DISTINCT rv.pseudonym) FROM people p CROSS JOIN resident_verifications rv ON rv.participant_id = p.pid AND rv.municipality_id = @m) AS verified`,
    ).get({ m: municipalityId, ids: JSON.stringify(ids) }) as { supporters: number; verified: number };
  }
}
