import Link from 'next/link';
import { holdingHistory } from '@/lib/holdings/reads';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { DeleteHoldingForm } from './delete-holding-form';
import { loadOwnedHolding } from './load';

/** /sites/[id]/delete: the confirmation step before deleting a holding and its history. */
export async function DeleteHoldingPage({ kind, id }: { kind: HoldingKind; id: string }) {
  const { user, holding } = await loadOwnedHolding(kind, id);
  const history = await holdingHistory(user.id, holding.id);
  const info = HOLDING_KINDS[kind];
  const back = holdingPath(kind, holding.id);
  return (
    <>
      <p>
        <Link href={back}>← {holding.name}</Link>
      </p>
      <h1>Delete {holding.name}</h1>
      <div className="card" style={{ maxWidth: '40rem' }}>
        <p>
          This deletes the {info.singular} {holding.name} and its whole balance history. Your bankroll totals will no longer include it. This
          cannot be undone.
        </p>
        <DeleteHoldingForm kind={kind} holdingId={holding.id} name={holding.name} snapshotCount={history.length} />
        <p>
          <Link href={back}>Cancel</Link>
        </p>
      </div>
    </>
  );
}
