import Link from 'next/link';
import { formatSnapshotTime, toDateTimeLocalValue } from '@/lib/holdings/dates';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { formatSnapshotAmount } from './format';
import { loadOwnedSnapshot } from './load';
import { DeleteSnapshotForm, EditSnapshotForm } from './snapshot-forms';

interface SnapshotPageProps {
  kind: HoldingKind;
  id: string;
  snapshotId: string;
}

/** /sites/[id]/snapshots/[snapshotId]/edit: correct a snapshot's amount or time. */
export async function EditSnapshotPage({ kind, id, snapshotId }: SnapshotPageProps) {
  const { holding, snapshot } = await loadOwnedSnapshot(kind, id, snapshotId);
  const back = holdingPath(kind, holding.id);
  return (
    <>
      <p>
        <Link href={back}>← {holding.name}</Link>
      </p>
      <h1>Edit snapshot</h1>
      <p className="muted">
        {holding.name}: {formatSnapshotAmount(snapshot)} on {formatSnapshotTime(snapshot.recordedAt)}.
      </p>
      <div className="card" style={{ maxWidth: '32rem' }}>
        <EditSnapshotForm
          kind={kind}
          holdingId={holding.id}
          snapshotId={snapshot.id}
          amount={snapshot.amount}
          currency={snapshot.currency}
          recordedAt={toDateTimeLocalValue(snapshot.recordedAt)}
        />
      </div>
      <p>
        <Link href={back}>Cancel</Link>
      </p>
    </>
  );
}

/** /sites/[id]/snapshots/[snapshotId]/delete: the confirmation step (or why it is not possible). */
export async function DeleteSnapshotPage({ kind, id, snapshotId }: SnapshotPageProps) {
  const { holding, snapshot, snapshotCount } = await loadOwnedSnapshot(kind, id, snapshotId);
  const back = holdingPath(kind, holding.id);
  const description = `${formatSnapshotAmount(snapshot)} on ${formatSnapshotTime(snapshot.recordedAt)}`;
  return (
    <>
      <p>
        <Link href={back}>← {holding.name}</Link>
      </p>
      <h1>Delete snapshot</h1>
      {snapshotCount <= 1 ? (
        <div className="card" role="note">
          <p>
            The snapshot {description} is the only one {holding.name} has, so it cannot be deleted: every {HOLDING_KINDS[kind].singular} needs a
            current balance.
          </p>
          <p>Edit this snapshot or update the balance instead, or delete the whole {HOLDING_KINDS[kind].singular}.</p>
          <p className="actions">
            <Link className="btn" href={back}>
              Back to {holding.name}
            </Link>
          </p>
        </div>
      ) : (
        <div className="card">
          <p>
            Delete the snapshot {description} from {holding.name}? This cannot be undone.
          </p>
          <DeleteSnapshotForm kind={kind} holdingId={holding.id} snapshotId={snapshot.id} />
          <p>
            <Link href={back}>Cancel</Link>
          </p>
        </div>
      )}
    </>
  );
}
