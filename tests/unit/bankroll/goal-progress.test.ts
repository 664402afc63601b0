import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FALLBACK_RATES } from '@/lib/domain/currency';
import { evaluateGoal, evaluateStoredGoal } from '@/lib/goals/progress';

const d = (v: string | number) => new Decimal(v);
const totals = { bankroll: d('800.00'), profit: d('300.00') };

describe('evaluateGoal', () => {
  it('measures a bankroll goal against the bankroll', () => {
    const e = evaluateGoal({ type: 'BANKROLL', targetAmount: d(1000), currency: 'USD' }, totals, 'USD', FALLBACK_RATES);
    expect(e.current.toFixed(2)).toBe('800.00');
    expect(e.progress.percent.toString()).toBe('80');
    expect(e.progress.barPercent).toBe(80);
    expect(e.reached).toBe(false);
  });

  it('measures a profit goal against the profit and completes at exactly 100%', () => {
    const e = evaluateGoal({ type: 'PROFIT', targetAmount: d(300), currency: 'USD' }, totals, 'USD', FALLBACK_RATES);
    expect(e.reached).toBe(true);
    expect(e.progress.percent.toString()).toBe('100');
    const just = evaluateGoal({ type: 'PROFIT', targetAmount: d('300.01'), currency: 'USD' }, totals, 'USD', FALLBACK_RATES);
    expect(just.reached).toBe(false);
  });

  it('converts the target into the display currency (units per 1 USD)', () => {
    // 1000 USD in EUR at 0.8545 = 854.50 EUR; bankroll 854.50 EUR reaches it.
    const e = evaluateGoal({ type: 'BANKROLL', targetAmount: d(1000), currency: 'USD' }, { bankroll: d('854.50'), profit: d(0) }, 'EUR', FALLBACK_RATES);
    expect(e.target.toFixed(2)).toBe('854.50');
    expect(e.reached).toBe(true);
  });

  it('shows a loss as 0% progress, and over 100% uncapped in text but capped on the bar', () => {
    const loss = evaluateGoal({ type: 'PROFIT', targetAmount: d(100), currency: 'USD' }, { bankroll: d(0), profit: d(-50) }, 'USD', FALLBACK_RATES);
    expect(loss.progress.barPercent).toBe(0);
    const over = evaluateGoal({ type: 'BANKROLL', targetAmount: d(400), currency: 'USD' }, totals, 'USD', FALLBACK_RATES);
    expect(over.progress.percent.toString()).toBe('200');
    expect(over.progress.barPercent).toBe(100);
  });

  it('treats a target that rounds to 0 in the display currency as reached', () => {
    const e = evaluateGoal({ type: 'BANKROLL', targetAmount: d('0.01'), currency: 'JPY' }, { bankroll: d(0), profit: d(0) }, 'USD', FALLBACK_RATES);
    expect(e.target.isZero()).toBe(true);
    expect(e.reached).toBe(true);
  });

  it('reads a stored goal (decimal string) against a summary', () => {
    const e = evaluateStoredGoal({ type: 'BANKROLL', targetAmount: '1000', currency: 'USD' }, { ...totals, displayCurrency: 'USD' }, FALLBACK_RATES);
    expect(e.progress.percent.toString()).toBe('80');
  });
});
