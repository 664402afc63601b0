import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { formatMoney } from '@/lib/domain/money';
import { firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { findSession } from '@/lib/sessions/reads';
import { GAME_LABELS, KIND_LABELS, formatDuration, sessionResult, stakesLabel, totalBuyIn, venueKey, venueLabel } from '@/lib/sessions/rules';
import { balanceHoldingOf, loadPlaces } from '../places';
import { formatResult, formatWhen, playedMinutes, resultClass } from '../values';

export const metadata: Metadata = { title: 'Session' };

const DONE: Record<string, string> = { logged: 'Session saved.', updated: 'Changes saved.', ended: 'Session ended and saved.' };

export default async function SessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [session, places] = await Promise.all([findSession(user.id, id), loadPlaces(user.id)]);
  if (!session) notFound();
  const result = sessionResult(session);
  const money = (v: string | Decimal) => formatMoney(new Decimal(v), session.currency);
  const done = DONE[firstParam(query.done) ?? ''];
  const where = venueLabel(venueKey(session), places);
  const balance = balanceHoldingOf(session, places);
  const rows: [string, React.ReactNode][] = [
    ['Type', `${KIND_LABELS[session.kind]} · ${GAME_LABELS[session.game]}`],
    ['Where', session.siteId ? `${where} (online)` : `${where} (live)`],
    ...(session.kind === 'CASH' ? [['Stakes', stakesLabel(session) ?? '—'] as [string, string]] : []),
    ['Start', formatWhen(session.startedAt)],
    ['End', session.endedAt ? formatWhen(session.endedAt) : 'Running'],
    ['Time played', formatDuration(playedMinutes(session)) + (session.breakMinutes ? ` (after ${session.breakMinutes} min of breaks)` : '')],
    ...(session.kind === 'TOURNAMENT'
      ? ([
          ['Buy-in + fee', `${money(session.buyIn)} + ${money(session.fee)}${session.reEntries ? ` × ${session.reEntries + 1} entries` : ''}`],
          ['Place', session.place === null ? '—' : `${session.place}${session.fieldSize ? ` of ${session.fieldSize}` : ''}`],
        ] as [string, string][])
      : ([['Buy-in', money(session.buyIn)]] as [string, string][])),
    ['Rebuys and add-ons', money(session.rebuys)],
    ['Total buy-in', money(totalBuyIn(session))],
    ['Cash-out', session.cashOut === null ? '—' : money(session.cashOut)],
    ['Expenses and tips', money(session.expenses)],
    ['Hands', session.hands === null ? '—' : session.hands.toLocaleString('en-US')],
    ['Tags', session.tags.length ? session.tags.join(', ') : '—'],
    ['Notes', session.notes ?? '—'],
  ];
  return (
    <>
      <p>
        <Link href="/sessions">← Sessions</Link>
      </p>
      <h1>
        {KIND_LABELS[session.kind]} at {where}
      </h1>
      {done && (
        <p className="form-message ok" role="status">
          {done}
        </p>
      )}
      <p className={`stat ${resultClass(result?.toString() ?? null) ?? ''}`} data-testid="session-result">
        {result === null ? 'Running' : formatResult(result, session.currency)}
      </p>
      {balance && (
        <p className="muted" data-testid="session-balance-note">
          Ending this session updated the balance of the {balance.word} <Link href={balance.href}>{balance.name}</Link>.
        </p>
      )}
      <div className="table-wrap" style={{ maxWidth: '40rem' }}>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="actions" style={{ marginTop: '1rem' }}>
        {session.endedAt ? (
          <Link className="btn" href={`/sessions/${encodeURIComponent(session.id)}/edit`}>
            Edit
          </Link>
        ) : (
          <Link className="btn btn-primary" href="/sessions/live">
            Open the live timer
          </Link>
        )}
        <Link className="btn" href={`/sessions/${encodeURIComponent(session.id)}/delete`}>
          Delete
        </Link>
      </p>
    </>
  );
}
