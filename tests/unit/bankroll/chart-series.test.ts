import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, eachDay } from '@/lib/domain/days';
import {
  DEFAULT_LAYOUT,
  MAX_CHART_POINTS,
  chartGeometry,
  chartStartDay,
  dayTicks,
  downsample,
  formatAmountTick,
  formatDayTick,
  linearScale,
  monthsBefore,
  niceTicks,
  summaryRows,
  type ChartPoint,
} from '@/lib/bankroll/chart-series';

const series = (from: string, to: string, value = (i: number) => i): ChartPoint[] =>
  eachDay(from, to).map((day, i) => ({ day, bankroll: value(i).toFixed(2), profit: (value(i) - 100).toFixed(2) }));

describe('monthsBefore / chartStartDay', () => {
  it('goes back whole calendar months and clamps to shorter months', () => {
    expect(monthsBefore('2026-03-15', 18)).toBe('2024-09-15');
    expect(monthsBefore('2025-08-31', 6)).toBe('2025-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
  });

  it('starts 18 months back, or at the first snapshot when that is more recent', () => {
    expect(chartStartDay('2020-01-01', '2026-03-15')).toBe('2024-09-15');
    expect(chartStartDay('2026-01-10', '2026-03-15')).toBe('2026-01-10');
    expect(chartStartDay('2026-03-15', '2026-03-15')).toBe('2026-03-15');
  });

  it('never starts after today', () => {
    expect(chartStartDay('2026-04-01', '2026-03-15')).toBe('2026-03-15');
  });
});

describe('downsample', () => {
  it('keeps short series unchanged (a copy)', () => {
    const points = [1, 2, 3];
    const out = downsample(points, 5);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
  });

  it('caps at the maximum and keeps the first and the last point exactly', () => {
    const points = series('2024-09-15', '2026-03-15'); // ~550 days
    const out = downsample(points);
    expect(points.length).toBeGreaterThan(MAX_CHART_POINTS);
    expect(out).toHaveLength(MAX_CHART_POINTS);
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[points.length - 1]);
  });

  it('keeps order, never repeats a point, and spaces points evenly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 2, max: 300 }), (n, max) => {
        const points = Array.from({ length: n }, (_, i) => i);
        const out = downsample(points, max);
        expect(out.length).toBe(Math.min(n, max));
        for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThan(out[i - 1]);
        if (n > 0) expect(out[out.length - 1]).toBe(n - 1);
        if (n > max) {
          const gaps = out.slice(1).map((v, i) => v - out[i]);
          expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('refuses a maximum below 2 (first and last must both fit)', () => {
    expect(() => downsample([1, 2, 3], 1)).toThrow(RangeError);
  });
});

describe('niceTicks', () => {
  it('uses round steps that cover the range', () => {
    expect(niceTicks(0, 1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    // A small negative dip does not cost a whole 10K band of empty chart.
    expect(niceTicks(-600, 20_000)).toEqual([-5000, 0, 5000, 10_000, 15_000, 20_000]);
    expect(niceTicks(-600, 20_300)).toEqual([-5000, 0, 5000, 10_000, 15_000, 20_000, 25_000]);
    expect(niceTicks(-430, 12_345)).toEqual([-2500, 0, 2500, 5000, 7500, 10_000, 12_500]);
    expect(niceTicks(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(0.05, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('widens a flat range so a line of equal values still has an axis', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const ticks = niceTicks(500, 500);
    expect(ticks[0]).toBeLessThanOrEqual(500);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(500);
  });

  it('always brackets the data (amounts in cents) with a handful of ticks', () => {
    const amount = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const ticks = niceTicks(min, max);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for screen y', () => {
    const y = linearScale([0, 100], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(225);
  });

  it('puts everything in the middle of a degenerate domain', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe('dayTicks', () => {
  it('spreads ticks evenly by date and ends on the last day', () => {
    expect(dayTicks('2025-01-01', 10, 3)).toEqual(['2025-01-01', '2025-01-06', '2025-01-11']);
    expect(dayTicks('2025-01-01', 0)).toEqual(['2025-01-01']);
    expect(dayTicks('2025-01-01', 2, 6)).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
  });
});

describe('chartGeometry', () => {
  const { plot } = chartGeometry(series('2025-01-01', '2025-01-02'));

  it('places the first point on the left edge and the last on the right edge', () => {
    const g = chartGeometry(series('2025-01-01', '2025-03-01'));
    const coords = g.bankrollPath.split(' ').map((c) => c.slice(1).split(',').map(Number));
    expect(coords[0][0]).toBe(plot.left);
    expect(coords[coords.length - 1][0]).toBe(plot.right);
    expect(g.bankrollPath.startsWith('M')).toBe(true);
    expect(g.profitPath.split(' ')).toHaveLength(coords.length);
  });

  it('positions downsampled points by their date, not their index', () => {
    const points: ChartPoint[] = [
      { day: '2025-01-01', bankroll: '0', profit: '0' },
      { day: '2025-01-02', bankroll: '0', profit: '0' },
      { day: '2025-01-11', bankroll: '0', profit: '0' },
    ];
    const xs = chartGeometry(points).bankrollPath.split(' ').map((c) => Number(c.slice(1).split(',')[0]));
    const width = plot.right - plot.left;
    expect(xs[1] - xs[0]).toBeCloseTo(width / 10, 0);
  });

  it('keeps zero on the value axis so a negative profit shows below it', () => {
    const g = chartGeometry([
      { day: '2025-01-01', bankroll: '800.00', profit: '-200.00' },
      { day: '2025-01-02', bankroll: '1000.00', profit: '300.00' },
    ]);
    expect(g.yTicks[0].value).toBeLessThanOrEqual(-200);
    expect(g.yTicks[g.yTicks.length - 1].value).toBeGreaterThanOrEqual(1000);
    expect(g.zeroY).toBeGreaterThan(plot.top);
    expect(g.zeroY).toBeLessThan(plot.bottom);
    // Higher values are higher on screen (smaller y).
    const ys = g.yTicks.map((t) => t.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
    expect(g.yTicks[0].y).toBe(plot.bottom);
    expect(g.yTicks[g.yTicks.length - 1].y).toBe(plot.top);
  });

  it('draws a single day in the middle', () => {
    const g = chartGeometry([{ day: '2025-01-01', bankroll: '10.00', profit: '0.00' }]);
    expect(g.spanDays).toBe(0);
    expect(g.bankrollPath).toBe(`M${(plot.left + plot.right) / 2},${g.bankrollPath.split(',')[1]}`);
    expect(g.xTicks).toEqual([{ day: '2025-01-01', x: (plot.left + plot.right) / 2 }]);
  });

  it('stays inside the canvas for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }), { minLength: 1, maxLength: 60 }), (values) => {
        const points = values.map((v, i) => ({ day: addDays('2025-01-01', i), bankroll: (v / 100).toFixed(2), profit: (-v / 200).toFixed(2) }));
        const g = chartGeometry(points);
        for (const p of [g.bankrollPath, g.profitPath]) {
          for (const [x, y] of p.split(' ').map((c) => c.slice(1).split(',').map(Number))) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(DEFAULT_LAYOUT.width);
            expect(y).toBeGreaterThanOrEqual(plot.top - 0.1);
            expect(y).toBeLessThanOrEqual(plot.bottom + 0.1);
          }
        }
      }),
    );
  });

  it('refuses an empty series', () => {
    expect(() => chartGeometry([])).toThrow(RangeError);
  });
});

describe('labels and the text alternative', () => {
  it('formats date ticks by span and amount ticks compactly', () => {
    expect(formatDayTick('2025-03-14', 400)).toBe('Mar 2025');
    expect(formatDayTick('2025-03-14', 30)).toBe('Mar 14');
    expect(formatAmountTick(2500, 'USD')).toBe('$2,500');
    expect(formatAmountTick(-5000, 'EUR')).toBe('-€5,000');
    expect(formatAmountTick(12_500, 'USD')).toBe('$12.5K');
  });

  it('lists the first day, each month end and the last day once', () => {
    const rows = summaryRows(series('2025-01-20', '2025-03-05'));
    expect(rows.map((r) => r.day)).toEqual(['2025-01-20', '2025-01-31', '2025-02-28', '2025-03-05']);
    expect(summaryRows(series('2025-01-31', '2025-01-31')).map((r) => r.day)).toEqual(['2025-01-31']);
  });
});
