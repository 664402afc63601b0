import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { ratesOn, type DatedRate } from '../../../lib/domain/currency';
import { addDays, eachDay, toDayKey } from '../../../lib/domain/days';
import { dailySeries, type BalanceSnapshot, type DailyPoint, type DatedTransfer } from '../../../lib/domain/history';
import { bankroll, profit, sumTransfers } from '../../../lib/domain/totals';

const d = (value: string | number) => new Decimal(value);

function asText(points: DailyPoint[]) {
  return points.map((p) => ({ day: p.day, bankroll: p.bankroll.toString(), profit: p.profit.toString() }));
}

describe('dailySeries: worked example', () => {
  const rateHistory: DatedRate[] = [
    { currency: 'GBP', rate: d('0.80'), effectiveOn: new Date('2025-01-01T00:00:00Z') },
    { currency: 'GBP', rate: d('0.75'), effectiveOn: new Date('2025-01-03T00:00:00Z') },
  ];
  const snapshots: BalanceSnapshot[] = [
    { holdingId: 'site:A', amount: d(100), currency: 'USD', recordedAt: new Date('2025-01-02T15:00:00Z') },
    // Two updates the same day: the later one is that day's value, whatever the input order.
    { holdingId: 'site:A', amount: d(160), currency: 'USD', recordedAt: new Date('2025-01-04T20:00:00Z') },
    { holdingId: 'site:A', amount: d(150), currency: 'USD', recordedAt: new Date('2025-01-04T09:00:00Z') },
    // Recorded before the range starts: carried into it.
    { holdingId: 'asset:B', amount: d(50), currency: 'GBP', recordedAt: new Date('2024-12-31T10:00:00Z') },
  ];
  const transfers: DatedTransfer[] = [
    { type: 'DEPOSIT', amount: d(200), currency: 'USD', date: new Date('2025-01-01T00:00:00Z') },
    { type: 'WITHDRAWAL', amount: d(40), currency: 'GBP', date: new Date('2025-01-03T00:00:00Z') },
    { type: 'DEPOSIT', amount: d(10), currency: 'GBP', date: new Date('2025-01-06T00:00:00Z') }, // after the range
  ];

  it('carries balances forward and values each day at that day\'s rates (USD)', () => {
    const points = dailySeries({ snapshots, transfers, rateHistory, displayCurrency: 'USD', from: '2025-01-01', to: '2025-01-05' });
    expect(asText(points)).toEqual([
      // B = 50 / 0.80 = 62.50; A not recorded yet; deposits 200 -> profit -137.50
      { day: '2025-01-01', bankroll: '62.5', profit: '-137.5' },
      // A = 100 joins
      { day: '2025-01-02', bankroll: '162.5', profit: '-37.5' },
      // GBP now 0.75: B = 66.666..., total 166.67; withdrawal 40 / 0.75 = 53.33 -> 166.67 - 200 + 53.33
      { day: '2025-01-03', bankroll: '166.67', profit: '20' },
      // A = 160 (the later snapshot of the 4th)
      { day: '2025-01-04', bankroll: '226.67', profit: '80' },
      // nothing new: carried forward
      { day: '2025-01-05', bankroll: '226.67', profit: '80' },
    ]);
  });

  it('uses the display currency', () => {
    const points = dailySeries({ snapshots, transfers, rateHistory, displayCurrency: 'GBP', from: '2025-01-01', to: '2025-01-03' });
    expect(asText(points)).toEqual([
      // B = 50 GBP; deposit 200 USD = 160 GBP
      { day: '2025-01-01', bankroll: '50', profit: '-110' },
      // A = 100 USD = 80 GBP
      { day: '2025-01-02', bankroll: '130', profit: '-30' },
      // A = 75 GBP; deposit = 150 GBP; withdrawal 40 GBP -> 125 - 150 + 40
      { day: '2025-01-03', bankroll: '125', profit: '15' },
    ]);
  });

  it('gives a holding nothing before its first snapshot', () => {
    const points = dailySeries({
      snapshots: [{ holdingId: 'x', amount: d(10), currency: 'USD', recordedAt: new Date('2025-02-10T12:00:00Z') }],
      transfers: [],
      rateHistory: [],
      displayCurrency: 'USD',
      from: '2025-02-09',
      to: '2025-02-10',
    });
    expect(asText(points)).toEqual([
      { day: '2025-02-09', bankroll: '0', profit: '0' },
      { day: '2025-02-10', bankroll: '10', profit: '10' },
    ]);
  });

  it('assigns snapshots to UTC days', () => {
    const points = dailySeries({
      // 23:30 in New York on the 9th is already the 10th in UTC.
      snapshots: [{ holdingId: 'x', amount: d(10), currency: 'USD', recordedAt: new Date('2025-02-09T23:30:00-05:00') }],
      transfers: [],
      rateHistory: [],
      displayCurrency: 'USD',
      from: '2025-02-09',
      to: '2025-02-10',
    });
    expect(points.map((p) => p.bankroll.toString())).toEqual(['0', '10']);
  });

  it('returns one point for a one-day range and works with no data at all', () => {
    const points = dailySeries({ snapshots: [], transfers: [], rateHistory: [], displayCurrency: 'EUR', from: '2025-01-01', to: '2025-01-01' });
    expect(asText(points)).toEqual([{ day: '2025-01-01', bankroll: '0', profit: '0' }]);
  });

  it('rejects a reversed or invalid range and an unknown display currency', () => {
    const base = { snapshots: [], transfers: [], rateHistory: [], displayCurrency: 'USD' };
    expect(() => dailySeries({ ...base, from: '2025-01-02', to: '2025-01-01' })).toThrow(RangeError);
    expect(() => dailySeries({ ...base, from: '2025-01-01', to: '2025-02-30' })).toThrow(/not a valid calendar day/);
    expect(() => dailySeries({ ...base, displayCurrency: 'XYZ', from: '2025-01-01', to: '2025-01-01' })).toThrow(
      /No exchange rate for currency "XYZ"/,
    );
  });
});

