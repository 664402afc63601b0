// Streaks and achievements: the side effects every money write shares. Each runs inside
// the caller's transaction and returns the invalidation of what it changed.

import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ACHIEVEMENTS, newAchievements, type AchievementCode } from '@/lib/domain/achievements';
import { toDayKey } from '@/lib/domain/days';
import { nextStreak } from '@/lib/domain/streaks';
import { loadBankrollInputs } from '@/lib/bankroll/balances';
import { summarize } from '@/lib/bankroll/summary';
import { expire, NO_INVALIDATION, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { minutesPlayed, sessionResult } from '@/lib/sessions/rules';

type Tx = Prisma.TransactionClient;

/** Streak bookkeeping for a money action (balance update, deposit, withdrawal). */
export async function recordMoneyAction(tx: Tx, userId: string, now = new Date()): Promise<Invalidation> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { streakCurrent: true, streakLongest: true, lastActionOn: true },
  });
  const before = { current: user.streakCurrent, longest: user.streakLongest, lastActionOn: user.lastActionOn ? toDayKey(user.lastActionOn) : null };
  const after = nextStreak(before, toDayKey(now));
  if (after === before) return NO_INVALIDATION;
  await tx.user.update({
    where: { id: userId },
    data: { streakCurrent: after.current, streakLongest: after.longest, lastActionOn: new Date(`${after.lastActionOn}T00:00:00.000Z`) },
  });
  return expire(tags.profile(userId));
}

/** Unlocks any achievement the user now qualifies for. Achievements are never taken back. */
export async function syncAchievements(tx: Tx, userId: string): Promise<Invalidation> {
  const [user, goalsCompleted, articlesRead, unlocked, inputs, sessions] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { streakLongest: true } }),
    tx.goal.count({ where: { userId, completedAt: { not: null } } }),
    tx.articleRead.count({ where: { userId } }),
    tx.userAchievement.findMany({ where: { userId }, select: { achievementCode: true } }),
    loadBankrollInputs(tx, userId),
    tx.playSession.findMany({
      where: { userId, endedAt: { not: null } },
      select: { kind: true, buyIn: true, fee: true, reEntries: true, rebuys: true, cashOut: true, expenses: true, startedAt: true, endedAt: true, breakMinutes: true },
    }),
  ]);
  const played = sessions.map((s) => ({
    minutes: minutesPlayed({ startedAt: s.startedAt.toISOString(), endedAt: s.endedAt!.toISOString(), breakMinutes: s.breakMinutes }),
    result: sessionResult({ kind: s.kind, buyIn: String(s.buyIn), fee: String(s.fee), reEntries: s.reEntries, rebuys: String(s.rebuys), cashOut: s.cashOut === null ? null : String(s.cashOut), expenses: String(s.expenses) }),
  }));
  const fresh: AchievementCode[] = newAchievements(
    {
      longestStreak: user.streakLongest,
      goalsCompleted,
      articlesRead,
      bankrollUsd: summarize(inputs, 'USD').bankroll,
      sessionsPlayed: played.length,
      minutesPlayed: played.reduce((n, p) => n + p.minutes, 0),
      winningSessions: played.filter((p) => p.result?.greaterThan(0)).length,
    },
    unlocked.map((u) => u.achievementCode),
  );
  if (!fresh.length) return NO_INVALIDATION;
  // The catalogue rows may be missing on a database that was never seeded.
  await tx.achievement.createMany({
    data: fresh.map((code) => ({ code, name: ACHIEVEMENTS[code].name, description: ACHIEVEMENTS[code].description })),
    skipDuplicates: true,
  });
  await tx.userAchievement.createMany({ data: fresh.map((achievementCode) => ({ userId, achievementCode })), skipDuplicates: true });
  return expire(tags.achievements(userId));
}
