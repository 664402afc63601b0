/**
 * The article index state: sort and page (path segments of the cached index, see urls.ts) and
 * the search query (`?q=`, rendered per request). In a query string anything malformed falls
 * back to the default instead of failing the page.
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
  const raw = first(value) ?? '';
  return isArticleSort(raw) ? raw : DEFAULT_SORT;
}

/** A positive integer written plainly ("2", not "2.0", "+2", "0x2" or "1e3"), else null. */
export function pageNumber(value: RawParam): number | null {
  const raw = first(value);
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/** pageNumber, or 1 for anything malformed (a query string never fails the page). */
export function parsePage(value: RawParam): number {
  return pageNumber(value) ?? 1;
}

export function isArticleSort(value: string): value is ArticleSort {
  return (ARTICLE_SORTS as readonly string[]).includes(value);
}

export function parseArticleSearch(params: Record<string, RawParam>): ArticleSearch {
  return { q: normalizeQuery(params.q), sort: parseSort(params.sort), page: parsePage(params.page) };
}

export function pageCount(total: number, perPage = ARTICLES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

// Relative, not '@/': next.config.ts loads this module through urls.ts.
export { escapeLikePattern } from '../db/like';
