import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import type { Invalidation } from '@/lib/data-cache/invalidation';

/** Applies what a write returned. Server actions only (updateTag needs an action). */
export function applyInvalidation({ expire, revalidate }: Invalidation): void {
  for (const tag of expire) updateTag(tag);
  for (const tag of revalidate) revalidateTag(tag, 'max');
}
