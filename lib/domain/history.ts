import Decimal from 'decimal.js';
import { createRateWalker, type DatedRate } from './currency';
import { assertDayKey, eachDay, toDayKey, type DayKey } from './days';
import { profit, sumInCurrency, type Money } from './totals';

export interface BalanceSnapshot {
  /** Any key unique across sites and assets, e.g. "site:12" or "asset:3". */
  holdingId: string;
  amount: Decimal;
  currency: string;
  recordedAt: Date;
}

export interface DatedTransfer {
  type: 'DEPOSIT' | 'WITHDRAWAL';
  amount: Decimal;
  currency: string;
  date: Date;
}

export interface DailyPoint {
  day: DayKey;
  bankroll: Decimal;
  profit: Decimal;
}

export interface DailySeriesInput {
  snapshots: readonly BalanceSnapshot[];
  transfers: readonly DatedTransfer[];
  rateHistory: readonly DatedRate[];
  displayCurrency: string;
  /** First and last UTC day of the chart, both included. */
  from: DayKey;
  to: DayKey;
}

interface DayStamped<T> {
  day: DayKey;
  item: T;
}

function byTimeThenDay<T>(items: readonly T[], timeOf: (item: T) => Date): DayStamped<T>[] {
  return [...items]
    .sort((a, b) => timeOf(a).getTime() - timeOf(b).getTime())
    .map((item) => ({ day: toDayKey(timeOf(item)), item }));
}

function addTo(totals: Map<string, Decimal>, money: Money): void {
  totals.set(money.currency, (totals.get(money.currency) ?? new Decimal(0)).plus(money.amount));
}

function asMoneyList(totals: Map<string, Decimal>): Money[] {
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/**
 * One point per UTC day for the dashboard chart.
 *
 * Each holding is worth its last snapshot on or before the day (carried forward; nothing
 * before its first snapshot). Holdings and the cumulative deposits/withdrawals up to the day
 * are all valued at the rates in force that day, so the last point matches the dashboard
 * totals computed with the same rates.
 *
 * Every input list is sorted once and then walked with a cursor while the days advance, so
 * the cost is O(days x holdings + snapshots + transfers + rate entries) after sorting,
 * never days x snapshots.
 */
export function dailySeries(input: DailySeriesInput): DailyPoint[] {
  const from = assertDayKey(input.from);
  const to = assertDayKey(input.to);
  if (to < from) throw new RangeError(`The series ends (${to}) before it starts (${from})`);

  const snapshotsByHolding = new Map<string, BalanceSnapshot[]>();
  for (const snapshot of input.snapshots) {
    const list = snapshotsByHolding.get(snapshot.holdingId) ?? [];
    list.push(snapshot);
    snapshotsByHolding.set(snapshot.holdingId, list);
  }
  const holdings = [...snapshotsByHolding.values()].map((list) => ({
    snapshots: byTimeThenDay(list, (s) => s.recordedAt),
    next: 0,
    latest: null as BalanceSnapshot | null,
  }));

  const transfers = byTimeThenDay(input.transfers, (t) => t.date);
  let nextTransfer = 0;
  const deposits = new Map<string, Decimal>();
  const withdrawals = new Map<string, Decimal>();

  const ratesFor = createRateWalker(input.rateHistory);
  const points: DailyPoint[] = [];

  for (const day of eachDay(from, to)) {
    for (const holding of holdings) {
      while (holding.next < holding.snapshots.length && holding.snapshots[holding.next].day <= day) {
        holding.latest = holding.snapshots[holding.next].item;
        holding.next++;
      }
    }
    while (nextTransfer < transfers.length && transfers[nextTransfer].day <= day) {
      const transfer = transfers[nextTransfer].item;
      addTo(transfer.type === 'DEPOSIT' ? deposits : withdrawals, transfer);
      nextTransfer++;
    }

    const rates = ratesFor(day);
    const values: Money[] = [];
    for (const holding of holdings) if (holding.latest) values.push(holding.latest);

    const dayBankroll = sumInCurrency(values, input.displayCurrency, rates);
    points.push({
      day,
      bankroll: dayBankroll,
      profit: profit({
        bankroll: dayBankroll,
        deposits: sumInCurrency(asMoneyList(deposits), input.displayCurrency, rates),
        withdrawals: sumInCurrency(asMoneyList(withdrawals), input.displayCurrency, rates),
      }),
    });
  }
  return points;
}
