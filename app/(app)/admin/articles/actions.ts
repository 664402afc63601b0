'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/session';
import { failure, invalid, type FormState } from '@/lib/forms';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { renderMarkdown } from '@/lib/articles/markdown';
import { articleFormFields, articleFormSchema, MARKDOWN_MAX } from '@/lib/articles/schemas';
import { createArticle, deleteArticle, setArticlePublished, updateArticle, type FieldError } from '@/lib/articles/writes';
import { idSchema } from '@/lib/fields/form-fields';
import { withSelectedTags } from '../form-helpers';

// Admin article actions: parse, authorise (requireAdmin: 404 for everyone else), write,
// invalidate (lib/articles/invalidation.ts decides which tags and how), then redirect/return.

function fieldFailure(error: FieldError, formData: FormData): FormState {
  return withSelectedTags(failure('Please correct the highlighted fields.', formData, { [error.field]: [error.message] }), formData);
}

export async function createArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = articleFormSchema.safeParse(articleFormFields(formData));
  if (!parsed.success) return withSelectedTags(invalid(parsed.error, formData), formData);
  const publish = formData.get('intent') === 'publish';
  const result = await createArticle(parsed.data, admin.id, publish);
  if (!result) notFound();
  if (!result.ok) return fieldFailure(result, formData);
  applyInvalidation(result.invalidation);
  redirect(`/admin/articles/${result.id}?notice=${publish ? 'published' : 'created'}`);
}

export async function updateArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  const parsed = articleFormSchema.safeParse(articleFormFields(formData));
  if (!parsed.success) return withSelectedTags(invalid(parsed.error, formData), formData);
  const result = await updateArticle(id.data, parsed.data);
  if (!result) notFound();
  if (!result.ok) return fieldFailure(result, formData);
  applyInvalidation(result.invalidation);
  redirect(`/admin/articles/${id.data}?notice=saved`);
}

export async function setArticleStatusAction(formData: FormData): Promise<void> {
  await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  const publish = z.enum(['publish', 'unpublish']).safeParse(formData.get('intent'));
  if (!id.success || !publish.success) notFound();
  const result = await setArticlePublished(id.data, publish.data === 'publish');
  if (!result || !result.ok) notFound();
  applyInvalidation(result.invalidation);
  redirect(`/admin/articles/${id.data}?notice=${publish.data === 'publish' ? 'published' : 'unpublished'}`);
}

export async function deleteArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) notFound();
  if (formData.get('confirm') !== 'yes') return failure('Tick the box to confirm that you want to delete this article.', formData, { confirm: ['Confirm the deletion.'] });
  const result = await deleteArticle(id.data);
  if (!result || !result.ok) notFound();
  applyInvalidation(result.invalidation);
  redirect('/admin/articles?notice=deleted');
}

export type PreviewResult = { ok: true; html: string } | { ok: false; message: string };

/** Renders the editor's current text exactly as it would be saved, without saving anything. */
export async function previewArticleAction(markdown: unknown): Promise<PreviewResult> {
  await requireAdmin();
  const text = z.string().max(MARKDOWN_MAX).safeParse(markdown);
  if (!text.success) return { ok: false, message: `The text is too long to preview (at most ${MARKDOWN_MAX.toLocaleString('en-US')} characters).` };
  if (!text.data.trim()) return { ok: false, message: 'Write some text to preview.' };
  return { ok: true, html: renderMarkdown(text.data.replace(/\r\n?/g, '\n')) };
}
