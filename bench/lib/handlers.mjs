// @ts-check
/**
 * The two handlers under test, behind the interface Next calls (get / set / revalidateTag), for
 * the handler-level and freshness measurements (also used from the freshness worker processes).
 *
 *   ours  @stakeeasy/next-redis-cache/core CacheCore (what cache-handler.mjs delegates to), configured
 *         through its config overrides instead of process.env
 *   peer  bench/peer-cache-handler.mjs (fortedigital CacheHandler + Redis strings handler on
 *         ioredis). Its configuration is per process (PEER_* env), so one peer per process.
 *   trieb @trieb.work/nextjs-turbo-redis-cache's RedisStringsHandler (node-redis), the second
 *         peer: in-memory tag map synced by pub/sub, a 10 s in-memory get cache by default.
 *
 * Ours and peer count the commands their client sends (ioredis sendCommand), next to the
 * server-side INFO commandstats deltas, because commandstats also counts commands run inside Lua
 * scripts. trieb's node-redis client is not instrumented: its count is server-side only (-1 here).
 */
import { CacheCore } from '@stakeeasy/next-redis-cache/core';

/** @typedef {'ours' | 'peer' | 'trieb'} HandlerKind */
/**
 * @typedef {Object} BenchHandler
 * @property {HandlerKind} kind
 * @property {(key: string, ctx: any) => Promise<any>} get
 * @property {(key: string, data: any, ctx: any) => Promise<void>} set
 * @property {(tags: string | string[], durations?: { expire?: number }) => Promise<void>} revalidateTag
 * @property {() => number} commandsSent
 * @property {() => Promise<void>} close
 * @property {any} [core] ours only
 */

const silent = { info() {}, warn() {}, error() {} };

/**
 * Counts the commands a client sends.
 * @param {any} client ioredis client
 */
function countCommands(client) {
  const counter = { n: 0 };
  const original = client.sendCommand.bind(client);
  client.sendCommand = (/** @type {any[]} */ ...args) => {
    counter.n++;
    return original(...args);
  };
  return counter;
}

/**
 * @param {{ redisUrl?: string, keyPrefix: string, timeoutMs: number, l1MaxBytes?: number, buildId?: string }} o
 * @returns {Promise<BenchHandler>}
 */
export async function createOurs(o) {
  const core = new CacheCore({
    env: {},
    buildId: o.buildId ?? 'bench',
    logger: silent,
    config: {
      mode: o.redisUrl ? 'standalone' : 'disabled',
      redisUrl: o.redisUrl,
      keyPrefix: o.keyPrefix,
      timeoutMs: o.timeoutMs,
      ...(o.l1MaxBytes !== undefined ? { l1MaxBytes: o.l1MaxBytes } : {}),
    },
  });
  if (o.redisUrl && !(await core.ready(10_000))) throw new Error('our handler did not connect to Redis');
  const counter = core.store ? countCommands(core.store.client) : { n: 0 };
  return {
    kind: 'ours',
    core,
    get: (key, ctx) => core.get(key, ctx),
    set: (key, data, ctx) => core.set(key, data, ctx),
    revalidateTag: (tags, durations) => core.revalidateTag(tags, durations),
    commandsSent: () => counter.n,
    close: () => core.close(),
  };
}

/**
 * @param {{ redisUrl: string, keyPrefix: string, timeoutMs?: number | null }} o  timeoutMs null/undefined: the library default
 * @returns {Promise<BenchHandler>}
 */
