'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { isValidSlug } from '@/lib/articles/slug';
import { setArticleRead } from '@/lib/articles/writes';

export type ReadMarkResult = { ok: true; read: boolean } | { ok: false; message: string };

const readMarkSchema = z.object({
  slug: z.string().refine((s) => isValidSlug(s)),
  read: z.boolean(),
});

/**
 * Marks an article read/unread for the signed-in reader. A server action (POST with Next's
 * origin check), never a GET. Invalidates only the reader's own tags: no public page shows it.
 */
export async function setArticleReadAction(slug: unknown, read: unknown): Promise<ReadMarkResult> {
  const parsed = readMarkSchema.safeParse({ slug, read });
  if (!parsed.success) return { ok: false, message: 'This article cannot be marked.' };
  const user = await requireUser();
  const result = await setArticleRead(user.id, parsed.data.slug, parsed.data.read);
  if (!result || !result.ok) return { ok: false, message: 'This article is no longer published.' };
  applyInvalidation(result.invalidation);
  return { ok: true, read: result.read };
}
