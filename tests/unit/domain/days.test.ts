import { describe, it, expect } from 'vitest';
import { addDays, assertDayKey, dayKeyToDate, daysBetween, eachDay, isDayKey, toDayKey } from '../../../lib/domain/days';

describe('toDayKey', () => {
  it('uses the UTC calendar day, not the local one', () => {
    expect(toDayKey(new Date('2025-03-10T23:30:00-05:00'))).toBe('2025-03-11');
    expect(toDayKey(new Date('2025-03-11T00:30:00+02:00'))).toBe('2025-03-10');
    expect(toDayKey(new Date('2025-03-10T00:00:00.000Z'))).toBe('2025-03-10');
  });

  it('rejects an invalid date', () => {
    expect(() => toDayKey(new Date('nope'))).toThrow(/not a valid calendar day/);
  });
});

describe('isDayKey', () => {
  it('accepts real calendar days', () => {
    expect(isDayKey('2024-02-29')).toBe(true);
    expect(isDayKey('2025-12-31')).toBe(true);
  });

  it('rejects impossible days and other shapes', () => {
    expect(isDayKey('2025-02-29')).toBe(false);
    expect(isDayKey('2025-02-30')).toBe(false);
    expect(isDayKey('2025-13-01')).toBe(false);
    expect(isDayKey('2025-1-01')).toBe(false);
    expect(isDayKey('2025-01-01T00:00:00Z')).toBe(false);
    expect(isDayKey('')).toBe(false);
    expect(() => assertDayKey('2025-02-30')).toThrow('"2025-02-30" is not a valid calendar day');
  });
});

describe('day arithmetic', () => {
  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    // A DST change in many local zones; irrelevant in UTC.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-05', '2025-01-01')).toBe(-4);
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
  });

  it('lists every day of a range, both ends included', () => {
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(eachDay('2025-01-01', '2025-01-01')).toEqual(['2025-01-01']);
    expect(eachDay('2025-01-02', '2025-01-01')).toEqual([]);
  });

  it('turns a day into midnight UTC', () => {
    expect(dayKeyToDate('2025-06-15').toISOString()).toBe('2025-06-15T00:00:00.000Z');
  });
});
