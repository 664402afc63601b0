import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { HOLDING_KINDS, type HoldingKind } from '@/lib/holdings/kinds';
import { AddHoldingForm } from './add-holding-form';

/** /sites/new and /assets/new. */
export async function NewHoldingPage({ kind }: { kind: HoldingKind }) {
  const user = await requireUser();
  const profile = await getProfile(user.id);
  const info = HOLDING_KINDS[kind];
  return (
    <>
      <p>
        <Link href={info.basePath}>← {info.plural}</Link>
      </p>
      <h1>Add {info.indefinite}</h1>
      <p className="muted">Enter its balance today; you can update it whenever it changes and see its history.</p>
      <div className="card" style={{ maxWidth: '32rem' }}>
        <AddHoldingForm kind={kind} displayCurrency={profile.displayCurrency} />
      </div>
    </>
  );
}
