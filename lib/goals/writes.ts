// Goal writes. Ownership is part of every WHERE (id AND user). The client is a
// parameter so the rules can be tested against a real database outside Next.
// Server actions call these, then expire goalMutationTags (money-tags.ts).

import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dayKeyToDate } from '@/lib/domain/days';
import { completeGoalIfReached } from '@/lib/goals/reads';
import { tags } from '@/lib/data-cache/tags';
import type { GoalInput } from '@/lib/goals/schemas';

const NOT_FOUND = { status: 'not-found' } as const;
const ACTIVE_EXISTS = { status: 'active-exists' } as const;

/**
 * One active goal at a time: a second one is refused (the user archives the
 * current goal first, a deliberate step rather than a silent replacement).
 * The user row is locked so two concurrent submits cannot both create one.
 * A goal whose target is already reached completes at once.
 */
export async function createGoal(
  prisma: PrismaClient,
  userId: string,
  input: GoalInput,
  now = new Date(),
): Promise<{ status: 'ok'; goalId: string; completed: boolean; progressTags: string[] } | typeof ACTIVE_EXISTS> {
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
    const progressTags = await completeGoalIfReached(tx, userId, now);
    return { status: 'ok' as const, goalId: goal.id, completed: progressTags.includes(tags.goals(userId)), progressTags };
  });
}

/**
 * Archives an active or completed goal (a completed one keeps its completedAt,
 * so the achievement and the history still show it was reached).
 */
export async function archiveGoal(prisma: PrismaClient, userId: string, goalId: string, now = new Date()): Promise<{ status: 'ok' | 'unchanged' } | typeof NOT_FOUND> {
  const { count } = await prisma.goal.updateMany({
    where: { id: goalId, userId, status: { in: ['ACTIVE', 'COMPLETED'] } },
    data: { status: 'ARCHIVED', archivedAt: now },
  });
  if (count === 1) return { status: 'ok' };
  const exists = await prisma.goal.findFirst({ where: { id: goalId, userId }, select: { id: true } });
  return exists ? { status: 'unchanged' } : NOT_FOUND;
}
