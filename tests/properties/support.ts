// Generators, oracles and assertions shared by the property tests of every form schema and of
// the import parser. The oracles are written independently of the code under test (BigInt
// cents, a hand-written calendar), so a property compares two implementations, not one with
// itself.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';
import { SUPPORTED_CURRENCY_CODES } from '@/lib/domain/currency';
import { formValues, invalid } from '@/lib/forms';

export const RUNS = { numRuns: 200 } as const;

// ------------------------------------------------------------------------------ payloads

export const SQL_PAYLOAD = `'; DROP TABLE "User"; --`;
export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
/** Text an attacker types: valid free text, to be stored exactly as typed and shown escaped. */
export const PAYLOADS = [
  SQL_PAYLOAD,
  SCRIPT_PAYLOAD,
  `" onmouseover="alert(1)`,
  `<img src=x onerror=alert(1)>`,
  `Robert'); DROP TABLE Students;--`,
  '${7*7} {{7*7}}',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '%00 %s %n',
] as const;

// --------------------------------------------------------------------------- unicode text

const EMOJI = ['🂡', '♠️', '👨‍👩‍👧', '🇫🇷', '💰', '🃏'];
const RTL = ['פוקר', 'بوكر', '\u202Bמזומן\u202C', 'شبكة'];
const COMBINING = ['e\u0301', 'n\u0303', 'Z\u0351\u0352\u0353', 'a\u0308'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060'];
const WORDS = ['Poker', 'Stars', 'GG', 'Cash', 'Wallet', 'Côte', 'Straße', '財布', 'Ж', 'x', '42', '-', '&', "'", '"', ',', '%', '_'];

/** One visible piece of a name: ASCII, other scripts, emoji, RTL, combining marks, payloads. */
const visiblePiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI, ...RTL, ...COMBINING) },
  { weight: 1, arbitrary: fc.constantFrom(SQL_PAYLOAD.slice(0, 12), SCRIPT_PAYLOAD.slice(0, 12), '<b>', '"; --') },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);
/** Glue between pieces: spaces and zero-width characters are fine inside a name. */
const glue = fc.constantFrom('', ' ', '', ...ZERO_WIDTH);

/** Unicode whitespace that String.prototype.trim removes. */
export const padding = fc.constantFrom('', '', ' ', '  ', '\t', '\u00A0', '\u3000', '\n', '\uFEFF');

/** Lengths are counted in code points, like zod and PostgreSQL's varchar(n): an emoji is 1. */
export const codePoints = (text: string) => [...text].length;

// The rules of names (lib/domain/text.ts), restated for the generators.
const CONTROL = /\p{Cc}/u;
const VISIBLE = /[^\p{Z}\p{Cf}\p{M}\p{Cc}\s]/u;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * A name as typed: visible pieces, maybe padded with whitespace. `expected` is what must be
 * stored (trimmed, otherwise exact: no normalisation of emoji, RTL or combining marks).
 */
export function typedName(min: number, max: number) {
  return fc
    .tuple(padding, fc.array(fc.tuple(visiblePiece, glue), { minLength: 1, maxLength: 8 }), padding)
    .map(([before, pieces, after]) => {
      const core = pieces.map(([p, g]) => p + g).join('').trim();
      return { text: before + core + after, expected: core };
    })
    .filter(({ expected }) => codePoints(expected) >= min && codePoints(expected) <= max && !CONTROL.test(expected) && VISIBLE.test(expected) && !LONE_SURROGATE.test(expected));
}

/** Optional free text (notes, descriptions): payloads, unicode, control characters inside. */
export function typedText(max: number) {
  return fc
    .tuple(
      padding,
      fc.oneof(
        fc.constantFrom(...PAYLOADS),
        fc.string({ unit: 'grapheme', maxLength: Math.min(max, 60) }),
        fc.array(fc.tuple(visiblePiece, glue), { maxLength: 6 }).map((ps) => ps.map(([p, g]) => p + g).join('')),
        fc.constant('x'.repeat(max)),
      ),
      padding,
    )
    .map(([before, core, after]) => ({ text: before + core + after, expected: core.trim() }))
    .filter(({ expected }) => codePoints(expected) <= max && !expected.includes('\u0000') && !LONE_SURROGATE.test(expected));
}

