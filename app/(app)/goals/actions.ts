'use server';

import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { idSchema } from '@/lib/fields/form-fields';
import { db } from '@/lib/db/client';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { toDayKey } from '@/lib/domain/days';
import { failure, invalid, type FormState } from '@/lib/forms';
import { goalInputSchema } from '@/lib/goals/schemas';
import { archiveGoal, createGoal } from '@/lib/goals/writes';

export async function createGoalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = goalInputSchema(toDayKey(new Date())).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createGoal(await db(), user.id, parsed.data);
  if (result.status === 'active-exists') {
    return failure('You already have an active goal. Archive it first, then set the new one.', formData);
  }
  applyInvalidation(result.invalidation);
  redirect(result.completed ? '/goals?done=completed' : '/goals?done=created');
}

export async function archiveGoalAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const goalId = idSchema.safeParse(formData.get('goalId'));
  if (!goalId.success) notFound();
  const result = await archiveGoal(await db(), user.id, goalId.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect('/goals?done=archived');
}
