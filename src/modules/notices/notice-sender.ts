// Delivers the outbox (#20.6). A loop in the server process claims due rows in a transaction (status 'sending' with a
// lease), sends each e-mail, and marks it sent, or due again after an exponentially growing wait, or failed after
// `maxAttempts` (at once on a permanent 5xx refusal). See docs/architecture.md, "Following by e-mail", for what this
// guarantees across a crash: a row is marked sent in the first statement after the server's acceptance, and a row left
// 'sending' by a killed process is sent again under the same Message-ID.
import type { Logger } from '../../lib/logger';
import type { DeviceLinkPayload } from './device-links.service';
import type { ConfirmPayload, FollowsService } from './follows.service';
import { fixAnswerToken } from './fix-answer-links';
import type { InvitationMailPayload } from './invitation-outbox';
import { PermanentMailError, type MailTransport } from './mail-transport';
import type { MailItem, MailMessage, NoticeMail, NoticesMessage } from './notice-mail';
import type { ClaimedRow, NoticesRepository } from './notices.repository';

export interface SenderOptions {
  /** Attempts before a row is marked failed. */
  maxAttempts: number;
  /** The wait after the first failed attempt; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claimed row belongs to this sender; longer than any SMTP timeout (mail-transport.ts). */
  leaseMs: number;
  /** Rows claimed per round. */
  batch: number;
  /** Pause between rounds when nothing is due. */
  pollMs: number;
  /** How often the cleanup runs (expired requests, closed follows, old outbox rows). */
  cleanupMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 60 * 60_000,
  leaseMs: 5 * 60_000,
  batch: 50,
  pollMs: 5_000,
  cleanupMs: 60 * 60_000,
};

