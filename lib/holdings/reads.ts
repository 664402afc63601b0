import 'server-only';
import { db } from '@/lib/db/client';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { queryHoldingBalances, snapshotSelect, toSnapshotDto, type HoldingDto, type SnapshotDto } from '@/lib/bankroll/balances';

// Writes (and the invalidation each returns) live in lib/holdings/writes.ts.

export type { HoldingKind };
export type { HoldingDto, SnapshotDto };

/** A snapshot in a holding's history: with the play session whose result it recorded, if any. */
export interface HistorySnapshotDto extends SnapshotDto {
  sessionId: string | null;
}

/** All of a user's sites and assets in display order, with their two newest snapshots. */
export const listHoldings = defineUserRead({
  name: 'holdings',
  tags: (userId: string) => [tags.holdings(userId)],
  load: async (userId: string) => queryHoldingBalances(await db(), userId),
});

/** One holding if (and only if) it belongs to the user. */
export async function findHolding(userId: string, holdingId: string, kind?: HoldingKind): Promise<HoldingDto | null> {
  const all = await listHoldings(userId);
  return all.find((h) => h.id === holdingId && (!kind || h.kind === kind)) ?? null;
}

export type HistoryFilter = {
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
};

/** A holding's snapshots, newest first, optionally limited to a date range. Empty unless the holding is the user's. */
export const holdingHistory = defineUserRead({
  name: 'holding-history',
  tags: (_userId: string, holdingId: string) => [tags.holding(holdingId)],
  load: async (userId: string, holdingId: string, filter: HistoryFilter = {}): Promise<HistorySnapshotDto[]> => {
    const prisma = await db();
    const rows = await prisma.balanceSnapshot.findMany({
      where: {
        holdingId,
        holding: { userId },
        recordedAt: {
          ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
          ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
        },
      },
      orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
      select: { ...snapshotSelect, playSession: { select: { id: true } } },
    });
    return rows.map((row) => ({ ...toSnapshotDto(row), sessionId: row.playSession?.id ?? null }));
  },
});
