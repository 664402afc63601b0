// A tiny app that uses both cache interfaces of @stakeeasy/next-redis-cache, configured as an
// outside app would (the package README): built and run by tests/app/use-cache.test.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const config = {
  cacheComponents: true,
  partialPrefetching: true,
  cacheHandler: path.join(here, 'cache-handler.mjs'),
  cacheMaxMemorySize: 0,
  cacheHandlers: {
    default: path.join(here, 'use-cache-handler.mjs'),
    remote: path.join(here, 'use-cache-handler.mjs'),
  },
  serverExternalPackages: ['@stakeeasy/next-redis-cache', 'ioredis'],
  distDir: process.env.FIXTURE_DIST_DIR ?? '.next',
  typescript: { ignoreBuildErrors: true },
};
export default config;
