import 'server-only';
import { db } from '@/lib/db/client';
import type { GoalType } from '@/lib/domain/goals';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

export type GoalStatus = 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';

/** JSON-safe (see defineRead): amounts are decimal strings, days YYYY-MM-DD, times ISO. */
export interface GoalDto {
  id: string;
  type: GoalType;
  targetAmount: string;
  currency: string;
  endDate: string | null;
  status: GoalStatus;
  createdAt: string;
  completedAt: string | null;
  archivedAt: string | null;
}

/** Every goal of the user, newest first. */
export const listGoals = defineUserRead({
  name: 'goals',
  tags: (userId: string) => [tags.goals(userId)],
  load: async (userId: string): Promise<GoalDto[]> => {
    const prisma = await db();
    const rows = await prisma.goal.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map((g) => ({
      id: g.id,
      type: g.type,
      targetAmount: g.targetAmount.toString(),
      currency: g.currency,
      endDate: g.endDate ? g.endDate.toISOString().slice(0, 10) : null,
      status: g.status,
      createdAt: g.createdAt.toISOString(),
      completedAt: g.completedAt?.toISOString() ?? null,
      archivedAt: g.archivedAt?.toISOString() ?? null,
    }));
  },
});

export function activeGoalOf(goals: readonly GoalDto[]): GoalDto | null {
  return goals.find((g) => g.status === 'ACTIVE') ?? null;
}
