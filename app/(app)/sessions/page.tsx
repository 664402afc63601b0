import { DataTable } from '@/app/ui/data-table';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { formatMoney } from '@/lib/domain/money';
import Decimal from 'decimal.js';
import { firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { listSessions, sessionStats } from '@/lib/sessions/reads';
import { GAME_LABELS, KIND_LABELS, formatDuration, matchesFilter, sessionResult, stakesLabel, venueKey, venueLabel } from '@/lib/sessions/rules';
import { filterQuery, parseSessionFilter } from '@/lib/sessions/schemas';
import { SessionFilterForm } from './filter-form';
import { filterChoices, loadPlaces } from './places';
import { formatResult, formatWhen, playedMinutes, resultClass } from './values';

export const metadata: Metadata = { title: 'Sessions' };

const DONE: Record<string, string> = { deleted: 'Session deleted.' };
const PAGE_SIZE = 100;

export default async function SessionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [params, profile, all, places] = await Promise.all([searchParams, getProfile(user.id), listSessions(user.id), loadPlaces(user.id)]);
  const cur = profile.displayCurrency;
  const { filter, problems } = parseSessionFilter(params);
  const filtered = Object.keys(filter).length > 0;
  const shown = all.filter((s) => matchesFilter(s, filter));
  const stats = await sessionStats(user.id, cur, filter);
  const done = DONE[firstParam(params.done) ?? ''];
  const choices = filterChoices(all, places);

  return (
    <>
      <h1>Sessions</h1>
      <p className="lead">Every cash game and tournament you play: where, what, how long and the result.</p>
      {done && (
        <p className="form-message ok" role="status">
          {done}
        </p>
      )}
      <p className="actions">
        <Link className="btn btn-primary" href="/sessions/live">
          Start a live session
        </Link>
        <Link className="btn" href="/sessions/new">
          Log a session
        </Link>
        <Link className="btn" href={`/sessions/stats${filterQuery(filter)}`}>
          Statistics
        </Link>
        <Link className="btn" href="/sessions/import">
          Import from another tracker
        </Link>
      </p>
      {all.length === 0 ? (
        <div className="empty">
          <h2>No sessions yet</h2>
          <p>Start the live timer when you sit down, or log a session you played, to see your win rate and hourly.</p>
        </div>
      ) : (
        <>
          <SessionFilterForm action="/sessions" filter={filter} filtered={filtered} {...choices} />
          {problems.map((p) => (
            <p key={p} className="form-message error" role="alert">
              {p}
            </p>
          ))}
          <section className="grid" aria-label={filtered ? 'Totals of the filtered sessions' : 'Totals'}>
            <div className="card">
              <p className="stat-label">Profit</p>
              <p className={`stat ${resultClass(stats.overall.profit) ?? ''}`} data-testid="sessions-profit">
                {formatMoney(new Decimal(stats.overall.profit), cur)}
              </p>
            </div>
            <div className="card">
              <p className="stat-label">Hours</p>
              <p className="stat" data-testid="sessions-hours">
                {formatDuration(stats.overall.minutes)}
              </p>
            </div>
            <div className="card">
              <p className="stat-label">Per hour</p>
              <p className="stat" data-testid="sessions-hourly">
                {stats.overall.hourly === null ? '—' : formatMoney(new Decimal(stats.overall.hourly), cur)}
              </p>
            </div>
          </section>
          <h2>
            {shown.length} {shown.length === 1 ? 'session' : 'sessions'}
          </h2>
          {shown.length === 0 ? (
            <p className="empty">No sessions match this filter.</p>
          ) : (
            <DataTable
              testId="sessions-table"
              caption={
                <>
                  Newest first{shown.length > PAGE_SIZE ? ` (the latest ${PAGE_SIZE}; narrow the filter to see older ones)` : ''}; results in the session&apos;s currency, totals in {cur} at
                  each day&apos;s rates
                </>
              }
              rows={shown.slice(0, PAGE_SIZE)}
              rowKey={(s) => s.id}
              columns={[
                { header: 'Start', cell: (s) => <Link href={`/sessions/${encodeURIComponent(s.id)}`}>{formatWhen(s.startedAt)}</Link> },
                {
                  header: 'Game',
                  cell: (s) => {
                    const stakes = stakesLabel(s);
                    return `${KIND_LABELS[s.kind]} · ${GAME_LABELS[s.game]}${stakes ? ` · ${stakes}` : ''}`;
                  },
                },
                { header: 'Where', cell: (s) => venueLabel(venueKey(s), places) },
                { header: 'Time', num: true, cell: (s) => (s.endedAt ? formatDuration(playedMinutes(s)) : 'Running') },
                {
                  header: 'Result',
                  num: true,
                  cellClass: (s) => resultClass(sessionResult(s)?.toString() ?? null) ?? undefined,
                  cell: (s) => {
                    const result = sessionResult(s);
                    return result === null ? '—' : formatResult(result, s.currency);
                  },
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
