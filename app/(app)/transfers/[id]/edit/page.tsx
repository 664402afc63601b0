import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { findTransfer } from '@/lib/transfers/reads';
import { toDayKey } from '@/lib/domain/days';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { updateTransferAction } from '../../actions';
import { TransferForm } from '../../transfer-form';

export const metadata: Metadata = { title: 'Edit a deposit or withdrawal' };

export default async function EditTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const transfer = await findTransfer(user.id, id);
  if (!transfer) notFound();
  return (
    <>
      <p>
        <Link href="/transfers">← Deposits &amp; withdrawals</Link>
      </p>
      <h1>Edit {transfer.type === 'DEPOSIT' ? 'deposit' : 'withdrawal'}</h1>
      <TransferForm
        action={updateTransferAction}
        id={transfer.id}
        values={{ type: transfer.type, date: transfer.occurredOn, amount: transfer.amount, currency: transfer.currency, note: transfer.note ?? '' }}
        currencies={CURRENCY_OPTIONS}
        today={toDayKey(new Date())}
        submitLabel="Save changes"
      />
      <p>
        <Link href={`/transfers/${encodeURIComponent(transfer.id)}/delete`}>Delete this {transfer.type === 'DEPOSIT' ? 'deposit' : 'withdrawal'}…</Link>
      </p>
    </>
  );
}
