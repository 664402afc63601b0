// Every write to deposits and withdrawals. Ownership is checked in the same
// query that writes (id AND user), so another user's id is "not-found" and
// nothing is written. The client is a parameter so the rules can be tested
// against a real database outside Next. Server actions call these, then
// expire transferMutationTags (money-tags.ts).

import 'server-only';
import type { PrismaClient, Prisma } from '@/lib/generated/prisma/client';
import { dayKeyToDate } from '@/lib/domain/days';
import { recordMoneyAction, syncAchievements } from '@/lib/progress/writes';
import { completeGoalIfReached } from '@/lib/goals/reads';
import type { TransferInput } from '@/lib/transfers/schemas';

type Tx = Prisma.TransactionClient;
const NOT_FOUND = { status: 'not-found' } as const;
type Progress = { status: 'ok'; progressTags: string[] };

const columns = (input: TransferInput) => ({
  type: input.type,
  amount: input.amount.toFixed(2),
  currency: input.currency,
  occurredOn: dayKeyToDate(input.date),
  note: input.note,
});

/** Profit moved: the active goal may have been reached. */
const afterProfitChange = (tx: Tx, userId: string, now: Date) => completeGoalIfReached(tx, userId, now);

/** A new deposit/withdrawal is a money action: it counts for the streak (and streak achievements). */
export async function createTransfer(prisma: PrismaClient, userId: string, input: TransferInput, now = new Date()): Promise<Progress & { transferId: string }> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.transfer.create({ data: { userId, ...columns(input) }, select: { id: true } });
    const streakTags = await recordMoneyAction(tx, userId, now);
    const achievementTags = streakTags.length ? await syncAchievements(tx, userId) : [];
    const goalTags = await afterProfitChange(tx, userId, now);
    return { status: 'ok' as const, transferId: created.id, progressTags: [...streakTags, ...achievementTags, ...goalTags] };
  });
}

/** A correction, not a new money action: no streak, but profit may have moved. */
export async function updateTransfer(prisma: PrismaClient, userId: string, transferId: string, input: TransferInput, now = new Date()): Promise<Progress | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.transfer.updateMany({ where: { id: transferId, userId }, data: columns(input) });
    if (count === 0) return NOT_FOUND;
    return { status: 'ok' as const, progressTags: await afterProfitChange(tx, userId, now) };
  });
}

export async function deleteTransfer(prisma: PrismaClient, userId: string, transferId: string, now = new Date()): Promise<Progress | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.transfer.deleteMany({ where: { id: transferId, userId } });
    if (count === 0) return NOT_FOUND;
    return { status: 'ok' as const, progressTags: await afterProfitChange(tx, userId, now) };
  });
}