export async function createPeer(o) {
  process.env.PEER_REDIS_URL = o.redisUrl;
  process.env.PEER_KEY_PREFIX = o.keyPrefix;
  if (typeof o.timeoutMs === 'number') process.env.PEER_TIMEOUT_MS = String(o.timeoutMs);
  else delete process.env.PEER_TIMEOUT_MS;
  const mod = await import('../peer-cache-handler.mjs');
  const Handler = mod.default;
  const handler = new Handler({ serverDistDir: '/nonexistent/server', dev: false });
  // onCreation runs on first use; make it happen (and connect) before anything is timed.
  await handler.get('__bench_warmup__', { kind: 'FETCH', softTags: [] });
  const counter = countCommands(mod.peerClient());
  return {
    kind: 'peer',
    get: (key, ctx) => handler.get(key, ctx),
    set: (key, data, ctx) => handler.set(key, data, ctx),
    revalidateTag: (tags, durations) => handler.revalidateTag(tags, durations),
    commandsSent: () => counter.n,
    close: async () => {
      mod.peerClient().disconnect();
    },
  };
}

/**
 * @param {{ redisUrl: string, keyPrefix: string, inMemoryCachingTime?: number }} o
 *   inMemoryCachingTime: its in-memory get cache in ms (library default 10 s; 0 = every get reads Redis)
 * @returns {Promise<BenchHandler>}
 */
export async function createTrieb(o) {
  const { RedisStringsHandler } = await import('@trieb.work/nextjs-turbo-redis-cache');
  // Its README's requirement: keyevent notifications (it refuses to start without them).
  const { Redis } = await import('ioredis');
  const admin = new Redis(o.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await admin.config('SET', 'notify-keyspace-events', 'Exe');
  } finally {
    admin.disconnect();
  }
  const handler = new RedisStringsHandler({
    redisUrl: o.redisUrl,
    database: 0,
    keyPrefix: o.keyPrefix,
    ...(o.inMemoryCachingTime !== undefined ? { inMemoryCachingTime: o.inMemoryCachingTime } : {}),
  });
  // It connects and syncs its tag maps on first use; make that happen before anything is timed.
  await handler.get('__bench_warmup__', /** @type {any} */ ({ kind: 'FETCH', revalidate: 60, fetchUrl: '', fetchIdx: 0, tags: [], softTags: [], isFallback: false }));
  return {
    kind: 'trieb',
    get: (key, ctx) => handler.get(key, ctx),
    set: (key, data, ctx) => handler.set(key, data, ctx),
    revalidateTag: (tags, durations) => handler.revalidateTag(tags, durations),
    commandsSent: () => -1,
    close: async () => {
      const h = /** @type {any} */ (handler);
      // It has no close: its synced maps' subscribers (private fields) reconnect forever once
      // Redis goes away, and the bench's Redis is killed and stopped after this handler is done.
      for (const map of [h.sharedTagsMap, h.revalidatedTagsMap, h.inMemoryDeduplicationCache]) {
        if (!map) continue;
        map.isReconnecting = true;
        const sub = map.subscriberClient;
        sub?.removeAllListeners?.('error');
        sub?.on?.('error', () => {});
        await sub?.disconnect?.().catch(() => {});
      }
      await h.client?.quit?.().catch(() => h.client?.disconnect?.());
      closedTrieb = true;
    },
  };
}

/**
 * trieb's get deduplication removes each key from its synced map by a timer up to
 * `inMemoryCachingTime` (10 s) after the get, and that removal publishes on the client even
 * once it is closed: an unhandled ClientClosedError that would end the bench. After a trieb
 * handler was closed, that one error is ignored; any other unhandled rejection still ends the run.
 */
let closedTrieb = false;
process.on('unhandledRejection', (err) => {
  if (closedTrieb && err instanceof Error && err.constructor.name === 'ClientClosedError') return;
  throw err;
});

/**
 * @param {HandlerKind} kind
 * @param {{ redisUrl: string, keyPrefix: string, timeoutMs: number, peerTimeoutMs?: number | null, l1MaxBytes?: number }} o
 */
export function createHandler(kind, o) {
  if (kind === 'trieb') return createTrieb(o);
  return kind === 'ours' ? createOurs(o) : createPeer({ ...o, timeoutMs: o.peerTimeoutMs });
}

/* ------------------------------------------------------------------ entries as Next makes them */

import { IMMUTABLE_TAG, SLOT_TAG_PREFIX } from '@stakeeasy/next-redis-cache/reserved-tags';

