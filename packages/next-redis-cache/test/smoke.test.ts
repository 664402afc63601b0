/**
 * Integration smoke: load the package's cache-handler exactly as Next loads an app's handler
 * file (dynamic import through the package name, `new Handler(ctx)` several times) against the Redis on 127.0.0.1:6379.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { SharedCache } from '../src/index.mjs';
import { appPageValue, fetchValue, getCtx, uniquePrefix, PAGE_CC } from './fixtures';

const prefix = uniquePrefix('smoke');
const dist = mkdtempSync(path.join(os.tmpdir(), 'sec-smoke-'));
const SYM = Symbol.for('stakeeasy.cache');
const g = globalThis as unknown as Record<symbol, SharedCache | undefined>;

afterAll(async () => {
  await g[SYM]?.core.close();
  delete g[SYM];
  const raw = new Redis('redis://127.0.0.1:6379');
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length) await raw.del(...keys);
  raw.disconnect();
  rmSync(dist, { recursive: true, force: true });
});

describe('cache-handler.mjs as Next loads it', () => {
  it('constructs cheaply, shares one core, set/get/revalidateTag work, stats reachable via globalThis', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
    process.env.CACHE_KEY_PREFIX = prefix;
    delete process.env.REDIS_CLUSTER_NODES;
    delete process.env.CACHE_SHARED;
    mkdirSync(path.join(dist, 'server'), { recursive: true });
    writeFileSync(path.join(dist, 'BUILD_ID'), 'smoke-build-1\n');
    const Handler = (await import('@stakeeasy/next-redis-cache/cache-handler')).default;
    const ctx = { serverDistDir: path.join(dist, 'server'), dev: false, revalidatedTags: [], _requestHeaders: {}, maxMemoryCacheSize: 0 };
    const h1 = new Handler(ctx);
    const h2 = new Handler(ctx);
    expect(h1.core).toBe(h2.core);
    expect(h1.core.buildId).toBe('smoke-build-1');
    await h1.core.ready();

    await h1.set('/route-cache/APP_PAGE/abc/$/smoke', appPageValue('_N_T_/smoke,smoke'), { cacheControl: PAGE_CC, isRoutePPREnabled: false, isFallback: false });
    const got = await new Handler(ctx).get('/route-cache/APP_PAGE/abc/$/smoke', getCtx('APP_PAGE'));
    expect(got!.value.segmentData).toBeInstanceOf(Map);
    expect(got!.value.html).toBe(appPageValue().html);
    await h2.set('fetch-key', fetchValue('s', ['smoke']), { fetchCache: true, tags: ['smoke'], fetchIdx: 0, fetchUrl: 'unstable_cache /s' });
    expect((await h1.get('fetch-key', getCtx('FETCH', { tags: ['smoke'] })))?.value.kind).toBe('FETCH');
    await h2.revalidateTag('smoke');
    expect(await h1.get('fetch-key', getCtx('FETCH', { tags: ['smoke'] }))).toBeNull();
    expect(await h1.get('/route-cache/APP_PAGE/abc/$/smoke', getCtx('APP_PAGE'))).toBeNull();
    h1.resetRequestCache();

    const raw = new Redis('redis://127.0.0.1:6379');
    expect(await raw.exists(`${prefix}d:1:fetch-key`)).toBe(1); // data entries: not keyed by build
    expect(await raw.exists(`${prefix}e:smoke-build-1:/route-cache/APP_PAGE/abc/$/smoke`)).toBe(1); // pages keep the build id
    raw.disconnect();

    // app code bundled separately reads the same singleton through the global symbol
    const shared = g[SYM]!;
    expect(shared.core).toBe(h1.core);
    const stats = shared.getCacheStats();
    expect(stats.counters.sets).toBe(2);
    expect(stats.mode).toBe('standalone');
    const { getCacheHealth, getCacheStats } = await import('@stakeeasy/next-redis-cache');
    expect(getCacheStats().counters.sets).toBe(2);
    const health = await getCacheHealth();
    expect(health.redis).toBe('up');
    expect(JSON.stringify(health)).not.toMatch(/redis:\/\/|6379/);
  });
});
