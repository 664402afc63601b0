// The cache tags each site/asset write changes (lib/data-cache/tags.ts). The server
// actions expire exactly these, and tests/unit/holdings checks them against
// the reads in lib/holdings/reads.ts:
//   listHoldings   -> holdings(user)   names, order, current/previous balance
//   holdingHistory -> holding(id)      one holding's snapshots
//   userSnapshots  -> snapshots(user)  every snapshot (dashboard chart)
// `progress` is what recordMoneyAction/syncAchievements returned (profile, achievements).

import { tags } from '@/lib/data-cache/tags';

/** Any snapshot added, edited or removed: balances, that history and the charts. */
const snapshotWrite = (userId: string, holdingId: string, progress: readonly string[]) => [
  tags.holdings(userId),
  tags.holding(holdingId),
  tags.snapshots(userId),
  ...progress,
];

export const holdingMutationTags = {
  /** The new holding's history cannot have been cached yet (fresh id), so holding(id) is not needed. */
  create: (userId: string, progress: readonly string[] = []) => [tags.holdings(userId), tags.snapshots(userId), ...progress],
  updateBalance: (userId: string, holdingId: string, progress: readonly string[] = []) => snapshotWrite(userId, holdingId, progress),
  editSnapshot: (userId: string, holdingId: string, progress: readonly string[] = []) => snapshotWrite(userId, holdingId, progress),
  deleteSnapshot: (userId: string, holdingId: string, progress: readonly string[] = []) => snapshotWrite(userId, holdingId, progress),
  /** The history page reads the name through listHoldings, not holdingHistory. */
  rename: (userId: string) => [tags.holdings(userId)],
  reorder: (userId: string) => [tags.holdings(userId)],
  deleteHolding: (userId: string, holdingId: string) => [tags.holdings(userId), tags.holding(holdingId), tags.snapshots(userId)],
} as const;

export type HoldingMutation = keyof typeof holdingMutationTags;
