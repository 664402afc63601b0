import { db } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { hit, reset } from '@/lib/auth/rate-limit';
import { accountLimits } from '@/lib/account/limits';

export type PasswordCheck = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'rate-limited'; retryAfterSeconds: number };

/**
 * Confirms a signed-in user's current password before a sensitive change. Attempts are
 * limited per user (shared by every action that asks for it), and a success forgives
 * earlier typos.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<PasswordCheck> {
  const limit = await hit(accountLimits.passwordCheck(), userId);
  if (!limit.allowed) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, password))) return { kind: 'wrong' };
  await reset(accountLimits.passwordCheck(), userId);
  return { kind: 'ok' };
}
