'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { failure, invalid, type FormState } from '@/lib/forms';
import { EMAIL_NAME_MESSAGE, forgotPasswordSchema, registerSchema, resetPasswordSchema, signInSchema } from '@/lib/auth/schemas';
import { deliverPasswordReset, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { RESET_TOKEN_MINUTES, resetLinkOrigin } from '@/lib/auth/reset-token';
import { authenticate, registerAccount, retryMessage } from '@/lib/auth/service';
import { endSession, startSession } from '@/lib/auth/session';
import { clientIp, safeNextPath } from '@/lib/request';

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const outcome = await registerAccount(parsed.data.email, parsed.data.password, await clientIp());
  if (outcome.kind === 'rate-limited') return failure(retryMessage(outcome.retryAfterSeconds), formData);
  redirect(`/sign-in?registered=1&email=${encodeURIComponent(parsed.data.email)}`);
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const outcome = await authenticate(parsed.data.email, parsed.data.password, await clientIp());
  if (outcome.kind === 'rate-limited') return failure(retryMessage(outcome.retryAfterSeconds), formData);
  if (outcome.kind === 'rejected') return failure('E-mail or password is incorrect.', formData);
  await startSession(outcome.userId, (await headers()).get('user-agent'));
  redirect(safeNextPath(formData.get('next')));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect('/');
}

/** The one answer to every accepted "forgot password" request, whether or not the account exists. */
const RESET_REQUESTED_MESSAGE = `If an account exists for that address, we have sent it a link to choose a new password. The link works for ${RESET_TOKEN_MINUTES} minutes.`;

export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const outcome = await requestPasswordReset(parsed.data.email, await clientIp());
  if (outcome.kind === 'rate-limited') return failure(retryMessage(outcome.retryAfterSeconds), formData);
  const origin = resetLinkOrigin(process.env.PUBLIC_URL, (await headers()).get('host'));
  const email = parsed.data.email;
  // After the response: the account lookup and the SMTP round trip take no part in its timing.
  after(async () => {
    try {
      await deliverPasswordReset(email, origin);
    } catch (err) {
      console.error('[password-reset] could not send the reset mail', err);
    }
  });
  return { ok: true, message: RESET_REQUESTED_MESSAGE };
}

const INVALID_LINK = 'This reset link is invalid, expired or already used. Ask for a new one.';

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const outcome = await resetPassword(parsed.data.token, parsed.data.password, await clientIp(), EMAIL_NAME_MESSAGE);
  if (outcome.kind === 'rate-limited') return failure(retryMessage(outcome.retryAfterSeconds), formData);
  if (outcome.kind === 'invalid-token') return failure(INVALID_LINK, formData, { token: [INVALID_LINK] });
  if (outcome.kind === 'weak-password') return failure('Please correct the highlighted fields.', formData, { password: [outcome.message] });
  // Every session is gone server-side; this browser's cookie goes too.
  await endSession();
  redirect(`/sign-in?reset=1&email=${encodeURIComponent(outcome.email)}`);
}
