import type { HoldingKind } from '@/lib/holdings/kinds';

/** Which holding (and snapshot) a form acts on. The server re-checks all of it against the signed-in user. */
export function HiddenRef({ kind, holdingId, snapshotId }: { kind: HoldingKind; holdingId?: string; snapshotId?: string }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      {holdingId && <input type="hidden" name="holdingId" value={holdingId} />}
      {snapshotId && <input type="hidden" name="snapshotId" value={snapshotId} />}
    </>
  );
}
