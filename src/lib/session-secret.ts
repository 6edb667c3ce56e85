// Secrets an installation generates once and keeps in its data folder unless the environment gives them: the
// session signing secret (SESSION_SECRET) and the key of verified residents' pseudonyms (PSEUDONYM_SECRET, #21.3).
// There is deliberately no built-in default, so two installations never share a secret.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function resolveSessionSecret(given: string | undefined, dataDir: string): string {
  return resolveKeptSecret(given, dataDir, 'session-secret');
}

/** The secret kept in `dataDir/fileName`, or null when there is none (or one too short to be a secret). Writes nothing. */
export function readKeptSecret(dataDir: string, fileName: string): string | null {
  try {
    const stored = fs.readFileSync(path.join(dataDir, fileName), 'utf8').trim();
    return stored.length >= 32 ? stored : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
}

/** The given secret, else the one kept in `dataDir/fileName`, else a new one written there (readable by the owner only). */
export function resolveKeptSecret(given: string | undefined, dataDir: string, fileName: string): string {
  if (given) return given;
  const kept = readKeptSecret(dataDir, fileName);
  if (kept) return kept;
  const file = path.join(dataDir, fileName);
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    // `wx`: two processes starting at once never write two different secrets; the loser reads the winner's.
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const stored = fs.readFileSync(file, 'utf8').trim();
    // A kept file too short to be a secret (cut off, or written by hand) is replaced, as before.
    if (stored.length >= 32) return stored;
    fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  }
  return secret;
}
