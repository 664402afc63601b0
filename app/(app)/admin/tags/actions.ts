'use server';

import { notFound, redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { failure, invalid, type FormState } from '@/lib/forms';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { tagFormFields, tagFormSchema } from '@/lib/articles/schemas';
import { createTag, deleteTagRow, updateTagRow } from '@/lib/articles/writes';
import { idSchema } from '@/lib/fields/form-fields';

export async function createTagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const parsed = tagFormSchema.safeParse(tagFormFields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await createTag(parsed.data);
  if (!result) notFound();
  if (!result.ok) return failure('Please correct the highlighted fields.', formData, { [result.field]: [result.message] });
  applyInvalidation(result.invalidation);
  redirect('/admin/tags?notice=created');
}

export async function updateTagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  const parsed = tagFormSchema.safeParse(tagFormFields(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await updateTagRow(id.data, parsed.data);
  if (!result) notFound();
  if (!result.ok) return failure('Please correct the highlighted fields.', formData, { [result.field]: [result.message] });
  applyInvalidation(result.invalidation);
  redirect('/admin/tags?notice=saved');
}

export async function deleteTagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  if (formData.get('confirm') !== 'yes') return failure('Tick the box to confirm that you want to delete this tag.', formData, { confirm: ['Confirm the deletion.'] });
  const result = await deleteTagRow(id.data);
  if (!result || !result.ok) notFound();
  applyInvalidation(result.invalidation);
  redirect('/admin/tags?notice=deleted');
}
