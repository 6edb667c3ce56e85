// SQL for follows, their addresses and pending requests, and the outbox (migration 0023). It reads the feedback and
// journeys tables only to know whom a change concerns and what to call it; it never writes them.
import type { Db } from '../../db/connection';
import { statements, type StatementFor } from '../../db/statements';
import { publiclyVisibleSql } from '../feedback/public-visibility';
import type { Locale } from '../../lib/i18n';

export type FollowMode = 'immediate' | 'weekly';
export type NoticeKind = 'confirm' | 'answer' | 'status' | 'progress' | 'merged' | 'rejected' | 'fixed' | 'invitation';
export type FollowTarget = { painPointId: number; journeyId?: undefined } | { journeyId: number; painPointId?: undefined };

export interface RequestRow {
  id: number;
  sealed_email: Buffer;
  pain_point_id: number | null;
  journey_id: number | null;
  participant_id: number | null;
  language: Locale;
  mode: FollowMode;
  expires_at: string;
}

export interface FollowRow {
  id: number;
  address_id: number;
  pain_point_id: number | null;
  journey_id: number | null;
  participant_id: number | null;
  language: Locale;
  mode: FollowMode;
  salt: Buffer;
}

export interface AddressRow {
  id: number;
  email: string;
  language: Locale;
  salt: Buffer;
}

/** A follow as the manage page lists it: what it follows, by name and address. */
export interface FollowListed extends FollowRow {
  title: string;
  municipality_slug: string;
  journey_slug: string | null;
}

/** One outbox row as the sender claims it, with the address it goes to (read now, never stored with a notice). */
export interface ClaimedRow {
  id: number;
  kind: NoticeKind;
  follow_id: number | null;
  request_id: number | null;
  language: Locale;
  digest: number;
  payload: string;
  attempts: number;
  recipient: string | null;
  address_id: number | null;
  address_email: string | null;
  address_language: Locale | null;
  address_salt: Buffer | null;
  follow_salt: Buffer | null;
}

export interface PainPointInfo {
  id: number;
  title: string;
  journey_id: number;
  participant_id: number | null;
  publicly_visible: number;
  municipality_slug: string;
  municipality_name: string;
}

const PUBLIC = publiclyVisibleSql('p');

export class NoticesRepository {
  private readonly statement: StatementFor;

