// The link of a staff invitation (#21.2) as its e-mail carries it, read from the outbox row still waiting to be sent:
// for tests that need the link but are not about the e-mail (test/http/staff-invitations.test.ts reads real mail).
import type { Db } from '../../src/db/connection';
import { paths } from '../../src/paths';

export function pendingInvitationLink(db: Db, email: string): string {
  const payload = db
    .prepare("SELECT payload FROM outbox WHERE kind = 'invitation' AND recipient = ? AND status = 'pending' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(email.trim().toLowerCase()) as string | undefined;
  if (!payload) throw new Error(`no invitation e-mail waiting for ${email}`);
  return paths.admin.invitation({ invitationToken: (JSON.parse(payload) as { token: string }).token });
}
