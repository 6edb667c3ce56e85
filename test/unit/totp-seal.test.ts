// The sealing of staff members' TOTP secrets at rest (#21 follow-up): AES-256-GCM bound to the user id, a new IV each
// time, refusing another key, another user and changed bytes; the key from TOTP_SECRET_KEY (32 characters at least,
// refused without printing it) or generated once and kept in the data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { isSealed, resolveTotpKey, TOTP_KEY_FILE, TotpSeal, UnreadableTotpSecret } from '../../src/modules/two-factor/totp-seal';

const KEY = 'unit-totp-key-unit-totp-key-unit-totp-key-1';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TotpSeal', () => {
  it('seals with a new IV each time, shows nothing of the secret, and opens for the same user and key', () => {
    const seal = new TotpSeal(KEY);
    const [a, b] = [seal.seal(7, SECRET), seal.seal(7, SECRET)];
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(isSealed(SECRET)).toBe(false);
    expect(a).not.toContain(SECRET);
    expect(Buffer.from(a.split(':')[1]!, 'base64url')).toHaveLength(12);
    expect(seal.open(7, a)).toBe(SECRET);
    expect(new TotpSeal(KEY).open(7, b)).toBe(SECRET);
  });

  it('refuses another user, another key, a changed byte and a cut value', () => {
    const sealed = new TotpSeal(KEY).seal(7, SECRET);
    expect(() => new TotpSeal(KEY).open(8, sealed)).toThrow(UnreadableTotpSecret);
    expect(() => new TotpSeal(`${KEY}x`).open(7, sealed)).toThrow(UnreadableTotpSecret);
    const body = Buffer.from(sealed.split(':')[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => new TotpSeal(KEY).open(7, `v1:${sealed.split(':')[1]}:${body.toString('base64url')}`)).toThrow(UnreadableTotpSecret);
    expect(() => new TotpSeal(KEY).open(7, sealed.slice(0, 20))).toThrow(UnreadableTotpSecret);
    expect(() => new TotpSeal(KEY).open(7, 'v1:')).toThrow(UnreadableTotpSecret);
  });
});

describe('the TOTP key', () => {
  it('refuses a short TOTP_SECRET_KEY without printing it, and takes a long one', () => {
    let message = '';
    try {
      loadConfig({ TOTP_SECRET_KEY: 'kort-nokkel' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('Invalid configuration: TOTP_SECRET_KEY must be at least 32 characters');
    expect(loadConfig({ TOTP_SECRET_KEY: 'y'.repeat(32) }).totpSecretKey).toBe('y'.repeat(32));
    expect(loadConfig({}).totpSecretKey).toBeUndefined();
  });

  // How a kept secret is made and kept is resolveKeptSecret's, tested with the session secret; here, that this key has
  // a file of its own (one key lost or given does not touch the others) and that the variable wins.
  it('is kept in a file of its own in the data folder, unless TOTP_SECRET_KEY gives it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reisekart-totp-key-'));
    try {
      const kept = resolveTotpKey(undefined, dir);
      expect(fs.readFileSync(path.join(dir, TOTP_KEY_FILE), 'utf8').trim()).toBe(kept);
      expect(resolveTotpKey('given-'.repeat(8), dir)).toBe('given-'.repeat(8));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
