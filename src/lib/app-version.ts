// The portal's version, from package.json: named in the refusal of a newer schema and in pre-upgrade backups.
import fs from 'node:fs';
import path from 'node:path';

let version: string | undefined;

export function appVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
