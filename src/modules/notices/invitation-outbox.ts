// Staff invitations by e-mail (#21.2) go out through the residents' outbox and its sender: queued in the transaction
// that makes or renews the invitation, and, like a confirmation, with the address and the link forgotten once sent
// (markSent blanks an 'invitation' row's payload and recipient).
import crypto from 'node:crypto';
import type { Locale } from '../../lib/i18n';
import type { NoticesRepository } from './notices.repository';

/** What the invitation e-mail says; the token is the only secret, and leaves the outbox when the e-mail has gone. */
export interface InvitationMailPayload {
  purpose: 'invitation';
  token: string;
  expiresAt: string;
  municipalityName: string;
  name: string;
  roles: string[];
}

export class InvitationOutbox {
  constructor(private readonly repo: NoticesRepository) {}

  /** Call inside the invitation's own transaction (one connection holds both tables). */
  queue(mail: { invitationId: number; to: string; language: Locale; payload: Omit<InvitationMailPayload, 'purpose'> }, now: string): void {
    const payload: InvitationMailPayload = { purpose: 'invitation', ...mail.payload };
    // The key names the invitation, so that a renewal or withdrawal can take back what is still waiting; each link is
    // its own e-mail, so a random part keeps the keys apart (never any of the token: the key outlives the sending).
    this.repo.insertNotice(
      { kind: 'invitation', followId: null, recipient: mail.to, language: mail.language, digest: false, payload, dedupeKey: `invitation:${mail.invitationId}:${crypto.randomBytes(8).toString('hex')}`, dueAt: now },
      now,
    );
  }

  /** Takes back the invitation's e-mails the sender has not claimed yet. */
  cancel(invitationId: number): void {
    this.repo.cancelInvitationMail(invitationId);
  }
}
