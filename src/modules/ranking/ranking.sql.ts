// RANKING.md's reach and severity as SQL over the maintained sums (candidate_stats as `cs`), shared by every
// ranked read. Parameters: @nowDays, @H (half-life), @m (prior weight), @C (prior).
export const REACH_SQL = `(CASE WHEN cs.log_decay IS NULL THEN 0 ELSE log2(1 + pow(2, cs.log_decay - @nowDays / @H)) END)`;
export const SEVERITY_SQL = `(CASE WHEN @m + cs.rating_count = 0 THEN @C ELSE (@m * @C + cs.rating_sum) / (@m + cs.rating_count) END)`;
