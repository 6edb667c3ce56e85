// The session secret is never a built-in default: given, or generated once and kept in the data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveSessionSecret } from '../../src/lib/session-secret';

describe('resolveSessionSecret', () => {
  it('uses a given secret and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-secret-'));
    expect(resolveSessionSecret('g'.repeat(40), dir)).toBe('g'.repeat(40));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('generates a random secret on first start, keeps it private, and reuses it', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-secret-')), 'data');
    const first = resolveSessionSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
    expect(resolveSessionSecret(undefined, dir)).toBe(first);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-secret-'));
    expect(resolveSessionSecret(undefined, other)).not.toBe(first);
  });
});