/** Names that must be refused: too short/long, control characters, nothing visible. */
export function badNames(min: number, max: number) {
  return fc.oneof(
    fc.constantFrom('', ' ', '\t\n', 'a'.slice(0, Math.max(0, min - 1)), '\u200B\u200B', '\u200B\u200C\u200D\u2060', '\u0301\u0301', '\u00A0\u3000\u00A0'),
    fc.constantFrom('ab\u0000cd', 'a\u0007b', 'Poker\nStars', 'tab\there', '\u0085next', '\u009Bcsi'),
    fc.integer({ min: max + 1, max: 10_000 }).map((n) => 'N'.repeat(n)),
    fc.constantFrom('🂡'.repeat(max + 1), '👨‍👩‍👧'.repeat(Math.ceil((max + 1) / 5))), // lengths count code points
    fc.constant('🂡'.repeat(Math.max(0, min - 1))),
  );
}

// --------------------------------------------------------------------------------- amounts

/** 999,999,999,999.99 in cents. */
export const MAX_CENTS = 99_999_999_999_999n;

export function centsToFixed(cents: bigint): string {
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The oracle for a typed amount: ASCII digits, optional comma grouping by threes, at most 2
 * decimals, not above the maximum. Returns cents (BigInt), or null when invalid.
 */
export function amountOracle(raw: string): bigint | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(raw.trim());
  if (!match) return null;
  const cents = BigInt(match[1].replace(/,/g, '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

/** An amount as people type it: "1234.5", "1,234.50", " 007 ", "0.01", the maximum... */
export function typedAmount(minCents: bigint) {
  return fc
    .tuple(fc.bigInt({ min: minCents, max: MAX_CENTS }), fc.constantFrom('fixed', 'short', 'grouped', 'zeros'), padding, padding)
    .map(([cents, style, before, after]) => {
      const fixed = centsToFixed(cents);
      const [int, frac] = fixed.split('.');
      const text =
        style === 'fixed'
          ? fixed
          : style === 'grouped'
            ? `${groupThousands(int)}.${frac}`
            : style === 'zeros'
              ? `00${fixed}`
              : frac === '00'
                ? int
                : `${int}.${frac.replace(/0$/, '')}`;
      return { text: before + text + after, expected: fixed };
    });
}

const someDigits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));

/** Amounts every money form refuses. */
export const badAmounts = fc.oneof(
  // negative
  typedAmount(1n).map(({ text }) => `-${text.trim()}`),
  fc.constantFrom('-0', '- 5', '-0.01', '−5' /* U+2212 */),
  // huge
  fc.bigInt({ min: MAX_CENTS + 1n, max: 10n ** 40n }).map(centsToFixed),
  someDigits(13, 400),
  fc.constantFrom('1000000000000', '999,999,999,999.991', '1,000,000,000,000.00'),
  // non-finite and exponent notation
  fc.constantFrom('NaN', 'nan', 'Infinity', '-Infinity', '∞', '1e309', '1e3', '1E2', '2.5e-1', '0x1F', '0b11', '1_000'),
  // more than 2 decimals
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.stringMatching(/^[0-9]{3,12}$/)).map(([int, frac]) => `${int}.${frac}`),
  // malformed
  fc.constantFrom('', '   ', '.5', '5.', '1..2', '+5', '1,23', '12,34.5', '1,,234', ',123', '$10', '10 USD', '١٢٣', '１２', '1 000', '1.000,50'),
  fc.constantFrom(SQL_PAYLOAD, SCRIPT_PAYLOAD, 'x'.repeat(10_000), '1'.repeat(10_000)),
);

/** Zero written in the ways the forms accept a number: refused where an amount must be > 0. */
export const zeroAmounts = fc.constantFrom('0', '0.00', '0.0', '000', '0,000.00', ' 0 ');

// ----------------------------------------------------------------------------------- dates

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The oracle for a calendar day YYYY-MM-DD (proleptic Gregorian). */
export function dayOracle(raw: string): string | null {
  const text = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number);
  if (m < 1 || m > 12 || d < 1) return null;
  const days = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  return d <= days ? text : null;
}

