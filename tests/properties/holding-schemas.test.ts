// Properties of every schema the site/asset actions use (app/(app)/_holdings/actions.ts):
// generated valid input round-trips exactly; generated invalid input never throws and is
// refused with a message on the field at fault, and on no other field.
import fc from 'fast-check';
import { idSchema } from '@/lib/fields/form-fields';
import { describe, expect, it } from 'vitest';
import {
  addHoldingSchema,
  deleteHoldingSchema,
  editSnapshotSchema,
  kindSchema,
  moveHoldingSchema,
  renameHoldingSchema,
  updateBalanceSchema,
} from '@/lib/holdings/schemas';
import {
  RUNS,
  amountOracle,
  badAmounts,
  badNames,
  centsToFixed,
  currencyCode,
  expectOnlyFieldError,
  expectValid,
  nonStrings,
  typedAmount,
  typedName,
  unknownCurrencies,
} from './support';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY_MS = 86_400_000;
const kinds = fc.constantFrom('POKER_SITE' as const, 'ASSET' as const);

/** A complete valid add form, with what each field must become. */
const addForm = fc.record({
  kind: kinds,
  name: typedName(2, 50),
  amount: typedAmount(0n),
  currency: currencyCode,
  assetType: typedName(1, 30),
});

const addInput = (f: (typeof addForm extends fc.Arbitrary<infer T> ? T : never)) => ({
  name: f.name.text,
  amount: f.amount.text,
  currency: f.currency,
  assetType: f.assetType.text,
});

/** A datetime-local value (minutes or seconds) between 2000-01-01 and now + 1 day. */
const snapshotTime = fc
  .tuple(fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date(NOW.getTime() + DAY_MS), noInvalidDate: true }), fc.boolean())
  .map(([date, seconds]) => {
    const text = date.toISOString().slice(0, seconds ? 19 : 16);
    return { text, expected: new Date(`${text}${seconds ? '' : ':00'}.000Z`) };
  });

