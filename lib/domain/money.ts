import Decimal from 'decimal.js';
import { numberFormat } from './formatters';

/**
 * Money is always a Decimal with at most 2 decimal places; binary floats never touch it.
 *
 * Rounding is half-even ("banker's rounding") everywhere money is rounded: it is the default
 * of Python's Decimal and round(), which the original app used, and it does not drift upwards
 * when many rounded values are added together (totals of many converted holdings).
 */
export const MONEY_DECIMALS = 2;
export const MONEY_ROUNDING = Decimal.ROUND_HALF_EVEN;
export const MAX_AMOUNT = new Decimal('999999999999.99');

export type AmountErrorCode =
  | 'EMPTY'
  | 'INVALID_FORMAT'
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE'
  | 'TOO_LARGE'
  | 'NOT_POSITIVE';

export class AmountError extends Error {
  readonly code: AmountErrorCode;

  constructor(code: AmountErrorCode, message: string) {
    super(message);
    this.name = 'AmountError';
    this.code = code;
  }
}

export type AmountResult = { ok: true; value: Decimal } | { ok: false; error: AmountError };

// ASCII digits only (no exponent, sign, NaN/Infinity or other scripts' digits). Thousands
// separators are optional but, when present, must group the integer part by threes.
const AMOUNT_PATTERN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export function roundMoney(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(MONEY_DECIMALS, MONEY_ROUNDING);
}

/** Parses what a user typed as an amount (>= 0). Throws AmountError with a readable message. */
export function parseAmount(input: string): Decimal {
  const text = input.trim();
  if (text === '') throw new AmountError('EMPTY', 'Enter an amount');
  if (/^-\s*[\d.,]/.test(text)) throw new AmountError('NEGATIVE', 'Amount cannot be negative');

  const match = AMOUNT_PATTERN.exec(text);
  if (!match) {
    throw new AmountError(
      'INVALID_FORMAT',
      'Amount must be a number like 1234.50 or 1,234.50 (digits, optional thousands commas, up to 2 decimals)',
    );
  }
  const fraction = match[1];
  if (fraction !== undefined && fraction.length > MONEY_DECIMALS) {
    throw new AmountError('TOO_MANY_DECIMALS', 'Amount can have at most 2 decimal places');
  }

  const value = new Decimal(text.replace(/,/g, ''));
  if (value.greaterThan(MAX_AMOUNT)) {
    throw new AmountError('TOO_LARGE', 'Amount cannot exceed 999,999,999,999.99');
  }
  return value;
}

/** Same as parseAmount but returns a result instead of throwing (for form validation). */
export function tryParseAmount(input: string): AmountResult {
  try {
    return { ok: true, value: parseAmount(input) };
  } catch (error) {
    if (error instanceof AmountError) return { ok: false, error };
    throw error;
  }
}

/** Deposits and withdrawals move real money, so a zero amount is a mistake. */
export function assertPositiveAmount(amount: Decimal): Decimal {
  if (!amount.isFinite() || amount.lessThanOrEqualTo(0)) {
    throw new AmountError('NOT_POSITIVE', 'Amount must be greater than 0');
  }
  return amount;
}

export function parsePositiveAmount(input: string): Decimal {
  return assertPositiveAmount(parseAmount(input));
}

export function isPositiveAmount(amount: Decimal): boolean {
  return amount.isFinite() && amount.greaterThan(0);
}

/**
 * Formats with the currency's own number of minor digits (JPY has none).
 * The Decimal is rounded here and handed to Intl as a string, which Intl formats exactly,
 * so large values never pass through a float.
 */
export function formatMoney(amount: Decimal, currency: string, locale = 'en-US'): string {
  const formatter = numberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? MONEY_DECIMALS;
  let rounded = amount.toDecimalPlaces(digits, MONEY_ROUNDING);
  // A tiny negative that rounds to zero must not show as "-$0.00".
  if (rounded.isZero()) rounded = new Decimal(0);
  // toFixed never uses exponent notation, so the string is a plain numeric literal.
  return formatter.format(rounded.toFixed(digits) as `${number}`);
}
