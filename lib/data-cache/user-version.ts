import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { currentUser } from '@/lib/auth/session';

/**
 * The data version of `userId` as of this request. For the signed-in user it comes with the
 * session row every request reads anyway (no extra query); for anyone else (an admin looking at
 * a user) it is read from the database. Memoised per request.
 */
export const userDataVersion = cache(async (userId: string): Promise<number> => {
  const viewer = await currentUser();
  if (viewer?.id === userId) return viewer.dataVersion;
  const prisma = await db();
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { dataVersion: true } });
  // No such user: nothing of theirs can be cached under a real version.
  return row?.dataVersion ?? -1;
});
