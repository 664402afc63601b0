import 'server-only';
import Decimal from 'decimal.js';
import { cachedRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';
import { userSnapshots } from '@/lib/holdings/reads';
import { listTransfers } from '@/lib/transfers/reads';
import { rateHistory } from '@/lib/rates/reads';
import { dailySeries } from '@/lib/domain/history';
import { dayKeyToDate, toDayKey, type DayKey } from '@/lib/domain/days';
import { chartStartDay, downsample, summaryRows, type ChartPoint } from '@/lib/bankroll/chart-series';

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
 * midnight; every write that changes an input expires one of the tags.
 */
export function bankrollChart(userId: string, currency: string, today: DayKey): Promise<BankrollChartData> {
  return cachedRead(
    ['bankroll-chart', userId, currency, today],
    [tags.snapshots(userId), tags.transfers(userId), tags.rates(), tags.profile(userId)],
    async (): Promise<BankrollChartData> => {
      const snapshots = await userSnapshots(userId);
      if (snapshots.length === 0) return { currency, points: [], monthEnds: [], days: 0 };
      const from = chartStartDay(toDayKey(new Date(snapshots[0].recordedAt)), today);
      const [transfers, rates] = await Promise.all([listTransfers(userId), rateHistory(dayKeyToDate(from))]);
      const series = dailySeries({
        snapshots: snapshots.map((s) => ({ holdingId: s.holdingId, amount: new Decimal(s.amount), currency: s.currency, recordedAt: new Date(s.recordedAt) })),
        transfers: transfers.map((t) => ({ type: t.type, amount: new Decimal(t.amount), currency: t.currency, date: dayKeyToDate(t.occurredOn) })),
        rateHistory: rates,
        displayCurrency: currency,
        from,
        to: today,
      });
      const points = series.map((p) => ({ day: p.day, bankroll: p.bankroll.toFixed(2), profit: p.profit.toFixed(2) }));
      return { currency, points: downsample(points), monthEnds: summaryRows(points), days: points.length };
    },
  );
}
