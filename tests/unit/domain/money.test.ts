import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import {
  AmountError,
  assertPositiveAmount,
  formatMoney,
  isPositiveAmount,
  parseAmount,
  parsePositiveAmount,
  roundMoney,
  tryParseAmount,
  type AmountErrorCode,
} from '../../../lib/domain/money';

function errorCodeOf(input: string): AmountErrorCode | 'no error' {
  const result = tryParseAmount(input);
  return result.ok ? 'no error' : result.error.code;
}

describe('parseAmount: accepted input', () => {
  it.each([
    ['12', '12'],
    ['12.3', '12.3'],
    ['12.34', '12.34'],
    ['1,234.50', '1234.5'],
    ['1,234,567', '1234567'],
    ['  42.10  ', '42.1'],
    ['0', '0'],
    ['0.00', '0'],
    ['0.01', '0.01'],
    ['007', '7'],
    ['999,999,999,999.99', '999999999999.99'],
    ['999999999999.99', '999999999999.99'],
  ])('%j -> %s', (input, expected) => {
    const value = parseAmount(input);
    expect(value).toBeInstanceOf(Decimal);
    expect(value.toString()).toBe(expected);
  });

  it('keeps cents exact where floats would not (0.1 + 0.2)', () => {
    expect(parseAmount('0.1').plus(parseAmount('0.2')).toString()).toBe('0.3');
  });
});

describe('parseAmount: rejected input', () => {
  it.each<[string, AmountErrorCode]>([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['-5', 'NEGATIVE'],
    ['-0.01', 'NEGATIVE'],
    ['-1,000', 'NEGATIVE'],
    ['12.345', 'TOO_MANY_DECIMALS'],
    ['1,234.567', 'TOO_MANY_DECIMALS'],
    ['0.001', 'TOO_MANY_DECIMALS'],
    ['1,000,000,000,000', 'TOO_LARGE'],
    ['1000000000000.00', 'TOO_LARGE'],
    ['99999999999999999999999', 'TOO_LARGE'],
    ['NaN', 'INVALID_FORMAT'],
    ['Infinity', 'INVALID_FORMAT'],
    ['-Infinity', 'INVALID_FORMAT'],
    ['1e5', 'INVALID_FORMAT'],
    ['1E5', 'INVALID_FORMAT'],
    ['1.5e2', 'INVALID_FORMAT'],
    ['0x10', 'INVALID_FORMAT'],
    ['+5', 'INVALID_FORMAT'],
    ['abc', 'INVALID_FORMAT'],
    ['12.', 'INVALID_FORMAT'],
    ['.5', 'INVALID_FORMAT'],
    ['1.2.3', 'INVALID_FORMAT'],
    ['1,23', 'INVALID_FORMAT'],
    ['1,2345', 'INVALID_FORMAT'],
    ['12,34.5', 'INVALID_FORMAT'],
    [',123', 'INVALID_FORMAT'],
    ['1 000', 'INVALID_FORMAT'],
    ['$12', 'INVALID_FORMAT'],
    ['12 USD', 'INVALID_FORMAT'],
    ['1.234,50', 'INVALID_FORMAT'],
    ['١٢٣', 'INVALID_FORMAT'], // Arabic-Indic digits
    ['１２', 'INVALID_FORMAT'], // full-width digits
    ['१२.५०', 'INVALID_FORMAT'], // Devanagari digits
  ])('%j -> %s', (input, code) => {
    expect(errorCodeOf(input)).toBe(code);
  });

  it('throws an AmountError with a readable message', () => {
    expect(() => parseAmount('12.345')).toThrow(AmountError);
    expect(() => parseAmount('12.345')).toThrow('Amount can have at most 2 decimal places');
    expect(() => parseAmount('-3')).toThrow('Amount cannot be negative');
    expect(() => parseAmount('')).toThrow('Enter an amount');
    expect(() => parseAmount('1,000,000,000,000')).toThrow('Amount cannot exceed 999,999,999,999.99');
    expect(() => parseAmount('1e5')).toThrow(/must be a number like 1234\.50/);
  });
});

describe('tryParseAmount', () => {
  it('returns the value or the error instead of throwing', () => {
    const ok = tryParseAmount('1,000.25');
    expect(ok.ok && ok.value.toString()).toBe('1000.25');
    const failed = tryParseAmount('ten');
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toBeInstanceOf(AmountError);
  });
});

describe('positive amounts (deposits and withdrawals)', () => {
  it('accepts anything above zero', () => {
    expect(parsePositiveAmount('0.01').toString()).toBe('0.01');
    expect(assertPositiveAmount(new Decimal('500')).toString()).toBe('500');
    expect(isPositiveAmount(new Decimal('0.01'))).toBe(true);
  });

  it('rejects zero and negatives', () => {
    expect(() => parsePositiveAmount('0')).toThrow('Amount must be greater than 0');
    expect(() => parsePositiveAmount('0.00')).toThrow(AmountError);
    expect(() => assertPositiveAmount(new Decimal(-1))).toThrow(AmountError);
    expect(() => assertPositiveAmount(new Decimal(NaN))).toThrow(AmountError);
    expect(isPositiveAmount(new Decimal(0))).toBe(false);
    expect(isPositiveAmount(new Decimal(Infinity))).toBe(false);
  });
});

describe('roundMoney', () => {
  it('rounds to cents, half to even', () => {
    expect(roundMoney(new Decimal('1.005')).toString()).toBe('1');
    expect(roundMoney(new Decimal('1.015')).toString()).toBe('1.02');
    expect(roundMoney(new Decimal('1.0051')).toString()).toBe('1.01');
    expect(roundMoney(new Decimal('-2.675')).toString()).toBe('-2.68');
  });
});

describe('formatMoney', () => {
  it('formats with the currency symbol and 2 decimals', () => {
    expect(formatMoney(new Decimal('1234.5'), 'USD')).toBe('$1,234.50');
    expect(formatMoney(new Decimal('0'), 'USD')).toBe('$0.00');
    expect(formatMoney(new Decimal('1234.5'), 'GBP', 'en-GB')).toBe('£1,234.50');
  });

  it('uses no decimals for JPY, rounding half to even', () => {
    expect(formatMoney(new Decimal('1234.56'), 'JPY')).toBe('¥1,235');
    expect(formatMoney(new Decimal('1234.5'), 'JPY')).toBe('¥1,234');
    expect(formatMoney(new Decimal('1235.5'), 'JPY')).toBe('¥1,236');
  });

  it('follows the locale', () => {
    expect(formatMoney(new Decimal('1234.5'), 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('formats negative values (losses) and never shows "-0.00"', () => {
    expect(formatMoney(new Decimal('-300'), 'USD')).toBe('-$300.00');
    expect(formatMoney(new Decimal('-0.001'), 'USD')).toBe('$0.00');
  });

  it('does not lose digits a float would lose', () => {
    expect(formatMoney(new Decimal('12345678901234567.89'), 'USD')).toBe('$12,345,678,901,234,567.89');
    expect(formatMoney(new Decimal('999999999999.99'), 'USD')).toBe('$999,999,999,999.99');
  });
});
