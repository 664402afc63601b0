/**
 * The 'use cache' handler (cacheHandlers) against real Redis: Next's CacheHandler contract
 * (typed with next/cache's own types), stream handling, size cap, SWR vs expire, soft tags,
 * cross-instance invalidation shared with the incremental handler, and Redis paused / down.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { CacheEntry, CacheHandler } from 'next/cache';
import { startRedis, type RedisServer } from '../../../tests/helpers/redis-server';
import { createUseCacheHandler } from '../src/use-cache-handler.mjs';
import { CacheCore } from '../src/handler.mjs';
import { fetchValue, getCtx, makeCore, uniquePrefix, waitUntil } from './fixtures';

const SHARED = 'redis://127.0.0.1:6379';
const cores: CacheCore[] = [];
const servers: RedisServer[] = [];
afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  await Promise.allSettled(servers.map((s) => s.stop()));
});

function instance(prefix: string, extra: Record<string, unknown> = {}, url = SHARED) {
  const core = makeCore({ mode: 'standalone', redisUrl: url, keyPrefix: prefix, timeoutMs: 150, ...extra });
  cores.push(core);
  // Next's own interface type: a mismatch with the contract fails the typecheck
  const handler: CacheHandler = createUseCacheHandler({ core });
  return { core, handler };
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A value stream as Next produces it: several chunks; optionally errors after them. */
function chunkStream(parts: string[], opts: { errorAfter?: boolean; onCancel?: () => void } = {}) {
  let i = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (i < parts.length) controller.enqueue(enc.encode(parts[i++]));
      else if (opts.errorAfter) controller.error(new Error('render failed'));
      else controller.close();
    },
    cancel() {
      opts.onCancel?.();
    },
  });
  return { stream, pulls: () => pulls };
}

function entry(value: ReadableStream<Uint8Array>, tags: string[], over: Partial<CacheEntry> = {}): CacheEntry {
  return { value, tags, stale: 30, timestamp: Date.now(), expire: 3600, revalidate: 900, ...over };
}

async function text(e: CacheEntry | undefined) {
  if (!e) return undefined;
  return dec.decode(await new Response(e.value).arrayBuffer());
}

describe("'use cache' handler: the contract", () => {
  it('stores a streamed entry; every get returns a new stream over the same bytes and the metadata', async () => {
    const { handler } = instance(uniquePrefix('uc-roundtrip'));
    const parts = ['<div>', 'é€😀'.repeat(300), '</div>'];
    const ts = Date.now() - 5;
    await handler.set('k1', Promise.resolve(entry(chunkStream(parts).stream, ['t-a', 't-b'], { timestamp: ts })));
    const a = await handler.get('k1', []);
    const b = await handler.get('k1', []);
    expect(a && b).toBeTruthy();
    expect(a!.value).not.toBe(b!.value);
    expect(await text(a)).toBe(parts.join(''));
    expect(await text(b)).toBe(parts.join(''));
    expect(a).toMatchObject({ tags: ['t-a', 't-b'], stale: 30, timestamp: ts, expire: 3600, revalidate: 900 });
    expect(await handler.get('absent', [])).toBeUndefined();
    expect(await handler.getExpiration(['t-a'])).toBe(Infinity);
  });

  it('a get of a key whose set is still pending waits for it instead of missing', async () => {
    const { handler } = instance(uniquePrefix('uc-pending'));
    let resolve!: (e: CacheEntry) => void;
    const pending = new Promise<CacheEntry>((r) => (resolve = r));
    const setting = handler.set('slow', pending);
    const got = handler.get('slow', []);
    resolve(entry(chunkStream(['late value']).stream, ['t']));
    await setting;
    expect(await text(await got)).toBe('late value');
  });

  it('a stream that errors part way is discarded: not stored, the previous value is not replaced by partial bytes', async () => {
    const { core, handler } = instance(uniquePrefix('uc-interrupt'));
    await handler.set('k', Promise.resolve(entry(chunkStream(['complete']).stream, ['t'])));
    await handler.set('k', Promise.resolve(entry(chunkStream(['partial-1', 'partial-2'], { errorAfter: true }).stream, ['t'])));
    expect(core.getStats().counters.streamDiscards).toBe(1);
    expect(await text(await handler.get('k', []))).toBe('complete');
    await handler.set('fresh-key', Promise.resolve(entry(chunkStream(['x'], { errorAfter: true }).stream, ['t'])));
    expect(await handler.get('fresh-key', [])).toBeUndefined();
    expect(await core.store!.client.exists(core.store!.entryKey('fresh-key', 'USE_CACHE'))).toBe(0);
  });

  it('size cap: reading stops at CACHE_MAX_ENTRY_BYTES, nothing is stored, the older value is dropped', async () => {
    const { core, handler } = instance(uniquePrefix('uc-cap'), { maxEntryBytes: 4096 });
    await handler.set('big', Promise.resolve(entry(chunkStream(['small']).stream, ['t'])));
    let cancelled = false;
    const parts = Array.from({ length: 100 }, () => 'x'.repeat(1024));
    const src = chunkStream(parts, { onCancel: () => (cancelled = true) });
    await handler.set('big', Promise.resolve(entry(src.stream, ['t'])));
    expect(cancelled).toBe(true);
    expect(src.pulls()).toBeLessThan(10); // stopped at the cap, not read to the end
    expect(core.getStats().counters.oversizeSkips).toBe(1);
    expect(await handler.get('big', [])).toBeUndefined();
    expect(await core.store!.client.exists(core.store!.entryKey('big', 'USE_CACHE'))).toBe(0);
  });

  it('an entry with expire 0 (dynamic) is not stored', async () => {
    const { handler } = instance(uniquePrefix('uc-dynamic'));
    await handler.set('dyn', Promise.resolve(entry(chunkStream(['d']).stream, ['t'], { expire: 0, revalidate: 0 })));
    expect(await handler.get('dyn', [])).toBeUndefined();
  });
});

