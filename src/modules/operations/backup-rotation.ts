// Which scheduled backups to keep (#22.2): every copy of the last 24 hours; of the older ones, the newest copy of each
// of the 7 most recent days (UTC calendar days) that have one; and of the days before those, the newest day's copy in
// each of the 4 most recent ISO weeks (Monday to Sunday, UTC). So 96 + 7 + 4 copies at 15-minute intervals, once
// there is a month of them. Pure: the caller lists the folder and deletes.
//
// Calendar days and weeks, not periods counted back from now: a period that slides with the clock would keep a
// different copy on each run, and the one it wants next would already be gone. With fixed days the newest older copy
// of a day is always there: every newer copy of that day was still inside the last 24 hours when the one before it
// was dropped. The same holds for a week: its newest day's copy was kept as a daily one until it aged out.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RETENTION = { recentMs: DAY, days: 7, weeks: 4 } as const;

export interface BackupCopy {
  name: string;
  takenAt: Date;
}

export interface RotationPlan<T extends BackupCopy> {
  keep: T[];
  remove: T[];
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The Monday (UTC) that starts the ISO week of `at`. */
function weekOf(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY).toISOString().slice(0, 10);
}

/** The newest copy of each group, for the `count` newest groups; the rest go back as `left`. */
function newestPerGroup<T extends BackupCopy>(newestFirst: T[], groupOf: (at: Date) => string, count: number): { chosen: T[]; left: T[] } {
  const seen = new Set<string>();
  const chosen: T[] = [];
  const left: T[] = [];
  for (const copy of newestFirst) {
    const group = groupOf(copy.takenAt);
    if (!seen.has(group) && seen.size < count) {
      seen.add(group);
      chosen.push(copy);
    } else {
      left.push(copy);
    }
  }
  return { chosen, left };
}

export function planRotation<T extends BackupCopy>(copies: T[], now: Date, retention = RETENTION): RotationPlan<T> {
  const newestFirst = [...copies].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : -1));
  const since = now.getTime() - retention.recentMs;
  // A copy dated in the future (a clock set back) is kept: it is not old, and guessing would delete real data.
  const recent = newestFirst.filter((c) => c.takenAt.getTime() > since);
  const older = newestFirst.filter((c) => c.takenAt.getTime() <= since);
  // The newest older copy of each day: the 7 most recent days keep theirs, the days before offer theirs to the weeks.
  const perDay = newestPerGroup(older, dayOf, Number.POSITIVE_INFINITY);
  const daily = perDay.chosen.slice(0, retention.days);
  const weekly = newestPerGroup(perDay.chosen.slice(retention.days), weekOf, retention.weeks);
  return { keep: [...recent, ...daily, ...weekly.chosen], remove: [...perDay.left, ...weekly.left] };
}
