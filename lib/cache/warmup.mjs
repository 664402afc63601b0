// @ts-check
/**
 * Optional warm-up: fill MISSING keys only (SET NX semantics), never overwrite an entry that is
 * already there (it may be newer than what the warm-up has, e.g. re-rendered after a deploy).
 *
 * Each warm-up entry should carry `lastModified` (epoch ms: when its data was produced, e.g. the
 * build time). It becomes the entry's written-at, so tag changes made after that time still
 * apply to the warmed entry. Without it the current time is used, which means tag changes made
 * before the warm-up do not apply to it: only pass data you know to be current.
 */
import { encode } from './serialize.mjs';
import { entryTags, withDeadline } from './handler.mjs';

/**
 * @typedef {Object} WarmupEntry
 * @property {string} key        the cache key Next uses (as passed to handler.set)
 * @property {any} data          the value, as Next passes it to handler.set
 * @property {any} [ctx]         the set context (cacheControl, tags, fetchCache...)
 * @property {number} [lastModified] epoch ms when the data was produced
 */

/**
 * @param {import('./handler.mjs').CacheCore} core
 * @param {Iterable<WarmupEntry>} entries
 * @returns {Promise<{ written: number, skipped: number, failed: number }>}
 */
export async function warmup(core, entries) {
  let written = 0;
  let skipped = 0;
  let failed = 0;
  for (const e of entries) {
    const ctx = e.ctx ?? {};
    const tags = entryTags(e.data, ctx);
    const ttl = core.ttlSeconds(e.data, ctx);
    const cc = !ctx.fetchCache && ctx.cacheControl ? { revalidate: ctx.cacheControl.revalidate, expire: ctx.cacheControl.expire } : undefined;
    let bytes;
    try {
      bytes = encode(e.data, cc ? { cc, ttl } : { ttl });
    } catch {
      failed++;
      continue;
    }
    if (bytes.length > core.cfg.maxEntryBytes) {
      core.metrics.inc('oversizeSkips');
      failed++;
      continue;
    }
    const at = typeof e.lastModified === 'number' && Number.isFinite(e.lastModified) ? e.lastModified * 1000 : undefined;
    const store = core.store;
    if (store) {
      const budget = await core.redisBudget();
      if (budget <= 0) {
        failed++;
        continue;
      }
      try {
        // Redis clamps the written-at to its own "now" (never in the future).
        const res = await withDeadline(() => store.write(e.key, bytes, tags, ttl * 1000, { nx: true, written: at ?? undefined }), budget);
        core.breaker.success();
        if (res === null) skipped++;
        else written++;
      } catch (err) {
        core.failure(err, 'warmup');
        failed++;
      }
    } else if (core.l1.get(e.key)) {
      skipped++;
    } else {
      const now = core.clock.now();
      core.l1.set(e.key, {
        bytes,
        written: at !== undefined ? Math.min(Math.floor(at), now) : now,
        tags,
        local: true,
        expiresAt: Date.now() + ttl * 1000,
      });
      written++;
    }
  }
  core.metrics.inc('warmupWritten', written);
  core.metrics.inc('warmupSkipped', skipped);
  return { written, skipped, failed };
}
