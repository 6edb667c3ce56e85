// The secrets in follow links. A confirmation link carries a random token: only its SHA-256 is stored, and the address
// waits sealed (AES-256-GCM) under a key derived from that token, so the server cannot read it until the link is used.
// Unsubscribe and manage links must be written into every later e-mail, so they are not stored at all: they are an id
// and an HMAC over it with the database's link key (migration 0023), checked in constant time.
import crypto from 'node:crypto';

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(`follow-request:${token}`).digest('hex');
}

function sealingKey(token: string): Buffer {
  return crypto.createHash('sha256').update(`follow-seal:${token}`).digest();
}

/** The address as only the holder of `token` can read it: iv (12) | tag (16) | ciphertext. */
export function seal(token: string, email: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealingKey(token), iv);
  const body = Buffer.concat([cipher.update(email, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The sealed address, or null when the token does not open it. */
export function unseal(token: string, sealed: Buffer): string | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealingKey(token), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** What a signed link stands for: one follow (its unsubscribe link) or one address (its manage link). */
export type LinkSubject = { kind: 'follow' | 'address'; id: number };

const PREFIX = { follow: 'f', address: 'a' } as const;

export class LinkSigner {
  constructor(private readonly key: Buffer) {}

  private mac(subject: LinkSubject, salt: Buffer): string {
    return crypto.createHmac('sha256', this.key).update(`${subject.kind}:${subject.id}:`).update(salt).digest('base64url').slice(0, 32);
  }

  sign(subject: LinkSubject, salt: Buffer): string {
    return `${PREFIX[subject.kind]}${subject.id}.${this.mac(subject, salt)}`;
  }

  /** The subject a token names, before its signature is checked (which needs the subject's salt). */
  static subjectOf(token: string): (LinkSubject & { mac: string }) | null {
    const match = /^([fa])([1-9]\d{0,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
    if (!match) return null;
    return { kind: match[1] === 'f' ? 'follow' : 'address', id: Number(match[2]), mac: match[3]! };
  }

  verify(token: string, salt: Buffer): boolean {
    const subject = LinkSigner.subjectOf(token);
    if (!subject) return false;
    const expected = Buffer.from(this.mac(subject, salt));
    const given = Buffer.from(subject.mac);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }
}
