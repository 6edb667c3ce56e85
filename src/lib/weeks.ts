// Calendar weeks as people in Norway count them: weeks begin on Monday and are numbered as in ISO 8601 ("uke 48").
// Dates are UTC calendar days ('YYYY-MM-DD'), as the day counts behind the weekly charts are kept.
const DAY = 86_400_000;

function utcDay(isoDay: string): Date {
  return new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
}

const isoDayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday (UTC) of the week that holds `date`. */
export function mondayOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return isoDayOf(new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY));
}

/** The ISO 8601 week number of a day: the week that holds the year's first Thursday is week 1. */
export function isoWeek(isoDay: string): number {
  const d = utcDay(isoDay);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
}

/**
 * The Monday of a SQLite `strftime('%Y-W%W')` week: week 01 begins on the year's first Monday, and week 00 holds the
 * days before it (so its Monday is in the year before, and it is the same week as the last one of that year).
 */
export function mondayOfStrftimeWeek(label: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) throw new Error(`not a %Y-W%W week: ${label}`);
  const jan1 = Date.UTC(Number(m[1]), 0, 1);
  const firstMonday = jan1 + ((8 - new Date(jan1).getUTCDay()) % 7) * DAY;
  return isoDayOf(new Date(firstMonday + (Number(m[2]) - 1) * 7 * DAY));
}

/** The Mondays of the `weeks` weeks up to and including the one that holds `now`, oldest first. */
export function lastWeeks(now: Date, weeks: number): string[] {
  const last = utcDay(mondayOf(now)).getTime();
  return Array.from({ length: weeks }, (_, i) => isoDayOf(new Date(last - (weeks - 1 - i) * 7 * DAY)));
}
