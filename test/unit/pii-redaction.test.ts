// Redaction of personal data in resident text, with generated (never real) identity numbers.
import { isNationalIdNumber, redactPersonalData } from '../../src/lib/pii-redaction';
import { firstValidNationalId, nationalId } from '../helpers/national-id';

describe('national identity numbers', () => {
  const fnr = firstValidNationalId(15, 3, 85, 120); // born 1985
  const dnr = firstValidNationalId(7, 11, 2, 520, true); // D-number, born 2002
  const old = firstValidNationalId(29, 2, 60, 910); // born 1960 with a 9xx individual number

  it('accepts generated valid fødselsnummer and D-numbers', () => {
    expect([fnr, dnr, old].map(isNationalIdNumber)).toEqual([true, true, true]);
  });

  it('redacts them in text, also written 6 + 5 with a space, and tells what was removed', () => {
    const result = redactPersonalData(`Mitt nummer er ${fnr}, og datterens ${dnr.slice(0, 6)} ${dnr.slice(6)}.`);
    expect(result.text).toBe('Mitt nummer er [fjernet: fødselsnummer], og datterens [fjernet: fødselsnummer].');
    expect(result.removed).toEqual({ nationalId: 2 });
  });

  it('leaves 11 digits with a wrong check digit alone', () => {
    const wrong = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10);
    expect(isNationalIdNumber(wrong)).toBe(false);
    expect(redactPersonalData(`Saksnummer ${wrong}`).text).toBe(`Saksnummer ${wrong}`);
  });

  it('leaves numbers with valid check digits but an impossible date alone', () => {
    // 31 February, 30 February in a leap year, month 13: find individual numbers whose check digits work.
    const impossible = [
      [31, 2, 85],
      [30, 2, 84],
      [12, 13, 85],
      [0, 5, 85],
    ].map(([d, m, y]) => {
      for (let i = 100; i < 400; i += 1) {
        const id = nationalId(d!, m!, y!, i);
        if (id) return id;
      }
      throw new Error('none');
    });
    for (const id of impossible) {
      expect([id, isNationalIdNumber(id)]).toEqual([id, false]);
      expect(redactPersonalData(id).removed).toEqual({});
    }
  });

  it('leaves a longer digit run alone (an account or reference number)', () => {
    expect(redactPersonalData(`Referanse ${fnr}7`).removed).toEqual({});
  });
});

describe('phone numbers', () => {
  it.each(['41234567', '412 34 567', '41 23 45 67', '+47 41234567', '+4741234567', '0047 412 34 567', '22 33 44 55', '+47 22 33 44 55'])(
    'redacts %s',
    (phone) => {
      const result = redactPersonalData(`Ring meg på ${phone} i kveld`);
      expect(result.text).toBe('Ring meg på [fjernet: telefonnummer] i kveld');
      expect(result.removed).toEqual({ phone: 1 });
    },
  );

  it.each([
    'Det kostet 25 000 000 kroner',
    'Saken har nummer 2024/12345',
    'Gebyret var 1234567 kroner',
    'Nummer 12345678 begynner ikke på 2-9',
    'Postnummer 0150 Oslo',
    'Årstall 2026',
  ])('leaves %s alone', (text) => {
    expect(redactPersonalData(text)).toEqual({ text, removed: {} });
  });
});

describe('e-mail addresses', () => {
  it.each(['kari.nordmann@example.no', 'ola+kommune@sub.example.com', 'A_B-C@x.io'])('redacts %s', (email) => {
    expect(redactPersonalData(`Skriv til ${email}.`)).toEqual({ text: 'Skriv til [fjernet: e-postadresse].', removed: { email: 1 } });
  });

  it('leaves text without an address alone', () => {
    expect(redactPersonalData('Møt meg @ rådhuset kl. 12').removed).toEqual({});
  });
});

describe('mixed text', () => {
  it('redacts each kind once and counts them', () => {
    const fnr = firstValidNationalId(1, 1, 90, 200);
    const r = redactPersonalData(`fnr ${fnr}, tlf 98765432, e-post a@b.no, tlf igjen 912 34 567`);
    expect(r.removed).toEqual({ nationalId: 1, phone: 2, email: 1 });
    expect(r.text).not.toMatch(/\d{8}/);
  });
});
