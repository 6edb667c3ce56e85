// Staff members' TOTP secrets sealed at rest (#21 follow-up): AES-256-GCM with a random 12-byte IV per value and the
// user id as additional authenticated data, so a backup holds no second factor in clear and a sealed value copied to
// another account's row does not open. The key comes from TOTP_SECRET_KEY, else it is generated once and kept in the
// data folder (like the session secret); it is not in any backup, and without it no sealed secret opens.
import crypto from 'node:crypto';
import { resolveKeptSecret } from '../../lib/session-secret';

export const TOTP_KEY_FILE = 'totp-key';

/** Marks a sealed value; a clear base32 secret (A–Z, 2–7) never holds a ':', so the two cannot be mistaken. */
const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: another key, another account's row, or changed bytes. */
export class UnreadableTotpSecret extends Error {
  constructor() {
    super('TOTP secret cannot be opened with this key');
  }
}

export function resolveTotpKey(given: string | undefined, dataDir: string): string {
  return resolveKeptSecret(given, dataDir, TOTP_KEY_FILE);
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

function associatedData(userId: number): Buffer {
  return Buffer.from(`reisekart user_totp ${userId}`, 'utf8');
}

export class TotpSeal {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own from the kept secret, so it matches no other key derived from a secret of this installation.
    this.key = Buffer.from(crypto.hkdfSync('sha256', secret, '', 'reisekart totp secrets', 32));
  }

  seal(userId: number, clear: string): string {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associatedData(userId));
    const sealed = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  /** The clear secret of a sealed value; throws UnreadableTotpSecret when it does not open for this user and key. */
  open(userId: number, stored: string): string {
    const [iv, sealed] = stored.slice(SEALED_PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64url'));
    if (!isSealed(stored) || !iv || !sealed || iv.length !== IV_BYTES || sealed.length <= TAG_BYTES) throw new UnreadableTotpSecret();
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(associatedData(userId));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableTotpSecret();
    }
  }
}
