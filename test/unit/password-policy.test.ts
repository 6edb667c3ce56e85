// The password policy of SECURITY.md 15: length, the common list, and a strength estimate that knows Norwegian
// words and the user's own name, e-mail and municipality (issue #15, item 4).
import { passwordProblem } from '../../src/modules/sign-in/password.service';
import { TEST_PASSWORD } from '../helpers/test-app';

describe('passwordProblem', () => {
  it.each([
    // The examples.
    'Passord123', 'Sommer2024', 'Kommune123', 'Norge123', 'Oslo2026!',
    // Seasons, years, places, clubs and names, with and without å, ø and æ.
    'Vinter2025!', 'Bergen2024', 'Trondheim123', 'Høst2023', 'Host2023', 'Rosenborg1', 'Tromso2024!', 'Aalesund2025',
    'Vålerenga2024', 'Juli2025!', 'Fredag13!', 'Julaften24', 'Velkommen1', 'Reisekart2026', 'Altinn2024!',
    // Three guessable parts, which zxcvbn's own score 3 lets through.
    'Sommer2024!!', 'Kari1985!', 'Vinterferie2025',
    // Norwegian keyboard rows.
    'Qwertyuiopå1', 'Asdfghjkløæ',
  ])('refuses %s as weak', (password) => {
    expect(passwordProblem(password)).toBe('validation.passwordWeak');
  });

  it.each([
    ['Førsteadmin1', ['Første Admin', 'forste@example.no']],
    ['Forste2024!', ['Første Admin', 'forste@example.no']],
    ['KariNordmann1', ['Kari Nordmann', 'kari.nordmann@eidskog.kommune.no']],
    ['Eidskog2024', ['Eva', 'eva@example.no', 'Eidskog kommune']],
  ])('refuses %s when made from the user inputs %j', (password, userInputs) => {
    expect(passwordProblem(password, userInputs)).toBe('validation.passwordWeak');
  });

  it('judges a municipality name weak only when it is given as user input', () => {
    expect(passwordProblem('Eidskog2024')).toBeNull();
  });

  it.each([
    // Every password the other tests create accounts with.
    TEST_PASSWORD, `${TEST_PASSWORD}-ny`, 'Trollstigen-Hårnål-11', 'Lang-og-sikker-99', 'Sommerfugl-Vinge-77',
    'Kvitveis-Sjokolade-Trompet-77', 'Nordlys-Over-Tromsø-3', 'Havørn-Og-Måke-55',
    // Passphrases and random strings.
    'kjempe-blå-traktor-sykler', 'gulrot-tiger-nordavind', 'correct horse battery staple', 'xK9#mQ2$vL7p',
  ])('accepts %s', (password) => {
    expect(passwordProblem(password, ['Kari Nordmann', 'kari@example.no', 'Fjell kommune'])).toBeNull();
  });

  it('keeps the length rules and the common list', () => {
    expect(passwordProblem('Kort-1')).toBe('validation.passwordTooShort');
    expect(passwordProblem('x'.repeat(257))).toBe('validation.passwordTooLong');
    expect(passwordProblem('password1')).toBe('validation.passwordCommon');
  });

  it('estimates a long random password in well under a second', () => {
    passwordProblem('Warm-Up-The-Estimator');
    const random = Array.from({ length: 256 }, (_, i) => String.fromCharCode(33 + ((i * 37) % 94))).join('');
    const start = performance.now();
    expect(passwordProblem(random)).toBeNull();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
