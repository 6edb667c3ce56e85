// What residents may see of a pain point, defined once (#16): published by a moderator and not hidden by residents'
// flags. Pages, the API, feeds, rankings and the portfolio's public marks all ask this, in SQL or in code.

/** The SQL condition on a pain_points row under `alias`. */
export function publiclyVisibleSql(alias: string): string {
  return `(${alias}.moderation_status = 'published' AND ${alias}.hidden_by_flags = 0)`;
}

export function isPubliclyVisible(p: { moderation_status: string; hidden_by_flags: number }): boolean {
  return p.moderation_status === 'published' && p.hidden_by_flags === 0;
}