export class NoticeSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private lastCleanup = 0;

  constructor(
    private readonly repo: NoticesRepository,
    private readonly follows: FollowsService,
    private readonly mail: NoticeMail,
    private readonly transport: MailTransport,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly options: SenderOptions = DEFAULT_SENDER_OPTIONS,
  ) {}

  /**
   * Starts the loop. Rows a killed process left 'sending' are due again at once: one server runs on a database (the
   * pid file), so none of them belongs to a live sender.
   */
  start(): void {
    const released = this.repo.transaction(() => this.repo.releaseInterrupted());
    if (released > 0) this.logger.warn({ released }, 'outbox rows interrupted by a stop are due again');
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop after the round under way (a claimed row is never left half-marked by a graceful stop). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch((err: unknown) => this.logger.error({ err: { message: (err as Error).message } }, 'outbox round failed'))
        .then((sent) => this.schedule(sent ? 0 : this.options.pollMs));
    }, ms);
    this.timer.unref();
  }

  /** One round: cleanup when due, then claim and send what is due. Resolves to how many e-mails were attempted. */
  async round(): Promise<number> {
    const now = this.clock().getTime();
    if (now - this.lastCleanup >= this.options.cleanupMs) {
      this.lastCleanup = now;
      const removed = this.follows.cleanup();
      if (removed.requests + removed.follows + removed.outbox > 0) this.logger.info(removed, 'follows cleaned up');
    }
    const messages = this.claim();
    for (const message of messages) await this.deliver(message);
    return messages.length;
  }

  /** Claims the due rows in one transaction and groups them into e-mails: a week's digest rows go to their address together. */
  claim(): MailMessage[] {
    return this.repo.transaction(() => {
      const now = this.clock();
      const rows = this.repo.due(now.toISOString(), this.options.batch);
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      const messages: MailMessage[] = [];
      const digests = new Map<number, NoticesMessage>();
      for (const row of rows) {
        const message = this.messageOf(row, digests);
        if (message === 'unsendable') {
          this.repo.markFailed(row.id, 'nothing to send it to');
          continue;
        }
        this.repo.claim(row.id, leaseUntil);
        if (message) messages.push(message);
      }
      return messages;
    });
  }

  private messageOf(row: ClaimedRow, digests: Map<number, NoticesMessage>): MailMessage | null | 'unsendable' {
    if (row.kind === 'invitation') {
      // A staff invitation (#21.2); one whose link expired before it could go is not sent.
      const invitation = JSON.parse(row.payload) as InvitationMailPayload;
      if (row.recipient === null || !invitation.token || invitation.expiresAt <= this.clock().toISOString()) return 'unsendable';
      return { type: 'invitation', ids: [row.id], to: row.recipient, language: row.language, invitation };
    }
    if (row.kind === 'confirm') {
      const confirm = JSON.parse(row.payload) as ConfirmPayload | DeviceLinkPayload;
      // A sign-in link to another device (#20.4) has no request; one that expired before it could go is not sent.
      if ('purpose' in confirm) {
        if (row.recipient === null || confirm.expiresAt <= this.clock().toISOString()) return 'unsendable';
        return { type: 'confirm', ids: [row.id], to: row.recipient, language: row.language, confirm };
      }
      // A request that expired (or was erased) before its e-mail could go: nothing is sent, and the address goes.
      if (row.request_id === null || row.recipient === null) return 'unsendable';
      return { type: 'confirm', ids: [row.id], to: row.recipient, language: row.language, confirm };
    }
    if (row.address_id === null || row.address_email === null || row.follow_id === null) return 'unsendable';
    const item: MailItem = { kind: row.kind, payload: JSON.parse(row.payload) as MailItem['payload'], unsubscribeToken: this.follows.unsubscribeToken(row.follow_id, row.follow_salt!) };
    if (item.kind === 'fixed') item.fixAnswerToken = fixAnswerToken(this.follows.signer(), row.follow_id, item.payload.painPoint.id, row.follow_salt!);
    if (row.digest === 0) {
      return {
        type: 'notice', ids: [row.id], to: row.address_email, language: row.language, items: [item],
        manageToken: this.follows.manageToken(row.address_id), unsubscribeToken: item.unsubscribeToken,
      };
    }
    const digest = digests.get(row.address_id);
    if (digest) {
      digest.ids.push(row.id);
      digest.items.push(item);
      return null;
    }
    const manageToken = this.follows.manageToken(row.address_id);
    const created: NoticesMessage = {
      type: 'digest', ids: [row.id], to: row.address_email, language: row.address_language ?? row.language, items: [item],
      // The digest's one-click unsubscribe stops every e-mail to the address; each item has its own link besides.
      manageToken, unsubscribeToken: manageToken,
    };
    digests.set(row.address_id, created);
    return created;
  }

  private async deliver(message: MailMessage): Promise<void> {
    let mail;
    try {
      mail = await this.mail.render(message);
    } catch (err) {
      this.finish(message, () => ({ failed: `render: ${(err as Error).message}` }));
      return;
    }
    try {
      await this.transport.send(mail);
    } catch (err) {
      const reason = (err as Error).message;
      this.finish(message, (attempts) =>
        err instanceof PermanentMailError || attempts >= this.options.maxAttempts
          ? { failed: reason }
          : { retryAt: new Date(this.clock().getTime() + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1))).toISOString(), reason },
      );
      this.logger.warn({ outbox: message.ids, reason }, 'e-mail not sent');
      return;
    }
    // The first thing after the server's acceptance: the window in which a kill -9 sends this again is this one
    // synchronous commit.
    this.repo.transaction(() => {
      const at = this.clock().toISOString();
      for (const id of message.ids) this.repo.markSent(id, at);
    });
  }

  private finish(message: MailMessage, outcome: (attempts: number) => { failed: string } | { retryAt: string; reason: string }): void {
    this.repo.transaction(() => {
      for (const id of message.ids) {
        const attempts = this.repo.attemptsOf(id);
        if (attempts === undefined) continue;
        const decided = outcome(attempts);
        if ('failed' in decided) this.repo.markFailed(id, decided.failed);
        else this.repo.markRetry(id, decided.retryAt, decided.reason);
      }
    });
  }
}
