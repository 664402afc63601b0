import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { HoldingKind } from '@/lib/generated/prisma/enums';
import { newestRateRows, ratesFrom } from '@/lib/rates/reads';
import type { BankrollInputs, TransferSum } from '@/lib/bankroll/summary';

// The queries every bankroll total is computed from. They take a client so the same query
// serves the cached reads (the app's client) and the writes' decisions inside their own
// transaction (goal completion, achievements), which must see the row just written.

type Client = Pick<Prisma.TransactionClient, 'holding' | 'transfer' | 'exchangeRate'>;

/** JSON-safe: amounts are decimal strings, times ISO strings (see defineRead). */
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

export const snapshotSelect = { id: true, amount: true, currency: true, recordedAt: true } as const;

/** All of a user's sites and assets in display order, with their two newest snapshots. */
export async function queryHoldingBalances(client: Pick<Client, 'holding'>, userId: string): Promise<HoldingDto[]> {
  const rows = await client.holding.findMany({
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
}

/** Deposits and withdrawals summed per type and currency (the database adds exactly). */
export async function queryTransferSums(client: Pick<Client, 'transfer'>, userId: string): Promise<TransferSum[]> {
  const groups = await client.transfer.groupBy({ by: ['type', 'currency'], where: { userId }, _sum: { amount: true } });
  return groups.flatMap((g) => (g._sum.amount === null ? [] : [{ type: g.type, currency: g.currency, amount: g._sum.amount.toString() }]));
}

/** Everything the bankroll summary needs, in one round of parallel queries. */
export async function loadBankrollInputs(client: Client, userId: string): Promise<BankrollInputs> {
  const [holdings, transferSums, rateRows] = await Promise.all([
    queryHoldingBalances(client, userId),
    queryTransferSums(client, userId),
    newestRateRows(client),
  ]);
  return { holdings, transferSums, rates: ratesFrom(rateRows) };
}
