/**
 * Trusted page copies (CACHE_PAGE_TRUST_MS), on our own redis-server: a page or route copy that
 * Redis confirmed is served with no round trip for the trust window while the subscriber is up;
 * another instance's invalidation reaches it by pub/sub; data entries never take this path, and
 * a re-subscription (messages may have been lost) or a queued invalidation ends the trust.
 */
import { describe, it, expect } from 'vitest';
import type { CacheCore } from '../src/handler.mjs';
import { PAGE_CC, appPageValue, appRouteValue, fetchValue, getCtx, ownRedis, sleep, uniquePrefix, waitUntil } from './fixtures';

const TRUST_MS = 300;
const redis = ownRedis({ timeoutMs: 100, pageTrustMs: TRUST_MS });
const core = redis.core;

const counters = (c: CacheCore) => c.getStats().counters;
const pageCtx = { cacheControl: PAGE_CC, isRoutePPREnabled: false, isFallback: false };
const PAGE_TAGS = '_N_T_/layout,_N_T_/articles/layout,_N_T_/articles/a/page,_N_T_/articles/a,article:a';

async function twoInstances(name: string, extra: Record<string, unknown> = {}) {
  const prefix = uniquePrefix(name);
  const A = core(prefix, extra);
  const B = core(prefix, extra);
  await Promise.all([A.ready(), B.ready()]);
  await A.set('/articles/a', appPageValue(PAGE_TAGS), pageCtx);
  const first = await B.get('/articles/a', getCtx('APP_PAGE'));
  expect(first?.value?.kind).toBe('APP_PAGE');
  return { A, B };
}

/** Waits until `c` has received `n` more invalidation records by pub/sub than `before`. */
const messageArrived = (c: CacheCore, before: number) => waitUntil(() => counters(c).invalidationsRemote > before);

describe('trusted page copies', () => {
  it('a confirmed page copy is served with no round trip for the trust window, then confirmed again', async () => {
    const { B } = await twoInstances('trust-window');
    const trips = counters(B).roundTrips;
    for (let i = 0; i < 20; i++) expect((await B.get('/articles/a', getCtx('APP_PAGE')))?.value?.html).toContain('StakeEasy');
    expect(counters(B).roundTrips).toBe(trips);
    expect(counters(B).trustedPageHits).toBe(20);

    await sleep(TRUST_MS + 50); // the window is a duration: nothing to await but time
    expect(await B.get('/articles/a', getCtx('APP_PAGE'))).not.toBeNull();
    expect(counters(B).roundTrips).toBe(trips + 1);
    await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips + 1); // confirmed again: trusted again
  });

  it("another instance's invalidation reaches a trusted copy by pub/sub: the max profile sends it to Redis (stale there), updateTag expires it", async () => {
    const { A, B } = await twoInstances('trust-invalidate');
    let before = counters(B).invalidationsRemote;
    await A.revalidateTag('article:a', { expire: 31536000 });
    expect(await messageArrived(B, before)).toBe(true);
    // Stale for Next = older than its revalidate period, so it re-renders in the background.
    const ageOf = async () => Date.now() - (await B.get('/articles/a', getCtx('APP_PAGE')))!.lastModified;
    const staleServes = counters(B).staleServes;
    expect(await ageOf()).toBeGreaterThan(PAGE_CC.revalidate * 1000);
    expect(counters(B).staleServes).toBe(staleServes + 1);
    expect(counters(B).trustedPageHits).toBe(0);

    await A.set('/articles/a', appPageValue(PAGE_TAGS), pageCtx);
    expect(await ageOf()).toBeLessThan(PAGE_CC.revalidate * 1000);
    before = counters(B).invalidationsRemote;
    await A.revalidateTag('article:a');
    expect(await messageArrived(B, before)).toBe(true);
    expect(await B.get('/articles/a', getCtx('APP_PAGE'))).toBeNull();
  });

  it('route responses are trusted like pages; data entries are validated on every get', async () => {
    const { A, B } = await twoInstances('trust-kinds');
    await A.set('/feed.xml', appRouteValue(), { cacheControl: PAGE_CC });
    await B.get('/feed.xml', getCtx('APP_ROUTE'));
    await A.set('data', fetchValue('v1'), { fetchCache: true, tags: ['products'] });
    await B.get('data', getCtx('FETCH'));
    const trips = counters(B).roundTrips;
    for (let i = 0; i < 5; i++) {
      expect(await B.get('/feed.xml', getCtx('APP_ROUTE'))).not.toBeNull();
      expect(await B.get('data', getCtx('FETCH'))).not.toBeNull();
    }
    expect(counters(B).roundTrips).toBe(trips + 5);
  });

  it('after the subscriber reconnects (messages may have been lost) the next get asks Redis', async () => {
    const { B } = await twoInstances('trust-resubscribe');
    const trips = counters(B).roundTrips;
    await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips);

    await redis.raw.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    expect(await waitUntil(() => !B.subscriberUp, 2000, 1)).toBe(true);
    // While unsubscribed nothing is trusted.
    await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips + 1);
    expect(await waitUntil(() => B.subscriberUp)).toBe(true);
    // Resubscribed: records confirmed before the gap no longer count, so Redis is asked once more.
    await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips + 2);
    await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips + 2);
  });

  it('an invalidation waiting in the outage queue ends the trust until it reaches Redis', async () => {
    const { B } = await twoInstances('trust-queue');
    process.kill(redis.srv.pid, 'SIGSTOP');
    try {
      // Another tag than the page's: the copy itself stays, but nothing is served on trust
      // while Redis has not been told.
      await B.revalidateTag('unrelated', { expire: 31536000 });
      expect(B.pending.size).toBe(1);
      const hits = counters(B).trustedPageHits;
      await B.get('/articles/a', getCtx('APP_PAGE'));
      expect(counters(B).trustedPageHits).toBe(hits);
    } finally {
      process.kill(redis.srv.pid, 'SIGCONT');
    }
    expect(await waitUntil(() => B.pending.size === 0)).toBe(true);
  });

  it('CACHE_PAGE_TRUST_MS=0 validates every get', async () => {
    const { B } = await twoInstances('trust-off', { pageTrustMs: 0 });
    const trips = counters(B).roundTrips;
    for (let i = 0; i < 3; i++) await B.get('/articles/a', getCtx('APP_PAGE'));
    expect(counters(B).roundTrips).toBe(trips + 3);
    expect(counters(B).trustedPageHits).toBe(0);
  });
});
