// Goal writes, and goal completion (which every write that moves bankroll or profit runs).
// Ownership is part of every WHERE (id AND user). The client is a parameter so the rules can
// be tested against a real database outside Next. Each returns the invalidation it needs.

import 'server-only';
import Decimal from 'decimal.js';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { dayKeyToDate } from '@/lib/domain/days';
import { loadBankrollInputs } from '@/lib/bankroll/balances';
import { summarize } from '@/lib/bankroll/summary';
import { combine, expire, NO_INVALIDATION, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { evaluateGoal } from '@/lib/goals/progress';
import type { GoalInput } from '@/lib/goals/schemas';
import { syncAchievements } from '@/lib/progress/writes';

type Tx = Prisma.TransactionClient;
const NOT_FOUND = { status: 'not-found' } as const;
const ACTIVE_EXISTS = { status: 'active-exists' } as const;

/**
 * Marks the user's active goal COMPLETED once it has reached 100%. Every write that changes
 * bankroll or profit (balance updates, snapshot edits/deletes, transfers, a new goal, an
 * import) calls this inside its own transaction, so the decision sees the write just made:
 * pages are GETs and must not write. A display-currency change converts target and totals
 * alike, so it cannot complete a goal.
 */
export async function completeGoalIfReached(tx: Tx, userId: string, now = new Date()): Promise<Invalidation> {
  const goal = await tx.goal.findFirst({
    where: { userId, status: 'ACTIVE' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, type: true, targetAmount: true, currency: true },
  });
  if (!goal) return NO_INVALIDATION;
  const [user, inputs] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { displayCurrency: true } }),
    loadBankrollInputs(tx, userId),
  ]);
  const totals = summarize(inputs, user.displayCurrency);
  const target = { type: goal.type, targetAmount: new Decimal(goal.targetAmount.toString()), currency: goal.currency };
  if (!evaluateGoal(target, totals, user.displayCurrency, inputs.rates).reached) return NO_INVALIDATION;
  // status in the WHERE: a concurrent completion or archive wins once, never twice.
  const { count } = await tx.goal.updateMany({ where: { id: goal.id, status: 'ACTIVE' }, data: { status: 'COMPLETED', completedAt: now } });
  if (count === 0) return NO_INVALIDATION;
  return combine(expire(tags.goals(userId)), await syncAchievements(tx, userId));
}

/**
 * One active goal at a time: a second one is refused (the user archives the current goal
 * first, a deliberate step rather than a silent replacement). The user row is locked so two
 * concurrent submits cannot both create one. A goal whose target is already reached
 * completes at once.
 */
export async function createGoal(
  prisma: PrismaClient,
  userId: string,
  input: GoalInput,
  now = new Date(),
): Promise<{ status: 'ok'; goalId: string; completed: boolean; invalidation: Invalidation } | typeof ACTIVE_EXISTS> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (await tx.goal.findFirst({ where: { userId, status: 'ACTIVE' }, select: { id: true } })) return ACTIVE_EXISTS;
    const goal = await tx.goal.create({
      data: {
        userId,
        type: input.type,
        targetAmount: input.targetAmount.toFixed(2),
        currency: input.currency,
        endDate: input.endDate ? dayKeyToDate(input.endDate) : null,
        createdAt: now,
      },
      select: { id: true },
    });
    const completion = await completeGoalIfReached(tx, userId, now);
    return { status: 'ok' as const, goalId: goal.id, completed: completion.expire.length > 0, invalidation: combine(expire(tags.goals(userId)), completion) };
  });
}

/**
 * Archives an active or completed goal (a completed one keeps its completedAt, so the
 * achievement and the history still show it was reached).
 */
export async function archiveGoal(
  prisma: PrismaClient,
  userId: string,
  goalId: string,
  now = new Date(),
): Promise<{ status: 'ok' | 'unchanged'; invalidation: Invalidation } | typeof NOT_FOUND> {
  const { count } = await prisma.goal.updateMany({
    where: { id: goalId, userId, status: { in: ['ACTIVE', 'COMPLETED'] } },
    data: { status: 'ARCHIVED', archivedAt: now },
  });
  if (count === 1) return { status: 'ok', invalidation: expire(tags.goals(userId)) };
  const exists = await prisma.goal.findFirst({ where: { id: goalId, userId }, select: { id: true } });
  return exists ? { status: 'unchanged', invalidation: NO_INVALIDATION } : NOT_FOUND;
}