const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Valid days between two days (inclusive), sometimes padded with whitespace. */
export function typedDay(from: string, to: string) {
  return fc
    .tuple(fc.date({ min: dayToDate(from), max: dayToDate(to), noInvalidDate: true }), fc.constantFrom('', ' ', '\t'))
    .map(([date, pad]) => ({ text: pad + dayOf(date) + pad, expected: dayOf(date) }));
}

/** Texts that are not a calendar day at all. */
export const malformedDays = fc.oneof(
  fc.constantFrom('2025-02-30', '2023-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-1', '20250101'),
  fc.constantFrom('01/02/2025', '2025-01-01T00:00', '2025/01/01', 'today', '+275760-09-13', '١٠٠٠-٠١-٠١', '2025-01-01\u0000'),
  fc.constantFrom(SQL_PAYLOAD, SCRIPT_PAYLOAD, 'x'.repeat(10_000)),
  fc.string({ maxLength: 12 }).filter((s) => s.trim() !== '' && dayOracle(s) === null),
);

/** Valid-looking days far outside any sensible range. */
export const farDays = fc.constantFrom('1000-01-01', '0001-01-01', '1899-12-31', '9999-12-31', '3000-06-15', '2999-12-31');

// ------------------------------------------------------------------------------ currencies

export const currencyCode = fc.constantFrom(...SUPPORTED_CURRENCY_CODES);

/** A supported code in any case, maybe padded: schemas that normalise accept these. */
export const looseCurrency = fc
  .tuple(currencyCode, fc.constantFrom('upper', 'lower', 'mixed'), fc.constantFrom('', ' ', '\t'))
  .map(([code, style, pad]) => ({
    text: pad + (style === 'upper' ? code : style === 'lower' ? code.toLowerCase() : code[0].toLowerCase() + code.slice(1)) + pad,
    expected: code,
  }));

/** Never a supported currency, whatever the normalisation. */
export const unknownCurrencies = fc.oneof(
  fc.constantFrom('XXX', 'BTC', 'US', 'USDD', 'U$D', 'ＵＳＤ', 'US D', '', ' ', 'EURO', 'usd\u0000', SQL_PAYLOAD, SCRIPT_PAYLOAD, 'X'.repeat(10_000)),
  fc.stringMatching(/^[A-Z]{3}$/).filter((c) => !SUPPORTED_CURRENCY_CODES.includes(c)),
  fc.string({ maxLength: 6 }).filter((c) => !SUPPORTED_CURRENCY_CODES.includes(c.trim().toUpperCase())),
);

// ------------------------------------------------------------------------------ non-strings

/** What Object.fromEntries(formData) can hold besides strings: a missing field or a file. */
export const nonStrings = fc.constantFrom<unknown>(undefined, new File(['1'], 'amount.txt'));

// ------------------------------------------------------------------------------ assertions

/** FormData with the string and File values of an input object (undefined = field absent). */
export function formDataOf(input: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' || value instanceof Blob) data.append(key, value as string | Blob);
  }
  return data;
}

type SafeParse = z.ZodSafeParseResult<unknown>;

/**
 * The whole contract of an invalid submit: the schema refuses it with at least one readable
 * message, every message sits on `field` (nothing on the fields that were valid), and the
 * form state the action returns shows it next to that field with what the user typed kept.
 */
export function expectOnlyFieldError(result: SafeParse, input: Record<string, unknown>, field: string) {
  expect(result.success, `expected a refusal on "${field}"`).toBe(false);
  if (result.success) return;
  const issues = result.error.issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(String(issue.path[0] ?? 'form'), `issue "${issue.message}"`).toBe(field);
    expect(issue.message.trim().length).toBeGreaterThan(3);
  }
  const data = formDataOf(input);
  const state = invalid(result.error, data);
  expect(state.errors?.[field]?.length).toBeGreaterThan(0);
  expect(state.values).toEqual(formValues(data));
  const typed = input[field];
  if (typeof typed === 'string' && !/password/i.test(field)) expect(state.values?.[field]).toBe(typed);
}

/** Parses with `schema` and expects success; returns the parsed value. */
export function expectValid<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(`expected valid input, got: ${JSON.stringify(result.error.issues.map((i) => [i.path.join('.'), i.message]))}`);
  return result.data;
}
