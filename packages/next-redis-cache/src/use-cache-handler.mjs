// @ts-check
/**
 * The 'use cache' / 'use cache: remote' handler (next.config `cacheHandlers`), on the same
 * process-wide core as the incremental cacheHandler: same Redis keys and scripts, tag records,
 * L1, breaker, outage queue, time budget and metrics. So one invalidation reaches both
 * interfaces: updateTags here and revalidateTag in cache-handler.mjs write the same tag records,
 * and an entry of either kind carrying the tag is stale / expired on every instance.
 *
 * The contract (next/dist/server/lib/cache-handlers/types.d.ts, Next 16):
 * - get(key, softTags): the entry with a NEW value stream, or undefined. Tags and soft tags are
 *   checked against the tag records read in the get's own round trip: expired -> undefined,
 *   stale -> the entry with `revalidate: -1` (Next serves it once and regenerates it in the
 *   background). Next checks `timestamp + expire` itself.
 * - set(key, pendingEntry): consume the single-use stream once, never keep it (nor the promise)
 *   after set resolves. A stream that errors is discarded, never stored. A get of a key whose set
 *   is still pending in this process waits for that set.
 * - getExpiration(tags) -> Infinity: soft tags are checked in get (same round trip), so no
 *   separate per-request read of their records is needed.
 * - refreshTags(): nothing to do, for the same reason: no tag state is trusted without Redis
 *   confirming it (see core.mjs, "Consistency of the L1").
 * - updateTags(tags, durations): durations absent -> expire now (updateTag); present -> stale now,
 *   expired after `durations.expire` (revalidateTag(tag, 'max')).
 *
 * The stream is read chunk by chunk and the chunks go straight into the binary envelope
 * (serialize.mjs: raw segments), so the value is copied once, into the buffer sent to Redis; the
 * size cap (CACHE_MAX_ENTRY_BYTES) is enforced while reading, and reading stops at the cap.
 */
import { getSharedCache } from './index.mjs';
import { USE_CACHE_KIND } from './next-contract.mjs';

/**
 * The entry Next hands to set and expects from get (next/cache `CacheEntry`).
 * @typedef {Object} UseCacheEntry
 * @property {ReadableStream<Uint8Array>} value
 * @property {string[]} tags tags of the entry, without soft tags
 * @property {number} stale seconds, for the client
 * @property {number} timestamp ms, when the entry was created
 * @property {number} expire seconds: hard limit
 * @property {number} revalidate seconds until a background refresh; -1 = refresh now
 */

/**
 * The `cacheHandlers` interface (next/cache `CacheHandler`).
 * @typedef {Object} UseCacheHandler
 * @property {(cacheKey: string, softTags: string[]) => Promise<UseCacheEntry | undefined>} get
 * @property {(cacheKey: string, pendingEntry: Promise<UseCacheEntry>) => Promise<void>} set
 * @property {() => Promise<void>} refreshTags
 * @property {(tags: string[]) => Promise<number>} getExpiration
 * @property {(tags: string[], durations?: { expire?: number }) => Promise<void>} updateTags
 */

/**
 * What is stored: the entry's metadata and its bytes as the chunks the stream delivered.
 * @typedef {{ kind: typeof USE_CACHE_KIND, tags: string[], stale: number, timestamp: number, expire: number, revalidate: number, chunks: Uint8Array[] }} StoredUseCacheEntry
 */

