// Organisation numbers in Enhetsregisteret (#22.4): nine digits, the last the modulus-11 check digit of the first eight
// with the weights 3 2 7 6 5 4 3 2. The valid numbers are public ones (Digitaliseringsdirektoratet, Oslo and Bergen
// kommune), so the arithmetic is checked against numbers Brønnøysundregistrene really issued.
import { hasOrganisationNumberShape, isOrganisationNumber, normaliseOrganisationNumber } from '../../src/lib/organisation-number';

const ISSUED = ['991825827', '974760673', '964338531'];

describe('isOrganisationNumber', () => {
  it.each(ISSUED)('takes the issued number %s', (number) => {
    expect(isOrganisationNumber(number)).toBe(true);
  });

  it('refuses every number one mistyped digit away from an issued one', () => {
    for (const number of ISSUED) {
      for (let position = 0; position < 9; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === number[position]) continue;
          const typo = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
          expect([typo, isOrganisationNumber(typo)]).toEqual([typo, false]);
        }
      }
    }
  });

  it('refuses every number whose first eight digits would need the check digit 10 (never issued)', () => {
    // 4 × 3 = 12, one more than a multiple of 11: the check digit would be 11 - 1 = 10.
    for (let last = 0; last <= 9; last += 1) expect(isOrganisationNumber(`40000000${last}`)).toBe(false);
  });

  it.each(['97476067', '9747606730', '97476067a', '', '974 760 673', '９７４７６０６７３'])('refuses %j, which is not nine ASCII digits', (value) => {
    expect(hasOrganisationNumberShape(value)).toBe(false);
    expect(isOrganisationNumber(value)).toBe(false);
  });
});

describe('normaliseOrganisationNumber', () => {
  it('drops the spaces people group the digits with, and nothing else', () => {
    expect(normaliseOrganisationNumber(' 974 760\u00a0673 ')).toBe('974760673');
    expect(normaliseOrganisationNumber('974-760-673')).toBe('974-760-673');
  });
});
