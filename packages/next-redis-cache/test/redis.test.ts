/**
 * Core behaviour against the real Redis on 127.0.0.1:6379 (unique key prefix per run; nothing
 * here stops or pauses Redis). Two CacheCore instances with their own clients simulate two app
 * instances.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CacheCore } from '../src/handler.mjs';
import { loadConfig } from '../src/config.mjs';
import {
  allKinds, getCtx, makeCore, fetchValue, appPageValue, appRouteValue, fetchIsStale, PAGE_CC, sleep, uniquePrefix, waitUntil,
} from './fixtures';

const loadConfigDataVersion = (env: Record<string, string>) => loadConfig(env).dataVersion;
const URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('redis');
const raw = new Redis(URL, { lazyConnect: false });
const cores: CacheCore[] = [];
function core(extra: Record<string, unknown> = {}, buildId = 'b1') {
  const c = makeCore({ mode: 'standalone', redisUrl: URL, keyPrefix: prefix, timeoutMs: 500, ...extra }, { buildId });
  cores.push(c);
  return c;
}

let A: CacheCore;
let B: CacheCore;

beforeAll(async () => {
  A = core();
  B = core();
  expect(await A.ready()).toBe(true);
  expect(await B.ready()).toBe(true);
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.close()));
  let cursor = '0';
  do {
    const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await raw.del(...keys);
  } while (cursor !== '0');
  raw.disconnect();
});

describe('round trips through Redis', () => {
  it('every kind round-trips exactly, from Redis on another instance and from L1', async () => {
    for (const [kind, { data, ctx }] of Object.entries(allKinds())) {
      await A.set(`rt-${kind}`, data, ctx);
      const fromRedis = await B.get(`rt-${kind}`, getCtx(kind));
      expect(fromRedis?.value, kind).toStrictEqual(data);
      const fromL1 = await B.get(`rt-${kind}`, getCtx(kind));
      expect(fromL1?.value, kind).toStrictEqual(data);
    }
    const page = (await B.get('rt-APP_PAGE', getCtx('APP_PAGE')))!.value;
    expect(page.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    expect((await B.get('rt-APP_PAGE', getCtx('APP_PAGE')))!.cacheControl).toEqual(PAGE_CC);
  });

  it('stores raw bytes: stored size ~ binary payload, not base64', async () => {
    const body = randomBytes(2_000_000);
    await A.set('raw-size', { kind: 'APP_ROUTE', body, status: 200, headers: { 'x-next-cache-tags': 'blob' } }, { cacheControl: PAGE_CC });
    const key = A.store!.entryKey('raw-size');
    const len = await raw.hstrlen(key, 'v');
    expect(len).toBeGreaterThanOrEqual(body.length);
    expect(len).toBeLessThan(body.length + 500); // base64 would be ~2.67 MB
    const stored = await raw.hgetBuffer(key, 'v');
    expect(stored!.includes(body.subarray(0, 4096))).toBe(true);
  });

  it('sets a TTL on entries (expire or ceiling) and on tag records', async () => {
    await A.set('ttl-page', appPageValue('ttltag'), { cacheControl: { revalidate: 60, expire: 300 } });
    const pttl = await raw.pttl(A.store!.entryKey('ttl-page'));
    expect(pttl).toBeGreaterThan(290_000);
    expect(pttl).toBeLessThanOrEqual(300_000);
    await A.set('ttl-fetch', fetchValue(), { fetchCache: true, tags: ['ttltag'] });
    const fttl = await raw.pttl(A.store!.entryKey('ttl-fetch', 'FETCH'));
    expect(fttl).toBeGreaterThan(14 * 24 * 3600 * 1000 - 5000);
    const capped = core({ maxTtlSeconds: 100 });
    await capped.set('ttl-capped', appPageValue(), { cacheControl: { revalidate: 60, expire: 31536000 } });
    expect(await raw.pttl(capped.store!.entryKey('ttl-capped'))).toBeLessThanOrEqual(100_000);
    await A.revalidateTag('ttltag', { expire: 10 });
    const tagTtl = await raw.pttl(A.store!.tagKey('ttltag'));
    expect(tagTtl).toBeGreaterThan(14 * 24 * 3600 * 1000);
    expect(tagTtl).toBeLessThanOrEqual((14 * 24 * 3600 + 60) * 1000);
  });

  it('does not store entries above CACHE_MAX_ENTRY_BYTES and counts them', async () => {
    const small = core({ maxEntryBytes: 100_000 });
    await small.set('cap', appRouteValue('cap'), { cacheControl: PAGE_CC }); // ~30 KB: stored
    expect(await raw.exists(small.store!.entryKey('cap'))).toBe(1);
    await small.set('cap', { kind: 'APP_ROUTE', body: randomBytes(150_000), status: 200, headers: {} }, { cacheControl: PAGE_CC });
    expect(small.getStats().counters.oversizeSkips).toBe(1);
    expect(await raw.exists(small.store!.entryKey('cap'))).toBe(0); // old version not left behind
    expect(await small.get('cap', getCtx('APP_ROUTE'))).toBeNull();
  });

  it('isolates builds: a new build id never serves an old build entry; tags are shared', async () => {
    const old = core({}, 'build-old');
    const neu = core({}, 'build-new');
    await old.set('iso', appPageValue('_N_T_/iso,isotag'), { cacheControl: PAGE_CC });
    expect(await neu.get('iso', getCtx('APP_PAGE'))).toBeNull();
    expect(await old.get('iso', getCtx('APP_PAGE'))).not.toBeNull();
    await neu.revalidateTag('isotag'); // invalidation from the new build reaches the old one
    expect(await old.get('iso', getCtx('APP_PAGE'))).toBeNull();
  });

  it('data entries (FETCH) survive a deploy: two builds share them, not their pages; an invalidation on either reaches both', async () => {
    const old = core({}, 'deploy-old');
    const neu = core({}, 'deploy-new');
    const fctx = getCtx('FETCH', { tags: ['deploytag'] });
    await old.set('dep-data', fetchValue('rates', ['deploytag']), { fetchCache: true, tags: ['deploytag'] });
    await old.set('dep-page', appPageValue('_N_T_/dep,deploytag'), { cacheControl: PAGE_CC });
    expect((await neu.get('dep-data', fctx))?.value).toStrictEqual(fetchValue('rates', ['deploytag'])); // warm after the deploy
    expect(await neu.get('dep-page', getCtx('APP_PAGE'))).toBeNull(); // pages are build outputs
    expect(await raw.exists(`${prefix}d:1:dep-data`)).toBe(1);
    expect(await raw.exists(`${prefix}e:deploy-old:dep-page`)).toBe(1);
    await neu.set('dep-page', appPageValue('_N_T_/dep,deploytag'), { cacheControl: PAGE_CC });
    // invalidation from the new build reaches the old build's page and the shared data entry
    await neu.revalidateTag('deploytag');
    expect(await old.get('dep-data', fctx)).toBeNull();
    expect(await old.get('dep-page', getCtx('APP_PAGE'))).toBeNull();
    await neu.set('dep-data', fetchValue('rates2', ['deploytag']), { fetchCache: true, tags: ['deploytag'] });
    await old.set('dep-page', appPageValue('_N_T_/dep,deploytag'), { cacheControl: PAGE_CC });
    expect((await old.get('dep-data', fctx))?.value).toStrictEqual(fetchValue('rates2', ['deploytag']));
    // and from the old build to the new one
    await old.revalidateTag('deploytag');
    expect(await neu.get('dep-data', fctx)).toBeNull();
    expect(await neu.get('dep-page', getCtx('APP_PAGE'))).toBeNull();
  });

  it('a new data shape version (CACHE_DATA_VERSION) starts data entries cold', async () => {
    const v1 = core({}, 'shape-a');
    const v2 = core({ dataVersion: '2' }, 'shape-b');
    await v1.set('shape', fetchValue('v1 shape', ['shapetag']), { fetchCache: true, tags: ['shapetag'] });
    expect(await v2.get('shape', getCtx('FETCH', { tags: ['shapetag'] }))).toBeNull();
    expect(v2.store!.entryKey('shape', 'FETCH')).toBe(`${prefix}d:2:shape`);
    expect(loadConfigDataVersion({ CACHE_DATA_VERSION: ' 7 ' })).toBe('7');
    expect(loadConfigDataVersion({})).toBe('1');
  });
});

describe('tag semantics', () => {
  it("revalidateTag(tag, {expire}) serves the old value stale, then misses after expiry", async () => {
    await A.set('swr', fetchValue('old', ['swr']), { fetchCache: true, tags: ['swr'] });
    const ctx = getCtx('FETCH', { tags: ['swr'] });
    expect(fetchIsStale(await B.get('swr', ctx))).toBe(false);
    await A.revalidateTag(['swr'], { expire: 1 });
    const stale = await B.get('swr', ctx);
    expect(stale?.value).toStrictEqual(fetchValue('old', ['swr']));
    expect(fetchIsStale(stale)).toBe(true);
    expect(fetchIsStale(await A.get('swr', ctx))).toBe(true);
    await sleep(1100);
    expect(await B.get('swr', ctx)).toBeNull();
    // background refresh writes a new entry: fresh again
    await B.set('swr', fetchValue('new', ['swr']), { fetchCache: true, tags: ['swr'] });
    const fresh = await A.get('swr', ctx);
    expect(fetchIsStale(fresh)).toBe(false);
    expect(JSON.parse(fresh!.value.data.body).body).toBe('new');
  });

  it('revalidateTag(tag) without durations (updateTag) is an immediate miss everywhere', async () => {
    for (const [kind, data, ctx] of [
      ['FETCH', fetchValue('x', ['upd']), { fetchCache: true, tags: ['upd'] }],
      ['APP_PAGE', appPageValue('_N_T_/u,upd'), { cacheControl: PAGE_CC }],
      ['APP_ROUTE', appRouteValue('_N_T_/u2,upd'), { cacheControl: PAGE_CC }],
    ] as const) {
      await A.set(`upd-${kind}`, data, ctx);
      expect(await B.get(`upd-${kind}`, getCtx(kind, { tags: ['upd'] }))).not.toBeNull();
    }
    await A.revalidateTag('upd');
    for (const kind of ['FETCH', 'APP_PAGE', 'APP_ROUTE']) {
      expect(await A.get(`upd-${kind}`, getCtx(kind, { tags: ['upd'] })), kind).toBeNull();
      expect(await B.get(`upd-${kind}`, getCtx(kind, { tags: ['upd'] })), kind).toBeNull();
    }
  });

  it("'max' profile on page tags: stale for APP_PAGE/APP_ROUTE with lastModified inside expire", async () => {
    await A.set('max-page', appPageValue('_N_T_/m,maxtag'), { cacheControl: PAGE_CC });
    expect(await B.get('max-page', getCtx('APP_PAGE'))).not.toBeNull();
    await A.revalidateTag(['maxtag'], { expire: 31536000 });
    const res = await B.get('max-page', getCtx('APP_PAGE'));
    expect(res).not.toBeNull();
    const age = Date.now() - res!.lastModified;
    expect(age).toBeGreaterThan(PAGE_CC.revalidate * 1000); // Next: revalidateAfter < now -> stale
    expect(age).toBeLessThan(PAGE_CC.expire * 1000); // but not past expire -> no blocking render
  });

  it('soft tags: revalidatePath(_N_T_/dashboard) reaches pages (header tags) and unstable_cache entries (ctx.softTags)', async () => {
    await A.set('soft-page', appPageValue('_N_T_/layout,_N_T_/dashboard/page,_N_T_/dashboard'), { cacheControl: PAGE_CC });
    await A.set('soft-fetch', fetchValue('s', ['own']), { fetchCache: true, tags: ['own'] });
    const fctx = getCtx('FETCH', { tags: ['own'], softTags: ['_N_T_/layout', '_N_T_/dashboard/page', '_N_T_/dashboard'] });
    expect(await B.get('soft-page', getCtx('APP_PAGE'))).not.toBeNull();
    expect(await B.get('soft-fetch', fctx)).not.toBeNull();
    await A.revalidateTag(['_N_T_/dashboard'], { expire: 31536000 });
    expect(fetchIsStale(await B.get('soft-fetch', fctx))).toBe(true);
    await A.revalidateTag(['_N_T_/dashboard']);
    expect(await B.get('soft-page', getCtx('APP_PAGE'))).toBeNull();
    expect(await B.get('soft-fetch', fctx)).toBeNull();
    // the same entry read from a page that does not carry that soft tag is still fine
    expect(await B.get('soft-fetch', getCtx('FETCH', { tags: ['own'], softTags: ['_N_T_/other'] }))).not.toBeNull();
  });

  it('tags with braces, percent signs, commas-free unicode and spaces map to the same keys in JS and Lua', async () => {
    const weird = ['we{ird}%tag', '{hash}', 'ünï code tag', '100%'];
    await A.set('weird-page', appPageValue(['_N_T_/weird', ...weird].join(',')), { cacheControl: PAGE_CC });
    for (const t of weird) {
      await A.set('weird-page', appPageValue(['_N_T_/weird', ...weird].join(',')), { cacheControl: PAGE_CC });
      expect(await B.get('weird-page', getCtx('APP_PAGE')), t).not.toBeNull();
      await A.revalidateTag(t);
      expect(await B.get('weird-page', getCtx('APP_PAGE')), t).toBeNull();
    }
    expect(await raw.exists(A.store!.tagKey('we{ird}%tag'))).toBe(1);
    expect(A.store!.tagKey('we{ird}%tag')).not.toContain('{');
  });

  it('zero stale reads across instances: 200 trials of set on A, read on B, invalidate on A, read on B', async () => {
    let staleReads = 0;
    let wrongFresh = 0;
    const ctx = getCtx('FETCH', { tags: ['trial'], softTags: [] });
    for (let i = 0; i < 200; i++) {
      const v = fetchValue(`v${i}`, ['trial']);
      await A.set('trial', v, { fetchCache: true, tags: ['trial'] });
      const before = await B.get('trial', ctx); // B now holds it in L1
      if (!before || JSON.parse(before.value.data.body).body !== `v${i}` || fetchIsStale(before)) wrongFresh++;
      if (i % 2 === 0) {
        await A.revalidateTag('trial');
        if ((await B.get('trial', ctx)) !== null) staleReads++;
      } else {
        await A.revalidateTag(['trial'], { expire: 300 });
        const after = await B.get('trial', ctx);
        if (!after || !fetchIsStale(after)) staleReads++;
      }
    }
    expect(staleReads).toBe(0);
    expect(wrongFresh).toBe(0);
    expect(B.getStats().counters.l1Hits).toBeGreaterThan(100);
  });

  it('pub/sub delivers invalidations to the other instance (keeps its local tag knowledge current)', async () => {
    const before = B.getStats().counters.invalidationsRemote;
    await A.revalidateTag(['ps1', 'ps2'], { expire: 60 });
    expect(await waitUntil(() => B.getStats().counters.invalidationsRemote >= before + 2, 2000)).toBe(true);
    expect(B.book.lookup('ps1', true)!.s).toBeGreaterThan(0);
  });

  it('revalidateTag on a tag with many entries touches only the tag record', async () => {
    for (let i = 0; i < 300; i++) await A.set(`many-${i}`, fetchValue(`m${i}`, ['many']), { fetchCache: true, tags: ['many'] });
    const before = await raw.hgetall(A.store!.tagKey('many'));
    expect(before).toEqual({});
    await A.revalidateTag('many');
    const after = await raw.hgetall(A.store!.tagKey('many'));
    expect(Number(after.x)).toBeGreaterThan(0);
    // entries are untouched (no per-entry bookkeeping); they are judged at read time
    expect(await raw.exists(A.store!.entryKey('many-7', 'FETCH'))).toBe(1);
    expect(await B.get('many-7', getCtx('FETCH', { tags: ['many'] }))).toBeNull();
  });
});

describe("Next's own IncrementalCache drives the handler (contract)", () => {
  const require = createRequire(import.meta.url);
  const { IncrementalCache } = require('next/dist/server/lib/incremental-cache/index.js');
  function nextCache(c: CacheCore) {
    class Bound {
      get(k: string, x: unknown) { return c.get(k, x); }
      set(k: string, d: unknown, x: unknown) { return c.set(k, d, x); }
      revalidateTag(t: string | string[], d?: { expire?: number }) { return c.revalidateTag(t, d); }
      resetRequestCache() {}
    }
    return new IncrementalCache({
      dev: false,
      minimalMode: false,
      requestHeaders: {},
      previewProps: { previewModeId: 'p', previewModeSigningKey: 's', previewModeEncryptionKey: 'e' },
      prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: 'p', previewModeSigningKey: 's', previewModeEncryptionKey: 'e' } },
      fetchCacheKeyPrefix: '',
      CurCacheHandler: Bound,
    });
  }

  it('FETCH: fresh -> isStale after max profile -> null after updateTag', async () => {
    const na = nextCache(A);
    const nb = nextCache(B);
    const key = `nx-fetch-${Date.now()}`;
    await na.set(key, fetchValue('n', ['nx']), { fetchCache: true, tags: ['nx'] });
    const ctx = { kind: 'FETCH', revalidate: 60, tags: ['nx'], softTags: ['_N_T_/nx'] };
    expect((await nb.get(key, ctx)).isStale).toBe(false);
    await na.revalidateTag(['nx'], { expire: 31536000 });
    const stale = await nb.get(key, ctx);
    expect(stale.isStale).toBe(true);
    expect(stale.value.data).toStrictEqual(fetchValue('n', ['nx']).data);
    await na.revalidateTag(['nx']);
    expect(await nb.get(key, ctx)).toBeNull();
  });

  it('APP_PAGE (ISR and revalidate:false): isStale true (not -1) after max profile, null after updateTag', async () => {
    const na = nextCache(A);
    const nb = nextCache(B);
    for (const [path, cc] of [
      ['/nx-isr', PAGE_CC],
      ['/nx-static', { revalidate: false, expire: undefined }],
    ] as const) {
      const route = { kind: 'APP_PAGE', sourceRoute: `${path}/page` };
      const tag = `pt${path.replace('/', '-')}`;
      await na.set(path, appPageValue(`_N_T_${path},${tag}`), { cacheControl: cc, route, isRoutePPREnabled: false, isFallback: false });
      const ctx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false, route };
      const fresh = await nb.get(path, ctx);
      expect(fresh.isStale, path).toBeFalsy();
      expect(fresh.value.segmentData).toBeInstanceOf(Map);
      await na.revalidateTag([`_N_T_${path}`], { expire: 31536000 });
      const stale = await nb.get(path, ctx);
      expect(stale.isStale, path).toBe(true);
      expect(stale.value.html).toBe(fresh.value.html);
      await na.set(path, appPageValue(`_N_T_${path},${tag}`), { cacheControl: cc, route, isRoutePPREnabled: false, isFallback: false });
      expect((await nb.get(path, ctx)).isStale, path).toBeFalsy();
      await na.revalidateTag([tag]);
      expect(await nb.get(path, ctx), path).toBeNull();
    }
  });
});
