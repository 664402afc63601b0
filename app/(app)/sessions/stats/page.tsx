import { DataTable } from '@/app/ui/data-table';
import type { Metadata } from 'next';
import Link from 'next/link';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { formatMoney } from '@/lib/domain/money';
import type { SearchParams } from '@/lib/fields/form-fields';
import { BankrollChart } from '@/app/ui/chart';
import { sessionFilterOptions, sessionStats } from '@/lib/sessions/reads';
import { formatDuration, venueLabel } from '@/lib/sessions/rules';
import type { BreakdownRow } from '@/lib/sessions/stats';
import { filterQuery, parseSessionFilter } from '@/lib/sessions/schemas';
import { SessionFilterForm } from '../filter-form';
import { filterChoices, loadPlaces } from '../places';
import { resultClass } from '../values';
import { addDays, monthsBefore, toDayKey } from '@/lib/domain/days';
import { formatDayLong } from '@/lib/bankroll/chart-series';
import { AXIS_LABELS, CHART_AXES, axisFields, chartView, formatHours, parseChartAxis, withAxis, type ChartAxis } from '@/lib/sessions/chart-axis';

/** The chart's ranges as "from" days (the rest of the filter kept). */
function ranges(today: string): { label: string; from?: string }[] {
  return [
    { label: '30 days', from: addDays(today, -29) },
    { label: '90 days', from: addDays(today, -89) },
    { label: 'Year to date', from: `${today.slice(0, 4)}-01-01` },
    { label: '12 months', from: monthsBefore(today, 12) },
    { label: 'All', from: undefined },
  ];
}

export const metadata: Metadata = { title: 'Session statistics' };

function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: string | null }) {
  return (
    <div className="card">
      <p className="stat-label">{label}</p>
      <p className={`stat ${resultClass(tone ?? null) ?? ''}`} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

function Breakdown({ title, rows, currency, id }: { title: string; rows: BreakdownRow[]; currency: string; id: string }) {
  if (rows.length === 0) return null;
  const money = (v: string | null) => (v === null ? '—' : formatMoney(new Decimal(v), currency));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <DataTable
        testId={`breakdown-${id}`}
        caption={`${title}, in ${currency}`}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), rowHeader: true, cell: (r) => r.label },
          { header: 'Sessions', num: true, cell: (r) => r.sessions },
          { header: 'Time', num: true, cell: (r) => formatDuration(r.minutes) },
          { header: 'Profit', num: true, cellClass: (r) => resultClass(r.profit) ?? undefined, cell: (r) => money(r.profit) },
          { header: 'Per hour', num: true, cell: (r) => money(r.hourly) },
        ]}
      />
    </section>
  );
}

