/**
 * Reads a rate source's JSON into exact "units per 1 USD" rates (pure).
 *
 * Accepted shapes: `{ "base": "USD", "rates": { "EUR": 0.85, ... } }` (Frankfurter, Fixer,
 * openexchangerates) and `{ "base_code": "USD", "conversion_rates" | "rates": {...} }`
 * (ExchangeRate-API). Another base is converted through its USD rate. Only supported
 * currencies are kept; others are ignored, whatever their value. Every kept rate must be a
 * positive, finite number, otherwise the whole response is refused (a source sending one
 * garbage value is not trusted for the others).
 *
 * Numbers are read from their JSON text, not through a binary float: JSON.parse cannot hand
 * out the source text on Node 20, so number tokens are first rewritten into marked strings.
 */
import Decimal from 'decimal.js';
import { BASE_CURRENCY, SUPPORTED_CURRENCY_CODES } from '@/lib/domain/currency';

/** ExchangeRate.rate is Decimal(20, 8). */
export const RATE_DECIMALS = 8;
const RATE_MAX = new Decimal('999999999999.99999999');
// Cross rates are divided at 40 significant digits, then rounded once to 8 decimals.
const Precise = Decimal.clone({ precision: 40 });

export type ParsedRates =
  | { ok: true; base: string; rates: Record<string, Decimal>; missing: string[]; ignored: number }
  | { ok: false; reason: string };

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON.parse, with every number returned as its exact source text (a NumberText). */
export function parseJsonKeepingNumbers(text: string): unknown {
  const marker = `\u0000num:${Math.random().toString(36).slice(2)}:`;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      // Copy a string literal untouched (escapes included).
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER_TOKEN.lastIndex = i;
      const match = NUMBER_TOKEN.exec(text);
      if (!match) throw new SyntaxError(`Unexpected "${ch}" at position ${i}`);
      out += JSON.stringify(marker + match[0]);
      i += match[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? new NumberText(value.slice(marker.length)) : value,
  );
}

/** A JSON number as written in the source. */
export class NumberText {
  constructor(readonly text: string) {}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof NumberText);

function toDecimal(value: unknown): Decimal | null {
  // Some sources send rates as strings; accept plain decimal strings too.
  const text = value instanceof NumberText ? value.text : typeof value === 'string' && /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value.trim()) ? value.trim() : null;
  if (text === null) return null;
  try {
    const d = new Decimal(text);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

export function parseRatesResponse(body: string): ParsedRates {
  let json: unknown;
  try {
    json = parseJsonKeepingNumbers(body);
  } catch {
    return { ok: false, reason: 'the response is not valid JSON' };
  }
  if (!isObject(json)) return { ok: false, reason: 'the response is not a JSON object' };
  const baseRaw = json.base ?? json.base_code ?? BASE_CURRENCY;
  const table = json.rates ?? json.conversion_rates;
  if (typeof baseRaw !== 'string' || !/^[A-Za-z]{3}$/.test(baseRaw)) return { ok: false, reason: 'the response has no valid "base" currency' };
  if (!isObject(table)) return { ok: false, reason: 'the response has no "rates" object' };
  const base = baseRaw.toUpperCase();

  const perBase: Record<string, Decimal> = {};
  let ignored = 0;
  for (const [rawCode, value] of Object.entries(table)) {
    const code = rawCode.toUpperCase();
    if (!SUPPORTED_CURRENCY_CODES.includes(code)) {
      ignored++;
      continue;
    }
    const rate = toDecimal(value);
    if (!rate || rate.lessThanOrEqualTo(0)) return { ok: false, reason: `the rate for ${code} is not a positive number` };
    perBase[code] = rate;
  }
  if (SUPPORTED_CURRENCY_CODES.includes(base)) perBase[base] = new Decimal(1);

  // units per USD = (units per base) / (USD per base)
  const usdPerBase = perBase[BASE_CURRENCY];
  if (!usdPerBase) return { ok: false, reason: `the response (base ${base}) has no USD rate to convert from` };
  const rates: Record<string, Decimal> = {};
  for (const [code, rate] of Object.entries(perBase)) {
    const exact = code === BASE_CURRENCY ? new Precise(1) : new Precise(rate).div(new Precise(usdPerBase));
    const perUsd = new Decimal(exact.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed());
    if (perUsd.lessThanOrEqualTo(0) || perUsd.greaterThan(RATE_MAX)) return { ok: false, reason: `the rate for ${code} is out of range` };
    rates[code] = perUsd;
  }
  const missing = SUPPORTED_CURRENCY_CODES.filter((c) => !rates[c]);
  if (missing.length === SUPPORTED_CURRENCY_CODES.length - 1) return { ok: false, reason: 'the response has no supported currency' };
  return { ok: true, base, rates, missing, ignored };
}
