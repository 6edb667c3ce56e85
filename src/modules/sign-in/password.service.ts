// Password hashing (argon2id) and the password policy of SECURITY.md 15.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import argon2 from 'argon2';
import commonPasswords from 'fxa-common-password-list';
import { NORWEGIAN_PASSWORD_WORDS, transliterations } from './norwegian-password-words';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// OWASP's argon2id minimum (19 MiB, 2 passes): strong, yet a login stays well under 100 ms.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// zxcvbn's score 3 starts at 1e8 estimated guesses, but it adds 1e4 guesses for each part after the first, so any
// three parts reach that line however guessable each is: "Sommer2024!!" and "Kari1985!" scored 3. Ten times as
// many refuses those, while a phrase of a few words or ten random characters still passes.
const MIN_GUESSES = 1e9;

// Built on the first check, not at startup: the word lists take some 130 ms to load and 25 MB of heap once ranked,
// and most processes never set a password. Hence require() here rather than imports at the top.
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  if (estimator) return estimator;
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  estimator = new Factory({
    dictionary: { ...common.dictionary, ...english.dictionary, norwegian: [...NORWEGIAN_PASSWORD_WORDS] },
    graphs: common.adjacencyGraphs,
    // The check time grows steeply with length and with l33t characters: a random 256-character password took
    // seconds. A password is at least as hard to guess as its first 64 characters, so only those are estimated;
    // and at most 10 l33t substitutions are tried.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return estimator;
}

/** What an attacker would try from the user's e-mail, name and municipality. */
function userWords(userInputs: string[]): string[] {
  const words = userInputs.flatMap((input) => {
    const text = input.trim().toLowerCase();
    const split = (s: string) => s.split(/[^\p{L}\p{N}]+/u);
    // Whole, word by word, and run together: "kari.nordmann@fjell.no" gives "kari", "nordmann" and "karinordmann".
    return [text, ...split(text), split(text.split('@')[0]!).join('')];
  });
  return [...new Set(words.flatMap((word) => [word, ...transliterations(word)]))].filter((word) => word.length >= 3);
}

/**
 * Returns the i18n key of what is wrong with a new password, or null when it is acceptable. `userInputs` are
 * things an attacker knows about the account (e-mail, name, municipality): a password built from them is weak.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return 'validation.passwordTooShort';
  if (password.length > PASSWORD_MAX) return 'validation.passwordTooLong';
  if (commonPasswords.test(password.toLowerCase())) return 'validation.passwordCommon';
  if (strengthEstimator().check(password, userWords(userInputs)).guesses < MIN_GUESSES) return 'validation.passwordWeak';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/**
 * An empty hash is an account with no local password (made by single sign-on, #21.1): never a match, and checked
 * against the dummy hash so that the time taken does not tell such an account from one with a password.
 */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (hash === '') {
    await verifyPassword(await dummyPasswordHash(), password);
    return false;
  }
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
