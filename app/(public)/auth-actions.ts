'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { failure, invalid, type FormState } from '@/lib/forms';
import { registerSchema, signInSchema } from '@/lib/auth/schemas';
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
