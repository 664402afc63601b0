/**
 * Cache-Control of every public page, in one place (next.config.ts `headers()` and the route
 * handlers use these). Imports nothing through the `@/` alias so next.config.ts can load it.
 *
 * Inside the app, public pages are cached whole (ISR through the shared cache handler) and
 * invalidated by the article tags the moment an edit is saved, on every instance. A CDN or a
 * browser cannot hear those invalidations, so what they are told must stay right without them:
 * - Cached pages (home, articles, index pages, tag pages, feeds, sitemap, robots, share images)
 *   and their 404s: `public, max-age=0, must-revalidate`. Anyone may store them, nobody may
 *   reuse them without asking; the ETag makes the question cheap (a 304 from the ISR cache).
 *   A stored 404 is therefore never served after the article is published, and an unpublished
 *   article is never served again. Next's own ISR header (`s-maxage=3600,
 *   stale-while-revalidate=<a year>`) would let a CDN do both for hours.
 * - Search results (`/articles?q=`): per query and rendered per request: `private, no-cache`
 *   keeps them out of shared caches; the browser may keep one for its back/forward cache.
 */

export const REVALIDATE_EACH_TIME = 'public, max-age=0, must-revalidate';
export const PRIVATE_NO_CACHE = 'private, no-cache';

interface HeaderRule {
  source: string;
  has?: { type: 'query'; key: string }[];
  headers: { key: string; value: string }[];
}

const cacheControl = (value: string) => [{ key: 'Cache-Control', value }];

/**
 * next.config.ts `headers()` rules. Next keeps a Cache-Control set here instead of deriving
 * its own from `revalidate`; when several rules match, the last one wins.
 */
export function publicCacheRules(paths: { articles: string; search: string; searchKeys: readonly string[] }): HeaderRule[] {
  return [
    { source: '/', headers: cacheControl(REVALIDATE_EACH_TIME) },
    { source: '/opengraph-image', headers: cacheControl(REVALIDATE_EACH_TIME) },
    { source: `${paths.articles}/:path*`, headers: cacheControl(REVALIDATE_EACH_TIME) },
    ...paths.searchKeys.map((key) => ({ source: paths.articles, has: [{ type: 'query' as const, key }], headers: cacheControl(PRIVATE_NO_CACHE) })),
    { source: paths.search, headers: cacheControl(PRIVATE_NO_CACHE) },
  ];
}
