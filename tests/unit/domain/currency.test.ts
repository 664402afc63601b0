import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import {
  FALLBACK_RATES,
  SUPPORTED_CURRENCIES,
  SUPPORTED_CURRENCY_CODES,
  UnknownCurrencyError,
  convert,
  convertExact,
  createRateWalker,
  currencyInfo,
  isSupportedCurrency,
  rateOf,
  ratesOn,
  type DatedRate,
  type Rates,
} from '../../../lib/domain/currency';

const d = (value: string | number) => new Decimal(value);

describe('currency tables', () => {
  it('supports the twelve currencies of the original app', () => {
    expect(SUPPORTED_CURRENCY_CODES).toEqual([
      'USD', 'GBP', 'EUR', 'CNY', 'JPY', 'CAD', 'AUD', 'CHF', 'NZD', 'SEK', 'NOK', 'DKK',
    ]);
    expect(SUPPORTED_CURRENCIES.every((c) => c.name.length > 0 && c.symbol.length > 0)).toBe(true);
  });

  it('knows that yen has no minor unit', () => {
    expect(currencyInfo('JPY').minorDigits).toBe(0);
    expect(currencyInfo('EUR')).toEqual({ code: 'EUR', name: 'Euro', symbol: '€', minorDigits: 2 });
    expect(() => currencyInfo('XYZ')).toThrow(UnknownCurrencyError);
    expect(isSupportedCurrency('NOK')).toBe(true);
    expect(isSupportedCurrency('usd')).toBe(false);
  });

  it('has exactly the fallback rates of domain.md (units per 1 USD)', () => {
    const asStrings = Object.fromEntries(Object.entries(FALLBACK_RATES).map(([code, rate]) => [code, rate.toString()]));
    expect(asStrings).toEqual({
      USD: '1', GBP: '0.7377', EUR: '0.8545', CNY: '7.188', JPY: '147.2455', CAD: '1.3815',
      AUD: '1.5362', CHF: '0.8066', NZD: '1.6874', SEK: '9.5536', NOK: '10.1817', DKK: '6.3742',
    });
    expect(Object.keys(FALLBACK_RATES)).toEqual([...SUPPORTED_CURRENCY_CODES]);
  });
});

describe('convert', () => {
  it('converts through USD: 100 GBP -> 100 / 0.7377 = 135.5564... -> 135.56 USD', () => {
    expect(convert(d(100), 'GBP', 'USD', FALLBACK_RATES).toString()).toBe('135.56');
  });

  it('converts USD to another currency by multiplying: 100 USD -> 73.77 GBP', () => {
    expect(convert(d(100), 'USD', 'GBP', FALLBACK_RATES).toString()).toBe('73.77');
  });

  it('converts between two non-USD currencies: 100 EUR -> 100 / 0.8545 * 147.2455 = 17231.7729... JPY', () => {
    expect(convert(d(100), 'EUR', 'JPY', FALLBACK_RATES).toString()).toBe('17231.77');
  });

  it('rounds only once, at the end', () => {
    // 250 GBP -> 338.89114816... USD; rounding the USD step first would not change this one,
    // so check the unrounded value too.
    expect(convertExact(d(250), 'GBP', 'USD', FALLBACK_RATES).toFixed(8)).toBe('338.89114816');
    expect(convert(d(250), 'GBP', 'USD', FALLBACK_RATES).toString()).toBe('338.89');
  });

  it('rounds a half cent to even: 1.25 USD -> 8.985 CNY -> 8.98', () => {
    expect(convert(d('1.25'), 'USD', 'CNY', FALLBACK_RATES).toString()).toBe('8.98');
    expect(convert(d('1.75'), 'USD', 'CNY', FALLBACK_RATES).toString()).toBe('12.58'); // 12.579
  });

  it('leaves same-currency amounts alone and handles zero', () => {
    expect(convert(d('12.34'), 'SEK', 'SEK', FALLBACK_RATES).toString()).toBe('12.34');
    expect(convert(d(0), 'GBP', 'JPY', FALLBACK_RATES).toString()).toBe('0');
  });

  it('round-trips within a cent through a currency with smaller units', () => {
    // (The other way round, NOK -> CHF -> NOK, a half CHF cent is worth ~6 NOK cents.)
    const there = convert(d('1234.56'), 'CHF', 'NOK', FALLBACK_RATES);
    const back = convert(there, 'NOK', 'CHF', FALLBACK_RATES);
    expect(back.minus('1234.56').abs().lessThanOrEqualTo('0.01')).toBe(true);
  });

  it('uses the rates it is given, not the fallback table', () => {
    const rates: Rates = { USD: d(1), GBP: d('0.8') };
    expect(convert(d(100), 'GBP', 'USD', rates).toString()).toBe('125');
  });

  it('throws a clear error for an unknown currency', () => {
    expect(() => convert(d(1), 'XYZ', 'USD', FALLBACK_RATES)).toThrow(UnknownCurrencyError);
    expect(() => convert(d(1), 'USD', 'XYZ', FALLBACK_RATES)).toThrow('No exchange rate for currency "XYZ"');
    // Even when source and target are the same, an unknown code is a bug worth surfacing.
    expect(() => convert(d(1), 'XYZ', 'XYZ', FALLBACK_RATES)).toThrow(UnknownCurrencyError);
    expect(() => rateOf('toString', FALLBACK_RATES)).toThrow(UnknownCurrencyError);
  });

  it('treats a zero or negative rate as missing', () => {
    expect(() => convert(d(1), 'GBP', 'USD', { USD: d(1), GBP: d(0) })).toThrow(UnknownCurrencyError);
    expect(() => convert(d(1), 'GBP', 'USD', { USD: d(1), GBP: d(-1) })).toThrow(UnknownCurrencyError);
  });
});

