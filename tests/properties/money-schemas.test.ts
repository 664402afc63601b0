// Properties of the deposit/withdrawal form (transfers/actions.ts: create and update) and the
// goal form (goals/actions.ts): exact round-trips of valid input, and every invalid field
// refused with a message on that field and nowhere else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalInputSchema, LATEST_GOAL_END } from '@/lib/goals/schemas';
import { transferInputSchema } from '@/lib/transfers/schemas';
import { EARLIEST_DAY, NOTE_MAX as NOTE_MAX_LENGTH } from '@/lib/fields/limits';
import {
  PAYLOADS,
  RUNS,
  amountOracle,
  badAmounts,
  centsToFixed,
  dayOracle,
  expectOnlyFieldError,
  expectValid,
  farDays,
  looseCurrency,
  malformedDays,
  nonStrings,
  typedAmount,
  typedDay,
  typedText,
  unknownCurrencies,
  zeroAmounts,
} from './support';

const TODAY = '2025-06-15';
const transferTypes = fc.constantFrom('DEPOSIT' as const, 'WITHDRAWAL' as const);
const goalTypes = fc.constantFrom('BANKROLL' as const, 'PROFIT' as const);
const badEnums = fc.oneof(fc.constantFrom('deposit', 'Deposit', ' DEPOSIT', 'TRANSFER', 'BANKROLL ', 'profit', '', 'X'.repeat(10_000)), fc.string({ maxLength: 10 }), nonStrings);

describe('transferInputSchema (createTransferAction, updateTransferAction)', () => {
  const schema = transferInputSchema(TODAY);
  const form = fc.record({
    type: transferTypes,
    date: typedDay(EARLIEST_DAY, TODAY),
    amount: typedAmount(1n),
    currency: looseCurrency,
    note: fc.option(typedText(NOTE_MAX_LENGTH), { nil: undefined }),
  });
  type Form = typeof form extends fc.Arbitrary<infer T> ? T : never;
  const input = (f: Form) => ({ type: f.type, date: f.date.text, amount: f.amount.text, currency: f.currency.text, note: f.note?.text });

  it('round-trips: exact amount, same day, currency normalised, note trimmed (empty = none)', () => {
    fc.assert(
      fc.property(form, (f) => {
        const parsed = expectValid(schema.safeParse(input(f)));
        expect({ ...parsed, amount: parsed.amount.toFixed(2) }).toEqual({
          type: f.type,
          date: f.date.expected,
          amount: f.amount.expected,
          currency: f.currency.expected,
          note: f.note?.expected || null,
        });
      }),
      RUNS,
    );
  });

  it('stores SQL and script payloads in the note unchanged', () => {
    for (const payload of PAYLOADS) {
      expect(expectValid(schema.safeParse({ type: 'DEPOSIT', date: TODAY, amount: '1', currency: 'USD', note: payload })).note).toBe(payload);
    }
  });

  it.each([
    ['type', badEnums],
    ['date', fc.oneof(malformedDays, farDays, fc.constantFrom('', '2025-06-16', '1999-12-31'), nonStrings)],
    ['amount', fc.oneof(badAmounts, zeroAmounts, nonStrings)],
    ['currency', fc.oneof(unknownCurrencies, nonStrings)],
    [
      'note',
      fc.oneof(
        fc.integer({ min: NOTE_MAX_LENGTH + 1, max: 10_000 }).map((n) => 'n'.repeat(n)),
        fc.constantFrom('a\u0000b', '\u0000', `${'é'.repeat(NOTE_MAX_LENGTH)}!`, '🂡'.repeat(NOTE_MAX_LENGTH + 1)),
        fc.constant<unknown>(new File(['x'], 'note.txt')),
      ),
    ],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, (f, value) => {
        const data = { ...input(f), [field]: value };
        expectOnlyFieldError(schema.safeParse(data), data, field);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary strings, and agrees with the amount and calendar oracles', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 12 }), (amount, date) => {
        const result = schema.safeParse({ type: 'WITHDRAWAL', date, amount, currency: 'EUR' });
        const issuesOn = (field: string) => !result.success && result.error.issues.some((i) => i.path[0] === field);
        const cents = amountOracle(amount);
        const day = dayOracle(date);
        expect(issuesOn('amount')).toBe(cents === null || cents === 0n);
        expect(issuesOn('date')).toBe(day === null || day < EARLIEST_DAY || day > TODAY);
        if (result.success) expect(result.data.amount.toFixed(2)).toBe(centsToFixed(cents!));
      }),
      RUNS,
    );
  });
});

describe('goalInputSchema (createGoalAction)', () => {
  const schema = goalInputSchema(TODAY);
  const form = fc.record({
    type: goalTypes,
    targetAmount: typedAmount(1n),
    currency: looseCurrency,
    endDate: fc.option(typedDay(TODAY, LATEST_GOAL_END), { nil: undefined }),
  });
  type Form = typeof form extends fc.Arbitrary<infer T> ? T : never;
  const input = (f: Form) => ({ type: f.type, targetAmount: f.targetAmount.text, currency: f.currency.text, endDate: f.endDate?.text });

  it('round-trips: exact target, currency normalised, the same end day (empty = none)', () => {
    fc.assert(
      fc.property(form, fc.constantFrom('', ' ', undefined), (f, noDate) => {
        const parsed = expectValid(schema.safeParse({ ...input(f), endDate: f.endDate?.text ?? noDate }));
        expect({ ...parsed, targetAmount: parsed.targetAmount.toFixed(2) }).toEqual({
          type: f.type,
          targetAmount: f.targetAmount.expected,
          currency: f.currency.expected,
          endDate: f.endDate?.expected ?? null,
        });
      }),
      RUNS,
    );
  });

  it.each([
    ['type', badEnums],
    ['targetAmount', fc.oneof(badAmounts, zeroAmounts, nonStrings)],
    ['currency', fc.oneof(unknownCurrencies, nonStrings)],
    ['endDate', fc.oneof(malformedDays, farDays, fc.constantFrom('2025-06-14', '2100-01-01', '2000-01-01'), fc.constant<unknown>(new File(['x'], 'x')))],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, (f, value) => {
        const data = { ...input(f), [field]: value };
        expectOnlyFieldError(schema.safeParse(data), data, field);
      }),
      RUNS,
    );
  });
});
