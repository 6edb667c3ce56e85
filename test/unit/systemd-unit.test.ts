// deploy/reisekart.service (#22.1): systemd accepts it, and it starts the server exactly as `npm start` does.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const UNIT = fs.readFileSync(path.join(ROOT, 'deploy', 'reisekart.service'), 'utf8');

function systemdAnalyze(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const analyze = systemdAnalyze();
const settings = (key: string) => UNIT.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));

describe('deploy/reisekart.service', () => {
  it('runs the same command, Node flags and environment as npm start', () => {
    const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    const [envPart, ...command] = start.split(' ');
    expect(settings('Environment')).toEqual([envPart]);
    expect(settings('ExecStart')).toEqual([`/usr/bin/${command.join(' ')}`]);
  });

  it('is hardened: one dedicated user, a read-only system except the data and backup folders, no capabilities', () => {
    expect(settings('User')).toEqual(['reisekart']);
    expect(settings('ProtectSystem')).toEqual(['strict']);
    expect(settings('ReadWritePaths')).toEqual(['/var/lib/reisekart /var/backups/reisekart']);
    expect(settings('CapabilityBoundingSet')).toEqual(['']);
    for (const key of ['NoNewPrivileges', 'PrivateTmp', 'ProtectHome', 'PrivateDevices']) expect(settings(key)).toEqual(['yes']);
    expect(settings('SystemCallFilter')).toEqual(['@system-service']);
    expect(settings('RestartPreventExitStatus')).toEqual(['78']);
  });

  // systemd-analyze is part of systemd; a container or CI image without systemd skips this with the reason.
  (analyze ? it : it.skip)(`passes systemd-analyze verify${analyze ? '' : ' (skipped: no systemd-analyze on this machine)'}`, () => {
    // The unit names /usr/bin/node; verify checks that the program exists, so point it at the Node running the test.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-unit-'));
    const file = path.join(dir, 'reisekart.service');
    fs.writeFileSync(file, UNIT.replace('ExecStart=/usr/bin/node', `ExecStart=${process.execPath}`));
    const result = spawnSync(analyze!, ['verify', file], { encoding: 'utf8' });
    // Warnings (an unknown or misspelt setting) go to standard error with exit code 0: none allowed.
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({ status: 0, stderr: '', stdout: '' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
