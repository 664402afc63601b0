import { describe, expect, it } from 'vitest';
import { goalInputSchema } from '@/lib/goals/schemas';

const today = '2026-03-15';
const parse = (input: Record<string, unknown>) => goalInputSchema(today).safeParse(input);
const valid = { type: 'BANKROLL', targetAmount: '5,000', currency: 'USD', endDate: '' };

describe('goalInputSchema', () => {
  it('parses a goal without an end date', () => {
    const result = parse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ type: 'BANKROLL', currency: 'USD', endDate: null });
    expect(result.data!.targetAmount.toFixed(2)).toBe('5000.00');
  });

  it('accepts an end date today or later, and a missing end date', () => {
    expect(parse({ ...valid, endDate: today }).data!.endDate).toBe(today);
    expect(parse({ ...valid, endDate: '2027-01-01', type: 'PROFIT' }).data!.type).toBe('PROFIT');
    expect(parse({ type: 'BANKROLL', targetAmount: '1', currency: 'USD' }).data!.endDate).toBeNull();
  });

  it('rejects a past or malformed end date, a zero target and an unknown type', () => {
    const result = parse({ type: 'ROI', targetAmount: '0', currency: 'XXX', endDate: '2026-03-14' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(Object.keys(fields).sort()).toEqual(['currency', 'endDate', 'targetAmount', 'type']);
    expect(fields.endDate).toContain('past');
    expect(fields.targetAmount).toContain('greater than 0');
    expect(parse({ ...valid, endDate: '2026-02-30' }).success).toBe(false);
    expect(parse({ ...valid, endDate: '2100-01-01' }).success).toBe(false);
    expect(parse({ ...valid, targetAmount: '10.123' }).success).toBe(false);
  });
});
