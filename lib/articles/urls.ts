/**
 * Every public article URL, built in one place: pages, links, canonical tags, the sitemap, the
 * feeds, JSON-LD and next.config.ts (rewrites and redirects) all use these. Pure; imports nothing
 * through the `@/` alias so next.config.ts can load it.
 *
 * The index is cached whole (ISR), so its state is in the path, never in the query string:
 *   /articles                       newest, page 1
 *   /articles/page/3                newest, page 3
 *   /articles/sort/title            title, page 1
 *   /articles/sort/title/page/3     title, page 3
 * `/articles` and `/articles/page/N` are rewritten to the `sort/newest` routes (one set of route
 * files); the `sort/newest` spellings redirect to the short ones, so each state has one URL.
 * Search (`/articles?q=`) is rendered per request by the /search route (rewritten, noindex).
 * A single-segment article slug never collides with these: `page`, `sort` and `tag` routes all
 * take a second segment, and feed file names contain a dot, which slugs cannot.
 */
import { fillMetadataSegment } from 'next/dist/lib/metadata/get-metadata-route';
import { DEFAULT_SORT, type ArticleSearch, type ArticleSort } from './search-params';

export const ARTICLES_PATH = '/articles';
/** The route that renders search results (the target of the `/articles?q=` rewrite). */
export const SEARCH_ROUTE = '/search';

/** Query keys that make /articles the per-request search route (old ?sort=/?page= links too). */
export const INDEX_QUERY_KEYS = ['q', 'sort', 'page'] as const;

export type FeedFormat = 'rss' | 'atom';
export const FEED_FILES: Readonly<Record<FeedFormat, string>> = { rss: 'feed.xml', atom: 'atom.xml' };
export const FEED_TYPES: Readonly<Record<FeedFormat, string>> = { rss: 'application/rss+xml', atom: 'application/atom+xml' };

export function articlePath(slug: string): string {
  return `${ARTICLES_PATH}/${slug}`;
}

/**
 * The share image of an article: the route Next gives app/(public)/articles/[slug]/opengraph-image.tsx
 * (it adds a hash of the folder to the name), computed by Next's own helper so JSON-LD and the
 * feeds name the same URL as og:image. tests/app/public-content.test.ts checks they agree.
 */
export function articleImagePath(slug: string): string {
  return fillMetadataSegment('/(public)/articles/[slug]', { slug }, 'opengraph-image', false);
}

/** The site's share image (app/(public)/opengraph-image.tsx), for pages that state their own openGraph. */
export const SITE_IMAGE_PATH = fillMetadataSegment('/(public)', {}, 'opengraph-image', false);

export function tagPath(slug: string): string {
  return `${ARTICLES_PATH}/tag/${slug}`;
}

/** One page of the cached index; defaults are left out (one URL per state). */
export function indexPath({ sort = DEFAULT_SORT, page = 1 }: { sort?: ArticleSort; page?: number } = {}): string {
  const base = sort === DEFAULT_SORT ? ARTICLES_PATH : `${ARTICLES_PATH}/sort/${sort}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

/** Search results as readers see them in the address bar: `/articles?q=...` (defaults left out). */
export function searchPath({ q, sort = DEFAULT_SORT, page = 1 }: { q: string; sort?: ArticleSort; page?: number }): string {
  const params = new URLSearchParams({ q });
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  return `${ARTICLES_PATH}?${params.toString()}`;
}

/** The link for an index state: search results when there is a query, else the cached page. */
export function articlesHref(state: Partial<ArticleSearch>): string {
  return state.q ? searchPath({ q: state.q, sort: state.sort, page: state.page }) : indexPath(state);
}

/** RSS or Atom feed of every published article, or of one tag's. */
export function feedPath(format: FeedFormat, tagSlug?: string): string {
  return `${tagSlug ? tagPath(tagSlug) : ARTICLES_PATH}/${FEED_FILES[format]}`;
}

/** schema.org SearchAction target: `{search_term_string}` must stay unencoded. */
export function searchUrlTemplate(origin: string): string {
  return `${origin.replace(/\/$/, '')}${ARTICLES_PATH}?q={search_term_string}`;
}

/** `alternates.types` for a page's metadata: `<link rel="alternate">` to the feeds. */
export function feedAlternates(tag?: { slug: string; name: string }): Record<string, { url: string; title: string }[]> {
  const entries = (format: FeedFormat) => [
    ...(tag ? [{ url: feedPath(format, tag.slug), title: `${tag.name} articles (${format === 'rss' ? 'RSS' : 'Atom'})` }] : []),
    { url: feedPath(format), title: `StakeEasy strategy articles (${format === 'rss' ? 'RSS' : 'Atom'})` },
  ];
  return { [FEED_TYPES.rss]: entries('rss'), [FEED_TYPES.atom]: entries('atom') };
}

/** next.config.ts `rewrites().beforeFiles`: the short index URLs and search onto their routes. */
export function articleRewrites() {
  return [
    // Any query state on /articles is rendered per request: search, or an old ?sort=/?page= link
    // (which the search route redirects to its path form).
    ...INDEX_QUERY_KEYS.map((key) => ({ source: ARTICLES_PATH, has: [{ type: 'query' as const, key }], destination: SEARCH_ROUTE })),
    { source: ARTICLES_PATH, destination: `${ARTICLES_PATH}/sort/${DEFAULT_SORT}` },
    { source: `${ARTICLES_PATH}/page/:page`, destination: `${ARTICLES_PATH}/sort/${DEFAULT_SORT}/page/:page` },
  ];
}

/** next.config.ts `redirects()`: the long spellings of the default sort and page 1. */
export function articleRedirects() {
  const newest = `${ARTICLES_PATH}/sort/${DEFAULT_SORT}`;
  return [
    { source: newest, destination: ARTICLES_PATH, permanent: true },
    { source: `${newest}/page/:page`, destination: `${ARTICLES_PATH}/page/:page`, permanent: true },
    { source: `${ARTICLES_PATH}/page/1`, destination: ARTICLES_PATH, permanent: true },
    { source: `${ARTICLES_PATH}/sort/:sort/page/1`, destination: `${ARTICLES_PATH}/sort/:sort`, permanent: true },
  ];
}
