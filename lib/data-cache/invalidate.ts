import 'server-only';
import { updateTag } from 'next/cache';

/**
 * Expires the given tags at once (read-your-own-writes): for server actions
 * after a user's own write. Duplicates are dropped.
 */
export function expireTags(list: Iterable<string>): void {
  for (const tag of new Set(list)) updateTag(tag);
}
