import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import {
  GOAL_TYPES,
  GoalError,
  goalCurrentValue,
  goalProgress,
  isGoalComplete,
  validateGoalEndDate,
} from '../../../lib/domain/goals';

const d = (value: string | number) => new Decimal(value);

describe('goalProgress', () => {
  it('is current / target', () => {
    const p = goalProgress(d(250), d(1000));
    expect(p.ratio.toString()).toBe('0.25');
    expect(p.percent.toString()).toBe('25');
    expect(p.barPercent).toBe(25);
  });

  it('keeps the raw percent above 100 but caps the bar', () => {
    const p = goalProgress(d(1500), d(1000));
    expect(p.ratio.toString()).toBe('1.5');
    expect(p.percent.toString()).toBe('150');
    expect(p.barPercent).toBe(100);
  });

  it('never goes below zero (a losing profit goal)', () => {
    const p = goalProgress(d(-200), d(1000));
    expect(p.ratio.toString()).toBe('0');
    expect(p.percent.toString()).toBe('0');
    expect(p.barPercent).toBe(0);
  });

  it('rounds the percent down so 99.999% is not shown as 100%', () => {
    expect(goalProgress(d(1), d(3)).percent.toString()).toBe('33.33');
    expect(goalProgress(d('999.99'), d(1000)).percent.toString()).toBe('99.99');
    expect(goalProgress(d('999.999'), d(1000)).percent.toString()).toBe('99.99');
  });

  it('rejects a target that is not above zero', () => {
    expect(() => goalProgress(d(10), d(0))).toThrow(GoalError);
    expect(() => goalProgress(d(10), d(-5))).toThrow('The goal target must be greater than 0');
  });
});

describe('isGoalComplete', () => {
  it('completes at 100%', () => {
    expect(isGoalComplete(d(1000), d(1000))).toBe(true);
    expect(isGoalComplete(d('1000.01'), d(1000))).toBe(true);
    expect(isGoalComplete(d('999.99'), d(1000))).toBe(false);
    expect(() => isGoalComplete(d(1), d(0))).toThrow(GoalError);
  });
});

describe('goalCurrentValue', () => {
  it('measures a bankroll goal against the bankroll and a profit goal against the profit', () => {
    const totals = { bankroll: d(800), profit: d(300) };
    expect(GOAL_TYPES).toEqual(['BANKROLL', 'PROFIT']);
    expect(goalCurrentValue('BANKROLL', totals).toString()).toBe('800');
    expect(goalCurrentValue('PROFIT', totals).toString()).toBe('300');
  });
});

describe('validateGoalEndDate', () => {
  const today = '2025-03-10';

  it('allows no end date, today, or a later day', () => {
    expect(validateGoalEndDate(null, today)).toEqual({ ok: true });
    expect(validateGoalEndDate(undefined, today)).toEqual({ ok: true });
    expect(validateGoalEndDate('', today)).toEqual({ ok: true });
    expect(validateGoalEndDate('2025-03-10', today)).toEqual({ ok: true });
    expect(validateGoalEndDate('2025-03-11', today)).toEqual({ ok: true });
    expect(validateGoalEndDate('2026-01-01', today)).toEqual({ ok: true });
  });

  it('refuses a day in the past', () => {
    expect(validateGoalEndDate('2025-03-09', today)).toEqual({ ok: false, error: 'The end date cannot be in the past' });
    expect(validateGoalEndDate('2024-12-31', '2025-01-01').ok).toBe(false);
  });

  it('refuses something that is not a date', () => {
    expect(validateGoalEndDate('2025-02-30', today)).toEqual({ ok: false, error: 'The end date must be a valid date (YYYY-MM-DD)' });
    expect(validateGoalEndDate('next week', today).ok).toBe(false);
  });
});
