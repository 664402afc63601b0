import type { NextConfig } from 'next';
import path from 'node:path';
import { publicCacheRules } from './lib/http/cache-policy';
import { ARTICLES_PATH, INDEX_QUERY_KEYS, SEARCH_ROUTE, articleRedirects, articleRewrites } from './lib/articles/urls';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

/**
 * Ids that name one deployment. Next puts the build id in asset paths and our cache handler in
 * every page key, so it must be a plain token.
 */
function deployToken(name: 'NEXT_BUILD_ID' | 'NEXT_DEPLOYMENT_ID'): string | undefined {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new Error(`${name} must be 1-64 letters, digits, "-" or "_" (got "${value}")`);
  return value;
}

const nextConfig: NextConfig = {
  // Version skew protection across a rolling deploy (see README, "Several instances"): asset
  // URLs carry ?dpl=<id> and a client that meets another deployment reloads instead of
  // navigating. Next also reads NEXT_DEPLOYMENT_ID itself; naming it here keeps both in one place.
  deploymentId: deployToken('NEXT_DEPLOYMENT_ID'),
  // Always defined: with a deploymentId and no generateBuildId, Next gives every build the same
  // constant id, and our handler (which keys pages by build id) would then serve one build's
  // pages to the next. null = Next's random id.
  generateBuildId: () => deployToken('NEXT_BUILD_ID') ?? deployToken('NEXT_DEPLOYMENT_ID') ?? null,
  // Our handler (Redis + in-process L1) is the only data/page cache: Next's
  // own per-process memory cache would shadow it and hide cross-instance
  // invalidations.
  // CACHE_HANDLER_PATH=none (Next's default cache) or another handler file is
  // only for the benchmarks, which compare handlers on the same build.
  ...(process.env.CACHE_HANDLER_PATH === 'none'
    ? {}
    : {
        cacheHandler: path.resolve(process.cwd(), process.env.CACHE_HANDLER_PATH ?? 'cache-handler.mjs'),
        cacheMaxMemorySize: 0,
      }),
  // Native, wasm and socket packages must be loaded by Node, not bundled. The cache package too:
  // app code (health, metrics, reserved tags) then loads the same files Node loads for the handler.
  serverExternalPackages: [
    '@stakeeasy/next-redis-cache',
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/argon2',
    'ioredis',
    'pg',
    '@prisma/adapter-pg',
    'prom-client',
  ],
  // Separate build folders let parallel test runs build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole repo once (tsc); doing it again inside
  // every build only costs time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
  // The BUILT_AT timestamp is the home page's sitemap lastmod: its content changes only with a deploy.
  env: { STAKEEASY_BUILT_AT: new Date().toISOString() },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }, ...publicCacheRules({ articles: ARTICLES_PATH, search: SEARCH_ROUTE, searchKeys: INDEX_QUERY_KEYS })];
  },
  async redirects() {
    return articleRedirects();
  },
  async rewrites() {
    return { beforeFiles: articleRewrites(), afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
