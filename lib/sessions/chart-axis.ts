import { niceTicks, summaryRows, type ChartPoint, type XAxis } from '@/lib/bankroll/chart-series';
import { numberFormat } from '@/lib/domain/formatters';
import { firstParam, type SearchParams } from '@/lib/fields/form-fields';

// The x axis of the cumulative session profit chart: the date (how the results came over time)
// or the hours played (how they came per hour at the table, the view that makes variance
// readable: a month of one session looks like a day of ten on a date axis). Pure: the stats
// page picks the axis from the URL, the chart draws it, and the table alternative follows it.

/** A day of the session chart: the cumulative profit and the cumulative minutes played at its end. */
export interface SessionChartPoint extends ChartPoint {
  minutes: number;
}

export const CHART_AXES = ['date', 'hours'] as const;
export type ChartAxis = (typeof CHART_AXES)[number];

export const AXIS_LABELS: Record<ChartAxis, string> = { date: 'Date', hours: 'Hours played' };

/** `?x=hours` picks the hours axis; anything else (missing, unknown, repeated junk) is the date. */
export function parseChartAxis(params: SearchParams): ChartAxis {
  const value = firstParam(params.x);
  return value === 'hours' ? 'hours' : 'date';
}

/** The axis as form fields (hidden inputs of the filter form): none for the default date. */
export function axisFields(axis: ChartAxis): Record<string, string> {
  return axis === 'date' ? {} : { x: axis };
}

/**
 * A query string ("?kind=CASH") with the axis set in it: the date is the default, so it takes
 * no parameter. Every other parameter is kept, so switching the axis keeps the filter and range.
 */
export function withAxis(search: string, axis: ChartAxis): string {
  const params = new URLSearchParams(search);
  params.delete('x');
  for (const [name, value] of Object.entries(axisFields(axis))) params.set(name, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const hours = (minutes: number) => minutes / 60;

/** "12.5 h": at most one decimal (a tick of 2.5 hours keeps its half). */
export function formatHours(value: number, locale = 'en-US'): string {
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} h`;
}

/** The round step between the hours axis ticks (and the table's rows), for this many hours. */
function hourTicks(totalHours: number, count: number): number[] {
  return niceTicks(0, totalHours > 0 ? totalHours : 1, count).filter((t) => t >= 0);
}

/**
 * The hours axis: each point at the hours played by the end of its day, from 0 to the first
 * round number at or above the total, so every tick is a round number of hours.
 */
export function hoursAxis(points: readonly SessionChartPoint[]): XAxis {
  const total = hours(points[points.length - 1]?.minutes ?? 0);
  const ticks = hourTicks(total, 6);
  return {
    title: `${AXIS_LABELS.hours}`,
    values: points.map((p) => hours(p.minutes)),
    domain: [0, ticks[ticks.length - 1]],
    ticks: ticks.map((value) => ({ value, label: formatHours(value) })),
  };
}

/**
 * Rows of the table alternative on the hours axis: the first point, the last point before each
 * round number of hours (about `count` of them) and the last point, without duplicates, so the
 * table reads as the line does: profit after 0–10 h, 10–20 h...
 */
export function hoursSummaryRows<T extends SessionChartPoint>(points: readonly T[], count = 12): T[] {
  if (points.length === 0) return [];
  const ticks = hourTicks(hours(points[points.length - 1].minutes), count);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const bucket = (p: T) => Math.floor(hours(p.minutes) / step);
  return points.filter((p, i) => i === 0 || i === points.length - 1 || bucket(points[i + 1]) !== bucket(p));
}

/** The chart's x axis (undefined: the chart's own date axis) and its table rows for `axis`. */
export function chartView(points: readonly SessionChartPoint[], table: { date: readonly SessionChartPoint[]; hours: readonly SessionChartPoint[] }, axis: ChartAxis) {
  if (axis === 'date' || points.length === 0) return { xAxis: undefined, rows: table.date };
  return { xAxis: hoursAxis(points), rows: table.hours };
}

/** Both tables from the full (not downsampled) series: what the statistics cache keeps. */
export function chartTables<T extends SessionChartPoint>(points: readonly T[]): { date: T[]; hours: T[] } {
  return { date: summaryRows(points), hours: hoursSummaryRows(points) };
}