const badSnapshotTimes = fc.oneof(
  fc.constantFrom('2025-02-30T10:00', '2025-01-01T24:00', '2025-01-01T23:60', '2025-01-01T10:00:60', '2025-01-01 10:00', '2025-01-01', '10:00'),
  fc.constantFrom('2025-01-01T10:00Z', '2025-01-01T10:00:00.000', '2025-01-01T10:00+02:00', '1999-12-31T23:59', '1000-01-01T00:00', '9999-12-31T23:59'),
  fc.constantFrom('2025-06-16T12:01', '2025-06-17T00:00', 'yesterday', '\u0000', "'; DROP TABLE \"User\"; --", '<script>alert(1)</script>', '2'.repeat(10_000)),
  fc.date({ min: new Date(NOW.getTime() + DAY_MS + 60_000), max: new Date('9999-12-31T23:59:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
  fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('1999-12-31T23:59:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
);

describe('addHoldingSchema (addHoldingAction)', () => {
  it('round-trips valid input: name trimmed, amount exact, asset type only for assets', () => {
    fc.assert(
      fc.property(addForm, (f) => {
        const parsed = expectValid(addHoldingSchema(f.kind).safeParse(addInput(f)));
        expect(parsed.name).toBe(f.name.expected);
        expect(parsed.amount.toFixed(2)).toBe(f.amount.expected);
        expect(parsed.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(parsed.currency).toBe(f.currency);
        expect(parsed.assetType).toBe(f.kind === 'ASSET' ? f.assetType.expected : null);
      }),
      RUNS,
    );
  });

  it.each([
    ['name', fc.oneof(badNames(2, 50), nonStrings)],
    ['amount', fc.oneof(badAmounts, nonStrings)],
    ['currency', fc.oneof(unknownCurrencies, currencyCode.map((c) => c.toLowerCase()), currencyCode.map((c) => ` ${c}`), nonStrings)],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(addForm, bad, (f, value) => {
        const input = { ...addInput(f), [field]: value };
        expectOnlyFieldError(addHoldingSchema(f.kind).safeParse(input), input, field);
      }),
      RUNS,
    );
  });

  it('refuses a bad asset type for an asset, and ignores any asset type for a site', () => {
    fc.assert(
      fc.property(addForm, fc.oneof(badNames(1, 30), nonStrings), (f, value) => {
        const input = { ...addInput(f), assetType: value };
        expectOnlyFieldError(addHoldingSchema('ASSET').safeParse(input), input, 'assetType');
        expect(expectValid(addHoldingSchema('POKER_SITE').safeParse(input)).assetType).toBeNull();
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary strings, and agrees with the amount oracle', () => {
    fc.assert(
      fc.property(kinds, fc.string({ maxLength: 30 }), fc.string({ maxLength: 60 }), fc.string({ maxLength: 5 }), (kind, amount, name, currency) => {
        const result = addHoldingSchema(kind).safeParse({ name, amount, currency, assetType: name });
        const cents = amountOracle(amount);
        const amountIssue = !result.success && result.error.issues.some((i) => i.path[0] === 'amount');
        expect(amountIssue).toBe(cents === null);
        if (result.success) expect(result.data.amount.toFixed(2)).toBe(centsToFixed(cents!));
      }),
      RUNS,
    );
  });
});

describe('updateBalanceSchema (updateBalanceAction)', () => {
  const form = fc.record({ amount: typedAmount(0n), currency: currencyCode, recordedAt: fc.option(snapshotTime, { nil: undefined }) });

  it('round-trips: exact amount, the typed time as UTC, empty time = now', () => {
    fc.assert(
      fc.property(form, fc.constantFrom('', '   ', undefined), (f, emptyTime) => {
        const input = { amount: f.amount.text, currency: f.currency, recordedAt: f.recordedAt?.text ?? emptyTime };
        const parsed = expectValid(updateBalanceSchema(NOW).safeParse(input));
        expect(parsed.amount.toFixed(2)).toBe(f.amount.expected);
        expect(parsed.currency).toBe(f.currency);
        expect(parsed.recordedAt.getTime()).toBe((f.recordedAt?.expected ?? NOW).getTime());
      }),
      RUNS,
    );
  });

  it.each([
    ['amount', fc.oneof(badAmounts, nonStrings)],
    ['currency', fc.oneof(unknownCurrencies, currencyCode.map((c) => c.toLowerCase()), nonStrings)],
    ['recordedAt', fc.oneof(badSnapshotTimes, fc.constant<unknown>(new File(['x'], 'x')))],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, (f, value) => {
        const input = { amount: f.amount.text, currency: f.currency, recordedAt: f.recordedAt?.text, [field]: value };
        expectOnlyFieldError(updateBalanceSchema(NOW).safeParse(input), input, field);
      }),
      RUNS,
    );
  });
});

describe('editSnapshotSchema (editSnapshotAction)', () => {
  const form = fc.record({ amount: typedAmount(0n), recordedAt: snapshotTime });

  it('round-trips the amount and the time', () => {
    fc.assert(
      fc.property(form, (f) => {
        const parsed = expectValid(editSnapshotSchema(NOW).safeParse({ amount: f.amount.text, recordedAt: ` ${f.recordedAt.text} ` }));
        expect(parsed.amount.toFixed(2)).toBe(f.amount.expected);
        expect(parsed.recordedAt.toISOString()).toBe(f.recordedAt.expected.toISOString());
      }),
      RUNS,
    );
  });

  it.each([
    ['amount', fc.oneof(badAmounts, nonStrings)],
    ['recordedAt', fc.oneof(badSnapshotTimes, fc.constantFrom<unknown>('', '  ', undefined))],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, (f, value) => {
        const input = { amount: f.amount.text, recordedAt: f.recordedAt.text, [field]: value };
        expectOnlyFieldError(editSnapshotSchema(NOW).safeParse(input), input, field);
      }),
      RUNS,
    );
  });
});

describe('renameHoldingSchema (renameHoldingAction)', () => {
  it('stores the trimmed name exactly (emoji, RTL, combining marks, payloads)', () => {
    fc.assert(
      fc.property(typedName(2, 50), (name) => {
        expect(expectValid(renameHoldingSchema.safeParse({ name: name.text })).name).toBe(name.expected);
      }),
      RUNS,
    );
  });

  it('refuses bad names on the name field', () => {
    fc.assert(
      fc.property(fc.oneof(badNames(2, 50), nonStrings), (name) => {
        expectOnlyFieldError(renameHoldingSchema.safeParse({ name }), { name }, 'name');
      }),
      RUNS,
    );
  });
});

describe('hidden fields: kind, ids, move direction, delete confirmation', () => {
  // The actions answer 404 to anything these refuse (tampering), so only "never throws,
  // accepts exactly the legitimate values" matters here.
  it('accept exactly the legitimate values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('POKER_SITE', 'ASSET', 'up', 'down', 'yes', 'cm1abc', "'; DROP TABLE \"User\"; --")), (value) => {
        expect(kindSchema.safeParse(value).success).toBe(value === 'POKER_SITE' || value === 'ASSET');
        expect(idSchema.safeParse(value).success).toBe(/^[A-Za-z0-9_-]{1,64}$/.test(value));
        expect(moveHoldingSchema.safeParse({ direction: value }).success).toBe(value === 'up' || value === 'down');
        const confirm = deleteHoldingSchema.safeParse({ confirm: value });
        if (value === 'yes') expect(confirm.success).toBe(true);
        else expectOnlyFieldError(confirm, { confirm: value }, 'confirm');
      }),
      RUNS,
    );
  });

  it('refuse non-strings', () => {
    for (const value of [undefined, null, 5, new File(['x'], 'x'), ['POKER_SITE']]) {
      expect(kindSchema.safeParse(value).success).toBe(false);
      expect(idSchema.safeParse(value).success).toBe(false);
      expect(moveHoldingSchema.safeParse({ direction: value }).success).toBe(false);
    }
  });
});
