import 'server-only';
import Decimal from 'decimal.js';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { FALLBACK_RATES, type Rates } from '@/lib/domain/currency';
import { bankroll, profit, sumTransfers } from '@/lib/domain/totals';
import type { GoalType } from '@/lib/domain/goals';
import { evaluateGoal } from '@/lib/goals/progress';
import { cachedRead } from '@/lib/data-cache/read';
import { syncAchievements } from '@/lib/progress/writes';
import { tags } from '@/lib/data-cache/tags';

type Tx = Prisma.TransactionClient;
export type GoalStatus = 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';

/** JSON-safe (see cachedRead): amounts are decimal strings, days YYYY-MM-DD, times ISO. */
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

/** Every goal of the user, newest first. Invalidated by tags.goals(user). */
export function listGoals(userId: string): Promise<GoalDto[]> {
  return cachedRead(['goals', userId], [tags.goals(userId)], async () => {
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
  });
}

export function activeGoalOf(goals: readonly GoalDto[]): GoalDto | null {
  return goals.find((g) => g.status === 'ACTIVE') ?? null;
}

const dec = (value: { toString(): string }) => new Decimal(value.toString());

/**
 * The dashboard's bankroll and profit, read inside the caller's transaction so
 * the decision sees the write that was just made (the cached reads would not).
 * Same formulas as lib/bankroll/summary.ts (domain totals).
 */
async function totalsInTx(tx: Tx, userId: string) {
  const [user, current, transferSums, rateRows] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { displayCurrency: true } }),
    tx.balanceSnapshot.findMany({
      where: { holding: { userId } },
      distinct: ['holdingId'],
      orderBy: [{ holdingId: 'asc' }, { recordedAt: 'desc' }, { createdAt: 'desc' }],
      select: { amount: true, currency: true },
    }),
    tx.transfer.groupBy({ by: ['type', 'currency'], where: { userId }, _sum: { amount: true } }),
    tx.exchangeRate.findMany({
      distinct: ['currencyCode'],
      orderBy: [{ currencyCode: 'asc' }, { effectiveOn: 'desc' }],
      select: { currencyCode: true, rate: true },
    }),
  ]);
  const rates: Rates = { ...FALLBACK_RATES };
  for (const r of rateRows) rates[r.currencyCode] = dec(r.rate);
  const display = user.displayCurrency;
  const total = bankroll(current.map((s) => ({ currentAmount: dec(s.amount), currency: s.currency })), display, rates);
  const sumOf = (type: 'DEPOSIT' | 'WITHDRAWAL') =>
    sumTransfers(
      transferSums.filter((t) => t.type === type && t._sum.amount !== null).map((t) => ({ amount: dec(t._sum.amount!), currency: t.currency })),
      display,
      rates,
    );
  const totals = { bankroll: total, profit: profit({ bankroll: total, deposits: sumOf('DEPOSIT'), withdrawals: sumOf('WITHDRAWAL') }) };
  return { totals, display, rates };
}

/**
 * Marks the user's active goal COMPLETED once it has reached 100%. Every write
 * that changes bankroll or profit (balance updates, snapshot edits/deletes,
 * transfers, a new goal, an import) calls this inside its own transaction (a
 * display-currency change converts target and totals alike, so it cannot): pages are GETs and must not write, so the write that moves the
 * numbers is where a goal completes itself.
 * Returns the tags whose data changed: goals(user) and, if the completion
 * unlocked GOAL_COMPLETED, achievements(user).
 */
export async function completeGoalIfReached(tx: Tx, userId: string, now = new Date()): Promise<string[]> {
  const goal = await tx.goal.findFirst({
    where: { userId, status: 'ACTIVE' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, type: true, targetAmount: true, currency: true },
  });
  if (!goal) return [];
  const { totals, display, rates } = await totalsInTx(tx, userId);
  const { reached } = evaluateGoal({ type: goal.type, targetAmount: dec(goal.targetAmount), currency: goal.currency }, totals, display, rates);
  if (!reached) return [];
  // status in the WHERE: a concurrent completion or archive wins once, never twice.
  const { count } = await tx.goal.updateMany({ where: { id: goal.id, status: 'ACTIVE' }, data: { status: 'COMPLETED', completedAt: now } });
  if (count === 0) return [];
  return [tags.goals(userId), ...(await syncAchievements(tx, userId))];
}
