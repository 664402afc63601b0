// What a write tells its server action to invalidate. Every write helper returns one, so
// "which tags does this write expire?" is answered next to the write itself.
//
// - `expire` (updateTag): gone at once. For a user's own data (read-your-own-writes) and for
//   public pages whose stale copy would be wrong, not just old (see lib/articles/invalidation.ts).
// - `revalidate` (revalidateTag(tag, 'max')): stale-while-revalidate for public pages whose
//   previous version is still a correct page.
// A tag never appears in both lists (expire wins).

export interface Invalidation {
  readonly expire: readonly string[];
  readonly revalidate: readonly string[];
}

export const NO_INVALIDATION: Invalidation = Object.freeze({ expire: Object.freeze([]), revalidate: Object.freeze([]) });

export function invalidation(expire: Iterable<string>, revalidate: Iterable<string> = []): Invalidation {
  const expired = [...new Set(expire)];
  const expiredSet = new Set(expired);
  return { expire: expired, revalidate: [...new Set(revalidate)].filter((t) => !expiredSet.has(t)) };
}

/** Several writes' (or one write's several effects') invalidations as one. */
export function combine(...parts: readonly Invalidation[]): Invalidation {
  return invalidation(
    parts.flatMap((p) => p.expire),
    parts.flatMap((p) => p.revalidate),
  );
}

/** Shorthand for the common case: a user's own data, expired at once. */
export const expire = (...tags: string[]): Invalidation => invalidation(tags);
