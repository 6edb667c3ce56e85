// When the weekly digest goes: Mondays at 06:00 UTC (07:00 or 08:00 in Norway), before the working week starts.
const DIGEST_WEEKDAY = 1;
const DIGEST_HOUR_UTC = 6;

/** The first digest time strictly after `now`. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  at.setUTCDate(at.getUTCDate() + ((DIGEST_WEEKDAY - at.getUTCDay() + 7) % 7));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 7);
  return at;
}
