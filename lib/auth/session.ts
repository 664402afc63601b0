import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect, notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { redirectIfDatabaseDown } from '@/lib/db/unavailable';
import { SIGNED_IN_COOKIE } from './signed-in-flag';

export const SESSION_COOKIE = 'se_session';
const SESSION_DAYS = 30;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string | null;
  role: 'USER' | 'ADMIN';
  /** Bumped with every change to the user's data: part of every per-user cache key. */
  dataVersion: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function cookieSecure(): boolean {
  const flag = process.env.COOKIE_SECURE;
  if (flag === 'true' || flag === 'false') return flag === 'true';
  return process.env.NODE_ENV === 'production';
}

/** Starts a new session for `userId`, replacing (rotating) the caller's current one. */
export async function startSession(userId: string, userAgent?: string | null): Promise<void> {
  const jar = await cookies();
  const previous = jar.get(SESSION_COOKIE)?.value;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const prisma = await db();
  await prisma.$transaction([
    ...(previous ? [prisma.session.deleteMany({ where: { id: hashToken(previous) } })] : []),
    prisma.session.create({
      data: { id: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null },
    }),
  ]);
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(),
    path: '/',
    expires: expiresAt,
  });
  jar.set(SIGNED_IN_COOKIE, '1', { sameSite: 'lax', secure: cookieSecure(), path: '/', expires: expiresAt });
}

/** Deletes the caller's session server-side and clears the cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const prisma = await db();
    await prisma.session.deleteMany({ where: { id: hashToken(token) } });
  }
  jar.delete(SESSION_COOKIE);
  jar.delete(SIGNED_IN_COOKIE);
}

/** Revokes every session of the user except the caller's (after a password change). */
export async function endOtherSessions(userId: string): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const prisma = await db();
  await prisma.session.deleteMany({
    where: { userId, ...(token ? { NOT: { id: hashToken(token) } } : {}) },
  });
}

/** The signed-in user, or null. Memoised per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const prisma = await db();
  const session = await prisma.session
    .findUnique({
      where: { id: hashToken(token) },
      select: {
        expiresAt: true,
        user: { select: { id: true, email: true, displayName: true, role: true, dataVersion: true } },
      },
    })
    .catch((err: unknown) => {
      redirectIfDatabaseDown(err);
      throw err;
    });
  if (!session || session.expiresAt <= new Date()) return null;
  return session.user;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** Admin pages answer 404 to everyone else: their existence is not advertised. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'ADMIN') notFound();
  return user;
}

type SessionStore = Pick<Awaited<ReturnType<typeof db>>, 'session'>;

/** Revokes every session of the user, the caller's included (after a password reset). */
export async function revokeAllSessions(userId: string, client?: SessionStore): Promise<number> {
  const store = client ?? (await db());
  const { count } = await store.session.deleteMany({ where: { userId } });
  return count;
}
