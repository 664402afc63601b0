// @ts-check
/**
 * The file next.config.ts names as `cacheHandler`: the app takes the handler from its workspace
 * package exactly as an outside app would (see packages/next-redis-cache/README.md).
 */
export { default } from '@stakeeasy/next-redis-cache/cache-handler';