  constructor(private readonly db: Db) {
    this.statement = statements(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  linkKey(): Buffer {
    return this.statement('SELECT key FROM notice_link_keys WHERE id = 1', 'pluck').get() as Buffer;
  }

  // --- requests waiting for their confirmation ---------------------------------------------------

  insertRequest(r: { tokenHash: string; sealed: Buffer; target: FollowTarget; participantId: number | null; language: Locale; mode: FollowMode; expiresAt: string }, now: string): number {
    return Number(
      this.statement(
        `INSERT INTO follow_requests (token_hash, sealed_email, pain_point_id, journey_id, participant_id, language, mode, expires_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.tokenHash, r.sealed, r.target.painPointId ?? null, r.target.journeyId ?? null, r.participantId, r.language, r.mode, r.expiresAt, now).lastInsertRowid,
    );
  }

  requestByHash(hash: string): RequestRow | undefined {
    return this.statement('SELECT * FROM follow_requests WHERE token_hash = ?').get(hash) as RequestRow | undefined;
  }

  deleteRequest(id: number): void {
    this.statement('DELETE FROM follow_requests WHERE id = ?').run(id);
  }

  deleteExpiredRequests(now: string): number {
    return this.statement('DELETE FROM follow_requests WHERE expires_at <= ?').run(now).changes;
  }

  // --- addresses and follows ---------------------------------------------------------------------

  addressByEmail(email: string): AddressRow | undefined {
    return this.statement('SELECT id, email, language, salt FROM follow_addresses WHERE email = ?').get(email) as AddressRow | undefined;
  }

  addressById(id: number): AddressRow | undefined {
    return this.statement('SELECT id, email, language, salt FROM follow_addresses WHERE id = ?').get(id) as AddressRow | undefined;
  }

  insertAddress(email: string, language: Locale, salt: Buffer, now: string): number {
    return Number(this.statement('INSERT INTO follow_addresses (email, language, salt, created_at) VALUES (?, ?, ?, ?)').run(email, language, salt, now).lastInsertRowid);
  }

  setAddressLanguage(id: number, language: Locale): void {
    this.statement('UPDATE follow_addresses SET language = ? WHERE id = ?').run(language, id);
  }

  deleteAddress(id: number): boolean {
    return this.statement('DELETE FROM follow_addresses WHERE id = ?').run(id).changes === 1;
  }

  /** A follow of the target by the address, made or brought up to date with the latest choice of language and mode. */
  upsertFollow(f: { addressId: number; target: FollowTarget; participantId: number | null; language: Locale; mode: FollowMode; salt: Buffer }, now: string): number {
    const existing = this.statement('SELECT id FROM follows WHERE address_id = ? AND (pain_point_id = ? OR journey_id = ?)', 'pluck').get(
      f.addressId, f.target.painPointId ?? null, f.target.journeyId ?? null,
    ) as number | undefined;
    if (existing !== undefined) {
      this.statement('UPDATE follows SET language = ?, mode = ?, participant_id = coalesce(?, participant_id) WHERE id = ?').run(f.language, f.mode, f.participantId, existing);
      return existing;
    }
    return Number(
      this.statement(
        `INSERT INTO follows (address_id, pain_point_id, journey_id, participant_id, language, mode, salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(f.addressId, f.target.painPointId ?? null, f.target.journeyId ?? null, f.participantId, f.language, f.mode, f.salt, now).lastInsertRowid,
    );
  }

  followById(id: number): FollowRow | undefined {
    return this.statement('SELECT id, address_id, pain_point_id, journey_id, participant_id, language, mode, salt FROM follows WHERE id = ?').get(id) as FollowRow | undefined;
  }

  followsOfAddress(addressId: number): FollowListed[] {
    return this.statement(
      `SELECT f.id, f.address_id, f.pain_point_id, f.journey_id, f.participant_id, f.language, f.mode, f.salt,
              coalesce(p.title, j.title) AS title, m.slug AS municipality_slug, j.slug AS journey_slug
       FROM follows f
       LEFT JOIN pain_points p ON p.id = f.pain_point_id
       LEFT JOIN journeys j ON j.id = f.journey_id
       JOIN municipalities m ON m.id = coalesce(p.municipality_id, j.municipality_id)
       WHERE f.address_id = ? ORDER BY f.id`,
    ).all(addressId) as FollowListed[];
  }

  setMode(id: number, mode: FollowMode): void {
    this.statement('UPDATE follows SET mode = ? WHERE id = ?').run(mode, id);
  }

  deleteFollow(id: number): boolean {
    return this.statement('DELETE FROM follows WHERE id = ?').run(id).changes === 1;
  }

  /** A resident's erasure of a contribution: the follows they made of it go (the address with its last follow). */
  deleteFollowsBy(participantId: number, painPointId: number): void {
    this.statement('DELETE FROM follows WHERE participant_id = ? AND pain_point_id = ?').run(participantId, painPointId);
    this.statement('DELETE FROM follow_requests WHERE participant_id = ? AND pain_point_id = ?').run(participantId, painPointId);
  }

  /** Closed (solved, declined, rejected) now, or open again: the follows of one report are kept 30 days after it closes. */
  setClosed(painPointId: number, closedAt: string | null): void {
    this.statement('UPDATE follows SET closed_at = ? WHERE pain_point_id = ? AND (? IS NULL OR closed_at IS NULL)').run(closedAt, painPointId, closedAt);
  }

  deleteClosedBefore(cutoff: string): number {
    return this.statement('DELETE FROM follows WHERE closed_at IS NOT NULL AND closed_at <= ?').run(cutoff).changes;
  }

  /** A merge: the follows of the duplicate go on with the report it was merged into (one per address). */
  moveFollows(fromPainPointId: number, toPainPointId: number): void {
    this.statement('UPDATE OR IGNORE follows SET pain_point_id = ?, closed_at = NULL WHERE pain_point_id = ?').run(toPainPointId, fromPainPointId);
    this.statement('DELETE FROM follows WHERE pain_point_id = ?').run(fromPainPointId);
  }

  /** What a request or follow is about, by name, with the addresses of its page. */
  describe(painPointId: number | null, journeyId: number | null): { title: string; municipality_slug: string; journey_slug: string | null } | undefined {
    return this.statement(
      `SELECT coalesce(p.title, j.title) AS title, m.slug AS municipality_slug, j.slug AS journey_slug
       FROM municipalities m LEFT JOIN pain_points p ON p.id = ? LEFT JOIN journeys j ON j.id = ?
       WHERE m.id = coalesce(p.municipality_id, j.municipality_id)`,
    ).get(painPointId, journeyId) as { title: string; municipality_slug: string; journey_slug: string | null } | undefined;
  }

  // --- whom a change concerns ----------------------------------------------------------------

  painPointInfo(id: number): PainPointInfo | undefined {
    return this.statement(
      `SELECT p.id, p.title, p.journey_id, p.participant_id, ${PUBLIC} AS publicly_visible, m.slug AS municipality_slug, m.name AS municipality_name
       FROM pain_points p JOIN municipalities m ON m.id = p.municipality_id WHERE p.id = ?`,
    ).get(id) as PainPointInfo | undefined;
  }

  /** The follows of a report, then, when residents can see it, those of its journey. */
  followersOf(painPoint: PainPointInfo): FollowRow[] {
    return this.statement(
      `SELECT id, address_id, pain_point_id, journey_id, participant_id, language, mode, salt FROM follows
       WHERE pain_point_id = ? OR (journey_id = ? AND ? = 1) ORDER BY pain_point_id IS NULL, id`,
    ).all(painPoint.id, painPoint.journey_id, painPoint.publicly_visible) as FollowRow[];
  }

  // --- the outbox ----------------------------------------------------------------------------

  /** False when the same change already queued a notice for this address (the dedupe key). */
  insertNotice(n: { kind: NoticeKind; followId: number | null; requestId?: number; recipient?: string; language: Locale; digest: boolean; payload: unknown; dedupeKey: string; dueAt: string }, now: string): boolean {
    return (
      this.statement(
        `INSERT OR IGNORE INTO outbox (kind, follow_id, request_id, recipient, language, digest, payload, dedupe_key, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(n.kind, n.followId, n.requestId ?? null, n.recipient ?? null, n.language, n.digest ? 1 : 0, JSON.stringify(n.payload), n.dedupeKey, n.dueAt, now).changes === 1
    );
  }

  /** Rows left in 'sending' by a process that is gone: due again at once (the sender's start-up, one process a database). */
  releaseInterrupted(): number {
    return this.statement("UPDATE outbox SET status = 'pending', lease_until = NULL WHERE status = 'sending'").run().changes;
  }

  /** Due rows (pending, or sending with a lapsed lease), oldest first, with the address each goes to. */
  due(now: string, limit: number): ClaimedRow[] {
    return this.statement(
      `SELECT o.id, o.kind, o.follow_id, o.request_id, o.language, o.digest, o.payload, o.attempts, o.recipient,
              f.address_id, a.email AS address_email, a.language AS address_language, a.salt AS address_salt, f.salt AS follow_salt
       FROM outbox o LEFT JOIN follows f ON f.id = o.follow_id LEFT JOIN follow_addresses a ON a.id = f.address_id
       WHERE (o.status = 'pending' AND o.next_attempt_at <= ?) OR (o.status = 'sending' AND o.lease_until <= ?)
       ORDER BY o.id LIMIT ?`,
    ).all(now, now, limit) as ClaimedRow[];
  }

  claim(id: number, leaseUntil: string): void {
    this.statement("UPDATE outbox SET status = 'sending', lease_until = ?, attempts = attempts + 1 WHERE id = ?").run(leaseUntil, id);
  }

  /** Sent: the address a confirmation carried, and its link, are forgotten. */
  markSent(id: number, now: string): void {
    this.statement(
      `UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL, recipient = NULL,
         payload = CASE WHEN kind IN ('confirm', 'invitation') THEN '{}' ELSE payload END WHERE id = ? AND status = 'sending'`,
    ).run(now, id);
  }

  attemptsOf(id: number): number | undefined {
    return this.statement('SELECT attempts FROM outbox WHERE id = ?', 'pluck').get(id) as number | undefined;
  }

  markRetry(id: number, nextAttemptAt: string, error: string): void {
    this.statement("UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND status = 'sending'").run(nextAttemptAt, error, id);
  }

  markFailed(id: number, error: string): void {
    this.statement(
      `UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = ?, recipient = NULL,
         payload = CASE WHEN kind IN ('confirm', 'invitation') THEN '{}' ELSE payload END WHERE id = ?`,
    ).run(error, id);
  }

  /** A staff invitation's e-mails not yet claimed by the sender (#21.2): sent again or withdrawn, its old link is dead. */
  cancelInvitationMail(invitationId: number): number {
    return this.statement("DELETE FROM outbox WHERE kind = 'invitation' AND status = 'pending' AND dedupe_key LIKE ?").run(`invitation:${invitationId}:%`).changes;
  }

  deleteFinishedBefore(cutoff: string): number {
    return this.statement("DELETE FROM outbox WHERE status IN ('sent', 'failed') AND coalesce(sent_at, next_attempt_at) <= ?").run(cutoff).changes;
  }
}
