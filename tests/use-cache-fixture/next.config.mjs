// A tiny app that uses both cache interfaces of @stakeeasy/next-redis-cache, configured as an
// outside app would (the package README): built and run by tests/app/use-cache.test.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The bench's comparison build (bench/sections/use-cache.ts): the same app on Next's own
// in-memory handlers, to measure what the shared cache costs per request.
const nextDefault = process.env.FIXTURE_CACHE === 'next-default';

/** @type {import('next').NextConfig} */
const config = {
  cacheComponents: true,
  partialPrefetching: true,
  ...(nextDefault
    ? {}
    : {
        cacheHandler: path.join(here, 'cache-handler.mjs'),
        cacheMaxMemorySize: 0,
        cacheHandlers: {
          default: path.join(here, 'use-cache-handler.mjs'),
          remote: path.join(here, 'use-cache-handler.mjs'),
        },
      }),
  serverExternalPackages: ['@stakeeasy/next-redis-cache', 'ioredis'],
  distDir: process.env.FIXTURE_DIST_DIR ?? '.next',
  typescript: { ignoreBuildErrors: true },
};
export default config;
