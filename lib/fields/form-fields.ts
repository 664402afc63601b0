import { z } from 'zod';
import type Decimal from 'decimal.js';
import { AmountError, parsePositiveAmount } from '@/lib/domain/money';
import { SUPPORTED_CURRENCIES, isSupportedCurrency } from '@/lib/domain/currency';
import { isDayKey, type DayKey } from '@/lib/domain/days';
import { isStorableText } from '@/lib/domain/text';
import { EARLIEST_DAY, NOTE_MAX } from '@/lib/fields/limits';

// Form fields shared by the money forms (transfers, goals): every amount,
// currency and day a user types goes through the same rules and messages.


/** The amount a domain parser reads from `text`, or the parser's message as the field's issue. */
export function parsedAmount(parse: (text: string) => Decimal, text: string, ctx: z.RefinementCtx): Decimal {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
}

/** A money amount > 0 with at most 2 decimals, parsed by the domain parser (never a float). */
export const positiveAmountField = z.string({ error: 'Enter an amount' }).transform((text, ctx) => parsedAmount(parsePositiveAmount, text, ctx));

export const currencyField = z
  .string({ error: 'Choose a currency' })
  .trim()
  .toUpperCase()
  .refine(isSupportedCurrency, { message: 'Choose one of the supported currencies' });

/** A calendar day (YYYY-MM-DD, UTC like every day in the app) from EARLIEST_DAY up to `today`. */
export function pastDayField(today: DayKey) {
  return z.string({ error: 'Enter a date' }).transform((raw, ctx) => {
    const day = raw.trim();
    const problem = !isDayKey(day)
      ? 'Enter a valid date as YYYY-MM-DD'
      : day < EARLIEST_DAY
        ? `The date cannot be before ${EARLIEST_DAY}`
        : day > today
          ? 'The date cannot be in the future'
          : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return day;
  });
}

/** Optional free text: trimmed, empty becomes null. */
export const noteField = z
  .string()
  .trim()
  .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters or fewer`)
  // A NUL byte used to reach PostgreSQL and fail the insert (a 500): refuse it here.
  .refine(isStorableText, 'Remove the invisible control characters from the note')
  .optional()
  .transform((note) => (note ? note : null));

/** The first value of a search parameter (Next gives an array when a key repeats). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** Options of every currency <select> (forms, settings): "EUR – Euro". */
export const CURRENCY_OPTIONS: { value: string; label: string }[] = SUPPORTED_CURRENCIES.map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }));

// Ids come from hidden fields and URLs (cuids): anything else is not a row, so the action
// answers 404 rather than reporting a field error.
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
