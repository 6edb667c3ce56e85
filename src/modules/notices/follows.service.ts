// Following a report or a journey by e-mail (#20.1): the request and its double opt-in, the confirmation, the one-click
// unsubscribe, the manage page's changes, and the cleanup that lets nothing outlive its purpose. Free of req/res.
import crypto from 'node:crypto';
import { AppError, NotFoundError } from '../../errors';
import type { Locale } from '../../lib/i18n';
import { paths } from '../../paths';
import { LinkSigner, randomToken, seal, tokenHash, unseal, type LinkSubject } from './notice-tokens';
import type { FollowListed, FollowMode, FollowTarget, NoticesRepository } from './notices.repository';

/** A confirmation link works this long; the request (and its sealed address) is deleted after it. */
export const CONFIRM_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Follows of a closed report, and finished outbox rows, are kept this long. */
export const KEEP_AFTER_CLOSE_MS = 30 * 24 * 60 * 60 * 1000;

/** A confirmation, unsubscribe or manage link that is used up, out of date or was never ours: 410 with its own page. */
export class LinkGone extends AppError {
  constructor() {
    super(410, 'notices.gone.body');
  }
}

/** What is followed, as a request's e-mail and pages name it. */
export interface TargetInfo {
  target: FollowTarget;
  title: string;
  /** The path of the report's or the journey's page. */
  path: string;
}

/** The confirmation e-mail's content until it is sent (then forgotten, with the address). */
export interface ConfirmPayload {
  token: string;
  title: string;
  path: string;
  expiresAt: string;
}

export class FollowsService {
  private signerKept: LinkSigner | null = null;

  constructor(
    private readonly repo: NoticesRepository,
    private readonly clock: () => Date,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Signs and checks the unsubscribe and manage links (the key is read once, on first use). */
  signer(): LinkSigner {
    this.signerKept ??= new LinkSigner(this.repo.linkKey());
    return this.signerKept;
  }

  /**
   * A resident asks to follow: nothing readable is kept, only the request with the address sealed under its link's
   * token, and the confirmation e-mail in the outbox (whose copy of the address goes once it is sent). The answer is
   * the same whether or not the address follows already, so the form tells nobody who follows what.
   */
  request(input: { email: string; mode: FollowMode; language: Locale; about: TargetInfo; participantId: number | null }): void {
    const token = randomToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + CONFIRM_WINDOW_MS).toISOString();
    this.repo.transaction(() => {
      const requestId = this.repo.insertRequest(
        { tokenHash: tokenHash(token), sealed: seal(token, input.email), target: input.about.target, participantId: input.participantId, language: input.language, mode: input.mode, expiresAt },
        now.toISOString(),
      );
      const payload: ConfirmPayload = { token, title: input.about.title, path: input.about.path, expiresAt };
      this.repo.insertNotice(
        { kind: 'confirm', followId: null, requestId, recipient: input.email, language: input.language, digest: false, payload, dedupeKey: `confirm:${requestId}`, dueAt: now.toISOString() },
        now.toISOString(),
      );
    });
  }

  /** The request a confirmation link stands for, while it is valid. */
  pendingRequest(token: string) {
    const request = this.repo.requestByHash(tokenHash(token));
    if (!request || request.expires_at <= this.now()) throw new LinkGone();
    return request;
  }

  /** The link is used: the address is kept from now on, with this follow. Returns the address's manage token. */
  confirm(token: string): { manageToken: string } {
    return this.repo.transaction(() => {
      const request = this.pendingRequest(token);
      const email = unseal(token, request.sealed_email);
      if (email === null) throw new LinkGone();
      const now = this.now();
      const address = this.repo.addressByEmail(email);
      const addressId = address?.id ?? this.repo.insertAddress(email, request.language, crypto.randomBytes(16), now);
      this.repo.setAddressLanguage(addressId, request.language);
      const target: FollowTarget = request.pain_point_id !== null ? { painPointId: request.pain_point_id } : { journeyId: request.journey_id! };
      this.repo.upsertFollow({ addressId, target, participantId: request.participant_id, language: request.language, mode: request.mode, salt: crypto.randomBytes(16) }, now);
      this.repo.deleteRequest(request.id);
      return { manageToken: this.manageToken(addressId) };
    });
  }

