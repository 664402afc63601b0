import 'server-only';
import { CACHE_SYMBOL, getSharedCache, type SharedCache } from '@stakeeasy/next-redis-cache';

/**
 * The process's cache: the instance cache-handler.mjs created and counts on. Next loads the
 * handler with Node directly but bundles app code, so this module's copy of the cache package is a
 * different module instance from the handler's: the singleton is found through the global
 * symbol both copies use. Only when no request has constructed the handler yet (e.g. the very
 * first request is a health check) is it created here, and the handler then adopts it.
 */
export function processCache(): SharedCache {
  const existing = (globalThis as unknown as Record<symbol, SharedCache | undefined>)[CACHE_SYMBOL];
  return existing ?? getSharedCache();
}
