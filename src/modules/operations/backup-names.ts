// The names of the scheduled backups in BACKUP_DIR. Rotation deletes only files with exactly this name, so anything
// else in the folder (a copy an operator took by hand, a pre-upgrade backup) is never touched.
const PATTERN = /^reisekart-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z\.db$/;

/** reisekart-2026-12-01T14-15-00.000Z.db: the UTC time it was taken, sorting in time order, valid on any file system. */
export function backupFileName(takenAt: Date): string {
  return `reisekart-${takenAt.toISOString().replace(/:/g, '-')}.db`;
}

/** The time a scheduled backup's name says it was taken; null for any other file. */
export function takenAtOf(name: string): Date | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The file a backup is written to until its integrity check passes; a leftover one is removed on the next run. */
export const PARTIAL_SUFFIX = '.partial';

/** The backup taken before migrating: names the schema it was taken of and the one it precedes (#22.5). */
export function upgradeBackupFileName(fromSchema: string, toSchema: string, appVersion: string, takenAt: Date): string {
  return `reisekart-before-upgrade-schema-${fromSchema}-to-${toSchema}-v${appVersion}-${takenAt.toISOString().replace(/:/g, '-')}.db`;
}
