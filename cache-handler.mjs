// @ts-check
/**
 * Next.js cache handler (next.config: `cacheHandler: require.resolve('./cache-handler.mjs')`,
 * `cacheMaxMemorySize: 0`). Next constructs this class several times per request, so it only
 * delegates to the process-wide cache (Redis + in-process L1) from lib/cache, created once.
 * Configuration: environment variables documented at the top of lib/cache/config.mjs.
 */
import { getSharedCache } from './lib/cache/index.mjs';

export default class StakeEasyCacheHandler {
  /** @param {any} [ctx] Next's CacheHandlerContext */
  constructor(ctx) {
    this.core = getSharedCache(ctx).core;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  get(key, ctx) {
    return this.core.get(key, ctx);
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  set(key, data, ctx) {
    return this.core.set(key, data, ctx);
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  revalidateTag(tags, durations) {
    return this.core.revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
