import 'server-only';
import { db } from '@/lib/db/client';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

export interface ProfileDto {
  id: string;
  email: string;
  displayCurrency: string;
  streakCurrent: number;
  streakLongest: number;
  lastActionOn: string | null;
}

export const getProfile = defineUserRead({
  name: 'profile',
  tags: (userId: string) => [tags.profile(userId)],
  load: async (userId: string): Promise<ProfileDto> => {
    const prisma = await db();
    const u = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, displayCurrency: true, streakCurrent: true, streakLongest: true, lastActionOn: true },
    });
    return { ...u, lastActionOn: u.lastActionOn ? u.lastActionOn.toISOString().slice(0, 10) : null };
  },
});