/** Why a value stream was not stored. */
class Discarded extends Error {
  /** @param {'oversize' | 'interrupted'} reason */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * Read a stream to its end, keeping its chunks, at most `maxBytes` in total.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {number} maxBytes
 * @returns {Promise<Uint8Array[]>}
 */
async function readChunks(stream, maxBytes) {
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch {
        throw new Discarded('interrupted');
      }
      if (step.done) return chunks;
      size += step.value.byteLength;
      if (size > maxBytes) {
        // stop the producer's work for bytes that will never be stored
        void reader.cancel().catch(() => {});
        throw new Discarded('oversize');
      }
      chunks.push(step.value);
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A fresh single-use stream over decoded chunks (decode copies out of the stored bytes, so a
 * consumer never holds the L1's buffer).
 * @param {Uint8Array[]} chunks
 * @returns {ReadableStream<Uint8Array>}
 */
function streamOf(chunks) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

/**
 * Create a 'use cache' handler. Next loads the module named in `cacheHandlers` and takes its
 * default export; several kinds (`default`, `remote`, named ones) pointing at the same file share
 * one handler. The core is taken on first use, not at import.
 * @param {{ core?: import('./core.mjs').CacheCore }} [opts] the core to use (default: the
 *   process-wide one, shared with cache-handler.mjs; tests and embedding code pass their own)
 * @returns {UseCacheHandler}
 */
export function createUseCacheHandler(opts = {}) {
  /** @type {Map<string, Promise<void>>} sets of this process still in progress, by key */
  const pendingSets = new Map();
  const core = () => opts.core ?? getSharedCache().core;

  return {
    async get(cacheKey, softTags) {
      const pending = pendingSets.get(cacheKey);
      if (pending) await pending;
      try {
        const hit = await core().get(cacheKey, { kind: USE_CACHE_KIND, softTags });
        if (!hit) return undefined;
        const stored = /** @type {StoredUseCacheEntry} */ (hit.value);
        if (!stored || stored.kind !== USE_CACHE_KIND || !Array.isArray(stored.chunks)) return undefined;
        return {
          value: streamOf(stored.chunks),
          tags: stored.tags,
          stale: stored.stale,
          timestamp: stored.timestamp,
          expire: stored.expire,
          revalidate: hit.stale ? -1 : stored.revalidate,
        };
      } catch (err) {
        core().logError('use-cache get', err);
        return undefined;
      }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      const pending = new Promise((resolve) => {
        done = () => resolve(undefined);
      });
      pendingSets.set(cacheKey, pending);
      const c = core();
      try {
        const entry = await pendingEntry;
        // expire 0 = dynamic: Next regenerates it on every read, a stored copy is never served
        if (entry.expire === 0 && !process.env.__NEXT_DEV_SERVER) {
          void entry.value.cancel().catch(() => {});
          return;
        }
        const chunks = await readChunks(entry.value, c.cfg.maxEntryBytes);
        /** @type {StoredUseCacheEntry} */
        const stored = {
          kind: USE_CACHE_KIND,
          tags: Array.isArray(entry.tags) ? entry.tags : [],
          stale: entry.stale,
          timestamp: entry.timestamp,
          expire: entry.expire,
          revalidate: entry.revalidate,
          chunks,
        };
        await c.set(cacheKey, stored, { cacheControl: { revalidate: entry.revalidate, expire: entry.expire } });
      } catch (err) {
        if (err instanceof Discarded) {
          c.metrics.inc(err.reason === 'oversize' ? 'oversizeSkips' : 'streamDiscards');
          if (err.reason === 'oversize') {
            // as core.set does: never keep serving an older value of what was being replaced
            c.l1.delete(cacheKey);
            await c.callRedis('del', (store) => store.del(cacheKey, USE_CACHE_KIND));
          }
        } else {
          c.metrics.inc('streamDiscards');
          c.logError('use-cache set', err);
        }
      } finally {
        pendingSets.delete(cacheKey);
        done();
      }
    },

    async refreshTags() {},

    async getExpiration() {
      return Infinity;
    },

    async updateTags(tags, durations) {
      try {
        await core().revalidateTag(tags, durations);
      } catch (err) {
        core().logError('use-cache updateTags', err);
      }
    },
  };
}

/** The process's 'use cache' handler: the default export Next loads from `cacheHandlers`. */
const handler = createUseCacheHandler();
export default handler;
