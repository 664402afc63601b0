// @ts-check
/**
 * The incremental-cache handler (next.config: `cacheHandler` = a file that re-exports this,
 * `cacheMaxMemorySize: 0`). Next constructs this class several times per request, so it only
 * delegates to the process-wide cache (Redis + in-process L1, index.mjs), created once.
 * Configuration: environment variables documented at the top of config.mjs and in the README.
 */
import { getSharedCache } from './index.mjs';

export default class RedisCacheHandler {
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
