// Which build made a page: part of every public page's and API answer's ETag, so that a new release never answers
// If-None-Match with 304 for a copy an older release made. The package version and a hash of the views, the locales
// and the running code, computed once at start-up (some 5 ms).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** The code being run: src/ under the tests, dist/ in production. */
const CODE = path.resolve(__dirname, '..');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
    })
    .sort();
}

function computeBuildId(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const hash = crypto.createHash('sha256');
  for (const file of [...filesUnder(path.join(ROOT, 'views')), ...filesUnder(path.join(ROOT, 'locales')), ...filesUnder(CODE)]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return `${version}.${hash.digest('base64url').slice(0, 12)}`;
}

let buildId: string | undefined;

/** The build's id, made of characters an ETag may hold (letters, digits, `.`, `-`, `_`). */
export function currentBuildId(): string {
  buildId ??= computeBuildId();
  return buildId;
}