describe("'use cache' handler: invalidation across instances and interfaces", () => {
  const prefix = uniquePrefix('uc-two');
  let A: ReturnType<typeof instance>;
  let B: ReturnType<typeof instance>;
  beforeAll(async () => {
    A = instance(prefix);
    B = instance(prefix);
    await Promise.all([A.core.ready(), B.core.ready()]);
  });

  it('updateTags with durations (revalidateTag(tag, "max")) on B: A serves the entry once with revalidate -1, then the regenerated one fresh', async () => {
    await A.handler.set('swr', Promise.resolve(entry(chunkStream(['v1']).stream, ['posts'])));
    expect((await B.handler.get('swr', []))?.revalidate).toBe(900);
    await B.handler.updateTags(['posts'], { expire: 31_536_000 });
    const stale = await A.handler.get('swr', []);
    expect(stale?.revalidate).toBe(-1);
    expect(await text(stale)).toBe('v1');
    // Next regenerates it in the background and stores the new value
    await A.handler.set('swr', Promise.resolve(entry(chunkStream(['v2']).stream, ['posts'])));
    const fresh = await B.handler.get('swr', []);
    expect(fresh?.revalidate).toBe(900);
    expect(await text(fresh)).toBe('v2');
  });

  it('updateTags without durations (updateTag) on B: a miss on A at once', async () => {
    await A.handler.set('exp', Promise.resolve(entry(chunkStream(['v1']).stream, ['cart'])));
    expect(await text(await A.handler.get('exp', []))).toBe('v1'); // now in A's L1 too
    await B.handler.updateTags(['cart']);
    expect(await A.handler.get('exp', [])).toBeUndefined();
  });

  it('soft tags (revalidatePath): an entry is expired by an invalidated implicit tag passed to get', async () => {
    const soft = ['_N_T_/layout', '_N_T_/blog/layout', '_N_T_/blog/page'];
    await A.handler.set('page-data', Promise.resolve(entry(chunkStream(['blog']).stream, ['blog'])));
    expect(await text(await B.handler.get('page-data', soft))).toBe('blog');
    await A.handler.updateTags(['_N_T_/blog/page']);
    expect(await B.handler.get('page-data', soft)).toBeUndefined();
    // another route's request does not carry that soft tag
    expect(await text(await B.handler.get('page-data', ['_N_T_/layout']))).toBe('blog');
  });

  it('one invalidation reaches both interfaces: revalidateTag of the incremental handler expires a use-cache entry, updateTags an unstable_cache entry', async () => {
    await A.handler.set('uc', Promise.resolve(entry(chunkStream(['uc']).stream, ['shared-tag'])));
    await A.core.set('uc-fetch', fetchValue('f', ['shared-tag']), { fetchCache: true, tags: ['shared-tag'] });
    expect(await B.handler.get('uc', [])).toBeDefined();
    expect(await B.core.get('uc-fetch', getCtx('FETCH', { tags: ['shared-tag'] }))).not.toBeNull();

    await B.core.revalidateTag(['shared-tag']); // what cache-handler.mjs does for revalidateTag / updateTag
    expect(await A.handler.get('uc', [])).toBeUndefined();

    await A.core.set('uc-fetch', fetchValue('f2', ['other-tag']), { fetchCache: true, tags: ['other-tag'] });
    expect(await B.core.get('uc-fetch', getCtx('FETCH', { tags: ['other-tag'] }))).not.toBeNull();
    await B.handler.updateTags(['other-tag']);
    expect(await A.core.get('uc-fetch', getCtx('FETCH', { tags: ['other-tag'] }))).toBeNull();
  });
});