describe('ratesOn', () => {
  const history: DatedRate[] = [
    // Deliberately out of order.
    { currency: 'GBP', rate: d('0.75'), effectiveOn: new Date('2025-01-03T12:00:00Z') },
    { currency: 'GBP', rate: d('0.80'), effectiveOn: new Date('2025-01-01T00:00:00Z') },
    { currency: 'EUR', rate: d('0.90'), effectiveOn: new Date('2025-01-02T00:00:00Z') },
    { currency: 'GBP', rate: d('0.70'), effectiveOn: new Date('2025-01-10T00:00:00Z') },
  ];

  it('picks the latest rate effective on or before the day', () => {
    expect(ratesOn(history, '2025-01-01').GBP.toString()).toBe('0.8');
    expect(ratesOn(history, '2025-01-02').GBP.toString()).toBe('0.8');
    // Effective at noon on the 3rd: in force for the whole UTC day.
    expect(ratesOn(history, '2025-01-03').GBP.toString()).toBe('0.75');
    expect(ratesOn(history, '2025-01-09').GBP.toString()).toBe('0.75');
    expect(ratesOn(history, '2025-01-10').GBP.toString()).toBe('0.7');
    expect(ratesOn(history, '2026-01-01').GBP.toString()).toBe('0.7');
  });

  it('falls back to the earliest known rate before a currency has any', () => {
    expect(ratesOn(history, '2024-06-01').GBP.toString()).toBe('0.8');
    expect(ratesOn(history, '2025-01-01').EUR.toString()).toBe('0.9');
  });

  it('falls back to the fallback table for currencies missing from the history', () => {
    const rates = ratesOn(history, '2025-01-05');
    expect(rates.JPY.toString()).toBe('147.2455');
    expect(Object.keys(rates).sort()).toEqual([...SUPPORTED_CURRENCY_CODES].sort());
    expect(ratesOn([], '2025-01-05').GBP.toString()).toBe('0.7377');
  });

  it('accepts a Date and uses its UTC day', () => {
    expect(ratesOn(history, new Date('2025-01-03T23:59:59Z')).GBP.toString()).toBe('0.75');
    expect(ratesOn(history, new Date('2025-01-02T23:59:59-05:00')).GBP.toString()).toBe('0.75');
  });

  it('keeps USD at 1 and ignores unusable entries', () => {
    const rates = ratesOn(
      [
        { currency: 'USD', rate: d(2), effectiveOn: new Date('2025-01-01') },
        { currency: 'CAD', rate: d(0), effectiveOn: new Date('2025-01-01') },
      ],
      '2025-01-02',
    );
    expect(rates.USD.toString()).toBe('1');
    expect(rates.CAD.toString()).toBe('1.3815');
  });

  it('keeps currencies that are not in the fallback table', () => {
    const rates = ratesOn([{ currency: 'MXN', rate: d('18.5'), effectiveOn: new Date('2025-01-01') }], '2025-02-01');
    expect(rates.MXN.toString()).toBe('18.5');
  });

  it('uses the later entry when two take effect at the same instant', () => {
    const same = new Date('2025-01-01T00:00:00Z');
    const rates = ratesOn(
      [
        { currency: 'GBP', rate: d('0.81'), effectiveOn: same },
        { currency: 'GBP', rate: d('0.82'), effectiveOn: same },
      ],
      '2025-01-01',
    );
    expect(rates.GBP.toString()).toBe('0.82');
  });

  it('rejects an invalid day', () => {
    expect(() => ratesOn(history, '2025-02-30')).toThrow(/not a valid calendar day/);
  });
});

describe('createRateWalker', () => {
  it('gives the same answers as ratesOn while moving forward', () => {
    const history: DatedRate[] = [
      { currency: 'GBP', rate: d('0.80'), effectiveOn: new Date('2025-01-01') },
      { currency: 'GBP', rate: d('0.75'), effectiveOn: new Date('2025-01-03') },
    ];
    const walk = createRateWalker(history);
    for (const day of ['2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-03', '2025-01-04']) {
      expect(walk(day).GBP.toString()).toBe(ratesOn(history, day).GBP.toString());
    }
  });

  it('refuses to go backwards', () => {
    const walk = createRateWalker([]);
    walk('2025-01-05');
    expect(() => walk('2025-01-04')).toThrow(/backwards/);
  });

  it('returns a fresh object each day so callers cannot corrupt later days', () => {
    const walk = createRateWalker([]);
    const first = walk('2025-01-01');
    first.GBP = d(99);
    expect(walk('2025-01-02').GBP.toString()).toBe('0.7377');
  });
});
