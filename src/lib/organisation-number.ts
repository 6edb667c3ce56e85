// Norwegian organisation numbers (organisasjonsnummer in Enhetsregisteret): nine digits, the last a modulus-11 check
// digit over the first eight with Brønnøysundregistrene's weights. A number whose remainder would need the digit 10 is
// never issued, so it is refused like a wrong check digit.
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The number as typed, without the spaces people write it with ("974 760 673"). */
export function normaliseOrganisationNumber(typed: string): string {
  return typed.replace(/\s/g, '');
}

/** Nine digits, whatever the check digit. */
export function hasOrganisationNumberShape(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** True for nine digits whose last is the modulus-11 check digit of the first eight. */
export function isOrganisationNumber(value: string): boolean {
  if (!hasOrganisationNumberShape(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i]!, 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8];
}
