import { addDays, daysBetween, dayKeyToDate, monthsBefore, type DayKey } from '@/lib/domain/days';
import { dateFormat, numberFormat } from '@/lib/domain/formatters';

// Pure helpers for the dashboard chart: which days to show, how many points
// to draw, and where they go on the canvas. Pixel positions are plain numbers:
// they only place lines on screen; every amount shown as text comes from the
// exact decimal strings in the points.

/** One day of the series, JSON-plain (it is stored by the data cache). */
export interface ChartPoint {
  day: DayKey;
  /** Decimal strings with 2 decimals, in the display currency. */
  bankroll: string;
  profit: string;
}

export const CHART_MONTHS = 18;
export const MAX_CHART_POINTS = 200;

export { monthsBefore } from '@/lib/domain/days';

/** The last `months` months, or less when the first snapshot is more recent; never after today. */
export function chartStartDay(firstSnapshotDay: DayKey, today: DayKey, months = CHART_MONTHS): DayKey {
  const windowStart = monthsBefore(today, months);
  const start = firstSnapshotDay > windowStart ? firstSnapshotDay : windowStart;
  return start > today ? today : start;
}

/**
 * At most `max` points, evenly spaced over the series, always keeping the first and the last
 * point exactly (the last one is "today" and must match the dashboard totals).
 */
