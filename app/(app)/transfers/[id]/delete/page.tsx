import type { Metadata } from 'next';
import Link from 'next/link';
import Decimal from 'decimal.js';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { findTransfer } from '@/lib/transfers/reads';
import { formatMoney } from '@/lib/domain/money';
import { formatDayLong } from '@/lib/bankroll/chart-series';
import { TRANSFER_TYPE_LABELS } from '@/lib/transfers/schemas';
import { deleteTransferAction } from '../../actions';

export const metadata: Metadata = { title: 'Delete a deposit or withdrawal' };

/** The confirmation step: this GET only shows; the POST below deletes. */
export default async function DeleteTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const transfer = await findTransfer(user.id, id);
  if (!transfer) notFound();
  const kind = TRANSFER_TYPE_LABELS[transfer.type].toLowerCase();
  return (
    <>
      <p>
        <Link href="/transfers">← Deposits &amp; withdrawals</Link>
      </p>
      <h1>Delete this {kind}?</h1>
      <div className="card" style={{ maxWidth: '32rem' }}>
        <p style={{ marginTop: 0 }}>
          {TRANSFER_TYPE_LABELS[transfer.type]} of <strong>{formatMoney(new Decimal(transfer.amount), transfer.currency)}</strong> on{' '}
          {formatDayLong(transfer.occurredOn)}
          {transfer.note ? ` (${transfer.note})` : ''}.
        </p>
        <p>Your totals and profit will be recalculated. This cannot be undone.</p>
        <form action={deleteTransferAction} className="actions">
          <input type="hidden" name="id" value={transfer.id} />
          <button type="submit" className="btn btn-danger">
            Delete {kind}
          </button>
          <Link className="btn" href="/transfers">
            Cancel
          </Link>
        </form>
      </div>
    </>
  );
}
