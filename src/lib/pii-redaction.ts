// Removes personal data from resident text before it is stored (SECURITY.md 20): Norwegian national
// identity numbers (fødselsnummer and D-numbers, checked with both mod-11 digits and a real date),
// Norwegian phone numbers and e-mail addresses. Each is replaced by a visible marker.

export type RedactionKind = 'nationalId' | 'phone' | 'email';

export const REDACTION_MARKERS: Record<RedactionKind, string> = {
  nationalId: '[fjernet: fødselsnummer]',
  phone: '[fjernet: telefonnummer]',
  email: '[fjernet: e-postadresse]',
};

export interface Redaction {
  text: string;
  removed: Partial<Record<RedactionKind, number>>;
}

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/** The birth year from the two-digit year and the individual number (Skatteetaten's ranges). */
function birthYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

/** True for a valid fødselsnummer or D-number (day + 40). */
export function isNationalIdNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  if (checkDigit(d, WEIGHTS_1) !== d[9] || checkDigit(d, WEIGHTS_2) !== d[10]) return false;
  let day = d[0]! * 10 + d[1]!;
  if (day > 40) day -= 40; // D-number
  const month = d[2]! * 10 + d[3]!;
  const year = birthYear(d[4]! * 10 + d[5]!, d[6]! * 100 + d[7]! * 10 + d[8]!);
  if (year === null || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Eleven digits, optionally written 6 + 5 with a space, not part of a longer number.
const NATIONAL_ID = /(?<![\d])(\d{6}) ?(\d{5})(?![\d])/g;
// Eight digits starting 2-9, optionally after +47 or 0047, written together or in the usual groupings
// (3-2-3 or 2-2-2-2). Amounts such as "25 000 000" do not match these groupings.
const PHONE = /(?<![\d+])(?:(?:\+|00)47[ -]?)?(?:[2-9]\d{7}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d (?:\d{2} ){2}\d{2})(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;

export function redactPersonalData(input: string): Redaction {
  const removed: Partial<Record<RedactionKind, number>> = {};
  const count = (kind: RedactionKind) => {
    removed[kind] = (removed[kind] ?? 0) + 1;
    return REDACTION_MARKERS[kind];
  };
  let text = input.replace(EMAIL, () => count('email'));
  text = text.replace(NATIONAL_ID, (match, a: string, b: string) => (isNationalIdNumber(a + b) ? count('nationalId') : match));
  text = text.replace(PHONE, () => count('phone'));
  return { text, removed };
}
