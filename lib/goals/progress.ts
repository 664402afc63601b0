import Decimal from 'decimal.js';
import { convert, type Rates } from '@/lib/domain/currency';
import { goalCurrentValue, goalProgress, isGoalComplete, type GoalProgress, type GoalType } from '@/lib/domain/goals';

export interface GoalTarget {
  type: GoalType;
  targetAmount: Decimal;
  currency: string;
}

export interface GoalEvaluation {
  /** Bankroll or profit now, in the display currency. */
  current: Decimal;
  /** The target converted to the display currency (rounded like every displayed amount). */
  target: Decimal;
  progress: GoalProgress;
  reached: boolean;
}

/**
 * A goal measured against the dashboard totals. The one place that decides "reached", used by
 * the pages (display) and by completeGoalIfReached (the write), so both always agree.
 */
export function evaluateGoal(goal: GoalTarget, totals: { bankroll: Decimal; profit: Decimal }, displayCurrency: string, rates: Rates): GoalEvaluation {
  const current = goalCurrentValue(goal.type, totals);
  const target = convert(goal.targetAmount, goal.currency, displayCurrency, rates);
  // A tiny target can round to 0 in the display currency; it is then trivially reached.
  if (target.lessThanOrEqualTo(0)) {
    const full = new Decimal(1);
    return { current, target, progress: goalProgress(full, full), reached: true };
  }
  return { current, target, progress: goalProgress(current, target), reached: isGoalComplete(current, target) };
}

/** A goal as stored (amount as a decimal string) against the dashboard summary. */
export function evaluateStoredGoal(
  goal: { type: GoalType; targetAmount: string; currency: string },
  summary: { bankroll: Decimal; profit: Decimal; displayCurrency: string },
  rates: Rates,
): GoalEvaluation {
  return evaluateGoal({ type: goal.type, targetAmount: new Decimal(goal.targetAmount), currency: goal.currency }, summary, summary.displayCurrency, rates);
}
