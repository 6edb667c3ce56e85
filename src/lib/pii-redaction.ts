// Removes personal data from resident text before it is stored (SECURITY.md 20): Norwegian national identity
// numbers, phone numbers, e-mail addresses and people's names, also when written with odd separators, fullwidth digits
// or an obfuscated @. Each is replaced by a visible marker; everything else is kept exactly as the resident wrote it.
// What the report form promises residents (feedback.report.privacy in the locales) must stay true of this file.
import { findNames } from './person-names';

export type RedactionKind = 'nationalId' | 'phone' | 'email' | 'name';

export const REDACTION_MARKERS: Record<RedactionKind, string> = {
  nationalId: '[fjernet: fødselsnummer]',
  phone: '[fjernet: telefonnummer]',
  email: '[fjernet: e-postadresse]',
  name: '[fjernet: navn]',
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

// The patterns below run on a normalised copy of the text (see normalise), so they only need ASCII digits,
// a plain space, '-' and '@'. Digits glued to more digits are part of a longer number and not matched.

// Eleven digits, together or in the usual groupings 6+5, 4+7, 6+3+2, 2+2+2+5 and 2+2+2+3+2. Separators may
// differ within one number (01.01.90 10046). Written as an identity number is (ID_SHAPED) it is removed whatever
// its check digits say: a mistyped fødselsnummer is still one, or one digit from it (#20). In the other groupings
// the check digits and date keep out what is not an identity number.
const NATIONAL_ID =
  /(?<!\d)(?:\d{11}|\d{6}[ .-]\d{5}|\d{4}[ .-]\d{7}|\d{6}[ .-]\d{3}[ .-]\d{2}|\d{2}[ .-]\d{2}[ .-]\d{2}[ .-](?:\d{5}|\d{3}[ .-]\d{2}))(?!\d)/g;
// Eight digits starting 2-9 after an optional +47, 0047 or (+47): together, 3-2-3 or 2-2-2-2 with one repeated
// separator, or 4-4 with a space only, since "2020-2024" is a period. Amounts (25 000 000) group by three.
// Without check digits eight digits are easy to hit by chance, so digits across a dot or hyphen also count as
// a longer (reference) number.
const ID_SHAPED = /^\d{6}[ .-]?\d{5}$/;
const PHONE =
  /(?<![+\d])(?<!\d[.-])(?:(?:(?:\+|00)47|\((?:\+|00)47\))[ .-]?)?[2-9](?:\d{7}|\d{2}([ .-])\d{2}\1\d{3}|\d([ .-])\d{2}\2\d{2}\2\d{2}|\d{3} \d{4})(?![.-]?\d)/g;
// local @ domain.tld, where @ may have spaces around it or be written (at), [at], (krøllalfa) or a bare " at ",
// and a dot may be (dot), [dot] or (punktum). Lengths are bounded (64-character parts, 63-character labels) so a
// long run of letters without an address costs linear time rather than quadratic backtracking.
const DOT = String.raw`(?:\.| *[(\[{] *(?:dot|punktum) *[)\]}] *)`;
const LOCAL_CHARS = '[A-Za-z0-9_%+-]{1,64}';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(
  `(${LOCAL_CHARS}(?:${DOT}${LOCAL_CHARS}){0,8})` +
    String.raw`( *@ *| *[(\[{] *(?:at|krøllalfa) *[)\]}] *| +at +)` +
    `${LABEL}(?:${DOT}${LABEL}){0,8}${DOT}[A-Za-z]{2,24}`,
  'gi',
);
const DOT_SPLIT = new RegExp(DOT, 'i');

// Characters that are invisible when pasted, so a number or address with one inside looks whole to a reader.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const HYPHENS = /[\u2010\u2012\u2013\u2212]/g;

interface Normalised {
  text: string;
  /** For each UTF-16 unit of `text`, the span [from, to) of the original character it came from. */
  from: number[];
  to: number[];
}

/**
 * NFKC per character (fullwidth digits, ＠, non-breaking and thin spaces become ASCII), with a map back to
 * the original, so matches can be cut out of the resident's own text instead of a normalised copy of it.
 */
function normalise(input: string): Normalised {
  const result: Normalised = { text: '', from: [], to: [] };
  let offset = 0;
  for (const ch of input) {
    let out = ch;
    if (ch.charCodeAt(0) > 0x7f) {
      out = INVISIBLE.test(ch) ? '' : ch.normalize('NFKC').replace(/\p{Zs}/gu, ' ').replace(HYPHENS, '-');
    }
    for (let k = 0; k < out.length; k += 1) {
      result.from.push(offset);
      result.to.push(offset + ch.length);
    }
    result.text += out;
    offset += ch.length;
  }
  return result;
}

/**
 * A bare " at " is far more often the Norwegian word ("jeg mener at nav.no er treg"), and " @x.no" a mention
 * ("Hei @nav.no"), so these only count when the left side is a whole token that looks like a local part: words
 * joined by dots (not f.eks or bl.a), an _ or +, or letters mixed with digits (not a year).
 */
function looksLikeLocalPart(text: string, index: number, local: string): boolean {
  if (index > 0 && /[\w.%+-]/.test(text[index - 1]!)) return false;
  const parts = local.split(DOT_SPLIT);
  return (
    /[_+]/.test(local) ||
    (/\d/.test(local) && /[a-z]/i.test(local)) ||
    (parts.length > 1 && parts.some((part) => part.length >= 4))
  );
}

interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
}

export function redactPersonalData(input: string): Redaction {
  const { text, from, to } = normalise(input);
  const spans: Span[] = [];
  // Kinds are searched in this order and the first claim on a stretch of text wins, so digits inside an address
  // are not counted again as a phone number.
  const find = (kind: RedactionKind, pattern: RegExp, accept: (m: RegExpExecArray) => boolean) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!accept(m)) {
        pattern.lastIndex = start + 1; // a rejected match may hide a real one that starts inside it
      } else if (spans.every((s) => end <= s.start || start >= s.end)) {
        spans.push({ kind, start, end });
      }
    }
  };
  find('email', EMAIL, (m) => !/^ +(?:at +|@)$/i.test(m[2]!) || looksLikeLocalPart(text, m.index, m[1]!));
  find('nationalId', NATIONAL_ID, (m) => ID_SHAPED.test(m[0]) || isNationalIdNumber(m[0].replace(/\D/g, '')));
  find('phone', PHONE, () => true);
  for (const { start, end } of findNames(text)) {
    if (spans.every((s) => end <= s.start || start >= s.end)) spans.push({ kind: 'name', start, end });
  }

  const removed: Partial<Record<RedactionKind, number>> = {};
  let output = '';
  let cursor = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    // One original character can expand to several normalised ones (e.g. ⑴), so spans may touch in the original.
    output += input.slice(cursor, Math.max(cursor, from[span.start]!)) + REDACTION_MARKERS[span.kind];
    cursor = Math.max(cursor, to[span.end - 1]!);
    removed[span.kind] = (removed[span.kind] ?? 0) + 1;
  }
  return { text: output + input.slice(cursor), removed };
}