export const SOFT_TAGS = ['_N_T_/layout', '_N_T_/(app)/layout', '_N_T_/(app)/dashboard/layout', '_N_T_/(app)/dashboard/page', '_N_T_/dashboard'];
export const REVALIDATE = 300;

/**
 * An unstable_cache result (FETCH kind) the way Next stores it, with a JSON body of about
 * `bodyBytes` bytes.
 * @param {number} i
 * @param {number} [bodyBytes]
 * @param {string} [marker]
 */
export function fetchEntry(i, bodyBytes = 2048, marker = 'v1') {
  const rows = [];
  let size = 0;
  for (let r = 0; size < bodyBytes; r++) {
    const row = { id: `h${i}_${r}`, name: `Bench site ${r}`, amount: (1000 + r * 13.37).toFixed(2), currency: 'EUR', recordedAt: '2026-11-21T20:00:00.000Z' };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return {
    kind: 'FETCH',
    data: { headers: {}, body: JSON.stringify({ marker, rows }), status: 200, url: '' },
    revalidate: REVALIDATE,
  };
}

/** The tags of entry i: its own (unique) tag and a group tag shared by 100 entries. */
export const entryTags = (/** @type {number} */ i) => [`bench:e:${i}`, `bench:g:${i % 100}`];

/** @param {number} i */
export const setCtx = (i) => ({ fetchCache: true, tags: entryTags(i), fetchIdx: 1, fetchUrl: `unstable_cache bench ${i}`, revalidate: REVALIDATE });

/** @param {number} i */
export const getCtx = (i) => ({ kind: 'FETCH', revalidate: REVALIDATE, tags: entryTags(i), softTags: SOFT_TAGS, fetchIdx: 1, fetchUrl: `unstable_cache bench ${i}` });

export const entryKey = (/** @type {number} */ i) => `bench-entry-${i}`;

/**
 * The marker inside a get result ('v1', 'v2'...), or null for a miss.
 * @param {any} res
 */
export function markerOf(res) {
  if (res?.value?.kind === 'APP_PAGE') return /data-marker="([^"]*)"/.exec(res.value.html)?.[1] ?? null;
  if (!res || !res.value || res.value.kind !== 'FETCH') return null;
  try {
    return JSON.parse(res.value.data.body).marker ?? null;
  } catch {
    return null;
  }
}

/**
 * A per-user read as lib/data-cache/read.ts tags it: its user tag, its slot, and the immutable
 * marker (the key carries the user's data version).
 * @param {number} i
 */
export const userEntryTags = (i) => [`user:bench${i}:holdings`, `${SLOT_TAG_PREFIX}holdings:bench${i}`, IMMUTABLE_TAG];

/** @param {number} i */
export const userSetCtx = (i) => ({ ...setCtx(i), tags: userEntryTags(i) });

/** @param {number} i */
export const userGetCtx = (i) => ({ ...getCtx(i), tags: userEntryTags(i) });

/** @param {number} i */
export const userEntryKey = (i) => `bench-user-entry-${i}-v1`;

/**
 * An ISR page as Next stores it (APP_PAGE), tagged with its layout and `tag`; `marker` is in the
 * HTML (markerOf reads it back).
 * @param {string} tag
 * @param {string} marker
 */
export function pageEntry(tag, marker) {
  return {
    kind: 'APP_PAGE',
    html: `<!DOCTYPE html><html><body><main data-marker="${marker}">${'<p>Strategy article text.</p>'.repeat(200)}</main></body></html>`,
    rscData: Buffer.alloc(8192, 1),
    status: 200,
    postponed: undefined,
    headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/articles/[slug]/page,${tag}`, 'content-type': 'text/html; charset=utf-8' },
    segmentData: new Map(),
  };
}
export const pageSetCtx = () => ({ cacheControl: { revalidate: REVALIDATE, expire: 31536000 }, isRoutePPREnabled: false, isFallback: false });
export const pageGetCtx = () => ({ kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false });
