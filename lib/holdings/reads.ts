import 'server-only';
import { db } from '@/lib/db/client';
import { cachedRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';
import type { HoldingKind } from '@/lib/holdings/kinds';

// Writes live in lib/holdings/writes.ts; the tags they expire in
// lib/holdings/tags.ts.

export type { HoldingKind };

/** JSON-safe: amounts are decimal strings, times ISO strings (see cachedRead). */
export interface SnapshotDto {
  id: string;
  amount: string;
  currency: string;
  recordedAt: string;
}

export interface HoldingDto {
  id: string;
  kind: HoldingKind;
  name: string;
  assetType: string | null;
  currency: string;
  position: number;
  current: SnapshotDto | null;
  previous: SnapshotDto | null;
}

type SnapshotRow = { id: string; amount: { toString(): string }; currency: string; recordedAt: Date };
export const toSnapshotDto = (s: SnapshotRow): SnapshotDto => ({
  id: s.id,
  amount: s.amount.toString(),
  currency: s.currency,
  recordedAt: s.recordedAt.toISOString(),
});

const snapshotSelect = { id: true, amount: true, currency: true, recordedAt: true } as const;

/** All of a user's sites and assets in display order, with their two newest snapshots. */
export function listHoldings(userId: string): Promise<HoldingDto[]> {
  return cachedRead(['holdings', userId], [tags.holdings(userId)], async () => {
    const prisma = await db();
    const rows = await prisma.holding.findMany({
      where: { userId },
      orderBy: [{ kind: 'asc' }, { position: 'asc' }, { createdAt: 'asc' }],
      include: { snapshots: { orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }], take: 2, select: snapshotSelect } },
    });
    return rows.map((h) => ({
      id: h.id,
      kind: h.kind,
      name: h.name,
      assetType: h.assetType,
      currency: h.currency,
      position: h.position,
      current: h.snapshots[0] ? toSnapshotDto(h.snapshots[0]) : null,
      previous: h.snapshots[1] ? toSnapshotDto(h.snapshots[1]) : null,
    }));
  });
}

/** One holding if (and only if) it belongs to the user. */
export async function findHolding(userId: string, holdingId: string, kind?: HoldingKind): Promise<HoldingDto | null> {
  const all = await listHoldings(userId);
  return all.find((h) => h.id === holdingId && (!kind || h.kind === kind)) ?? null;
}

export interface HistoryFilter {
  from?: string; // YYYY-MM-DD, inclusive
  to?: string; // YYYY-MM-DD, inclusive
}

/** A holding's snapshots, newest first, optionally limited to a date range. Caller checks ownership. */
export function holdingHistory(holdingId: string, filter: HistoryFilter = {}): Promise<SnapshotDto[]> {
  return cachedRead(['holding-history', holdingId, filter.from ?? '', filter.to ?? ''], [tags.holding(holdingId)], async () => {
    const prisma = await db();
    const rows = await prisma.balanceSnapshot.findMany({
      where: {
        holdingId,
        recordedAt: {
          ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
          ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
        },
      },
      orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
      select: snapshotSelect,
    });
    return rows.map(toSnapshotDto);
  });
}

export interface ChartSnapshotDto {
  holdingId: string;
  amount: string;
  currency: string;
  recordedAt: string;
}

/** Every snapshot of every holding of the user, oldest first (dashboard chart). */
export function userSnapshots(userId: string): Promise<ChartSnapshotDto[]> {
  return cachedRead(['user-snapshots', userId], [tags.snapshots(userId)], async () => {
    const prisma = await db();
    const rows = await prisma.balanceSnapshot.findMany({
      where: { holding: { userId } },
      orderBy: { recordedAt: 'asc' },
      select: { holdingId: true, amount: true, currency: true, recordedAt: true },
    });
    return rows.map((r) => ({ holdingId: r.holdingId, amount: r.amount.toString(), currency: r.currency, recordedAt: r.recordedAt.toISOString() }));
  });
}
