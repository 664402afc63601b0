import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { NumberText, parseJsonKeepingNumbers, parseRatesResponse } from '@/lib/rates/parse';

const ok = (body: string) => {
  const result = parseRatesResponse(body);
  if (!result.ok) throw new Error(result.reason);
  return Object.fromEntries(Object.entries(result.rates).map(([c, r]) => [c, r.toFixed()]));
};

describe('parseJsonKeepingNumbers', () => {
  it('keeps the exact text of numbers, even ones a float would change', () => {
    const value = parseJsonKeepingNumbers('{"a": 0.1234567890123456789, "b": [1e3, -2], "c": "3.5", "d": "x\\"1\\"", "e": true}');
    expect(value).toEqual({ a: new NumberText('0.1234567890123456789'), b: [new NumberText('1e3'), new NumberText('-2')], c: '3.5', d: 'x"1"', e: true });
  });

  it('still rejects invalid JSON', () => {
    expect(() => parseJsonKeepingNumbers('{"a": 1,}')).toThrow();
    expect(() => parseJsonKeepingNumbers('{"a": -}')).toThrow();
    expect(() => parseJsonKeepingNumbers('{"a": "open}')).toThrow();
  });
});

describe('parseRatesResponse', () => {
  it('reads a USD-based table exactly and always has USD = 1', () => {
    expect(ok('{"base":"USD","rates":{"EUR":0.8545,"JPY":147.2455,"GBP":0.73770001}}')).toEqual({ EUR: '0.8545', JPY: '147.2455', GBP: '0.73770001', USD: '1' });
  });

  it('rounds more than 8 decimals half-even (the column holds 8)', () => {
    expect(ok('{"base":"USD","rates":{"EUR":0.123456785,"GBP":0.123456775}}')).toMatchObject({ EUR: '0.12345678', GBP: '0.12345678' });
  });

  it('converts another base to units per USD', () => {
    // 1 EUR = 1.17 USD = 0.86 GBP  =>  1 USD = 1/1.17 EUR = 0.86/1.17 GBP
    const rates = ok('{"base":"EUR","rates":{"USD":1.17,"GBP":0.86}}');
    expect(rates.EUR).toBe(new Decimal(1).div('1.17').toDecimalPlaces(8).toFixed());
    expect(rates.GBP).toBe(new Decimal('0.86').div('1.17').toDecimalPlaces(8).toFixed());
    expect(rates.USD).toBe('1');
  });

  it('fails when another base has no USD rate', () => {
    expect(parseRatesResponse('{"base":"EUR","rates":{"GBP":0.86}}')).toEqual({ ok: false, reason: 'the response (base EUR) has no USD rate to convert from' });
  });

  it('ignores unsupported currencies whatever their value, and lists missing ones', () => {
    const result = parseRatesResponse('{"base":"USD","rates":{"EUR":0.85,"XAU":"n/a","BTC":-1,"ZZZ":0}}');
    expect(result).toMatchObject({ ok: true, ignored: 3, missing: expect.arrayContaining(['GBP', 'JPY']) });
    expect(result.ok && Object.keys(result.rates).sort()).toEqual(['EUR', 'USD']);
  });

  it.each([
    ['{"base":"USD","rates":{"EUR":0}}', 'the rate for EUR is not a positive number'],
    ['{"base":"USD","rates":{"EUR":-0.85}}', 'the rate for EUR is not a positive number'],
    ['{"base":"USD","rates":{"EUR":null}}', 'the rate for EUR is not a positive number'],
    ['{"base":"USD","rates":{"EUR":"abc"}}', 'the rate for EUR is not a positive number'],
    ['{"base":"USD","rates":{"EUR":1e400}}', 'the rate for EUR is out of range'],
    ['{"base":"USD","rates":{"EUR":1e-12}}', 'the rate for EUR is out of range'],
    ['{"base":"USD","rates":{"XAU":1}}', 'the response has no supported currency'],
    ['{"base":"USD"}', 'the response has no "rates" object'],
    ['{"base":42,"rates":{}}', 'the response has no valid "base" currency'],
    ['[1,2]', 'the response is not a JSON object'],
    ['<html>oops</html>', 'the response is not valid JSON'],
  ])('refuses %s', (body, reason) => {
    expect(parseRatesResponse(body)).toEqual({ ok: false, reason });
  });

  it('accepts the ExchangeRate-API shape and string rates', () => {
    expect(ok('{"result":"success","base_code":"USD","conversion_rates":{"USD":1,"EUR":"0.8545"}}')).toEqual({ USD: '1', EUR: '0.8545' });
  });
});