export function downsample<T>(points: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (max < 2) throw new RangeError('Keep at least 2 points');
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  // step > 1, so the rounded indexes are strictly increasing: no duplicates.
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

/** Round numbers (1, 2, 2.5 or 5 x 10^n) covering [min, max] with about `count` ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('Ticks need finite bounds');
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= min === 0 ? 0 : pad;
    max += pad;
  }
  // A floor on the step: a range of a few denormals (or 1e-12 next to 1e9) has no useful ticks.
  const rough = Math.max((max - min) / Math.max(1, count - 1), Math.max(Math.abs(min), Math.abs(max)) * 1e-9, 1e-9);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // The smallest round step that needs at most count + 2 ticks: a step just below `rough` often
  // fits and wastes less space (e.g. -5K..25K rather than -10K..30K). A step >= rough always
  // fits, so one is found.
  const tickCount = (step: number) => Math.ceil(max / step) - Math.floor(min / step) + 1;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => tickCount(s) <= count + 2) ?? 10 * magnitude;
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const ticks: number[] = [];
  // Multiply integers by the step (no accumulated float error), then trim noise like 0.30000000000000004.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)) || 0);
  return ticks;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_LAYOUT: ChartLayout = { width: 760, height: 320, margin: { top: 16, right: 20, bottom: 40, left: 92 } };

/**
 * A horizontal axis other than the date: one value per point (in point order, ascending), the
 * domain drawn from left to right, and labelled ticks inside the domain.
 */
export interface XAxis {
  /** The axis title under the plot ("Hours played"). */
  title: string;
  values: readonly number[];
  domain: readonly [number, number];
  ticks: readonly { value: number; label: string }[];
}

export interface ChartGeometry {
  plot: { left: number; right: number; top: number; bottom: number };
  /** Where each x tick goes and what it says, for the date axis or the `XAxis` given. */
  axisTicks: { x: number; label: string }[];
  /** The x axis title. */
  axisTitle: string;
  bankrollPath: string;
  profitPath: string;
  xTicks: { x: number; day: DayKey }[];
  yTicks: { y: number; value: number }[];
  /** y of the zero line (always within the value axis, which includes 0). */
  zeroY: number;
  /** Days from the first to the last point. */
  spanDays: number;
}

/** Maps [d0, d1] onto [r0, r1]; a degenerate domain maps to the middle of the range. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function path(xs: number[], ys: number[]): string {
  return xs.map((x, i) => `${i === 0 ? 'M' : 'L'}${round1(x)},${round1(ys[i])}`).join(' ');
}

/** Evenly spaced day ticks (by date, not by point index), at most `count`. */
export function dayTicks(first: DayKey, spanDays: number, count = 6): DayKey[] {
  if (spanDays <= 0) return [first];
  const n = Math.min(count, spanDays + 1);
  const offsets = new Set(Array.from({ length: n }, (_, i) => Math.round((i * spanDays) / (n - 1))));
  return [...offsets].map((offset) => addDays(first, offset));
}

/**
 * Positions of both lines, the axes' ticks and the zero line. Points must be in day order. The x
 * axis is the date unless `xAxis` gives another one (its values in the points' order).
 */
export function chartGeometry(points: readonly ChartPoint[], layout: ChartLayout = DEFAULT_LAYOUT, xAxis?: XAxis): ChartGeometry {
  if (points.length === 0) throw new RangeError('A chart needs at least one point');
  const plot = {
    left: layout.margin.left,
    right: layout.width - layout.margin.right,
    top: layout.margin.top,
    bottom: layout.height - layout.margin.bottom,
  };
  const first = points[0].day;
  const spanDays = daysBetween(first, points[points.length - 1].day);
  const offsets = points.map((p) => daysBetween(first, p.day));
  const x = spanDays === 0 ? () => (plot.left + plot.right) / 2 : linearScale([0, spanDays], [plot.left, plot.right]);
  if (xAxis && xAxis.values.length !== points.length) throw new RangeError('The x axis needs one value per point');
  const given = xAxis ? linearScale([xAxis.domain[0], xAxis.domain[1]], [plot.left, plot.right]) : null;
  const dayTickList = dayTicks(first, spanDays);

  const bankroll = points.map((p) => Number(p.bankroll));
  const profit = points.map((p) => Number(p.profit));
  const all = [...bankroll, ...profit, 0];
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const y = linearScale([ticks[0], ticks[ticks.length - 1]], [plot.bottom, plot.top]);
  const xs = given && xAxis ? xAxis.values.map(given) : offsets.map(x);

  return {
    plot,
    bankrollPath: path(xs, bankroll.map(y)),
    profitPath: path(xs, profit.map(y)),
    xTicks: dayTickList.map((day) => ({ day, x: round1(x(daysBetween(first, day))) })),
    axisTicks:
      given && xAxis
        ? xAxis.ticks.map((t) => ({ x: round1(given(t.value)), label: t.label }))
        : dayTickList.map((day) => ({ x: round1(x(daysBetween(first, day))), label: formatDayTick(day, spanDays) })),
    axisTitle: xAxis?.title ?? 'Date',
    yTicks: ticks.map((value) => ({ value, y: round1(y(value)) })),
    zeroY: round1(y(0)),
    spanDays,
  };
}

/** "Mar 2025" for long spans, "Mar 14" for short ones (UTC, like every day key). */
export function formatDayTick(day: DayKey, spanDays: number, locale = 'en-US'): string {
  const options: Intl.DateTimeFormatOptions = spanDays > 62 ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' };
  return dateFormat(locale, { ...options, timeZone: 'UTC' }).format(dayKeyToDate(day));
}

/** Long form for text: "March 14, 2025". */
export function formatDayLong(day: DayKey, locale = 'en-US'): string {
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(dayKeyToDate(day));
}

/** Axis labels: whole units, compact above 10,000 ("€12K"). Tick values are round by construction. */
export function formatAmountTick(value: number, currency: string, locale = 'en-US'): string {
  const compact = Math.abs(value) >= 10_000;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: compact ? 1 : 0,
    minimumFractionDigits: 0,
    ...(compact ? { notation: 'compact' as const } : {}),
  }).format(value);
}

/**
 * Rows for the chart's text alternative: the first point, the last point of every month, and
 * the last point (today), without duplicates.
 */
export function summaryRows<T extends ChartPoint>(points: readonly T[]): T[] {
  const rows: T[] = [];
  points.forEach((point, i) => {
    const next = points[i + 1];
    const monthEnds = !next || next.day.slice(0, 7) !== point.day.slice(0, 7);
    if (i === 0 || monthEnds) rows.push(point);
  });
  return rows;
}
