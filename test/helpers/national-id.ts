// Generates valid Norwegian national identity numbers for tests, so no real person's number is ever used.
const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function check(digits: number[], weights: number[]): number | null {
  const k = 11 - (weights.reduce((a, w, i) => a + w * digits[i]!, 0) % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}

/** A valid number for the date (dd, mm, yy) and an individual number, or null when the check digits fail. */
export function nationalId(day: number, month: number, yy: number, individual: number, dNumber = false): string | null {
  const start = `${String(dNumber ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(yy).padStart(2, '0')}${String(individual).padStart(3, '0')}`;
  const digits = [...start].map(Number);
  const k1 = check(digits, WEIGHTS_1);
  if (k1 === null) return null;
  const k2 = check([...digits, k1], WEIGHTS_2);
  return k2 === null ? null : `${start}${k1}${k2}`;
}

/** The first valid number for the date, trying individual numbers from `from`. */
export function firstValidNationalId(day: number, month: number, yy: number, from: number, dNumber = false): string {
  for (let i = from; i < from + 100; i += 1) {
    const id = nationalId(day, month, yy, i, dNumber);
    if (id) return id;
  }
  throw new Error('no valid number found');
}
