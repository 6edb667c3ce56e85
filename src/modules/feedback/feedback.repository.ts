// SQL for participants, pain points, votes, flags and the public history of answers.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import { estimatedSimilarity, likelyShares, matchPhrase, readTrigramLists, type DraftSearch } from '../../lib/similarity';
import { publiclyVisibleSql } from './public-visibility';
import { CLOSED_STATUSES, type FlagReason, type ModerationStatus, type ResponseStatus, type StepSort } from './feedback-vocabulary';

export interface PainPointRow {
  id: number;
  municipality_id: number;
  journey_id: number;
  step_id: number | null;
  participant_id: number | null;
  title: string;
  body: string;
  severity: number;
  channel: string | null;
  moderation_status: ModerationStatus;
  rejection_reason: string;
  merged_into_id: number | null;
  response_status: ResponseStatus;
  response_text: string;
  response_at: string | null;
  response_by_moderator: number;
  flag_count: number;
  hidden_by_flags: number;
  created_at: string;
  published_at: string | null;
}

/** A pain point with how many distinct residents support it (the submitter, voters, and those merged into it). */
export interface PainPointWithSupport extends PainPointRow {
  supporters: number;
}

export interface NewPainPoint {
  municipalityId: number;
  journeyId: number;
  stepId: number | null;
  participantId: number;
  title: string;
  body: string;
  severity: number;
  channel: string | null;
  status: 'pending' | 'published';
}

// Distinct participants behind a pain point, counting pain points merged into it (RANKING.md "supporters").
const SUPPORTERS = `(SELECT count(DISTINCT pid) FROM (
    SELECT s.participant_id AS pid FROM pain_points s WHERE (s.id = p.id OR s.merged_into_id = p.id) AND s.participant_id IS NOT NULL
    UNION ALL
    SELECT v.participant_id FROM votes v JOIN pain_points s ON s.id = v.pain_point_id WHERE s.id = p.id OR s.merged_into_id = p.id
  ))`;

// For published pain points (candidates) the same count is maintained by the ranking: read it instead of counting votes.
const CANDIDATE_SUPPORTERS = `coalesce((SELECT cs.n FROM candidate_stats cs WHERE cs.pain_point_id = p.id), 0)`;

const PUBLIC = publiclyVisibleSql('p');

/** A published pain point as the duplicate hints rank it. */
export interface SimilarityCandidate {
  id: number;
  title: string;
  body: string;
  step_id: number | null;
  response_status: ResponseStatus;
}

/**
 * Bounds of the search for similar pain points (migration 0014), which keep the check step's time flat however many
 * pain points a journey holds.
 */
export interface SearchBounds {
  /** The newest ids read for every searched trigram of the draft. */
  firstIds: number;
  /** The ids read in all (some 150 ns each), the rest going to the rarest lists that were cut. */
  ids: number;
  /** Pain points whose length is read to estimate their similarity. */
  estimated: number;
  /** Candidates ranked in JavaScript (lib/similarity.ts), */
  candidates: number;
  /** and the text they may hold together: the ranking cuts each text into trigrams, some 50 ns a character. */
  characters: number;
}

export const SEARCH_BOUNDS: SearchBounds = { firstIds: 250, ids: 48_000, estimated: 1000, candidates: 200, characters: 100_000 };

// The sorts SQL gives; "most important" is the ranking's order (feedback.service.ts).
const ORDER: Record<Exclude<StepSort, 'important'>, string> = {
  newest: 'p.published_at DESC, p.id DESC',
  supported: `${CANDIDATE_SUPPORTERS} DESC, p.published_at DESC, p.id DESC`,
};

