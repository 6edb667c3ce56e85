// The "is it fixed?" links (#20.3): one per follow and report, signed like the unsubscribe links (an HMAC with the
// database's link key over the follow's id and salt), never stored. The report's id is signed in too, through the
// salt, so a follow's link for one report answers for no other, and an unsubscribe link is no answer link.
import { LinkSigner } from './notice-tokens';

function saltFor(followSalt: Buffer, painPointId: number): Buffer {
  return Buffer.concat([followSalt, Buffer.from(`:fixed:${painPointId}`)]);
}

/** `<report id>.f<follow id>.<signature>`. */
export function fixAnswerToken(signer: LinkSigner, followId: number, painPointId: number, followSalt: Buffer): string {
  return `${painPointId}.${signer.sign({ kind: 'follow', id: followId }, saltFor(followSalt, painPointId))}`;
}

/** The follow and report a token names, before its signature is checked (which needs the follow's salt). */
export function fixAnswerSubject(token: string): { followId: number; painPointId: number; signed: string } | null {
  const match = /^([1-9]\d{0,15})\.(f[1-9]\d{0,15}\.[A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const subject = LinkSigner.subjectOf(match[2]!);
  if (!subject || subject.kind !== 'follow') return null;
  return { followId: subject.id, painPointId: Number(match[1]), signed: match[2]! };
}

export function verifyFixAnswer(signer: LinkSigner, subject: { painPointId: number; signed: string }, followSalt: Buffer): boolean {
  return signer.verify(subject.signed, saltFor(followSalt, subject.painPointId));
}
