import 'server-only';
import { db } from '@/lib/db/client';
import { ACHIEVEMENTS, ACHIEVEMENT_CODES, type AchievementCode } from '@/lib/domain/achievements';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

/** JSON-safe (see defineRead). */
export interface AchievementDto {
  code: AchievementCode;
  name: string;
  description: string;
  /** ISO time, or null while locked. */
  unlockedAt: string | null;
}

/**
 * Every achievement in catalogue order with the user's unlock time. Names and
 * descriptions come from the domain catalogue (the seed writes the same rows),
 * so a database without the catalogue still lists them all.
 */
export const listAchievements = defineUserRead({
  name: 'achievements',
  tags: (userId: string) => [tags.achievements(userId)],
  load: async (userId: string): Promise<AchievementDto[]> => {
    const prisma = await db();
    const rows = await prisma.userAchievement.findMany({ where: { userId }, select: { achievementCode: true, unlockedAt: true } });
    const unlocked = new Map(rows.map((r) => [r.achievementCode, r.unlockedAt.toISOString()]));
    return ACHIEVEMENT_CODES.map((code) => ({ code, ...ACHIEVEMENTS[code], unlockedAt: unlocked.get(code) ?? null }));
  },
});
