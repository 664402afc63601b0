import { describe, expect, it } from 'vitest';
import { formatSnapshotTime, parseHistoryFilter, parseSnapshotTime, toDateTimeLocalValue } from '@/lib/holdings/dates';

const now = new Date('2025-06-15T12:00:00.000Z');

describe('parseSnapshotTime (datetime-local read as UTC)', () => {
  it('reads minutes and seconds as UTC', () => {
    expect(parseSnapshotTime('2025-01-31T18:30', now)).toEqual({ ok: true, value: new Date('2025-01-31T18:30:00.000Z') });
    expect(parseSnapshotTime(' 2025-01-31T18:30:45 ', now)).toEqual({ ok: true, value: new Date('2025-01-31T18:30:45.000Z') });
  });

  it.each(['', '2025-01-31', '31/01/2025 18:30', '2025-02-30T10:00', '2025-01-31T24:00', '2025-01-31T10:60', '2025-01-31T10:00Z', 'x'])(
    'rejects %j with a readable message',
    (input) => {
      const result = parseSnapshotTime(input, now);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/date and time/);
    },
  );

  it('rejects times before 2000-01-01 UTC', () => {
    expect(parseSnapshotTime('1999-12-31T23:59', now)).toEqual({ ok: false, message: 'The date cannot be before 1 January 2000.' });
    expect(parseSnapshotTime('2000-01-01T00:00', now).ok).toBe(true);
  });

  it('allows up to exactly one day ahead of now, not more', () => {
    expect(parseSnapshotTime('2025-06-16T12:00', now).ok).toBe(true);
    expect(parseSnapshotTime('2025-06-16T12:01', now)).toEqual({ ok: false, message: 'The date cannot be more than 1 day in the future.' });
  });
});

describe('display helpers', () => {
  it('round-trips an ISO time through the datetime-local value in UTC', () => {
    expect(toDateTimeLocalValue('2025-01-31T18:30:12.345Z')).toBe('2025-01-31T18:30');
    const back = parseSnapshotTime(toDateTimeLocalValue('2025-01-31T18:30:00.000Z'), now);
    expect(back).toEqual({ ok: true, value: new Date('2025-01-31T18:30:00.000Z') });
  });

  it('formats times in UTC, labelled', () => {
    expect(formatSnapshotTime('2025-01-31T23:05:59.000Z')).toBe('2025-01-31 23:05 UTC');
  });
});

describe('parseHistoryFilter', () => {
  it('keeps valid UTC days', () => {
    expect(parseHistoryFilter({ from: '2025-01-01', to: '2025-01-31' })).toEqual({
      filter: { from: '2025-01-01', to: '2025-01-31' },
      errors: {},
      values: { from: '2025-01-01', to: '2025-01-31' },
    });
  });

  it('treats missing and empty bounds as open', () => {
    expect(parseHistoryFilter({}).filter).toEqual({});
    expect(parseHistoryFilter({ from: '', to: '  ' }).filter).toEqual({});
  });

  it('ignores an invalid bound with an error, keeping the other', () => {
    const parsed = parseHistoryFilter({ from: '2025-02-30', to: '2025-03-01' });
    expect(parsed.filter).toEqual({ to: '2025-03-01' });
    expect(parsed.errors.from).toMatch(/2025-01-31/);
    expect(parsed.values.from).toBe('2025-02-30');
  });

  it('reports an end before the start', () => {
    const parsed = parseHistoryFilter({ from: '2025-03-01', to: '2025-02-01' });
    expect(parsed.filter).toEqual({ from: '2025-03-01' });
    expect(parsed.errors.to).toBe('The end date is before the start date.');
  });

  it('uses the first value of a repeated query parameter', () => {
    expect(parseHistoryFilter({ from: ['2025-01-01', '2024-01-01'] }).filter).toEqual({ from: '2025-01-01' });
  });
});
