/**
 * Which public cache tags each article/tag mutation affects, and how.
 *
 * Policy:
 * - `revalidate` (Next's `revalidateTag(tag, 'max')`, stale-while-revalidate): the cached page is
 *   still a correct page, just an older version of it (a content edit). Readers get the previous
 *   version once while the new one renders in the background: nobody waits on a render.
 * - `expire` (`updateTag`, gone at once): a stale copy would be WRONG, not just old. That is
 *   anything that removes an article from a page (unpublish, delete, slug change, tag removed)
 *   or adds one where a cached page says it does not exist (publish: the article URL may hold a
 *   cached 404, a tag page may not list it). Serving an unpublished or deleted article once more
 *   is exactly what an editor unpublishes to prevent.
 * A tag never appears in both lists (expire wins). Admin pages read uncached, so no admin tags.
 *
 * Pure, so the lists are unit-tested (tests/unit/articles/invalidation.test.ts).
 */
import { combine, invalidation as build, NO_INVALIDATION, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';

export { NO_INVALIDATION, type Invalidation };

/** The public face of an article: only these fields decide which pages show it where. */
export interface PublicArticleState {
  slug: string;
  published: boolean;
  tagSlugs: string[];
}

/**
 * Any change to one article, given its public state before and after (`null` = did not exist /
 * no longer exists). Covers create, edit, publish, unpublish and delete.
 */
export function articleInvalidation(before: PublicArticleState | null, after: PublicArticleState | null): Invalidation {
  const wasPublic = before?.published ? before : null;
  const isPublic = after?.published ? after : null;
  if (!wasPublic && !isPublic) return NO_INVALIDATION; // drafts are on no public page

  if (!wasPublic || !isPublic) {
    // Appears or disappears: every page that lists or shows it is wrong until re-rendered.
    const state = (isPublic ?? wasPublic)!;
    return build([tags.articles(), tags.article(state.slug), ...state.tagSlugs.map(tags.tag)], []);
  }

  // A content edit of a live article.
  const expire: string[] = [];
  const revalidate: string[] = [tags.articles(), tags.article(isPublic.slug)];
  if (wasPublic.slug !== isPublic.slug) {
    // The old URL now 404s; the new one may hold a cached 404.
    expire.push(tags.article(wasPublic.slug), tags.article(isPublic.slug));
  }
  const kept = new Set(isPublic.tagSlugs);
  const old = new Set(wasPublic.tagSlugs);
  for (const slug of wasPublic.tagSlugs) (kept.has(slug) ? revalidate : expire).push(tags.tag(slug));
  for (const slug of isPublic.tagSlugs) if (!old.has(slug)) expire.push(tags.tag(slug));
  return build(expire, revalidate);
}

/** A new tag has no articles: no public page changes (a cached 404 of its page is still right). */
export function tagCreateInvalidation(): Invalidation {
  return NO_INVALIDATION;
}

/**
 * Renaming a tag (name and/or slug). Its name shows on its page, in every listing and on the
 * pages of the published articles that carry it.
 */
export function tagUpdateInvalidation(oldSlug: string, newSlug: string, publishedArticleSlugs: string[]): Invalidation {
  if (publishedArticleSlugs.length === 0) {
    // Not on any public page; its URL 404s before and after.
    return NO_INVALIDATION;
  }
  const pageTags = publishedArticleSlugs.map(tags.article);
  if (oldSlug === newSlug) return build([], [tags.tag(newSlug), tags.articles(), ...pageTags]);
  // The old tag URL disappears and the new one may hold a cached 404.
  return build([tags.tag(oldSlug), tags.tag(newSlug)], [tags.articles(), ...pageTags]);
}

/** Deleting a tag: its page disappears; the articles that carried it lose a tag chip. */
export function tagDeleteInvalidation(slug: string, publishedArticleSlugs: string[]): Invalidation {
  if (publishedArticleSlugs.length === 0) return NO_INVALIDATION;
  return build([tags.tag(slug)], [tags.articles(), ...publishedArticleSlugs.map(tags.article)]);
}

/**
 * A reader marking an article read or unread: their own read list, plus whatever
 * `syncAchievements` reported. Never a public tag: read state is not on any public page.
 */
export function readMarkInvalidation(userId: string, achievements: Invalidation): Invalidation {
  return combine(build([tags.reads(userId)]), achievements);
}
