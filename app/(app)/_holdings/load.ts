import 'server-only';
import { notFound } from 'next/navigation';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { findHolding, holdingHistory, type HoldingDto, type SnapshotDto } from '@/lib/holdings/reads';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { idSchema } from '@/lib/fields/form-fields';

/**
 * The signed-in user's holding of this kind, or the 404 page: another user's
 * id and an asset id under /sites look exactly like an id that never existed.
 */
export async function loadOwnedHolding(kind: HoldingKind, id: string): Promise<{ user: SessionUser; holding: HoldingDto }> {
  const user = await requireUser();
  if (!idSchema.safeParse(id).success) notFound();
  const holding = await findHolding(user.id, id, kind);
  if (!holding) notFound();
  return { user, holding };
}

/** One snapshot of an owned holding, plus how many the holding has (the last one cannot be deleted). */
export async function loadOwnedSnapshot(
  kind: HoldingKind,
  id: string,
  snapshotId: string,
): Promise<{ user: SessionUser; holding: HoldingDto; snapshot: SnapshotDto; snapshotCount: number }> {
  const { user, holding } = await loadOwnedHolding(kind, id);
  // The history read is keyed by holding id, so it is only reached after the ownership check above.
  const history = await holdingHistory(user.id, holding.id);
  const snapshot = history.find((s) => s.id === snapshotId);
  if (!snapshot) notFound();
  return { user, holding, snapshot, snapshotCount: history.length };
}
