import 'server-only';
import { db } from '@/lib/db/client';
import { sendMail } from '@/lib/mail/send';
import { renderResetMail } from '@/lib/mail/reset-mail';
import { hashPassword } from './password';
import { hit, rules } from './rate-limit';
import { limited } from './service';
import { revokeAllSessions } from './session';
import { containsEmailName } from './schemas';
import { hashResetToken, newResetToken, resetLink, resetTokenUsable, RESET_TOKEN_MINUTES, wellFormedResetToken } from './reset-token';

export type ResetRequestOutcome = { kind: 'accepted' } | { kind: 'rate-limited'; retryAfterSeconds: number };

/**
 * Step 1 of "forgot password": counts the request against the per-IP and per-e-mail limits
 * (the same for known and unknown addresses, so a limit reveals nothing). The caller answers at
 * once and runs `deliver` after the response (next/server `after`), so neither the answer nor
 * its timing depends on whether the address has an account.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<ResetRequestOutcome> {
  const wait = await limited([hit(rules.resetRequestPerIp(), ip), hit(rules.resetRequestPerEmail(), email)]);
  return wait ? { kind: 'rate-limited', retryAfterSeconds: wait } : { kind: 'accepted' };
}

/** Step 2, after the response: a token and a mail for an existing account, nothing otherwise. */
export async function deliverPasswordReset(email: string, origin: string | null): Promise<'sent' | 'no-account' | 'no-origin'> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return 'no-account';
  if (!origin) {
    console.error('[password-reset] no trustworthy origin for the link: set PUBLIC_URL. No mail sent.');
    return 'no-origin';
  }
  const now = new Date();
  const { token, id, expiresAt } = newResetToken(now);
  // Expired rows (anybody's) go at the same time, so the table holds about 30 minutes of requests;
  // earlier live links of this user stay valid until one of them is used.
  await prisma.$transaction([
    prisma.passwordResetToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    prisma.passwordResetToken.create({ data: { id, userId: user.id, createdAt: now, expiresAt } }),
  ]);
  await sendMail(renderResetMail(user.email, resetLink(origin, token), RESET_TOKEN_MINUTES));
  return 'sent';
}

/** The account a token (from the URL) resets, if it is well formed, stored and not expired. */
export async function findResetToken(token: unknown): Promise<{ userId: string; email: string } | null> {
  if (!wellFormedResetToken(token)) return null;
  const prisma = await db();
  const row = await prisma.passwordResetToken.findUnique({
    where: { id: hashResetToken(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true } } },
  });
  return row && resetTokenUsable(row) ? { userId: row.user.id, email: row.user.email } : null;
}

export type ResetOutcome =
  | { kind: 'ok'; email: string; revokedSessions: number }
  | { kind: 'invalid-token' }
  | { kind: 'weak-password'; message: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/**
 * Sets the new password. The token is claimed by deleting it (only one of two concurrent
 * submits can), in the same transaction as the new hash, the deletion of the user's other
 * reset tokens and of every session: whoever held the account before is signed out.
 */
export async function resetPassword(token: string, password: string, ip: string, emailNameMessage: string): Promise<ResetOutcome> {
  const wait = await limited([hit(rules.resetSubmitPerIp(), ip)]);
  if (wait) return { kind: 'rate-limited', retryAfterSeconds: wait };
  const account = await findResetToken(token);
  if (!account) return { kind: 'invalid-token' };
  if (containsEmailName(password, account.email)) return { kind: 'weak-password', message: emailNameMessage };
  const passwordHash = await hashPassword(password);
  const prisma = await db();
  const now = new Date();
  const revoked = await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.deleteMany({ where: { id: hashResetToken(token), expiresAt: { gt: now } } });
    if (claimed.count !== 1) return null;
    await tx.user.update({ where: { id: account.userId }, data: { passwordHash } });
    await tx.passwordResetToken.deleteMany({ where: { userId: account.userId } });
    return revokeAllSessions(account.userId, tx);
  });
  if (revoked === null) return { kind: 'invalid-token' };
  return { kind: 'ok', email: account.email, revokedSessions: revoked };
}
