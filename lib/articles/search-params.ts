/**
 * The article index state lives in the URL (`?q=&sort=&page=`) so every state is a crawlable,
 * shareable link. Anything malformed falls back to the default instead of failing the page.
 */

export const ARTICLE_SORTS = ['newest', 'oldest', 'title', 'updated'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const SORT_LABELS: Readonly<Record<ArticleSort, string>> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title (A-Z)',
  updated: 'Recently updated',
};

export const DEFAULT_SORT: ArticleSort = 'newest';
export const ARTICLES_PER_PAGE = 10;
/** Longer queries are cut: they only add cache keys, never better matches. */
export const MAX_QUERY_LENGTH = 100;
// A bound far beyond any real archive, so a huge number cannot become a huge OFFSET.
const MAX_PAGE = 10_000;

export interface ArticleSearch {
  q: string;
  sort: ArticleSort;
  page: number;
}

type RawParam = string | string[] | undefined;

const first = (value: RawParam): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Trimmed, inner whitespace collapsed, control characters removed, at most 100 characters. */
export function normalizeQuery(value: RawParam): string {
  const raw = first(value);
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

export function parseSort(value: RawParam): ArticleSort {
  const raw = first(value);
  return (ARTICLE_SORTS as readonly string[]).includes(raw ?? '') ? (raw as ArticleSort) : DEFAULT_SORT;
}

/** A positive integer written plainly ("2", not "2.0", "+2", "0x2" or "1e3"), else 1. */
export function parsePage(value: RawParam): number {
  const raw = first(value);
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return 1;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : 1;
}

export function parseArticleSearch(params: Record<string, RawParam>): ArticleSearch {
  return { q: normalizeQuery(params.q), sort: parseSort(params.sort), page: parsePage(params.page) };
}

/**
 * The canonical link for a state: default values are left out, so `/articles?sort=newest&page=1`
 * and `/articles` are one URL (one cache entry, one indexed page).
 */
export function articlesHref(state: Partial<ArticleSearch>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort && state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `/articles?${query}` : '/articles';
}

export function pageCount(total: number, perPage = ARTICLES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export { escapeLikePattern } from '@/lib/db/like';
