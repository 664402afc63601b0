import { describe, it, expect } from 'vitest';
import { EMPTY_STREAK, activeStreak, nextStreak, type StreakState } from '../../../lib/domain/streaks';

const state = (current: number, longest: number, lastActionOn: string | null): StreakState => ({ current, longest, lastActionOn });

describe('nextStreak', () => {
  it('starts at 1 on the first action ever', () => {
    expect(nextStreak(EMPTY_STREAK, '2025-03-10')).toEqual(state(1, 1, '2025-03-10'));
  });

  it('continues when the previous action was yesterday', () => {
    expect(nextStreak(state(4, 6, '2025-03-10'), '2025-03-11')).toEqual(state(5, 6, '2025-03-11'));
  });

  it('raises the longest streak when the current one passes it', () => {
    expect(nextStreak(state(6, 6, '2025-03-10'), '2025-03-11')).toEqual(state(7, 7, '2025-03-11'));
  });

  it('changes nothing for more actions the same day', () => {
    const before = state(3, 5, '2025-03-10');
    expect(nextStreak(before, '2025-03-10')).toBe(before);
  });

  it('resets to 1 after a missed day, keeping the longest', () => {
    expect(nextStreak(state(9, 12, '2025-03-08'), '2025-03-10')).toEqual(state(1, 12, '2025-03-10'));
    expect(nextStreak(state(9, 12, '2024-03-10'), '2025-03-10')).toEqual(state(1, 12, '2025-03-10'));
  });

  it.each([
    ['2025-01-31', '2025-02-01'],
    ['2025-02-28', '2025-03-01'], // not a leap year
    ['2024-02-28', '2024-02-29'],
    ['2024-02-29', '2024-03-01'],
    ['2025-04-30', '2025-05-01'],
    ['2024-12-31', '2025-01-01'], // year boundary
  ])('continues across the boundary %s -> %s', (yesterday, today) => {
    expect(nextStreak(state(2, 2, yesterday), today)).toEqual(state(3, 3, today));
  });

  it.each([
    ['2024-02-28', '2024-03-01'], // 2024-02-29 was skipped
    ['2025-01-30', '2025-02-01'],
    ['2023-12-31', '2025-01-01'], // same day of month, a year apart
    ['2024-11-30', '2024-12-31'], // a month apart
  ])('resets when a day is missed: %s -> %s', (previous, today) => {
    expect(nextStreak(state(5, 5, previous), today)).toEqual(state(1, 5, today));
  });

  it('ignores an action dated before the last one (clock went backwards)', () => {
    const before = state(3, 3, '2025-03-10');
    expect(nextStreak(before, '2025-03-09')).toBe(before);
  });

  it('builds a streak day by day', () => {
    let s: StreakState = EMPTY_STREAK;
    for (const day of ['2024-12-30', '2024-12-31', '2024-12-31', '2025-01-01', '2025-01-03', '2025-01-04']) {
      s = nextStreak(s, day);
    }
    expect(s).toEqual(state(2, 3, '2025-01-04'));
  });

  it('rejects a malformed day', () => {
    expect(() => nextStreak(EMPTY_STREAK, '2025-3-1')).toThrow(/not a valid calendar day/);
  });
});

describe('activeStreak', () => {
  it('shows the streak while it can still be continued', () => {
    expect(activeStreak(state(5, 8, '2025-03-10'), '2025-03-10')).toBe(5);
    expect(activeStreak(state(5, 8, '2024-12-31'), '2025-01-01')).toBe(5);
  });

  it('shows 0 once a day was missed, or before any action', () => {
    expect(activeStreak(state(5, 8, '2025-03-08'), '2025-03-10')).toBe(0);
    expect(activeStreak(EMPTY_STREAK, '2025-03-10')).toBe(0);
  });
});
