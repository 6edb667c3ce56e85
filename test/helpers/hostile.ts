// The hostile corpus of SECURITY.md 6: strings that must come out of every page inert.
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  "' OR 1=1 --",
  '$t(site.name) __proto__',
  'مرحبا \u202Eevil\u202C zero\u200Bwidth',
  'Emoji 🏠🚗💔 ok',
];

/** True when the raw string appears where HTML would interpret it. */
export function appearsRaw(html: string, value: string): boolean {
  return /[<>"']/.test(value) && html.includes(value);
}
