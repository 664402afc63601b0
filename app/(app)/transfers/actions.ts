'use server';

import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { toDayKey } from '@/lib/domain/days';
import { invalid, type FormState } from '@/lib/forms';
import { transferInputSchema } from '@/lib/transfers/schemas';
import { createTransfer, deleteTransfer, updateTransfer } from '@/lib/transfers/writes';
import { idSchema } from '@/lib/fields/form-fields';

const parse = (formData: FormData) => transferInputSchema(toDayKey(new Date())).safeParse(Object.fromEntries(formData));

function transferId(formData: FormData): string {
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  return id.data;
}

export async function createTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parse(formData);
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createTransfer(await db(), user.id, parsed.data);
  applyInvalidation(result.invalidation);
  redirect(`/transfers?done=${parsed.data.type === 'DEPOSIT' ? 'deposit' : 'withdrawal'}`);
}

export async function updateTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = transferId(formData);
  const parsed = parse(formData);
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await updateTransfer(await db(), user.id, id, parsed.data);
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect('/transfers?done=updated');
}

export async function deleteTransferAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const result = await deleteTransfer(await db(), user.id, transferId(formData));
  if (result.status === 'not-found') notFound();
  applyInvalidation(result.invalidation);
  redirect('/transfers?done=deleted');
}