export default async function SessionStatsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  // No session rows here: the statistics and the filter's options are cached computed views.
  const [params, profile, options, places] = await Promise.all([searchParams, getProfile(user.id), sessionFilterOptions(user.id), loadPlaces(user.id)]);
  const cur = profile.displayCurrency;
  const { filter, problems } = parseSessionFilter(params);
  const axis = parseChartAxis(params);
  const statsHref = (query: string, chosen: ChartAxis) => `/sessions/stats${withAxis(query, chosen)}`;
  const stats = await sessionStats(user.id, cur, filter);
  const chart = chartView(stats.chart.points, stats.chart.table, axis);
  const money = (v: string | null) => (v === null ? '—' : formatMoney(new Decimal(v), cur));
  const pct = (v: string | null) => (v === null ? '—' : `${v}%`);
  const num = (v: string | null, unit: string) => (v === null ? '—' : `${v} ${unit}`);
  const o = stats.overall;
  const venues = stats.breakdowns.venue.map((r) => ({ ...r, label: venueLabel(r.key, places) }));

  return (
    <>
      <p>
        <Link href={`/sessions${filterQuery(filter)}`}>← Sessions</Link>
      </p>
      <h1>Session statistics</h1>
      <p className="lead">Ended sessions only, in {cur}; each session converted at the exchange rates of the day it was played.</p>
      <SessionFilterForm action="/sessions/stats" keep={axisFields(axis)} filter={filter} filtered={Object.keys(filter).length > 0} {...filterChoices(options, places)} />
      {problems.map((p) => (
        <p key={p} className="form-message error" role="alert">
          {p}
        </p>
      ))}
      {o.sessions === 0 ? (
        <p className="empty">No ended sessions {Object.keys(filter).length ? 'match this filter' : 'yet'}.</p>
      ) : (
        <>
          <section className="grid" aria-label="Totals">
            <Stat label="Profit" value={money(o.profit)} testId="stats-profit" tone={o.profit} />
            <Stat label="Sessions" value={String(o.sessions)} testId="stats-sessions" />
            <Stat label="Time played" value={formatDuration(o.minutes)} testId="stats-hours" />
            <Stat label="Per hour" value={money(o.hourly)} testId="stats-hourly" tone={o.hourly} />
            <Stat label="Winning sessions" value={pct(o.winningPercent)} testId="stats-winning" />
            <Stat label="Std dev per hour" value={money(o.stdDevPerHour)} testId="stats-sd" />
            <Stat label="Biggest win" value={o.biggestWin ? money(o.biggestWin.amount) : '—'} testId="stats-biggest-win" tone={o.biggestWin?.amount} />
            <Stat label="Biggest loss" value={o.biggestLoss ? money(o.biggestLoss.amount) : '—'} testId="stats-biggest-loss" tone={o.biggestLoss?.amount} />
          </section>
          {stats.cash.sessions > 0 && (
            <>
              <h2>Cash games</h2>
              <section className="grid" aria-label="Cash games">
                <Stat label="Profit" value={money(stats.cash.profit)} testId="stats-cash-profit" tone={stats.cash.profit} />
                <Stat label="Per hour" value={money(stats.cash.hourly)} testId="stats-cash-hourly" />
                <Stat label="bb/100 hands" value={num(stats.cash.bbPer100, 'bb')} testId="stats-bb100" />
                <Stat label="bb per hour" value={num(stats.cash.bbPerHour, 'bb')} testId="stats-bbhour" />
              </section>
            </>
          )}
          {stats.tournaments.sessions > 0 && (
            <>
              <h2>Tournaments</h2>
              <section className="grid" aria-label="Tournaments">
                <Stat label="Profit" value={money(stats.tournaments.profit)} testId="stats-tour-profit" tone={stats.tournaments.profit} />
                <Stat label="Entries" value={String(stats.tournaments.entries)} testId="stats-entries" />
                <Stat label="ROI" value={pct(stats.tournaments.roi)} testId="stats-roi" />
                <Stat label="In the money" value={pct(stats.tournaments.itmPercent)} testId="stats-itm" />
              </section>
            </>
          )}
          <nav aria-label="Chart range" className="actions" style={{ marginTop: '1rem' }}>
            {ranges(toDayKey(new Date())).map((r) => (
              <Link key={r.label} className="btn btn-small" href={statsHref(filterQuery({ ...filter, from: r.from, to: undefined }), axis)} aria-current={filter.from === r.from && !filter.to ? 'page' : undefined}>
                {r.label}
              </Link>
            ))}
          </nav>
          <nav aria-label="Chart x axis" className="actions" style={{ marginTop: '.5rem' }}>
            <span className="muted">x axis:</span>
            {CHART_AXES.map((a) => (
              <Link key={a} className="btn btn-small" href={statsHref(filterQuery(filter), a)} aria-current={a === axis ? 'page' : undefined} data-testid={`chart-axis-${a}`}>
                {AXIS_LABELS[a]}
              </Link>
            ))}
          </nav>
          {chart.xAxis ? (
            <BankrollChart
              id="session-chart"
              heading="Cumulative session profit by hours played"
              points={stats.chart.points}
              tableRows={chart.rows}
              xAxis={{ ...chart.xAxis, tableCell: (p) => formatHours(p.minutes / 60), tableCaption: 'Cumulative profit by hours played: the first day, the last day before each round number of hours, and the last day' }}
              summary={`Cumulative profit in ${cur} over ${formatHours(stats.chart.points[stats.chart.points.length - 1].minutes / 60)} played, from ${formatDayLong(stats.chart.points[0].day)} to ${formatDayLong(stats.chart.points[stats.chart.points.length - 1].day)}: ${money(stats.chart.points[stats.chart.points.length - 1].profit)}.`}
              currency={cur}
              lines="profit"
              profitLabel="Cumulative profit"
            />
          ) : (
            <BankrollChart id="session-chart" heading="Cumulative session profit" points={stats.chart.points} tableRows={chart.rows} currency={cur} lines="profit" profitLabel="Cumulative profit" />
          )}
          <h2>Breakdowns</h2>
          <Breakdown id="stakes" title="By stakes" rows={stats.breakdowns.stakes} currency={cur} />
          <Breakdown id="game" title="By game" rows={stats.breakdowns.game} currency={cur} />
          <Breakdown id="venue" title="By venue" rows={venues} currency={cur} />
          <Breakdown id="month" title="By month" rows={stats.breakdowns.month} currency={cur} />
          <Breakdown id="weekday" title="By day of the week" rows={stats.breakdowns.weekday} currency={cur} />
        </>
      )}
    </>
  );
}
