// Neutralises spreadsheet formulas in exported text (SECURITY.md 9): a cell that starts with =, +, -, @ (or a tab or
// carriage return, which some programs skip before reading a formula) gets a leading apostrophe and is shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
