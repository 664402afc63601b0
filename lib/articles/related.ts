/** "Related articles": the ones sharing the most tags with an article. Pure. */

export const MAX_RELATED = 3;

export interface RelatedCandidate {
  slug: string;
  publishedAt: string;
  tagSlugs: string[];
}

/**
 * Candidates sharing at least one tag, most shared tags first, then newest, then by slug (so
 * the choice is stable between renders). The article itself is never its own relative.
 */
export function pickRelated<T extends RelatedCandidate>(article: { slug: string; tagSlugs: string[] }, candidates: T[], max = MAX_RELATED): T[] {
  const own = new Set(article.tagSlugs);
  return candidates
    .filter((c) => c.slug !== article.slug)
    .map((c) => ({ c, shared: c.tagSlugs.filter((t) => own.has(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.c.publishedAt.localeCompare(a.c.publishedAt) || a.c.slug.localeCompare(b.c.slug))
    .slice(0, max)
    .map(({ c }) => c);
}
