import Decimal from 'decimal.js';
import { assertDayKey, type DayKey } from './days';

export const GOAL_TYPES = ['BANKROLL', 'PROFIT'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export interface GoalProgress {
  /** current / target, never below 0 (a loss is "no progress", not negative progress). */
  ratio: Decimal;
  /** ratio x 100 with 2 decimals, uncapped: can show "125% of goal". */
  percent: Decimal;
  /** 0..100, for the width of a progress bar. */
  barPercent: number;
}

export class GoalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoalError';
  }
}

export function assertValidTarget(target: Decimal): Decimal {
  if (!target.isFinite() || target.lessThanOrEqualTo(0)) {
    throw new GoalError('The goal target must be greater than 0');
  }
  return target;
}

/** The value a goal of this type is measured against. */
export function goalCurrentValue(type: GoalType, totals: { bankroll: Decimal; profit: Decimal }): Decimal {
  return type === 'BANKROLL' ? totals.bankroll : totals.profit;
}

export function goalProgress(current: Decimal, target: Decimal): GoalProgress {
  assertValidTarget(target);
  const ratio = Decimal.max(current.div(target), 0);
  const percent = ratio.times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return { ratio, percent, barPercent: Decimal.min(percent, 100).toNumber() };
}

/** A goal completes itself once the current value reaches the target (100%). */
export function isGoalComplete(current: Decimal, target: Decimal): boolean {
  assertValidTarget(target);
  return current.greaterThanOrEqualTo(target);
}

export type EndDateResult = { ok: true } | { ok: false; error: string };

/** The end date is optional, but a goal cannot end before the day it is set (UTC days). */
export function validateGoalEndDate(endOn: DayKey | null | undefined, today: DayKey): EndDateResult {
  assertDayKey(today);
  if (endOn === null || endOn === undefined || endOn === '') return { ok: true };
  try {
    assertDayKey(endOn);
  } catch {
    return { ok: false, error: 'The end date must be a valid date (YYYY-MM-DD)' };
  }
  if (endOn < today) return { ok: false, error: 'The end date cannot be in the past' };
  return { ok: true };
}
