// The rotation of scheduled backups (#22.2) over a simulated month of copies every 15 minutes, deleting after each one
// as the server does: what survives is exactly the last day, the newest copy of each of the 7 days before it and the
// newest remaining copy of each of the 4 ISO weeks before those.
import { backupFileName, takenAtOf, upgradeBackupFileName } from '../../src/modules/operations/backup-names';
import { planRotation, type BackupCopy } from '../../src/modules/operations/backup-rotation';

const MINUTE = 60_000;

function simulate(from: string, until: string): { survivors: string[]; removedEver: number } {
  let kept: BackupCopy[] = [];
  let removedEver = 0;
  for (let t = Date.parse(from); t <= Date.parse(until); t += 15 * MINUTE) {
    const now = new Date(t);
    kept.push({ name: backupFileName(now), takenAt: now });
    const plan = planRotation(kept, now);
    expect(plan.keep.length + plan.remove.length).toBe(kept.length);
    removedEver += plan.remove.length;
    kept = plan.keep;
  }
  return { survivors: kept.map((c) => c.takenAt.toISOString()).sort(), removedEver };
}

describe('backup rotation', () => {
  it('keeps exactly the last day, 7 daily and 4 weekly copies after a month of 15-minute backups', () => {
    // 2026-11-01 is a Sunday; the month ends on Monday 30 November, and "now" is Tuesday 1 December at noon.
    const { survivors, removedEver } = simulate('2026-11-01T00:00:00.000Z', '2026-12-01T12:00:00.000Z');
    const lastDay: string[] = [];
    for (let t = Date.parse('2026-11-30T12:15:00.000Z'); t <= Date.parse('2026-12-01T12:00:00.000Z'); t += 15 * MINUTE) lastDay.push(new Date(t).toISOString());
    expect(lastDay).toHaveLength(96);
    const daily = [
      // Of 30 November only the copies up to 12:00 are older than a day: the newest of those.
      '2026-11-30T12:00:00.000Z',
      '2026-11-29T23:45:00.000Z',
      '2026-11-28T23:45:00.000Z',
      '2026-11-27T23:45:00.000Z',
      '2026-11-26T23:45:00.000Z',
      '2026-11-25T23:45:00.000Z',
      '2026-11-24T23:45:00.000Z',
    ];
    const weekly = [
      // The week of Monday 23 November: its one day not among the daily copies.
      '2026-11-23T23:45:00.000Z',
      // The Sundays ending the weeks of 16, 9 and 2 November. The week of 26 October (only 1 November in the month) is gone.
      '2026-11-22T23:45:00.000Z',
      '2026-11-15T23:45:00.000Z',
      '2026-11-08T23:45:00.000Z',
    ];
    expect(survivors).toEqual([...weekly, ...daily, ...lastDay].sort());
    expect(survivors).toHaveLength(96 + 7 + 4);
    // Every copy taken was either kept or deleted once (30.5 days of copies, every 15 minutes).
    expect(survivors.length + removedEver).toBe(30 * 96 + 12 * 4 + 1);
  });

  it('keeps everything while there is less than a day of copies, and copies dated ahead of the clock', () => {
    const now = new Date('2026-06-10T10:00:00.000Z');
    const copies = [0, 1, 2, 23].map((h) => ({ name: `x${h}`, takenAt: new Date(now.getTime() - h * 3_600_000) }));
    copies.push({ name: 'ahead', takenAt: new Date(now.getTime() + 3_600_000) });
    expect(planRotation(copies, now).remove).toEqual([]);
  });

  it('names copies so that only its own names are parsed back', () => {
    const at = new Date('2026-12-01T14:15:00.123Z');
    expect(backupFileName(at)).toBe('reisekart-2026-12-01T14-15-00.123Z.db');
    expect(takenAtOf(backupFileName(at))).toEqual(at);
    for (const other of ['reisekart.db', 'reisekart-2026-12-01.db', `${backupFileName(at)}.partial`, upgradeBackupFileName('0033', '0036', '0.1.0', at), 'kyst.db']) {
      expect(takenAtOf(other)).toBeNull();
    }
  });
});
