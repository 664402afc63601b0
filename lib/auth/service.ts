import 'server-only';
import { db } from '@/lib/db/client';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { hit, hitInstance, reset, rules } from './rate-limit';

export type AuthOutcome =
  | { kind: 'ok'; userId: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'rejected' };

export async function limited(checks: Promise<{ allowed: boolean; retryAfterSeconds: number }>[]) {
  const results = await Promise.all(checks);
  const blocked = results.filter((r) => !r.allowed);
  return blocked.length ? Math.max(...blocked.map((r) => r.retryAfterSeconds)) : 0;
}

/**
 * Creates the account unless the e-mail is taken. Both cases look the same to
 * the caller (and take the same time: the password is hashed either way), so
 * registration cannot be used to find out who has an account.
 */
export async function registerAccount(email: string, password: string, ip: string): Promise<AuthOutcome> {
  const wait = await limited([hit(rules.registerPerIp(), ip), hit(rules.registerPerEmail(), email)]);
  if (wait) return { kind: 'rate-limited', retryAfterSeconds: wait };
  const passwordHash = await hashPassword(password);
  const prisma = await db();
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, passwordHash },
    update: {},
    select: { id: true },
  });
  return { kind: 'ok', userId: user.id };
}

/** Checks credentials; unknown e-mail and wrong password are indistinguishable. */
export async function authenticate(email: string, password: string, ip: string): Promise<AuthOutcome> {
  const wait = await limited([Promise.resolve(hitInstance(rules.signInPerInstance())), hit(rules.signInPerIp(), ip), hit(rules.signInPerEmail(), email)]);
  if (wait) return { kind: 'rate-limited', retryAfterSeconds: wait };
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) return { kind: 'rejected' };
  await reset(rules.signInPerEmail(), email);
  return { kind: 'ok', userId: user.id };
}

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
