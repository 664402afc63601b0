import Decimal from 'decimal.js';
import { roundMoney } from './money';
import { assertDayKey, toDayKey, type DayKey } from './days';

export interface CurrencyInfo {
  code: string;
  name: string;
  symbol: string;
  /** Digits after the decimal point in everyday use (ISO 4217 minor unit). */
  minorDigits: number;
}

export const SUPPORTED_CURRENCIES: readonly CurrencyInfo[] = [
  { code: 'USD', name: 'US Dollar', symbol: '$', minorDigits: 2 },
  { code: 'GBP', name: 'British Pound', symbol: '£', minorDigits: 2 },
  { code: 'EUR', name: 'Euro', symbol: '€', minorDigits: 2 },
  { code: 'CNY', name: 'Chinese Yuan', symbol: '¥', minorDigits: 2 },
  { code: 'JPY', name: 'Japanese Yen', symbol: '¥', minorDigits: 0 },
  { code: 'CAD', name: 'Canadian Dollar', symbol: 'C$', minorDigits: 2 },
  { code: 'AUD', name: 'Australian Dollar', symbol: 'A$', minorDigits: 2 },
  { code: 'CHF', name: 'Swiss Franc', symbol: 'CHF', minorDigits: 2 },
  { code: 'NZD', name: 'New Zealand Dollar', symbol: 'NZ$', minorDigits: 2 },
  { code: 'SEK', name: 'Swedish Krona', symbol: 'kr', minorDigits: 2 },
  { code: 'NOK', name: 'Norwegian Krone', symbol: 'kr', minorDigits: 2 },
  { code: 'DKK', name: 'Danish Krone', symbol: 'kr', minorDigits: 2 },
];

export const SUPPORTED_CURRENCY_CODES: readonly string[] = SUPPORTED_CURRENCIES.map((c) => c.code);

export const BASE_CURRENCY = 'USD';

/** Rates are units of the currency per 1 USD. */
export type Rates = Record<string, Decimal>;

/** Used when no rate source is reachable (values from the original app). */
export const FALLBACK_RATES: Readonly<Rates> = Object.freeze({
  USD: new Decimal('1'),
  GBP: new Decimal('0.7377'),
  EUR: new Decimal('0.8545'),
  CNY: new Decimal('7.188'),
  JPY: new Decimal('147.2455'),
  CAD: new Decimal('1.3815'),
  AUD: new Decimal('1.5362'),
  CHF: new Decimal('0.8066'),
  NZD: new Decimal('1.6874'),
  SEK: new Decimal('9.5536'),
  NOK: new Decimal('10.1817'),
  DKK: new Decimal('6.3742'),
});

export class UnknownCurrencyError extends Error {
  readonly currency: string;

  constructor(currency: string) {
    super(`No exchange rate for currency "${currency}"`);
    this.name = 'UnknownCurrencyError';
    this.currency = currency;
  }
}

export function isSupportedCurrency(code: string): boolean {
  return SUPPORTED_CURRENCY_CODES.includes(code);
}

export function currencyInfo(code: string): CurrencyInfo {
  const info = SUPPORTED_CURRENCIES.find((c) => c.code === code);
  if (!info) throw new UnknownCurrencyError(code);
  return info;
}

export function rateOf(currency: string, rates: Rates): Decimal {
  const rate = Object.hasOwn(rates, currency) ? rates[currency] : undefined;
  // A zero or negative rate would divide by zero or flip signs: treat it as missing.
  if (!rate || !rate.isFinite() || rate.lessThanOrEqualTo(0)) {
    throw new UnknownCurrencyError(currency);
  }
  return rate;
}

/** Unrounded conversion, for callers that add several conversions and round once at the end. */
export function convertExact(amount: Decimal, from: string, to: string, rates: Rates): Decimal {
  const fromRate = rateOf(from, rates);
  const toRate = rateOf(to, rates);
  if (from === to) return amount;
  return amount.div(fromRate).times(toRate);
}

/** amount (from) -> USD -> to, rounded to 2 decimals (half-even, see money.ts) only at the end. */
export function convert(amount: Decimal, from: string, to: string, rates: Rates): Decimal {
  return roundMoney(convertExact(amount, from, to, rates));
}

export interface DatedRate {
  currency: string;
  rate: Decimal;
  effectiveOn: Date;
}

/**
 * Walks a rate history forward in time: each call returns the rates in force on `day`
 * (UTC calendar day). Days must not go backwards, which lets a daily series pay for each
 * history entry once instead of rescanning the history every day.
 *
 * Per currency: the latest rate effective on or before the day; before its first known rate,
 * that earliest known rate (better than a hard-coded constant); with no history at all, the
 * fallback table. USD is the base so its rate stays 1 whatever the history says.
 */
export function createRateWalker(history: readonly DatedRate[]): (day: DayKey) => Rates {
  const usable = history
    .filter((entry) => entry.currency !== BASE_CURRENCY && entry.rate.isFinite() && entry.rate.greaterThan(0))
    .map((entry) => ({
      currency: entry.currency,
      rate: entry.rate,
      day: toDayKey(entry.effectiveOn),
      time: entry.effectiveOn.getTime(),
    }))
    .sort((a, b) => a.time - b.time); // stable: same instant keeps input order, the last one wins

  const current: Rates = { ...FALLBACK_RATES };
  const seen = new Set<string>();
  for (const entry of usable) {
    if (seen.has(entry.currency)) continue;
    seen.add(entry.currency);
    current[entry.currency] = entry.rate;
  }

  let next = 0;
  let lastDay: DayKey | null = null;
  return (day: DayKey): Rates => {
    if (lastDay !== null && day < lastDay) {
      throw new Error(`Rate walker moved backwards from ${lastDay} to ${day}`);
    }
    lastDay = day;
    while (next < usable.length && usable[next].day <= day) {
      current[usable[next].currency] = usable[next].rate;
      next++;
    }
    return { ...current };
  };
}

/** Rates in force on one UTC day (see createRateWalker for the fallback rules). */
export function ratesOn(history: readonly DatedRate[], day: DayKey | Date): Rates {
  return createRateWalker(history)(typeof day === 'string' ? assertDayKey(day) : toDayKey(day));
}
