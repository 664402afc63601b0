import { describe, expect, it } from 'vitest';
import { parseTransferFilter, transferInputSchema, isFiltered } from '@/lib/transfers/schemas';

const today = '2026-03-15';
const valid = { type: 'DEPOSIT', date: '2026-03-01', amount: '1,000.50', currency: 'EUR', note: '  Reload  ' };
const parse = (input: Record<string, unknown>) => transferInputSchema(today).safeParse(input);
const errorsOf = (input: Record<string, unknown>) => {
  const result = parse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('transferInputSchema', () => {
  it('parses a valid transfer: exact Decimal amount, trimmed note', () => {
    const result = parse(valid);
    expect(result.success).toBe(true);
    expect(result.data!.amount.toFixed(2)).toBe('1000.50');
    expect(result.data!.note).toBe('Reload');
    expect(result.data!.date).toBe('2026-03-01');
  });

  it('accepts today and 2000-01-01, an empty or missing note, and a lower-case currency', () => {
    expect(parse({ ...valid, date: today }).success).toBe(true);
    expect(parse({ ...valid, date: '2000-01-01' }).success).toBe(true);
    expect(parse({ ...valid, note: '' }).data!.note).toBeNull();
    expect(parse({ type: 'DEPOSIT', date: today, amount: '1', currency: 'USD' }).data!.note).toBeNull();
    expect(parse({ ...valid, currency: 'usd' }).data!.currency).toBe('USD');
  });

  it.each([
    ['0', 'greater than 0'],
    ['0.00', 'greater than 0'],
    ['-5', 'negative'],
    ['10.005', 'at most 2 decimal'],
    ['1e3', 'must be a number'],
    ['', 'Enter an amount'],
  ])('rejects the amount %j', (amount, message) => {
    expect(errorsOf({ ...valid, amount }).amount).toContain(message);
  });

  it.each([
    ['2026-03-16', 'future'],
    ['1999-12-31', 'before 2000-01-01'],
    ['2026-02-30', 'YYYY-MM-DD'],
    ['15/03/2026', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ])('rejects the date %j', (date, message) => {
    expect(errorsOf({ ...valid, date }).date).toContain(message);
  });

  it('rejects an unknown type, an unsupported currency and a long note, each on its field', () => {
    const errors = errorsOf({ ...valid, type: 'BONUS', currency: 'BTC', note: 'x'.repeat(201) });
    expect(errors.type).toContain('deposit or withdrawal');
    expect(errors.currency).toContain('supported');
    expect(errors.note).toContain('200');
    expect(parse({ ...valid, note: 'x'.repeat(200) }).success).toBe(true);
  });
});

describe('parseTransferFilter', () => {
  it('reads type, from and to', () => {
    expect(parseTransferFilter({ type: 'WITHDRAWAL', from: '2025-01-01', to: '2025-12-31' })).toEqual({
      filter: { type: 'WITHDRAWAL', from: '2025-01-01', to: '2025-12-31' },
      problems: [],
    });
  });

  it('treats empty values as no filter', () => {
    const { filter, problems } = parseTransferFilter({ type: '', from: '', to: '' });
    expect(filter).toEqual({});
    expect(problems).toEqual([]);
    expect(isFiltered(filter)).toBe(false);
  });

  it('drops bad values with a message instead of failing the page', () => {
    const { filter, problems } = parseTransferFilter({ type: 'BONUS', from: '2025-13-01', to: ['2025-02-01', '2025-03-01'] });
    expect(filter).toEqual({ to: '2025-02-01' });
    expect(problems).toHaveLength(2);
  });

  it('warns when from is after to', () => {
    expect(parseTransferFilter({ from: '2025-02-01', to: '2025-01-01' }).problems[0]).toContain('after');
  });
});
