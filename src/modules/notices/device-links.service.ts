// "Your contributions on another device" (#20.4). A resident whose address follows something, confirmed, asks for a
// sign-in link; it opens once, within 15 minutes, and joins the browser that opens it to the participant of the
// address's earliest follow. Joining links keys, it moves nothing: the browser gets a new random key whose hash points
// at that same participant row (participant_keys), so votes, supporters and the ranking's sums stay exactly as they
// were. Whatever the new browser had done under its own earlier key stays with that key (see docs/architecture.md).
import crypto from 'node:crypto';
import type { Locale } from '../../lib/i18n';
import type { AuditService } from '../audit/audit.service';
import type { DeviceLinksRepository } from './device-links.repository';
import { LinkGone } from './follows.service';
import type { NoticesRepository } from './notices.repository';

export const DEVICE_LINK_TTL_MS = 15 * 60_000;
/** Used and expired links are kept a day, so that a late click still finds "used" or "expired" rather than nothing. */
const KEEP_MS = 24 * 60 * 60_000;

/** What the sign-in e-mail carries; forgotten once it is sent (the outbox's 'confirm' rows, migration 0023). */
export interface DeviceLinkPayload {
  purpose: 'device';
  token: string;
  expiresAt: string;
}

function deviceTokenHash(token: string): string {
  return crypto.createHash('sha256').update(`device-link:${token}`).digest('hex');
}

export class DeviceLinksService {
  constructor(
    private readonly repo: DeviceLinksRepository,
    private readonly notices: NoticesRepository,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: () => Date,
  ) {}

  /** Queues the e-mail when the address follows something from a participant; silent otherwise (no enumeration). */
  request(email: string, language: Locale): void {
    const now = this.clock();
    this.notices.transaction(() => {
      this.repo.deleteOlderThan(new Date(now.getTime() - KEEP_MS).toISOString());
      const found = this.repo.participantOfAddress(email);
      if (!found) return;
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + DEVICE_LINK_TTL_MS).toISOString();
      const id = this.repo.insert(deviceTokenHash(token), found.participantId, expiresAt, now.toISOString());
      const payload: DeviceLinkPayload = { purpose: 'device', token, expiresAt };
      this.notices.insertNotice(
        { kind: 'confirm', followId: null, recipient: email, language, digest: false, payload, dedupeKey: `device:${id}`, dueAt: now.toISOString() },
        now.toISOString(),
      );
      this.audit.record({ actorUserId: null, municipalityId: null, action: 'resident.device_link_sent', entityType: 'participant', entityId: found.participantId });
    });
  }

  /** Throws LinkGone for an unknown, used or expired token. */
  private valid(token: string) {
    const link = this.repo.byTokenHash(deviceTokenHash(token));
    if (!link || link.used_at !== null || link.expires_at <= this.clock().toISOString()) throw new LinkGone();
    return link;
  }

  /** Whether the link may still be used: its page shows the button, or says it is gone. */
  check(token: string): void {
    this.valid(token);
  }

  /** Uses the link once: `join` gives the browser its new key for the participant, in the same transaction. */
  use(token: string, join: (participantId: number) => void): void {
    this.notices.transaction(() => {
      const link = this.valid(token);
      if (!this.repo.markUsed(link.id, this.clock().toISOString())) throw new LinkGone();
      join(link.participant_id);
      this.audit.record({ actorUserId: null, municipalityId: null, action: 'resident.device_joined', entityType: 'participant', entityId: link.participant_id });
    });
  }
}
