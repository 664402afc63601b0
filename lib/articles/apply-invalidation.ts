import 'server-only';
import { revalidateTag } from 'next/cache';
import { expireTags } from '@/lib/data-cache/invalidate';
import type { Invalidation } from '@/lib/articles/invalidation';

/** Applies a mutation's tag lists (see invalidation.ts for the policy). Server actions only. */
export function applyInvalidation({ expire, revalidate }: Invalidation): void {
  expireTags(expire);
  for (const tag of new Set(revalidate)) revalidateTag(tag, 'max');
}
