/**
 * Two `next start` instances (A, B) of one build sharing one Redis, against one database:
 *  (i)   a public ISR page rendered on A is served by B from Redis (B renders nothing);
 *  (ii)  balance updates made through the real form on A are visible on B at once, every time;
 *  (iii) a restarted instance serves the page from Redis instead of rendering it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { redisCli, startRedis, type RedisServer } from '../helpers/redis-server';
import { articleSlugs, createMarkedUser, getPage, health, startTwoInstances, type NextServer, type TwoInstances } from '../helpers/next-server';
import { balanceUpdater, counters, dashboardTotal, renderOnAThenServeOnB, siteBalance, staleReadsAfterUpdates, type TestUser } from './support';

let app: TwoInstances<RedisServer> | undefined;
let a: NextServer | undefined;
let b: NextServer | undefined;
let browser: Browser | undefined;
let user: TestUser;
let slug: string;

beforeAll(async () => {
  app = await startTwoInstances({ label: 'two', redis: () => startRedis() });
  ({ a, b } = app);
  user = await createMarkedUser(app.database.prisma, 'two', 50_000);
  [slug] = await articleSlugs(app.database.prisma, 1);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await app?.stop();
}, 60_000);

/** Is the page's entry in Redis? (the Next cache key contains the path) */
async function pageStored(path: string): Promise<boolean> {
  const out = await redisCli(app!.redis.port, '--scan', '--pattern', `${app!.prefix}e:*${path}*`);
  return out.split('\n').filter(Boolean).length === 1;
}

describe('two instances sharing one Redis', () => {
  it('(i) a page rendered on A is served from Redis on B, not rendered again', async () => {
    const path = `/articles/${slug}`;
    const r = await renderOnAThenServeOnB(a!, b!, path, () => pageStored(path));
    expect(r.firstOnA).toBe('MISS');
    expect(r.stored).toBe(true);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('HIT');
    expect(r.html).toContain('data-testid="article-author"');
    // B answered from the entry it read from Redis: a Redis hit, no miss, nothing rendered/stored.
    expect(r.redisHits).toBeGreaterThanOrEqual(1);
    expect(r.misses).toBe(0);
    expect(r.sets).toBe(0);
  });

  it('(ii) 20 balance updates through the form on A: B shows each new total at once (zero stale reads)', async () => {
    browser = await launchBrowser();
    // Warm B's caches (L1 + Redis) with the current data, so each update must invalidate them.
    expect(await dashboardTotal(b!, user.token)).toBe(50_000);
    expect(await siteBalance(b!, user.token, user.holdingId)).toBe(50_000);
    const updater = await balanceUpdater(browser, a!, user);
    const remoteBefore = (await counters(b!)).invalidationsRemote as number;
    const stale = await staleReadsAfterUpdates(updater, b!, user, 20);
    await updater.close();
    expect(stale).toEqual([]);
    // B learnt about the changes through Redis (tag records read in the same round trip as each
    // get, and pub/sub messages), and kept serving hits in between.
    const after = await counters(b!);
    expect((after.invalidationsRemote as number) - remoteBefore).toBeGreaterThan(0);
    expect(after.redisHits + after.l1Hits).toBeGreaterThan(0);
    expect((await health(a!)).body.cache.invalidationsLocal).toBeGreaterThan(0);
  }, 180_000);

  it('(iii) a restarted instance serves the page from Redis instead of rendering it', async () => {
    const path = `/articles/${slug}`;
    await b!.stop();
    await b!.start();
    const onB = await getPage(b!, path);
    const c = await counters(b!);
    expect(onB.status).toBe(200);
    expect(onB.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(c.redisHits).toBeGreaterThanOrEqual(1);
    expect(c.misses).toBe(0);
    expect(c.sets).toBe(0);
  }, 60_000);
});
