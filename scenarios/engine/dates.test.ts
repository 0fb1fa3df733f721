import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, covers, dayBefore, isValidIsoDate, monthsBetween, overlaps } from './dates.ts';

describe('date arithmetic on ISO strings', () => {
  it('adds days and months across month ends and leap years', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2012-01-01', 36)).toBe('2015-01-01');
    expect(dayBefore(addMonths('2012-01-01', 36))).toBe('2014-12-31');
    expect(addMonths('2015-03-31', -1)).toBe('2015-02-28');
  });

  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-00-10')).toBe(false);
    expect(isValidIsoDate('2023-1-10')).toBe(false);
  });

  it('counts months and ages', () => {
    expect(monthsBetween('2012-01-01', '2015-01-01')).toBe(36);
    expect(monthsBetween('2012-01-15', '2012-02-14')).toBe(0);
    expect(ageOn('1990-06-30', '2025-06-29')).toBe(34);
    expect(ageOn('1990-06-30', '2025-06-30')).toBe(35);
    expect(ageOn('1990-00-00', '2025-01-01')).toBe(35);
  });

  it('treats periods as inclusive and open-ended when to is null', () => {
    expect(covers({ from: '2020-01-01', to: '2020-01-31' }, '2020-01-31')).toBe(true);
    expect(covers({ from: '2020-01-01', to: '2020-01-31' }, '2020-02-01')).toBe(false);
    expect(covers({ from: '2020-01-01', to: null }, '2099-01-01')).toBe(true);
    expect(overlaps({ from: '2020-01-01', to: '2020-01-31' }, { from: '2020-01-31', to: null })).toBe(true);
    expect(overlaps({ from: '2020-01-01', to: '2020-01-30' }, { from: '2020-01-31', to: null })).toBe(false);
  });
});
