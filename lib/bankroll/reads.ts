import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db/client';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';
import { rateHistory } from '@/lib/rates/reads';
import { dailySeries } from '@/lib/domain/history';
import { dayKeyToDate, toDayKey, type DayKey } from '@/lib/domain/days';
import { loadBankrollInputs } from '@/lib/bankroll/balances';
import { chartStartDay, downsample, summaryRows, type ChartPoint } from '@/lib/bankroll/chart-series';
import { summarize, type BankrollSummary, type BreakdownRow } from '@/lib/bankroll/summary';

// The bankroll's computed views. What is cached is the result (totals, breakdown, chart
// series), not the rows it was computed from, so a cached view costs no re-aggregation.

type Json<T> = { [K in keyof T]: T[K] extends Decimal ? string : T[K] extends Decimal | null ? string | null : T[K] };
type SummaryJson = Omit<Json<BankrollSummary>, 'rows'> & { rows: Json<BreakdownRow>[] };

const str = (d: Decimal | null) => (d === null ? null : d.toString());
const dec = (s: string | null) => (s === null ? null : new Decimal(s));

const bankrollSummaryJson = defineUserRead({
  name: 'bankroll-summary',
  // Balances and names (holdings), deposits/withdrawals (transfers), conversion (rates).
  tags: (userId: string) => [tags.holdings(userId), tags.transfers(userId), tags.rates()],
  load: async (userId: string, displayCurrency: string): Promise<SummaryJson> => {
    const s = summarize(await loadBankrollInputs(await db(), userId), displayCurrency);
    return {
      ...s,
      bankroll: s.bankroll.toString(),
      sites: s.sites.toString(),
      assets: s.assets.toString(),
      deposits: s.deposits.toString(),
      withdrawals: s.withdrawals.toString(),
      profit: s.profit.toString(),
      rows: s.rows.map((r) => ({ ...r, current: str(r.current), previous: str(r.previous), currentDisplay: str(r.currentDisplay), change: str(r.change), changePercent: str(r.changePercent) })),
    };
  },
});

/** Bankroll, profit, deposits, withdrawals and the per-holding breakdown in `displayCurrency`. */
export async function bankrollSummary(userId: string, displayCurrency: string): Promise<BankrollSummary> {
  const s = await bankrollSummaryJson(userId, displayCurrency);
  return {
    ...s,
    bankroll: new Decimal(s.bankroll),
    sites: new Decimal(s.sites),
    assets: new Decimal(s.assets),
    deposits: new Decimal(s.deposits),
    withdrawals: new Decimal(s.withdrawals),
    profit: new Decimal(s.profit),
    rows: s.rows.map((r) => ({ ...r, current: dec(r.current), previous: dec(r.previous), currentDisplay: dec(r.currentDisplay), change: dec(r.change), changePercent: dec(r.changePercent) })),
  };
}
bankrollSummary.spec = bankrollSummaryJson.spec;

export interface BankrollChartData {
  currency: string;
  /** Downsampled for drawing (at most ~200), the last point exact. Empty without snapshots. */
  points: ChartPoint[];
  /** Exact values at the first day, every month end and today (the chart's text alternative). */
  monthEnds: ChartPoint[];
  /** How many daily values the series had before downsampling. */
  days: number;
}

/**
 * Daily bankroll and profit (last value carried forward) for the last 18 months or since the
 * first snapshot, in `currency`. `today` is part of the key so the series rolls over at UTC
 * midnight.
 */
export const bankrollChart = defineUserRead({
  name: 'bankroll-chart',
  tags: (userId: string) => [tags.snapshots(userId), tags.transfers(userId), tags.rates()],
  load: async (userId: string, currency: string, today: DayKey): Promise<BankrollChartData> => {
    const prisma = await db();
    const snapshots = await prisma.balanceSnapshot.findMany({
      where: { holding: { userId } },
      orderBy: { recordedAt: 'asc' },
      select: { holdingId: true, amount: true, currency: true, recordedAt: true },
    });
    if (snapshots.length === 0) return { currency, points: [], monthEnds: [], days: 0 };
    const from = chartStartDay(toDayKey(snapshots[0].recordedAt), today);
    const [transfers, rates] = await Promise.all([
      prisma.transfer.findMany({ where: { userId }, select: { type: true, amount: true, currency: true, occurredOn: true } }),
      rateHistory(dayKeyToDate(from)),
    ]);
    const series = dailySeries({
      snapshots: snapshots.map((s) => ({ holdingId: s.holdingId, amount: new Decimal(s.amount.toString()), currency: s.currency, recordedAt: s.recordedAt })),
      transfers: transfers.map((t) => ({ type: t.type, amount: new Decimal(t.amount.toString()), currency: t.currency, date: t.occurredOn })),
      rateHistory: rates,
      displayCurrency: currency,
      from,
      to: today,
    });
    const points = series.map((p) => ({ day: p.day, bankroll: p.bankroll.toFixed(2), profit: p.profit.toFixed(2) }));
    return { currency, points: downsample(points), monthEnds: summaryRows(points), days: points.length };
  },
});
