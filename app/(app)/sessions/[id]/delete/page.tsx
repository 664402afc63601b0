import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { findSession } from '@/lib/sessions/reads';
import { KIND_LABELS, sessionResult, venueKey, venueLabel } from '@/lib/sessions/rules';
import { deleteSessionAction } from '../../actions';
import { balanceHoldingOf, loadPlaces } from '../../places';
import { formatResult, formatWhen } from '../../values';

export const metadata: Metadata = { title: 'Delete a session' };

/** The confirmation step: this GET only shows; the POST below deletes. */
export default async function DeleteSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [session, places] = await Promise.all([findSession(user.id, id), loadPlaces(user.id)]);
  if (!session) notFound();
  const result = sessionResult(session);
  const balance = balanceHoldingOf(session, places);
  return (
    <>
      <p>
        <Link href={`/sessions/${encodeURIComponent(session.id)}`}>← This session</Link>
      </p>
      <h1>Delete this session?</h1>
      <div className="card" style={{ maxWidth: '32rem' }}>
        <p style={{ marginTop: 0 }}>
          {KIND_LABELS[session.kind]} at {venueLabel(venueKey(session), places)} on {formatWhen(session.startedAt)}
          {result === null ? ' (running)' : `, result ${formatResult(result, session.currency)}`}.
        </p>
        {balance && (
          <p data-testid="session-balance-note">
            The balance snapshot this session added to the {balance.word} <Link href={balance.href}>{balance.name}</Link> stays in its history as a plain balance update (the
            balance it recorded does not change): delete it there if it should go too.
          </p>
        )}
        <p>Your session statistics will be recalculated. This cannot be undone.</p>
        <form action={deleteSessionAction} className="actions">
          <input type="hidden" name="id" value={session.id} />
          <button type="submit" className="btn btn-danger">
            Delete session
          </button>
          <Link className="btn" href={`/sessions/${encodeURIComponent(session.id)}`}>
            Cancel
          </Link>
        </form>
      </div>
    </>
  );
}
