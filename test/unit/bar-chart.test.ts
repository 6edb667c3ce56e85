// The bar charts' geometry (each bar a share of the longest, so the chart reflows to any width) and the calendar
// weeks the weekly chart names its bars by: ISO week numbers and the Monday each week starts on.
import { barChart, MIN_VISIBLE_PERCENT } from '../../src/lib/bar-chart';
import { isoWeek, lastWeeks, mondayOf, mondayOfStrftimeWeek } from '../../src/lib/weeks';

describe('barChart', () => {
  it('draws each bar as a share of the longest one and keeps every label and value', () => {
    const chart = barChart([
      { label: 'Byggesak', value: 8 },
      { label: 'NAV', value: 2 },
      { label: 'Ingen', value: 0 },
    ]);
    expect(chart.max).toBe(8);
    expect(chart.bars).toEqual([
      { label: 'Byggesak', value: 8, width: '100%' },
      { label: 'NAV', value: 2, width: '25%' },
      { label: 'Ingen', value: 0, width: '0%' },
    ]);
  });

  it('keeps a tiny value visible next to a huge one, and draws nothing when every value is zero', () => {
    expect(barChart([{ label: 'a', value: 100_000 }, { label: 'b', value: 1 }]).bars[1]!.width).toBe(`${MIN_VISIBLE_PERCENT}%`);
    expect(barChart([{ label: 'a', value: 0 }]).bars[0]!.width).toBe('0%');
    expect(barChart([]).bars).toEqual([]);
  });

  it('rounds the share to two decimals, in per cent', () => {
    expect(barChart([{ label: 'a', value: 3 }, { label: 'b', value: 1 }]).bars[1]!.width).toBe('33.33%');
  });
});

describe('weeks', () => {
  it('numbers weeks as ISO 8601 does (the week of the first Thursday is week 1)', () => {
    expect(isoWeek('2025-11-24')).toBe(48);
    expect(isoWeek('2025-12-29')).toBe(1); // Monday of the week that holds Thursday 1 January 2026
    expect(isoWeek('2026-01-04')).toBe(1);
    expect(isoWeek('2021-01-03')).toBe(53); // Sunday: still the last week of 2020
    expect(isoWeek('2021-01-04')).toBe(1);
  });

  it('finds the Monday of a day, and of a SQLite %Y-W%W week, also the week split over New Year', () => {
    expect(mondayOf(new Date('2025-11-30T23:59:00Z'))).toBe('2025-11-24');
    expect(mondayOf(new Date('2025-11-24T00:00:00Z'))).toBe('2025-11-24');
    // 2025: 1 January is a Wednesday, so week 01 starts on Monday 6 January and week 47 on 24 November.
    expect(mondayOfStrftimeWeek('2025-W01')).toBe('2025-01-06');
    expect(mondayOfStrftimeWeek('2025-W47')).toBe('2025-11-24');
    // Monday 29 December 2025 to Sunday 4 January 2026 is 2025-W52 and 2026-W00: one week, one Monday.
    expect(mondayOfStrftimeWeek('2025-W52')).toBe('2025-12-29');
    expect(mondayOfStrftimeWeek('2026-W00')).toBe('2025-12-29');
    // 2024 starts on a Monday: week 01 starts on 1 January.
    expect(mondayOfStrftimeWeek('2024-W01')).toBe('2024-01-01');
    expect(() => mondayOfStrftimeWeek('2024-11')).toThrow();
  });

  it('lists the Mondays of the last weeks up to the current one, oldest first', () => {
    const weeks = lastWeeks(new Date('2026-01-07T10:00:00Z'), 26);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toBe('2026-01-05');
    expect(weeks.at(-2)).toBe('2025-12-29');
    expect(weeks[0]).toBe('2025-07-14');
  });
});
