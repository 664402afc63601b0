import 'server-only';
import { db } from '@/lib/db/client';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

export type TransferType = 'DEPOSIT' | 'WITHDRAWAL';

export interface TransferDto {
  id: string;
  type: TransferType;
  amount: string;
  currency: string;
  occurredOn: string; // YYYY-MM-DD
  note: string | null;
}

/** All of a user's deposits and withdrawals, newest first. Lists, totals and charts filter this. */
export const listTransfers = defineUserRead({
  name: 'transfers',
  tags: (userId: string) => [tags.transfers(userId)],
  load: async (userId: string): Promise<TransferDto[]> => {
    const prisma = await db();
    const rows = await prisma.transfer.findMany({
      where: { userId },
      orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, type: true, amount: true, currency: true, occurredOn: true, note: true },
    });
    return rows.map((t) => ({
      id: t.id,
      type: t.type,
      amount: t.amount.toString(),
      currency: t.currency,
      occurredOn: t.occurredOn.toISOString().slice(0, 10),
      note: t.note,
    }));
  },
});

export function filterTransfers(list: TransferDto[], filter: { type?: TransferType; from?: string; to?: string }): TransferDto[] {
  return list.filter(
    (t) =>
      (!filter.type || t.type === filter.type) &&
      (!filter.from || t.occurredOn >= filter.from) &&
      (!filter.to || t.occurredOn <= filter.to),
  );
}

/** One transfer if (and only if) it belongs to the user. */
export async function findTransfer(userId: string, transferId: string): Promise<TransferDto | null> {
  return (await listTransfers(userId)).find((t) => t.id === transferId) ?? null;
}
