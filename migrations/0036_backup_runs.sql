-- Scheduled backups (#22.2): one row per attempt, so the platform admin's page, the doctor and the metrics can tell
-- when the last good copy was taken and why the last one failed. Kept for 35 days by the backup service.
CREATE TABLE backup_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  -- The copy's file name inside BACKUP_DIR (null when the attempt failed before naming one).
  file TEXT,
  bytes INTEGER,
  duration_ms INTEGER NOT NULL,
  error TEXT
);
CREATE INDEX backup_runs_by_time ON backup_runs (started_at);
