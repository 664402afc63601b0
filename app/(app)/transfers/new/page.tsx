import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { toDayKey } from '@/lib/domain/days';
import { CURRENCY_OPTIONS, firstParam, type SearchParams } from '@/lib/fields/form-fields';
import { createTransferAction } from '../actions';
import { TransferForm } from '../transfer-form';

export const metadata: Metadata = { title: 'Add a deposit or withdrawal' };

export default async function NewTransferPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [params, profile] = await Promise.all([searchParams, getProfile(user.id)]);
  const today = toDayKey(new Date());
  const type = firstParam(params.type) === 'WITHDRAWAL' ? 'WITHDRAWAL' : 'DEPOSIT';
  return (
    <>
      <p>
        <Link href="/transfers">← Deposits &amp; withdrawals</Link>
      </p>
      <h1>Add a {type === 'DEPOSIT' ? 'deposit' : 'withdrawal'}</h1>
      <TransferForm
        action={createTransferAction}
        values={{ type, date: today, amount: '', currency: profile.displayCurrency, note: '' }}
        currencies={CURRENCY_OPTIONS}
        today={today}
        submitLabel="Save"
      />
    </>
  );
}
