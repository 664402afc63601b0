import Decimal from 'decimal.js';
import { convert, convertExact, rateOf, type Rates } from './currency';
import { MONEY_ROUNDING, roundMoney } from './money';

export interface Money {
  amount: Decimal;
  currency: string;
}

export interface Holding {
  currentAmount: Decimal;
  currency: string;
}

/**
 * Adds amounts held in several currencies in the display currency. Each conversion stays
 * unrounded and only the total is rounded, so the total does not depend on how many
 * holdings it is split across.
 */
export function sumInCurrency(items: readonly Money[], displayCurrency: string, rates: Rates): Decimal {
  rateOf(displayCurrency, rates); // an unknown display currency must fail even with nothing to add
  let total = new Decimal(0);
  for (const item of items) {
    total = total.plus(convertExact(item.amount, item.currency, displayCurrency, rates));
  }
  return roundMoney(total);
}

/** Current site balances + current asset values, in the display currency. */
export function bankroll(holdings: readonly Holding[], displayCurrency: string, rates: Rates): Decimal {
  return sumInCurrency(
    holdings.map((h) => ({ amount: h.currentAmount, currency: h.currency })),
    displayCurrency,
    rates,
  );
}

/** Total of deposits (or of withdrawals) in the display currency. */
export function sumTransfers(transfers: readonly Money[], displayCurrency: string, rates: Rates): Decimal {
  return sumInCurrency(transfers, displayCurrency, rates);
}

/** Money won: what the bankroll is worth minus what was put in, plus what was taken out. */
export function profit(totals: { bankroll: Decimal; deposits: Decimal; withdrawals: Decimal }): Decimal {
  return totals.bankroll.minus(totals.deposits).plus(totals.withdrawals);
}

export interface HoldingChange {
  /** current - previous, in the current snapshot's currency; null without a previous snapshot. */
  absolute: Decimal | null;
  /** Change in percent of previous, 2 decimals; null without a previous value or when it was 0. */
  percent: Decimal | null;
}

/**
 * Change between a holding's two newest snapshots. When the user switched the holding's
 * currency between them, the previous value is converted so the change is not a currency
 * artefact (rates are then required).
 */
export function holdingChange(current: Money, previous: Money | null | undefined, rates?: Rates): HoldingChange {
  if (!previous) return { absolute: null, percent: null };

  let previousAmount = previous.amount;
  if (previous.currency !== current.currency) {
    if (!rates) throw new Error('Rates are needed to compare snapshots in different currencies');
    previousAmount = convert(previous.amount, previous.currency, current.currency, rates);
  }

  const absolute = current.amount.minus(previousAmount);
  const percent = previousAmount.isZero()
    ? null
    : absolute.div(previousAmount.abs()).times(100).toDecimalPlaces(2, MONEY_ROUNDING);
  return { absolute, percent };
}
