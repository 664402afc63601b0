/** "Related articles": the ones sharing the most tags with an article. Pure. */

export const MAX_RELATED = 3;

export interface RelatedCandidate {
  slug: string;
  publishedAt: string;
  tags: { slug: string }[];
}

/**
 * Candidates sharing at least one tag, most shared tags first, then newest, then by slug (so
 * the choice is stable between renders). The article itself is never its own relative.
 */
export function pickRelated<T extends RelatedCandidate>(article: Pick<RelatedCandidate, 'slug' | 'tags'>, candidates: T[], max = MAX_RELATED): T[] {
  const own = new Set(article.tags.map((t) => t.slug));
  return candidates
    .filter((c) => c.slug !== article.slug)
    .map((c) => ({ c, shared: c.tags.filter((t) => own.has(t.slug)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.c.publishedAt.localeCompare(a.c.publishedAt) || a.c.slug.localeCompare(b.c.slug))
    .slice(0, max)
    .map(({ c }) => c);
}
