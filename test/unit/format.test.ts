// Figures and dates as readers of each language expect them, in Norwegian time; formatters are reused, not rebuilt.
import { formatDate, formatDateTime, formatNumber } from '../../src/lib/format';

describe('format', () => {
  it('writes numbers with the language decimal mark and the asked-for decimals, also on repeated use', () => {
    for (let i = 0; i < 2; i += 1) {
      expect(formatNumber(1234.56, 'nb', 1)).toBe('1\u00a0234,6');
      expect(formatNumber(1234.56, 'en', 2)).toBe('1,234.56');
      expect(formatNumber(2, 'nn', 0)).toBe('2');
    }
  });

  it('writes dates in Norwegian time: just before midnight UTC on New Year is already the next day in Oslo', () => {
    expect(formatDate('2025-12-31T23:30:00Z', 'nb')).toBe('1. januar 2026');
    expect(formatDate('2025-12-31T23:30:00Z', 'en')).toBe('1 January 2026');
    expect(formatDateTime('2026-06-01T10:00:00Z', 'nb')).toBe('1. juni 2026, 12:00');
  });
});
