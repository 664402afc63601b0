/**
 * Invalidates the cached exchange rates (tag `rates`, shared by every user) from wherever a
 * refresh happens.
 *
 * Verified in next 16.4.6 (node_modules/next/dist/server/web/spec-extension/revalidate.js):
 * `revalidateTag` needs the request's work store and throws "Invariant: static generation
 * store missing" outside a request, e.g. in a timer started by instrumentation.ts. There the
 * cache handler is called directly; with a custom `cacheHandler` Next keeps no tag state of
 * its own (its tags manifest is only written by the default file-system cache), so the
 * handler's `revalidateTag` is the whole invalidation.
 *
 * Order of attempts:
 * 1. next/cache `revalidateTag(tag, 'max')` when inside a request (route handler / action);
 * 2. the shared cache published at globalThis[Symbol.for('stakeeasy.cache')] (@stakeeasy/next-redis-cache, index.mjs:
 *    its `core` has the handler's `revalidateTag(tags, durations)`; a top-level one is accepted too);
 * 3. the configured handler module itself, imported by file URL like Next's server does,
 *    so Node returns the same module instance and its module-level state.
 * All three use the same semantics as `revalidateTag(tag, 'max')`: the cached rates are
 * stale at once and refreshed on the next read.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { revalidateTag } from 'next/cache';
import { tags } from '@/lib/data-cache/tags';

/** What Next hands the handler for the 'max' profile (revalidateTag(tag, 'max')). */
export const MAX_PROFILE_DURATIONS = { expire: 31_536_000 };
const SHARED_HANDLER = Symbol.for('stakeeasy.cache');

interface TagRevalidator {
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> | void;
}

const hasRevalidate = (v: unknown): v is TagRevalidator => typeof (v as TagRevalidator | null)?.revalidateTag === 'function';

export type InvalidationPath = 'request' | 'shared-handler' | 'handler-module' | 'none';

export async function invalidateRates(): Promise<InvalidationPath> {
  const tag = tags.rates();
  try {
    revalidateTag(tag, 'max');
    return 'request';
  } catch {
    // outside a request: no work store
  }
  const shared = (globalThis as Record<symbol, { core?: unknown } | undefined>)[SHARED_HANDLER];
  const revalidator = [shared, shared?.core].find(hasRevalidate);
  if (revalidator) {
    await revalidator.revalidateTag([tag], MAX_PROFILE_DURATIONS);
    return 'shared-handler';
  }
  try {
    const file = pathToFileURL(path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'cache-handler.mjs')).href;
    const mod = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file)) as { default?: new (ctx: object) => unknown };
    const handler = mod.default ? new mod.default({}) : null;
    if (hasRevalidate(handler)) {
      await handler.revalidateTag([tag], MAX_PROFILE_DURATIONS);
      return 'handler-module';
    }
  } catch (error) {
    console.warn(`[rates] could not reach the cache handler (${(error as Error).name}); cached rates expire within 24 h`);
  }
  return 'none';
}
