-- Maintained figures per improvement candidate (RANKING.md "Cost"), so reading a ranking never scans votes.
-- log_decay is log2 of Σ 2^(t/H) over supporters, t in days since 2000-01-01 and H the municipality's half-life:
-- n_eff = 2^(log_decay − now/H). Kept in the log domain so a short half-life cannot overflow.
CREATE TABLE candidate_stats (
  pain_point_id INTEGER PRIMARY KEY REFERENCES pain_points (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  log_decay REAL,
  rating_sum REAL NOT NULL,
  rating_count INTEGER NOT NULL,
  half_life_days INTEGER NOT NULL
);
CREATE INDEX candidate_stats_by_municipality ON candidate_stats (municipality_id);
