'use server';

// Server actions of play sessions and the live timer: parse (zod) -> authorise (the session
// user; a place or session of another user is a 404 and writes nothing) -> write (returns its
// invalidation) -> invalidate -> redirect.

import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { failure, invalid, type FormState } from '@/lib/forms';
import { idSchema } from '@/lib/fields/form-fields';
import { endSessionSchema, rebuySchema, sessionInputSchema, startSessionSchema } from '@/lib/sessions/schemas';
import { addRebuy, createSession, deleteSession, endSession, startSession, updateSession } from '@/lib/sessions/writes';

const fields = (formData: FormData) => Object.fromEntries(formData) as Record<string, string>;

function sessionId(formData: FormData): string {
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  return id.data;
}

export async function createSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = sessionInputSchema(new Date()).safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createSession(await db(), user.id, parsed.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect(`/sessions/${result.sessionId}?done=logged`);
}

export async function updateSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = sessionId(formData);
  const parsed = sessionInputSchema(new Date()).safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await updateSession(await db(), user.id, id, parsed.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect(`/sessions/${id}?done=updated`);
}

export async function deleteSessionAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const result = await deleteSession(await db(), user.id, sessionId(formData));
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect('/sessions?done=deleted');
}

export async function startSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = startSessionSchema.safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const replace = formData.get('whenRunning') === 'discard-it';
  const result = await startSession(await db(), user.id, parsed.data, { replace });
  if (result.status === 'not-found') notFound();
  if (result.status === 'already-running') {
    return failure('A session is already running. End it first, or choose to discard it and start this one.', formData, {
      whenRunning: ['Choose what to do with the running session'],
    });
  }
  applyInvalidation(result.invalidation);
  redirect('/sessions/live?done=started');
}

export async function addRebuyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = rebuySchema.safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await addRebuy(await db(), user.id, parsed.data.amount);
  if (result.status === 'not-running') return failure('No session is running any more.', formData);
  applyInvalidation(result.invalidation);
  redirect('/sessions/live?done=rebuy');
}

export async function endSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = endSessionSchema.safeParse(fields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await endSession(await db(), user.id, parsed.data);
  if (result.status === 'not-running') return failure('No session is running any more.', formData);
  // A cash asset id that is not the user's: a forged form.
  if (result.status === 'not-found') notFound();
  if (result.status === 'balance-unavailable') return failure('Nothing was saved.', formData, { updateBalance: [result.reason] });
  applyInvalidation(result.invalidation);
  redirect(`/sessions/${result.sessionId}?done=ended`);
}
