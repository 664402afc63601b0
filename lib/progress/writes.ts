import 'server-only';
import Decimal from 'decimal.js';
import type { Prisma } from '@/lib/generated/prisma/client';
import { FALLBACK_RATES, convertExact, type Rates } from '@/lib/domain/currency';
import { ACHIEVEMENTS, newAchievements, type AchievementCode } from '@/lib/domain/achievements';
import { toDayKey } from '@/lib/domain/days';
import { nextStreak } from '@/lib/domain/streaks';
import { tags } from '@/lib/data-cache/tags';

type Tx = Prisma.TransactionClient;

/**
 * Streak bookkeeping for a money action (balance update, deposit,
 * withdrawal). Run inside the action's transaction. Returns the tags whose
 * data changed.
 */
export async function recordMoneyAction(tx: Tx, userId: string, now = new Date()): Promise<string[]> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { streakCurrent: true, streakLongest: true, lastActionOn: true },
  });
  const before = { current: user.streakCurrent, longest: user.streakLongest, lastActionOn: user.lastActionOn ? toDayKey(user.lastActionOn) : null };
  const after = nextStreak(before, toDayKey(now));
  if (after === before) return [];
  await tx.user.update({
    where: { id: userId },
    data: { streakCurrent: after.current, streakLongest: after.longest, lastActionOn: new Date(`${after.lastActionOn}T00:00:00.000Z`) },
  });
  return [tags.profile(userId)];
}

async function bankrollUsd(tx: Tx, userId: string): Promise<Decimal> {
  const [current, rateRows] = await Promise.all([
    tx.balanceSnapshot.findMany({
      where: { holding: { userId } },
      distinct: ['holdingId'],
      orderBy: [{ holdingId: 'asc' }, { recordedAt: 'desc' }, { createdAt: 'desc' }],
      select: { amount: true, currency: true },
    }),
    tx.exchangeRate.findMany({
      distinct: ['currencyCode'],
      orderBy: [{ currencyCode: 'asc' }, { effectiveOn: 'desc' }],
      select: { currencyCode: true, rate: true },
    }),
  ]);
  const rates: Rates = { ...FALLBACK_RATES };
  for (const r of rateRows) rates[r.currencyCode] = new Decimal(r.rate.toString());
  return current.reduce((sum, s) => sum.plus(convertExact(new Decimal(s.amount.toString()), s.currency, 'USD', rates)), new Decimal(0));
}

/**
 * Unlocks any achievement the user now qualifies for. Achievements are never
 * taken back. Returns the tags whose data changed.
 */
export async function syncAchievements(tx: Tx, userId: string): Promise<string[]> {
  const [user, goalsCompleted, articlesRead, unlocked, usd] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { streakLongest: true } }),
    tx.goal.count({ where: { userId, completedAt: { not: null } } }),
    tx.articleRead.count({ where: { userId } }),
    tx.userAchievement.findMany({ where: { userId }, select: { achievementCode: true } }),
    bankrollUsd(tx, userId),
  ]);
  const fresh: AchievementCode[] = newAchievements(
    { longestStreak: user.streakLongest, goalsCompleted, articlesRead, bankrollUsd: usd },
    unlocked.map((u) => u.achievementCode),
  );
  if (!fresh.length) return [];
  // The catalogue rows may be missing on a database that was never seeded.
  await tx.achievement.createMany({
    data: fresh.map((code) => ({ code, name: ACHIEVEMENTS[code].name, description: ACHIEVEMENTS[code].description })),
    skipDuplicates: true,
  });
  await tx.userAchievement.createMany({ data: fresh.map((achievementCode) => ({ userId, achievementCode })), skipDuplicates: true });
  return [tags.achievements(userId)];
}