describe('one invalidation from Next reaching both interfaces of one process', () => {
  it('updateTags and the incremental revalidateTag of the same tags in one turn make one Redis call; a later one makes its own', async () => {
    const { core, handler } = instance(uniquePrefix('uc-coalesce'));
    await core.ready();
    const store = core.store!;
    const invalidate = store.invalidate.bind(store);
    let calls = 0;
    store.invalidate = (...args: Parameters<typeof invalidate>) => {
      calls++;
      return invalidate(...args);
    };
    await handler.set('c', Promise.resolve(entry(chunkStream(['c']).stream, ['co-tag'])));
    // what Next's revalidateTags does for updateTag('co-tag') with both interfaces configured
    await Promise.all([handler.updateTags(['co-tag']), core.revalidateTag(['co-tag'])]);
    expect(calls).toBe(1);
    expect(core.getStats().counters.invalidationsCoalesced).toBe(1);
    expect(await handler.get('c', [])).toBeUndefined();
    // a different operation on the same tag, or the same one in a later turn, is not shared
    await Promise.all([handler.updateTags(['co-tag'], { expire: 60 }), core.revalidateTag(['co-tag'])]);
    expect(calls).toBe(3);
    await core.revalidateTag(['co-tag']);
    expect(calls).toBe(4);
  });

  it('in-process mode: an invalidation after an await is never skipped, even within one turn', async () => {
    const core = makeCore({ mode: 'disabled' });
    cores.push(core);
    const handler = createUseCacheHandler({ core });
    await handler.set('m', Promise.resolve(entry(chunkStream(['m1']).stream, ['mem-tag'])));
    await core.revalidateTag(['mem-tag']);
    await handler.set('m', Promise.resolve(entry(chunkStream(['m2']).stream, ['mem-tag'])));
    expect(await text(await handler.get('m', []))).toBe('m2');
    await core.revalidateTag(['mem-tag']);
    expect(await handler.get('m', [])).toBeUndefined();
  });
});

describe("'use cache' handler: Redis paused or down", () => {
  let srv: RedisServer;
  beforeAll(async () => {
    srv = await startRedis();
    servers.push(srv);
  });

  it('Redis paused (SIGSTOP): get, set and updateTags each answer within the budget; the queued invalidation is replayed on resume and seen by the other instance', async () => {
    const prefix = uniquePrefix('uc-pause');
    const budget = 100;
    const A = instance(prefix, { timeoutMs: budget, breakerCooldownMs: 30_000 }, srv.url);
    const B = instance(prefix, { timeoutMs: budget }, srv.url);
    await Promise.all([A.core.ready(), B.core.ready()]);
    // set-up: the entry in Redis and in B's L1 (a 100 ms budget can time out on a loaded machine)
    const inB = async () => (await text(await B.handler.get('p', []))) === 'before';
    for (let i = 0; i < 5 && !(await inB()); i++) await A.handler.set('p', Promise.resolve(entry(chunkStream(['before']).stream, ['paused-tag'])));
    expect(await inB()).toBe(true);

    srv.pause();
    try {
      const timed = async <T>(fn: () => Promise<T>) => {
        const t0 = performance.now();
        const value = await fn();
        return { value, ms: performance.now() - t0 };
      };
      const margin = 60; // event-loop slack on a shared 2-core machine
      const get = await timed(() => A.handler.get('p', []));
      expect(get.ms).toBeLessThan(budget + margin);
      const set = await timed(() => A.handler.set('p2', Promise.resolve(entry(chunkStream(['during']).stream, ['other']))));
      expect(set.ms).toBeLessThan(budget + margin);
      const upd = await timed(() => A.handler.updateTags(['paused-tag']));
      expect(upd.ms).toBeLessThan(budget + margin);
      expect(A.core.pending.size).toBe(1);
      // applied locally at once
      expect(await A.handler.get('p', [])).toBeUndefined();
    } finally {
      srv.resume();
    }
    // replayed in the background, without another call on A
    expect(await waitUntil(() => A.core.pending.size === 0, 3000)).toBe(true);
    expect(await waitUntil(async () => (await B.handler.get('p', [])) === undefined, 3000)).toBe(true);
  });

  it('Redis killed: gets miss or serve from L1 within the budget, and nothing throws', async () => {
    const prefix = uniquePrefix('uc-kill');
    const A = instance(prefix, { timeoutMs: 100 }, srv.url);
    await A.core.ready();
    await A.handler.set('k', Promise.resolve(entry(chunkStream(['kept']).stream, ['kill-tag'])));
    expect(await text(await A.handler.get('k', []))).toBe('kept'); // a read confirms its tag records
    await srv.kill();
    try {
      const t0 = performance.now();
      const got = await A.handler.get('k', []);
      expect(performance.now() - t0).toBeLessThan(160);
      // its tag records were confirmed over a live subscription: served from L1
      expect(await text(got)).toBe('kept');
      await expect(A.handler.updateTags(['kill-tag'])).resolves.toBeUndefined();
      expect(await A.handler.get('k', [])).toBeUndefined();
    } finally {
      await srv.start();
    }
  });
});