  /** What a request or a follow is about, and the path of its page; null once that is gone. */
  about(row: { pain_point_id: number | null; journey_id: number | null }): { title: string; path: string } | null {
    const d = this.repo.describe(row.pain_point_id, row.journey_id);
    if (!d) return null;
    const path = row.pain_point_id !== null
      ? paths.painPoint({ municipality: d.municipality_slug, painPointId: row.pain_point_id })
      : paths.journey({ municipality: d.municipality_slug, journey: d.journey_slug! });
    return { title: d.title, path };
  }

  manageToken(addressId: number): string {
    return this.signer().sign({ kind: 'address', id: addressId }, this.repo.addressById(addressId)!.salt);
  }

  unsubscribeToken(followId: number, salt: Buffer): string {
    return this.signer().sign({ kind: 'follow', id: followId }, salt);
  }

  /**
   * What an unsubscribe link stands for: a follow or (a digest's link) the whole address; null when it is gone
   * already, which the page says plainly. A link with a bad signature for something that exists is a 404.
   */
  unsubscribeSubject(token: string): (LinkSubject & { title: string | null }) | null {
    const subject = LinkSigner.subjectOf(token);
    if (!subject) throw new NotFoundError();
    if (subject.kind === 'follow') {
      const follow = this.repo.followById(subject.id);
      if (!follow) return null;
      if (!this.signer().verify(token, follow.salt)) throw new NotFoundError();
      const listed = this.repo.followsOfAddress(follow.address_id).find((f) => f.id === follow.id);
      return { ...subject, title: listed?.title ?? null };
    }
    const address = this.repo.addressById(subject.id);
    if (!address) return null;
    if (!this.signer().verify(token, address.salt)) throw new NotFoundError();
    return { ...subject, title: null };
  }

  /** One-click unsubscribe (RFC 8058) and the page's button: the follow goes, the address with its last follow. */
  unsubscribe(token: string): void {
    this.repo.transaction(() => {
      const subject = this.unsubscribeSubject(token);
      if (!subject) return;
      if (subject.kind === 'follow') this.repo.deleteFollow(subject.id);
      else this.repo.deleteAddress(subject.id);
    });
  }

  /** The address a manage link stands for, with everything it follows. */
  manage(token: string): { addressId: number; follows: FollowListed[] } {
    const subject = LinkSigner.subjectOf(token);
    if (!subject || subject.kind !== 'address') throw new LinkGone();
    const address = this.repo.addressById(subject.id);
    if (!address || !this.signer().verify(token, address.salt)) throw new LinkGone();
    return { addressId: address.id, follows: this.repo.followsOfAddress(address.id) };
  }

  private ownFollow(token: string, followId: number) {
    const { follows } = this.manage(token);
    const follow = follows.find((f) => f.id === followId);
    if (!follow) throw new NotFoundError();
    return follow;
  }

  setMode(token: string, followId: number, mode: FollowMode): void {
    this.repo.transaction(() => this.repo.setMode(this.ownFollow(token, followId).id, mode));
  }

  /** Stops one follow; true when it was the address's last, so the address (and this manage link) is gone too. */
  removeFollow(token: string, followId: number): boolean {
    return this.repo.transaction(() => {
      const follow = this.ownFollow(token, followId);
      this.repo.deleteFollow(follow.id);
      return this.repo.addressById(follow.address_id) === undefined;
    });
  }

  deleteAddress(token: string): void {
    this.repo.transaction(() => this.repo.deleteAddress(this.manage(token).addressId));
  }

  /**
   * Run by the sender now and then: expired requests (and their sealed addresses) go; follows 30 days after what they
   * follow closed, and with the last of them its address; outbox rows 30 days after they were sent or failed.
   */
  cleanup(): { requests: number; follows: number; outbox: number } {
    const now = this.clock().getTime();
    const cutoff = new Date(now - KEEP_AFTER_CLOSE_MS).toISOString();
    return this.repo.transaction(() => ({
      requests: this.repo.deleteExpiredRequests(new Date(now).toISOString()),
      follows: this.repo.deleteClosedBefore(cutoff),
      outbox: this.repo.deleteFinishedBefore(cutoff),
    }));
  }
}
