import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { findSession } from '@/lib/sessions/reads';
import { updateSessionAction } from '../../actions';
import { SessionForm } from '../../session-form';
import { balanceHoldingOf, loadPlaces, placeOptions } from '../../places';
import { formValuesOf } from '../../values';

export const metadata: Metadata = { title: 'Edit a session' };

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [session, places] = await Promise.all([findSession(user.id, id), loadPlaces(user.id)]);
  // A running session is changed through the live timer, not this form.
  if (!session || !session.endedAt) notFound();
  const balance = balanceHoldingOf(session, places);
  return (
    <>
      <p>
        <Link href={`/sessions/${encodeURIComponent(session.id)}`}>← This session</Link>
      </p>
      <h1>Edit session</h1>
      {balance && (
        <p className="form-message ok" role="note" data-testid="session-balance-note">
          Ending this session updated the balance of the {balance.word} <Link href={balance.href}>{balance.name}</Link>. Editing the session does not change that balance
          snapshot: correct it in its history if needed.
        </p>
      )}
      <SessionForm action={updateSessionAction} id={session.id} values={formValuesOf(session)} places={placeOptions(places)} currencies={CURRENCY_OPTIONS} submitLabel="Save changes" />
    </>
  );
}
