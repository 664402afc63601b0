// @ts-check
/**
 * Kept for the modules and tests that import CacheCore from here; the core lives in core.mjs.
 */
export { CacheCore } from './core.mjs';