/** Straightforward O(days x everything) version, used as the reference. */
function naiveSeries(
  snapshots: BalanceSnapshot[],
  transfers: DatedTransfer[],
  rateHistory: DatedRate[],
  displayCurrency: string,
  from: string,
  to: string,
): DailyPoint[] {
  const holdingIds = [...new Set(snapshots.map((s) => s.holdingId))];
  return eachDay(from, to).map((day) => {
    const rates = ratesOn(rateHistory, day);
    const holdings = holdingIds.flatMap((id) => {
      const upToDay = snapshots
        .filter((s) => s.holdingId === id && toDayKey(s.recordedAt) <= day)
        .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
      const latest = upToDay.at(-1);
      return latest ? [{ currentAmount: latest.amount, currency: latest.currency }] : [];
    });
    const upTo = (type: DatedTransfer['type']) =>
      transfers.filter((t) => t.type === type && toDayKey(t.date) <= day).map((t) => ({ amount: t.amount, currency: t.currency }));
    const dayBankroll = bankroll(holdings, displayCurrency, rates);
    return {
      day,
      bankroll: dayBankroll,
      profit: profit({
        bankroll: dayBankroll,
        deposits: sumTransfers(upTo('DEPOSIT'), displayCurrency, rates),
        withdrawals: sumTransfers(upTo('WITHDRAWAL'), displayCurrency, rates),
      }),
    };
  });
}

describe('dailySeries: matches the naive definition', () => {
  const start = Date.parse('2025-01-01T00:00:00Z');
  const dayMs = 86_400_000;
  const currency = fc.constantFrom('USD', 'GBP', 'JPY', 'EUR');
  const instant = fc.integer({ min: -5 * dayMs, max: 25 * dayMs }).map((offset) => new Date(start + offset));
  const cents = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(100));

  it('for random snapshots, transfers and rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ holdingId: fc.constantFrom('a', 'b', 'c'), amount: cents, currency, recordedAt: instant }), { maxLength: 25 }),
        fc.array(fc.record({ type: fc.constantFrom('DEPOSIT' as const, 'WITHDRAWAL' as const), amount: cents, currency, date: instant }), { maxLength: 10 }),
        fc.array(
          fc.record({
            currency: fc.constantFrom('GBP', 'JPY', 'EUR'),
            rate: fc.integer({ min: 1, max: 2_000_000 }).map((n) => new Decimal(n).div(10_000)),
            effectiveOn: instant,
          }),
          { maxLength: 10 },
        ),
        currency,
        fc.integer({ min: -3, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        (snapshots, transfers, rateHistory, displayCurrency, fromOffset, length) => {
          const from = addDays('2025-01-01', fromOffset);
          const to = addDays(from, length);
          const fast = dailySeries({ snapshots, transfers, rateHistory, displayCurrency, from, to });
          expect(asText(fast)).toEqual(asText(naiveSeries(snapshots, transfers, rateHistory, displayCurrency, from, to)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('dailySeries: performance', () => {
  it('handles 18 months x 10 holdings with daily snapshots quickly', () => {
    const from = '2024-01-01';
    const days = eachDay(from, addDays(from, 547));
    const currencies = ['USD', 'GBP', 'EUR', 'JPY', 'CAD'];
    const snapshots: BalanceSnapshot[] = [];
    const transfers: DatedTransfer[] = [];
    const rateHistory: DatedRate[] = [];
    days.forEach((day, i) => {
      for (let h = 0; h < 10; h++) {
        snapshots.push({
          holdingId: `h${h}`,
          amount: d(1000 + i + h),
          currency: currencies[h % currencies.length],
          recordedAt: new Date(`${day}T12:00:00Z`),
        });
      }
      rateHistory.push({ currency: 'GBP', rate: d('0.75').plus(d(i % 10).div(1000)), effectiveOn: new Date(`${day}T00:00:00Z`) });
      if (i % 7 === 0) transfers.push({ type: 'DEPOSIT', amount: d(50), currency: 'USD', date: new Date(`${day}T08:00:00Z`) });
    });

    const started = performance.now();
    const points = dailySeries({ snapshots, transfers, rateHistory, displayCurrency: 'USD', from, to: days.at(-1)! });
    const elapsed = performance.now() - started;

    expect(points).toHaveLength(548);
    // Last day (i = 547): holdings 1547..1556; deposits on 79 days (i % 7 === 0) = 3950 USD.
    const lastDay = days.at(-1)!;
    const expected = bankroll(
      Array.from({ length: 10 }, (_, h) => ({ currentAmount: d(1547 + h), currency: currencies[h % currencies.length] })),
      'USD',
      ratesOn(rateHistory, lastDay),
    );
    expect(points.at(-1)!.bankroll.toString()).toBe(expected.toString());
    expect(points.at(-1)!.profit.toString()).toBe(expected.minus(3950).toString());
    expect(elapsed).toBeLessThan(1500);
  });
});
