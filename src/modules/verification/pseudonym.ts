// The keyed pseudonym a verified resident is counted by (#21.3): HMAC-SHA256 over the municipality and the national
// identity number, with a key only this installation holds. The same person gets the same pseudonym in one
// municipality from any browser, another in the next municipality, and nobody without the key can get from a pid to
// its pseudonym. Its key comes from PSEUDONYM_SECRET, else it is generated once and kept in the data folder, as the
// session secret is (src/lib/session-secret.ts): changing the key would count every verified person again.
import crypto from 'node:crypto';
import { resolveKeptSecret } from '../../lib/session-secret';

export const PSEUDONYM_SECRET_FILE = 'pseudonym-secret';

export function pseudonymOf(key: string, municipalityId: number, pid: string): string {
  return crypto.createHmac('sha256', key).update(`${municipalityId}:${pid}`).digest('base64url');
}

export function resolvePseudonymSecret(given: string | undefined, dataDir: string): string {
  return resolveKeptSecret(given, dataDir, PSEUDONYM_SECRET_FILE);
}
