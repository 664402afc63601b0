import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chartGeometry, DEFAULT_LAYOUT } from '@/lib/bankroll/chart-series';
import { addDays } from '@/lib/domain/days';
import { axisFields, chartTables, chartView, formatHours, hoursAxis, hoursSummaryRows, parseChartAxis, withAxis, type SessionChartPoint } from '@/lib/sessions/chart-axis';

const point = (day: string, minutes: number, profit = '0.00'): SessionChartPoint => ({ day, bankroll: profit, profit, minutes });

describe('parseChartAxis', () => {
  it('reads ?x=hours and falls back to the date for anything else', () => {
    expect(parseChartAxis({ x: 'hours' })).toBe('hours');
    expect(parseChartAxis({ x: ['hours', 'date'] })).toBe('hours');
    expect(parseChartAxis({})).toBe('date');
    expect(parseChartAxis({ x: 'date' })).toBe('date');
    expect(parseChartAxis({ x: 'HOURS' })).toBe('date');
    expect(parseChartAxis({ x: '<script>' })).toBe('date');
  });
});

describe('withAxis', () => {
  it('keeps every other parameter and sets or drops x', () => {
    expect(withAxis('?kind=CASH&from=2025-01-01', 'hours')).toBe('?kind=CASH&from=2025-01-01&x=hours');
    expect(withAxis('?kind=CASH&x=hours', 'date')).toBe('?kind=CASH');
    expect(withAxis('', 'date')).toBe('');
    expect(withAxis('', 'hours')).toBe('?x=hours');
    expect(withAxis('?x=hours', 'hours')).toBe('?x=hours');
  });
});

describe('axisFields', () => {
  it('are the hidden fields that keep the axis through the filter form', () => {
    expect(axisFields('date')).toEqual({});
    expect(axisFields('hours')).toEqual({ x: 'hours' });
  });
});

describe('formatHours', () => {
  it('shows at most one decimal', () => {
    expect(formatHours(0)).toBe('0 h');
    expect(formatHours(2.5)).toBe('2.5 h');
    expect(formatHours(1234.56)).toBe('1,234.6 h');
  });
});

describe('hoursAxis', () => {
  it('places each day at its cumulative hours, from 0 to a round number at or above the total', () => {
    const axis = hoursAxis([point('2025-01-01', 90), point('2025-01-05', 600), point('2025-02-01', 2_880)]);
    expect(axis.title).toBe('Hours played');
    expect(axis.values).toEqual([1.5, 10, 48]);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(48);
    expect(axis.ticks[0]).toEqual({ value: 0, label: '0 h' });
    expect(axis.ticks[axis.ticks.length - 1].value).toBe(axis.domain[1]);
    for (const t of axis.ticks) expect(t.label).toBe(formatHours(t.value));
  });

  it('has a usable domain when no time was played', () => {
    const axis = hoursAxis([point('2025-01-01', 0)]);
    expect(axis.domain[1]).toBeGreaterThan(0);
  });

  it('draws on the hours, not the dates: two days far apart with little play are close', () => {
    const points = [point('2025-01-01', 60), point('2025-01-02', 600), point('2025-12-31', 660)];
    const g = chartGeometry(points, DEFAULT_LAYOUT, hoursAxis(points));
    const xs = g.profitPath.split(' ').map((c) => Number(c.slice(1).split(',')[0]));
    expect(xs[2] - xs[1]).toBeLessThan(xs[1] - xs[0]);
    expect(g.axisTitle).toBe('Hours played');
    expect(g.axisTicks[0]).toEqual({ x: g.plot.left, label: '0 h' });
    expect(g.axisTicks[g.axisTicks.length - 1].x).toBe(g.plot.right);
  });

  it('keeps every point inside the plot, for any series', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 24 * 60 }), { minLength: 1, maxLength: 80 }), (daily) => {
        let total = 0;
        const points = daily.map((m, i) => point(addDays('2025-01-01', i), (total += m)));
        const g = chartGeometry(points, DEFAULT_LAYOUT, hoursAxis(points));
        for (const c of g.profitPath.split(' ')) {
          const x = Number(c.slice(1).split(',')[0]);
          expect(x).toBeGreaterThanOrEqual(g.plot.left - 0.1);
          expect(x).toBeLessThanOrEqual(g.plot.right + 0.1);
        }
      }),
    );
  });

  it('refuses an axis with a value count other than the points', () => {
    const axis = hoursAxis([point('2025-01-01', 60)]);
    expect(() => chartGeometry([point('2025-01-01', 60), point('2025-01-02', 120)], DEFAULT_LAYOUT, axis)).toThrow(RangeError);
  });
});

describe('hoursSummaryRows', () => {
  it('keeps the first point, the last one of each step of hours and the last point', () => {
    // 1 h a day for 100 days: steps of 10 hours -> the first day, days ending at 9 h, 19 h ... and the last.
    const points = Array.from({ length: 100 }, (_, i) => point(addDays('2025-01-01', i), (i + 1) * 60));
    const rows = hoursSummaryRows(points);
    expect(rows[0]).toBe(points[0]);
    expect(rows[rows.length - 1]).toBe(points[99]);
    expect(rows.map((r) => r.minutes / 60)).toEqual([1, 9, 19, 29, 39, 49, 59, 69, 79, 89, 99, 100]);
  });

  it('is empty without points and one row for one point', () => {
    expect(hoursSummaryRows([])).toEqual([]);
    expect(hoursSummaryRows([point('2025-01-01', 30)])).toHaveLength(1);
  });

  it('is a subsequence of the points in order, with no duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 200 }), (daily) => {
        let total = 0;
        const points = daily.map((m, i) => point(addDays('2025-01-01', i), (total += m)));
        const rows = hoursSummaryRows(points);
        const indexes = rows.map((r) => points.indexOf(r));
        for (let i = 1; i < indexes.length; i++) expect(indexes[i]).toBeGreaterThan(indexes[i - 1]);
        expect(rows[0]).toBe(points[0]);
        expect(rows[rows.length - 1]).toBe(points[points.length - 1]);
        expect(rows.length).toBeLessThanOrEqual(Math.min(points.length, 16));
      }),
    );
  });
});

describe('chartView', () => {
  const points = [point('2025-01-01', 60, '10.00'), point('2025-02-01', 120, '-5.00')];
  const table = chartTables(points);

  it('the date axis is the chart default, with the month-end table', () => {
    expect(chartView(points, table, 'date')).toEqual({ xAxis: undefined, rows: table.date });
  });

  it('the hours axis brings its own axis and the hours table', () => {
    const view = chartView(points, table, 'hours');
    expect(view.xAxis?.values).toEqual([1, 2]);
    expect(view.rows).toBe(table.hours);
  });
});