export class FeedbackRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  // --- participants ---------------------------------------------------------------------------

  participantByHash(keyHash: string): number | undefined {
    // The browser that first took part, or one joined to it by a sign-in link (#20.4, migration 0032).
    return this.statement(
      'SELECT id FROM participants WHERE key_hash = ? UNION ALL SELECT participant_id FROM participant_keys WHERE key_hash = ? LIMIT 1',
      'pluck',
    ).get(keyHash, keyHash) as number | undefined;
  }

  /** One more browser for a participant: a fresh key's hash, never one in use. */
  linkKey(keyHash: string, participantId: number, now: string): void {
    this.statement('INSERT INTO participant_keys (key_hash, participant_id, created_at) VALUES (?, ?, ?)').run(keyHash, participantId, now);
  }

  insertParticipant(keyHash: string, now: string): number {
    this.statement('INSERT OR IGNORE INTO participants (key_hash, created_at) VALUES (?, ?)').run(keyHash, now);
    return this.participantByHash(keyHash)!;
  }

  // --- pain points ----------------------------------------------------------------------------

  insert(p: NewPainPoint, now: string): number {
    return Number(
      this.statement(
        `INSERT INTO pain_points (municipality_id, journey_id, step_id, participant_id, title, body, severity, channel,
           moderation_status, created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(p.municipalityId, p.journeyId, p.stepId, p.participantId, p.title, p.body, p.severity, p.channel, p.status, now, p.status === 'published' ? now : null)
        .lastInsertRowid,
    );
  }

  byId(municipalityId: number, id: number): PainPointWithSupport | undefined {
    return this.statement(`SELECT p.*, ${SUPPORTERS} AS supporters FROM pain_points p WHERE p.id = ? AND p.municipality_id = ?`)
      .get(id, municipalityId) as PainPointWithSupport | undefined;
  }

  /** A pain point's public answer, without the count of supporters `byId` makes. */
  responseOf(municipalityId: number, id: number): Pick<PainPointRow, 'journey_id' | 'response_status' | 'response_by_moderator'> | undefined {
    return this.statement('SELECT journey_id, response_status, response_by_moderator FROM pain_points WHERE id = ? AND municipality_id = ?')
      .get(id, municipalityId) as Pick<PainPointRow, 'journey_id' | 'response_status' | 'response_by_moderator'> | undefined;
  }

  /**
   * The ids of a step's public pain points (or, with `stepId` null, of those about the journey as a whole) in an
   * order SQL can give; a page then reads only its own rows. "Most important" comes from the ranking instead.
   */
  publicIds(journeyId: number, stepId: number | null, sort: Exclude<StepSort, 'important'>): number[] {
    return this.statement(
      `SELECT p.id FROM pain_points p WHERE p.journey_id = @journey AND (p.step_id = @step OR (@step IS NULL AND p.step_id IS NULL))
       AND ${PUBLIC} ORDER BY ${ORDER[sort]}`,
      'pluck',
    ).all({ journey: journeyId, step: stepId }) as number[];
  }

  /** Public pain points by id, in the order of the ids given. */
  publicByIds(ids: number[]): PainPointWithSupport[] {
    if (ids.length === 0) return [];
    const rows = this.statement(`SELECT p.*, ${CANDIDATE_SUPPORTERS} AS supporters FROM pain_points p WHERE p.id IN (SELECT value FROM json_each(?)) AND ${PUBLIC}`)
      .all(JSON.stringify(ids)) as PainPointWithSupport[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Per step of a journey: public pain points and distinct supporters over them. The supporters are maintained by
   * triggers (migration 0006), so this reads one count per step rather than the journey's votes.
   */
  stepSummaries(journeyId: number): { step_id: number; pain_points: number; supporters: number }[] {
    return this.statement(
      `SELECT * FROM (
         SELECT st.id AS step_id,
           (SELECT count(*) FROM pain_points p WHERE p.step_id = st.id AND ${PUBLIC}) AS pain_points,
           coalesce((SELECT c.supporters FROM step_supporter_counts c WHERE c.step_id = st.id), 0) AS supporters
         FROM steps st WHERE st.journey_id = ?
       ) WHERE pain_points > 0`,
    ).all(journeyId) as { step_id: number; pain_points: number; supporters: number }[];
  }

  /**
   * Every public pain point of a journey: what the duplicate hints ranked before the index (migration 0014), kept as
   * the reference the indexed search is compared with (test/unit/similar-search.test.ts).
   */
  similarityPool(journeyId: number): { id: number; title: string; body: string; step_id: number | null; response_status: ResponseStatus }[] {
    return this.statement(`SELECT p.id, p.title, p.body, p.step_id, p.response_status FROM pain_points p WHERE p.journey_id = ? AND ${PUBLIC}`)
      .all(journeyId) as { id: number; title: string; body: string; step_id: number | null; response_status: ResponseStatus }[];
  }

  /**
   * The journey's public pain points most likely to resemble a draft, for lib/similarity.ts to rank. The index
   * (migration 0014) lists, per searched trigram, the pain points holding it; those holding the largest share are
   * weighed by their length, and the likeliest are read, within the bounds above. In id order, as `similarityPool`
   * gives them, so that equal scores are shown in the same order as when every pain point was ranked.
   */
  similarityCandidates(journeyId: number, draft: DraftSearch, bounds: SearchBounds = SEARCH_BOUNDS): SimilarityCandidate[] {
    const lookup = (gram: string, limit: number, olderThan?: number) => this.withTrigram(journeyId, gram, limit, olderThan);
    const lists = readTrigramLists(draft.trigrams, lookup, bounds.firstIds, bounds.ids);
    const shares = likelyShares(lists, bounds.estimated);
    if (shares.length === 0) return [];
    // Visibility is asked again of the rows themselves: an index behind the table could cost a hint, never show a hidden one.
    const characters = new Map(
      this.statement(
        `SELECT p.id, length(p.title) + length(p.body) FROM pain_points p
         WHERE p.id IN (SELECT value FROM json_each(?)) AND p.journey_id = ? AND ${PUBLIC}`,
        'raw',
      ).all(JSON.stringify(shares.map((s) => s.id)), journeyId) as [number, number][],
    );
    const likeliest = shares
      .filter((s) => characters.has(s.id))
      .map((s) => ({ id: s.id, characters: characters.get(s.id)!, estimate: estimatedSimilarity(s.share, draft.size, characters.get(s.id)!) }))
      .sort((a, b) => b.estimate - a.estimate || b.id - a.id);
    const ids: number[] = [];
    let total = 0;
    for (const c of likeliest) {
      total += c.characters;
      if (ids.length === bounds.candidates || (total > bounds.characters && ids.length > 0)) break;
      ids.push(c.id);
    }
    return this.statement(
      `SELECT p.id, p.title, p.body, p.step_id, p.response_status FROM pain_points p
       WHERE p.id IN (SELECT value FROM json_each(?)) AND p.journey_id = ? AND ${PUBLIC} ORDER BY p.id`,
    ).all(JSON.stringify(ids), journeyId) as SimilarityCandidate[];
  }

  /**
   * Ids of the journey's public pain points whose title or body holds the trigram, newest first, at most `limit`, and
   * only those below `olderThan` when given. The CASTs matter: better-sqlite3 binds a JavaScript number as REAL, and
   * FTS5 ignores a rowid bound that is not an INTEGER, reading the trigram's ids of every journey in the country
   * instead of seeking to this one's (64 lookups of a common trigram in a journey amid 210 000 pain points: 1 ms with
   * the bound, 150 ms without).
   */
  private withTrigram(journeyId: number, gram: string, limit: number, olderThan = 4294967296): number[] {
    return this.statement(
      `SELECT rowid & 4294967295 FROM pain_point_search
       WHERE pain_point_search MATCH @match
         AND rowid BETWEEN CAST(@journey AS INTEGER) * 4294967296 AND CAST(@journey AS INTEGER) * 4294967296 + CAST(@below AS INTEGER) - 1
       ORDER BY rowid DESC LIMIT @limit`,
      'pluck',
    ).all({ match: matchPhrase(gram), journey: journeyId, below: olderThan, limit }) as number[];
  }

  byParticipant(participantId: number): (PainPointWithSupport & { journey_title: string; municipality_slug: string })[] {
    return this.statement(
      `SELECT p.*, ${SUPPORTERS} AS supporters, j.title AS journey_title, m.slug AS municipality_slug
       FROM pain_points p JOIN journeys j ON j.id = p.journey_id JOIN municipalities m ON m.id = p.municipality_id
       WHERE p.participant_id = ? ORDER BY p.id DESC`,
    ).all(participantId) as (PainPointWithSupport & { journey_title: string; municipality_slug: string })[];
  }

  /** Erasure: pain points merged into this one go back to being their own, then the row and its votes go. */
  delete(id: number): void {
    this.statement("UPDATE pain_points SET moderation_status = 'published', merged_into_id = NULL WHERE merged_into_id = ?").run(id);
    this.statement('DELETE FROM pain_points WHERE id = ?').run(id);
  }

  setModeration(id: number, status: ModerationStatus, now: string, rejectionReason = ''): void {
    this.statement(
      `UPDATE pain_points SET moderation_status = ?, rejection_reason = ?, merged_into_id = NULL,
         published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, ?) ELSE published_at END WHERE id = ?`,
    ).run(status, rejectionReason, status, now, id);
  }

  merge(id: number, targetId: number): void {
    this.statement("UPDATE pain_points SET moderation_status = 'merged', merged_into_id = ? WHERE id = ?").run(targetId, id);
  }

  mergedInto(id: number): PainPointRow[] {
    return this.statement('SELECT * FROM pain_points WHERE merged_into_id = ? ORDER BY id').all(id) as PainPointRow[];
  }

  updateText(id: number, title: string, body: string): void {
    this.statement('UPDATE pain_points SET title = ?, body = ? WHERE id = ?').run(title, body, id);
  }

  setResponse(id: number, status: ResponseStatus, text: string, byModerator: boolean, now: string): void {
    this.statement('UPDATE pain_points SET response_status = ?, response_text = ?, response_at = ?, response_by_moderator = ? WHERE id = ?')
      .run(status, text, now, byModerator ? 1 : 0, id);
  }

  insertEvent(painPointId: number, journeyId: number, status: ResponseStatus, text: string, now: string): void {
    this.statement('INSERT INTO pain_point_events (pain_point_id, journey_id, response_status, response_text, at) VALUES (?, ?, ?, ?, ?)')
      .run(painPointId, journeyId, status, text, now);
  }

  /** The journey's public history of answers, newest first; only for pain points residents can see. */
  feed(journeyId: number, limit: number): { id: number; pain_point_id: number; title: string; step_id: number | null; response_status: ResponseStatus; response_text: string; at: string }[] {
    return this.statement(
      `SELECT e.id, e.pain_point_id, p.title, p.step_id, e.response_status, e.response_text, e.at
       FROM pain_point_events e JOIN pain_points p ON p.id = e.pain_point_id
       WHERE e.journey_id = ? AND ${PUBLIC} ORDER BY e.id DESC LIMIT ?`,
    ).all(journeyId, limit) as { id: number; pain_point_id: number; title: string; step_id: number | null; response_status: ResponseStatus; response_text: string; at: string }[];
  }

  // --- votes ----------------------------------------------------------------------------------

  /** Returns false when the participant had already voted (the primary key keeps one vote). */
  insertVote(painPointId: number, participantId: number, severity: number | null, now: string): boolean {
    return (
      this.statement('INSERT OR IGNORE INTO votes (pain_point_id, participant_id, severity, created_at) VALUES (?, ?, ?, ?)')
        .run(painPointId, participantId, severity, now).changes === 1
    );
  }

  deleteVote(painPointId: number, participantId: number): boolean {
    return this.statement('DELETE FROM votes WHERE pain_point_id = ? AND participant_id = ?').run(painPointId, participantId).changes === 1;
  }

  /** How many "me too" a pain point has (the erasure page says how many go with it). */
  voteCount(painPointId: number): number {
    return this.statement('SELECT count(*) FROM votes WHERE pain_point_id = ?', 'pluck').get(painPointId) as number;
  }

  hasVoted(painPointId: number, participantId: number): boolean {
    return this.statement('SELECT EXISTS (SELECT 1 FROM votes WHERE pain_point_id = ? AND participant_id = ?)', 'pluck').get(painPointId, participantId) === 1;
  }

  votedIds(participantId: number, painPointIds: number[]): Set<number> {
    if (painPointIds.length === 0) return new Set();
    const rows = this.statement(`SELECT pain_point_id FROM votes WHERE participant_id = ? AND pain_point_id IN (SELECT value FROM json_each(?))`, 'pluck')
      .all(participantId, JSON.stringify(painPointIds)) as number[];
    return new Set(rows);
  }

  votesByParticipant(participantId: number): { pain_point_id: number; severity: number | null; created_at: string; title: string; response_status: ResponseStatus; response_text: string; municipality_slug: string }[] {
    return this.statement(
      `SELECT v.pain_point_id, v.severity, v.created_at, p.title, p.response_status, p.response_text, m.slug AS municipality_slug
       FROM votes v JOIN pain_points p ON p.id = v.pain_point_id JOIN municipalities m ON m.id = p.municipality_id
       WHERE v.participant_id = ? ORDER BY v.created_at DESC`,
    ).all(participantId) as { pain_point_id: number; severity: number | null; created_at: string; title: string; response_status: ResponseStatus; response_text: string; municipality_slug: string }[];
  }

  // --- flags ----------------------------------------------------------------------------------

  /** Records a flag once per participant; hides the pain point when the count reaches the threshold. */
  insertFlag(painPointId: number, participantId: number, reason: FlagReason, threshold: number, now: string): boolean {
    const added = this.statement('INSERT OR IGNORE INTO flags (pain_point_id, participant_id, reason, created_at) VALUES (?, ?, ?, ?)')
      .run(painPointId, participantId, reason, now).changes === 1;
    if (added) {
      this.statement('UPDATE pain_points SET flag_count = flag_count + 1, hidden_by_flags = CASE WHEN flag_count + 1 >= ? THEN 1 ELSE hidden_by_flags END WHERE id = ?')
        .run(threshold, painPointId);
    }
    return added;
  }

  openFlags(painPointId: number): { reason: FlagReason; created_at: string }[] {
    return this.statement('SELECT reason, created_at FROM flags WHERE pain_point_id = ? AND resolved_at IS NULL ORDER BY id')
      .all(painPointId) as { reason: FlagReason; created_at: string }[];
  }

  resolveFlags(painPointId: number, now: string): void {
    this.statement('UPDATE flags SET resolved_at = ? WHERE pain_point_id = ? AND resolved_at IS NULL').run(now, painPointId);
    this.statement('UPDATE pain_points SET flag_count = 0, hidden_by_flags = 0 WHERE id = ?').run(painPointId);
  }

  // --- moderation queue -----------------------------------------------------------------------

  queue(
    municipalityId: number,
    filter: { journeyId: number | null; stepId: number | null; status: ModerationStatus | 'all'; flagged: boolean },
    limit: number,
  ): (PainPointWithSupport & { journey_title: string; step_title: string | null })[] {
    // Hidden by flags first (residents cannot see them until someone looks), then the longest waiting.
    return this.statement(
      `SELECT p.*, ${SUPPORTERS} AS supporters, j.title AS journey_title, s.title AS step_title
       FROM pain_points p JOIN journeys j ON j.id = p.journey_id LEFT JOIN steps s ON s.id = p.step_id
       WHERE p.municipality_id = @m
         AND (@journey IS NULL OR p.journey_id = @journey)
         AND (@step IS NULL OR p.step_id = @step)
         AND (@status = 'all' OR p.moderation_status = @status)
         AND (@flagged = 0 OR p.flag_count > 0)
       ORDER BY p.hidden_by_flags DESC, p.created_at ASC, p.id ASC LIMIT @limit`,
    ).all({ m: municipalityId, journey: filter.journeyId, step: filter.stepId, status: filter.status, flagged: filter.flagged ? 1 : 0, limit }) as (PainPointWithSupport & {
      journey_title: string;
      step_title: string | null;
    })[];
  }

  /** Which of the given pain points are closed (solved or declined). */
  closedAmong(ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set();
    return new Set(
      this.statement('SELECT id FROM pain_points WHERE id IN (SELECT value FROM json_each(?)) AND response_status IN (SELECT value FROM json_each(?))', 'pluck').all(
        JSON.stringify(ids),
        JSON.stringify(CLOSED_STATUSES),
      ) as number[],
    );
  }

  /** Other published pain points of the same journey, as merge targets. */
  /** The title of the step a pain point is on; null for one about the journey as a whole. */
  stepTitleOf(id: number): string | null {
    return (this.statement('SELECT s.title FROM pain_points p JOIN steps s ON s.id = p.step_id WHERE p.id = ?', 'pluck').get(id) as string | undefined) ?? null;
  }

  /** Published pain points of a journey, on one step (null: the journey as a whole) or, with `allSteps`, on any. */
  mergeTargets(journeyId: number, exceptId: number, stepId: number | null, allSteps: boolean): { id: number; title: string; step_title: string | null }[] {
    return this.statement(
      `SELECT p.id, p.title, s.title AS step_title FROM pain_points p LEFT JOIN steps s ON s.id = p.step_id
       WHERE p.journey_id = @journey AND p.id <> @except AND p.moderation_status = 'published' AND (@all = 1 OR p.step_id IS @step)
       ORDER BY p.title, p.id`,
    ).all({ journey: journeyId, except: exceptId, step: stepId, all: allSteps ? 1 : 0 }) as { id: number; title: string; step_title: string | null }[];
  }

  moveToStep(fromStepId: number, toStepId: number): number {
    return this.statement('UPDATE pain_points SET step_id = ? WHERE step_id = ?').run(toStepId, fromStepId).changes;
  }

  stepHasFeedback(stepId: number): boolean {
    return this.statement('SELECT EXISTS (SELECT 1 FROM pain_points WHERE step_id = ?)', 'pluck').get(stepId) === 1;
  }
}
