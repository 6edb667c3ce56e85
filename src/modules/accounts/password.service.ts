// Password hashing (argon2id) and the password policy of SECURITY.md 15.
import argon2 from 'argon2';
import commonPasswords from 'fxa-common-password-list';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// OWASP's argon2id minimum (19 MiB, 2 passes): strong, yet a login stays well under 100 ms.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Returns the i18n key of what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return 'validation.passwordTooShort';
  if (password.length > PASSWORD_MAX) return 'validation.passwordTooLong';
  if (commonPasswords.test(password.toLowerCase())) return 'validation.passwordCommon';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so both cases take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('reisekart-timing-equaliser');
  return dummyHash;
}
