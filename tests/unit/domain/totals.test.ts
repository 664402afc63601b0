import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import { FALLBACK_RATES, UnknownCurrencyError } from '../../../lib/domain/currency';
import { bankroll, holdingChange, profit, sumInCurrency, sumTransfers } from '../../../lib/domain/totals';

const d = (value: string | number) => new Decimal(value);

describe('bankroll', () => {
  it('adds holdings in several currencies in the display currency', () => {
    // 500 USD = 427.25 EUR; 200 GBP = 200 / 0.7377 * 0.8545 = 231.6659...;
    // 10000 JPY = 10000 / 147.2455 * 0.8545 = 58.0323...; total 716.9483... -> 716.95
    const holdings = [
      { currentAmount: d(500), currency: 'USD' },
      { currentAmount: d(200), currency: 'GBP' },
      { currentAmount: d(10000), currency: 'JPY' },
    ];
    expect(bankroll(holdings, 'EUR', FALLBACK_RATES).toString()).toBe('716.95');
  });

  it('really uses the display currency (the original always showed USD)', () => {
    const holdings = [{ currentAmount: d(100), currency: 'USD' }];
    expect(bankroll(holdings, 'USD', FALLBACK_RATES).toString()).toBe('100');
    expect(bankroll(holdings, 'GBP', FALLBACK_RATES).toString()).toBe('73.77');
  });

  it('rounds the total, not each holding', () => {
    // 3 x 0.7377 = 2.2131 -> 2.21; rounding each first would give 3 x 0.74 = 2.22.
    const holdings = [1, 2, 3].map(() => ({ currentAmount: d(1), currency: 'USD' }));
    expect(bankroll(holdings, 'GBP', FALLBACK_RATES).toString()).toBe('2.21');
  });

  it('is zero without holdings, but still rejects an unknown display currency', () => {
    expect(bankroll([], 'USD', FALLBACK_RATES).toString()).toBe('0');
    expect(() => bankroll([], 'XYZ', FALLBACK_RATES)).toThrow(UnknownCurrencyError);
    expect(() => sumInCurrency([{ amount: d(1), currency: 'XYZ' }], 'USD', FALLBACK_RATES)).toThrow(
      UnknownCurrencyError,
    );
  });
});

describe('profit', () => {
  it('is bankroll - deposits + withdrawals (domain example: 800, 1000, 500 -> 300)', () => {
    expect(profit({ bankroll: d(800), deposits: d(1000), withdrawals: d(500) }).toString()).toBe('300');
  });

  it('can be negative', () => {
    expect(profit({ bankroll: d('250.5'), deposits: d(1000), withdrawals: d(0) }).toString()).toBe('-749.5');
  });

  it('stays exact with cents', () => {
    expect(profit({ bankroll: d('0.3'), deposits: d('0.1'), withdrawals: d('0.2') }).toString()).toBe('0.4');
  });
});

describe('sumTransfers', () => {
  it('converts each transfer and rounds the total: 100 GBP + 50 USD = 185.5564... -> 185.56 USD', () => {
    const deposits = [
      { amount: d(100), currency: 'GBP' },
      { amount: d(50), currency: 'USD' },
    ];
    expect(sumTransfers(deposits, 'USD', FALLBACK_RATES).toString()).toBe('185.56');
  });

  it('is zero for no transfers', () => {
    expect(sumTransfers([], 'EUR', FALLBACK_RATES).toString()).toBe('0');
  });
});

describe('holdingChange', () => {
  it('gives the absolute and percent change', () => {
    const change = holdingChange({ amount: d(150), currency: 'USD' }, { amount: d(100), currency: 'USD' });
    expect(change.absolute?.toString()).toBe('50');
    expect(change.percent?.toString()).toBe('50');
  });

  it('handles a drop, rounding the percent to 2 decimals', () => {
    const change = holdingChange({ amount: d(100), currency: 'USD' }, { amount: d(300), currency: 'USD' });
    expect(change.absolute?.toString()).toBe('-200');
    expect(change.percent?.toString()).toBe('-66.67');
  });

  it('has no change without a previous snapshot', () => {
    expect(holdingChange({ amount: d(100), currency: 'USD' }, null)).toEqual({ absolute: null, percent: null });
    expect(holdingChange({ amount: d(100), currency: 'USD' }, undefined)).toEqual({ absolute: null, percent: null });
  });

  it('has no percent when the previous value was zero', () => {
    const change = holdingChange({ amount: d(150), currency: 'USD' }, { amount: d(0), currency: 'USD' });
    expect(change.absolute?.toString()).toBe('150');
    expect(change.percent).toBeNull();
  });

  it('converts the previous snapshot when the currency changed', () => {
    // 50 GBP = 67.7782... -> 67.78 USD; 100 - 67.78 = 32.22; 32.22 / 67.78 = 47.536...%
    const change = holdingChange({ amount: d(100), currency: 'USD' }, { amount: d(50), currency: 'GBP' }, FALLBACK_RATES);
    expect(change.absolute?.toString()).toBe('32.22');
    expect(change.percent?.toString()).toBe('47.54');
    expect(() => holdingChange({ amount: d(100), currency: 'USD' }, { amount: d(50), currency: 'GBP' })).toThrow(
      /Rates are needed/,
    );
  });
});
