// Every write to deposits and withdrawals. Ownership is checked in the same query that
// writes (id AND user), so another user's id is "not-found" and nothing is written. The
// client is a parameter so the rules can be tested against a real database outside Next.
// Each returns the invalidation it needs: the user's transfers (lists, totals, dashboard,
// chart, stakes) plus whatever the streak, achievements and goal completion changed.

import 'server-only';
import type { PrismaClient, Prisma } from '@/lib/generated/prisma/client';
import { dayKeyToDate } from '@/lib/domain/days';
import { combine, expire, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { completeGoalIfReached } from '@/lib/goals/writes';
import { recordMoneyAction, syncAchievements } from '@/lib/progress/writes';
import type { TransferInput } from '@/lib/transfers/schemas';

type Tx = Prisma.TransactionClient;
const NOT_FOUND = { status: 'not-found' } as const;
type Written = { status: 'ok'; invalidation: Invalidation };

const columns = (input: TransferInput) => ({
  type: input.type,
  amount: input.amount.toFixed(2),
  currency: input.currency,
  occurredOn: dayKeyToDate(input.date),
  note: input.note,
});

/** Profit moved: the active goal may have been reached. */
const afterProfitChange = async (tx: Tx, userId: string, now: Date) => combine(expire(tags.transfers(userId)), await completeGoalIfReached(tx, userId, now));

/** A new deposit/withdrawal is a money action: it counts for the streak (and streak achievements). */
export async function createTransfer(prisma: PrismaClient, userId: string, input: TransferInput, now = new Date()): Promise<Written & { transferId: string }> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.transfer.create({ data: { userId, ...columns(input) }, select: { id: true } });
    const streak = await recordMoneyAction(tx, userId, now);
    const achievements = streak.expire.length ? await syncAchievements(tx, userId) : expire();
    return { status: 'ok' as const, transferId: created.id, invalidation: combine(streak, achievements, await afterProfitChange(tx, userId, now)) };
  });
}

/** A correction, not a new money action: no streak, but profit may have moved. */
export async function updateTransfer(prisma: PrismaClient, userId: string, transferId: string, input: TransferInput, now = new Date()): Promise<Written | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.transfer.updateMany({ where: { id: transferId, userId }, data: columns(input) });
    if (count === 0) return NOT_FOUND;
    return { status: 'ok' as const, invalidation: await afterProfitChange(tx, userId, now) };
  });
}

export async function deleteTransfer(prisma: PrismaClient, userId: string, transferId: string, now = new Date()): Promise<Written | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.transfer.deleteMany({ where: { id: transferId, userId } });
    if (count === 0) return NOT_FOUND;
    return { status: 'ok' as const, invalidation: await afterProfitChange(tx, userId, now) };
  });
}
