import { DataTable } from '@/app/ui/data-table';
import Decimal from 'decimal.js';
import { formatMoney } from '@/lib/domain/money';
import {
  DEFAULT_LAYOUT,
  chartGeometry,
  formatAmountTick,
  formatDayLong,
  summaryRows,
  type ChartPoint,
  type XAxis,
} from '@/lib/bankroll/chart-series';

// Server-rendered SVG line chart of bankroll and profit: no client JS. The SVG
// is one image for assistive technology (title + desc); the same numbers are
// available as text below it (summary sentence and a data table).

const SERIES = [
  { key: 'bankroll', label: 'Bankroll', color: 'var(--chart-bankroll)', dash: undefined },
  // Dashed as well as a different colour, so the lines differ without colour vision.
  { key: 'profit', label: 'Profit', color: 'var(--chart-profit)', dash: '7 5' },
] as const;

interface Props<P extends ChartPoint> {
  points: readonly P[];
  /** Rows of the data table; by default derived from `points`. */
  tableRows?: readonly P[];
  /**
   * Another x axis than the date (hours played). The table then leads with the same value, so
   * the text alternative reads along the axis the chart is drawn on, and gives the date next.
   */
  xAxis?: XAxis & { tableCell: (point: P) => string; tableCaption: string };
  /** Replaces the summary sentence (which describes a date axis). */
  summary?: string;
  currency: string;
  /** Unique per page: ids of the title, description and caption derive from it. */
  id?: string;
  heading?: string;
  /** 'profit': one line (cumulative session profit), with its own summary and table. */
  lines?: 'both' | 'profit';
  /** What the summary and table call the profit line (with lines = 'profit'). */
  profitLabel?: string;
}

export function BankrollChart<P extends ChartPoint>({
  points,
  tableRows,
  xAxis,
  summary: givenSummary,
  currency,
  id = 'bankroll-chart',
  heading = 'Bankroll and profit over time',
  lines = 'both',
  profitLabel = 'Profit',
}: Props<P>) {
  if (points.length === 0) return null;
  const series = lines === 'both' ? SERIES : SERIES.filter((s) => s.key === 'profit').map((s) => ({ ...s, label: profitLabel }));
  const g = chartGeometry(points, DEFAULT_LAYOUT, xAxis);
  const first = points[0];
  const last = points[points.length - 1];
  const money = (amount: string) => formatMoney(new Decimal(amount), currency);
  const change = new Decimal(last.bankroll).minus(first.bankroll);
  const summary = givenSummary ?? (lines === 'profit' ? `${profitLabel} in ${currency} from ${formatDayLong(first.day)} to ${formatDayLong(last.day)}: ${money(last.profit)} on ${formatDayLong(last.day)}.` :
    `Daily values in ${currency} from ${formatDayLong(first.day)} to ${formatDayLong(last.day)}. ` +
    `On ${formatDayLong(last.day)} the bankroll was ${money(last.bankroll)} and the profit ${money(last.profit)}; ` +
    `the bankroll ${change.isNegative() ? 'fell' : 'grew'} by ${money(change.abs().toFixed(2))} over the period.`);
  const { width, height } = DEFAULT_LAYOUT;
  const { plot } = g;

  return (
    <figure className="chart card" aria-labelledby={`${id}-heading`} style={{ margin: '1rem 0' }}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul aria-label="Legend" style={{ display: 'flex', gap: '1.25rem', listStyle: 'none', padding: 0, margin: '0 0 .5rem' }}>
        {series.map((s) => (
          <li key={s.key} style={{ display: 'flex', alignItems: 'center', gap: '.4rem' }}>
            <svg width="28" height="10" aria-hidden="true" focusable="false" style={{ width: 28, height: 10, flex: 'none' }}>
              <line x1="0" y1="5" x2="28" y2="5" style={{ stroke: s.color }} strokeWidth="3" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {/* Below ~560px the labels would shrink unreadably: scroll sideways instead. */}
      <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label="Chart (scrolls sideways on small screens)">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} data-testid="bankroll-chart" style={{ minWidth: 560 }}>
          <title id={`${id}-title`}>{`${heading} (${currency})`}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          <g fontSize="12" style={{ fill: 'var(--muted)' }}>
            {g.yTicks.map((t) => (
              <g key={`y${t.value}`}>
                <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} style={{ stroke: 'var(--grid)' }} />
                <text x={plot.left - 8} y={t.y} dy="0.32em" textAnchor="end">
                  {formatAmountTick(t.value, currency)}
                </text>
              </g>
            ))}
            {g.axisTicks.map((t, i) => (
              <g key={`x${t.x}`}>
                <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + 5} style={{ stroke: 'var(--axis)' }} />
                <text
                  x={t.x}
                  y={plot.bottom + 20}
                  textAnchor={g.axisTicks.length > 1 && i === 0 ? 'start' : g.axisTicks.length > 1 && i === g.axisTicks.length - 1 ? 'end' : 'middle'}
                >
                  {t.label}
                </text>
              </g>
            ))}
            <text x={plot.left} y={height - 4} fontSize="11">
              {g.axisTitle}
            </text>
            <text x={12} y={plot.top + (plot.bottom - plot.top) / 2} fontSize="11" textAnchor="middle" transform={`rotate(-90 12 ${plot.top + (plot.bottom - plot.top) / 2})`}>
              {`Amount (${currency})`}
            </text>
          </g>
          <line x1={plot.left} x2={plot.right} y1={g.zeroY} y2={g.zeroY} style={{ stroke: 'var(--axis)' }} strokeWidth="1" />
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} style={{ stroke: 'var(--axis)' }} strokeWidth="1" />
          {series.map((s) => (
            <path
              key={s.key}
              d={s.key === 'bankroll' ? g.bankrollPath : g.profitPath}
              fill="none"
              style={{ stroke: s.color }}
              strokeWidth="2.5"
              strokeDasharray={s.dash}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ))}
        </svg>
      </div>
      <p className="muted" data-testid="chart-summary">
        {summary}
      </p>
      <details>
        <summary>Show the chart data as a table</summary>
        <DataTable
          caption={`${
            xAxis
              ? xAxis.tableCaption
              : lines === 'both'
                ? 'Bankroll and profit at the end of each month and today'
                : `${profitLabel} at the end of each month and on the last day`
          }, in ${currency}`}
          rows={tableRows ?? summaryRows(points)}
          rowKey={(p) => p.day}
          columns={[
            ...(xAxis ? [{ header: xAxis.title, rowHeader: true, cell: xAxis.tableCell }] : []),
            { header: 'Date', rowHeader: !xAxis, cell: (p: P) => formatDayLong(p.day) },
            ...(lines === 'both' ? [{ header: 'Bankroll', num: true, cell: (p: P) => money(p.bankroll) }] : []),
            { header: lines === 'both' ? 'Profit' : profitLabel, num: true, cell: (p) => money(p.profit) },
          ]}
        />
      </details>
    </figure>
  );
}
