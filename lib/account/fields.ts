/**
 * Field validators shared by the JSON and CSV import parsers, so both formats accept and
 * reject exactly the same values with the same messages. Each validator takes the raw value
 * (JSON value, or CSV cell with '' meaning "missing") and returns a typed value or a message
 * that reads after the field's name: "amount" + " must be greater than 0".
 */
import { z } from 'zod';
import { ACHIEVEMENT_CODES, type AchievementCode } from '@/lib/domain/achievements';
import { SUPPORTED_CURRENCY_CODES } from '@/lib/domain/currency';
import { isDayKey, type DayKey } from '@/lib/domain/days';
import { isValidSlug } from '@/lib/articles/slug';
import { ASSET_TYPE_MAX, EARLIEST_DAY, EARLIEST_INSTANT, HOLDING_NAME_MAX, HOLDING_NAME_MIN, NOTE_MAX } from '@/lib/fields/limits';
import { tryParseAmount, type AmountErrorCode } from '@/lib/domain/money';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };
export type FieldParser<T> = (raw: unknown) => FieldResult<T>;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (message: string): FieldResult<never> => ({ ok: false, message });

/** CSV cells are strings; an empty cell is the same as a missing JSON key. */
const isMissing = (raw: unknown) => raw === undefined || raw === null || raw === '';

export { ASSET_TYPE_MAX, NOTE_MAX };
export const POSITION_MAX = 100_000;
/** Goal end dates may lie in the future, but not absurdly far. */
export const LATEST_END_DAY: DayKey = '2100-12-31';

/** Makes a field optional: missing values become `fallback`. */
export function optional<T, F>(parse: FieldParser<T>, fallback: F): FieldParser<T | F> {
  return (raw) => (isMissing(raw) ? ok(fallback) : parse(raw));
}

export function text(opts: { min?: number; max: number }): FieldParser<string> {
  return (raw) => {
    if (isMissing(raw)) return fail('is required');
    if (typeof raw !== 'string') return fail('must be text');
    const value = raw.trim();
    // Counted in code points like the forms (zod) and varchar(n): an emoji is one character,
    // so a name the app accepted (and exported) is accepted back.
    const length = [...value].length;
    if (opts.min !== undefined && length < opts.min) return fail(`must be at least ${opts.min} characters`);
    if (length > opts.max) return fail(`must be at most ${opts.max} characters (found ${length})`);
    return ok(value);
  };
}

export const holdingName = text({ min: HOLDING_NAME_MIN, max: HOLDING_NAME_MAX });

export function oneOf<const T extends string>(values: readonly T[]): FieldParser<T> {
  return (raw) => {
    if (isMissing(raw)) return fail('is required');
    const value = typeof raw === 'string' ? raw.trim() : raw;
    return values.includes(value as T) ? ok(value as T) : fail(`must be one of ${values.join(', ')}`);
  };
}

export const currency: FieldParser<string> = (raw) => {
  if (isMissing(raw)) return fail('is required');
  if (typeof raw !== 'string') return fail('must be a currency code like USD');
  const code = raw.trim().toUpperCase();
  return SUPPORTED_CURRENCY_CODES.includes(code)
    ? ok(code)
    : fail(`"${raw.trim().slice(0, 10)}" is not a supported currency (use one of ${SUPPORTED_CURRENCY_CODES.join(', ')})`);
};

const AMOUNT_MESSAGES: Record<AmountErrorCode, string> = {
  EMPTY: 'is required',
  INVALID_FORMAT: 'must be a number like 1234.50',
  TOO_MANY_DECIMALS: 'can have at most 2 decimal places',
  NEGATIVE: 'cannot be negative',
  TOO_LARGE: 'cannot exceed 999,999,999,999.99',
  NOT_POSITIVE: 'must be greater than 0',
};

/**
 * A money amount as a canonical 2-decimal string. JSON numbers are accepted too: a short
 * decimal literal like 12.5 converts back to the same digits with String(), and anything
 * that does not (1e21, 0.1234) is rejected by the amount parser instead of being rounded.
 */
export function amount(opts: { positive: boolean }): FieldParser<string> {
  return (raw) => {
    if (isMissing(raw)) return fail('is required');
    if (typeof raw !== 'string' && typeof raw !== 'number') return fail('must be a number like 1234.50');
    const parsed = tryParseAmount(String(raw));
    if (!parsed.ok) return fail(AMOUNT_MESSAGES[parsed.error.code]);
    if (opts.positive && parsed.value.lessThanOrEqualTo(0)) return fail(AMOUNT_MESSAGES.NOT_POSITIVE);
    return ok(parsed.value.toFixed(2));
  };
}

/** A calendar day YYYY-MM-DD between EARLIEST_DAY and `latest` (inclusive). */
export function day(latest: DayKey): FieldParser<DayKey> {
  return (raw) => {
    if (isMissing(raw)) return fail('is required');
    if (typeof raw !== 'string' || !isDayKey(raw.trim())) return fail('must be a date like 2025-03-31');
    const value = raw.trim();
    if (value < EARLIEST_DAY || value > latest) return fail(`must be between ${EARLIEST_DAY} and ${latest}`);
    return ok(value);
  };
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a time zone (as exported), from EARLIEST_DAY to `latest`. */
export function timestamp(latest: Date): FieldParser<Date> {
  return (raw) => {
    if (isMissing(raw)) return fail('is required');
    const value = typeof raw === 'string' ? raw.trim() : '';
    const match = TIMESTAMP.exec(value);
    const date = match && isDayKey(match[1]) ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) return fail('must be a date and time like 2025-03-31T18:30:00.000Z');
    if (date < EARLIEST_INSTANT || date > latest) return fail(`must be between ${EARLIEST_DAY} and ${latest.toISOString()}`);
    return ok(date);
  };
}

export const position: FieldParser<number> = (raw) => {
  if (isMissing(raw)) return fail('is required');
  const value = typeof raw === 'string' ? raw.trim() : raw;
  const n = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= POSITION_MAX ? ok(n) : fail(`must be a whole number from 0 to ${POSITION_MAX}`);
};

export const slug: FieldParser<string> = (raw) => {
  if (isMissing(raw)) return fail('is required');
  const value = typeof raw === 'string' ? raw.trim() : '';
  return isValidSlug(value) ? ok(value) : fail('must be an article slug like how-to-track-deposits');
};

export const achievementCode: FieldParser<AchievementCode> = oneOf(ACHIEVEMENT_CODES);

/** Wraps a field parser as a zod schema (for the JSON document schema). */
export function zodField<T>(parse: FieldParser<T>) {
  // `.optional()` first: zod v4 otherwise refuses an absent key whose output is null before
  // the parser can supply its default or its own "is required" message.
  return z.unknown().optional().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}
