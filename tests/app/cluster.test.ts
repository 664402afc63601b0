/**
 * The two-instance checks against a 3-master Redis Cluster (REDIS_CLUSTER_NODES): a page rendered
 * on A is served by B from the cluster, and balance updates through the form on A are visible on
 * B at once (tag records live on other slots than the entries; invalidations reach every node).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { redisCli, startCluster, type RedisCluster } from '../helpers/redis-server';
import { articleSlugs, createMarkedUser, health, startTwoInstances, type NextServer, type TwoInstances } from '../helpers/next-server';
import { balanceUpdater, dashboardTotal, renderOnAThenServeOnB, staleReadsAfterUpdates, type TestUser } from './support';

let app: TwoInstances<RedisCluster> | undefined;
let a: NextServer | undefined;
let b: NextServer | undefined;
let browser: Browser | undefined;
let user: TestUser;

beforeAll(async () => {
  app = await startTwoInstances({ label: 'cluster', redis: () => startCluster() });
  ({ a, b } = app);
  user = await createMarkedUser(app.database.prisma, 'cluster', 50_000);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await app?.stop();
}, 60_000);

/** Is the page's entry stored on some node of the cluster? */
async function pageStored(path: string): Promise<boolean> {
  const found = await Promise.all(app!.redis.nodes.map((n) => redisCli(n.port, '--scan', '--pattern', `${app!.prefix}e:*${path}*`)));
  return found.join('\n').split('\n').filter(Boolean).length === 1;
}

describe('two instances sharing a Redis Cluster', () => {
  it('both run in cluster mode and report it healthy', async () => {
    for (const server of [a!, b!]) {
      const { body } = await health(server);
      expect(body.status).toBe('ok');
      expect(body.cache.mode).toBe('cluster');
      expect(body.redis.status).toBe('up');
    }
  });

  it('a page rendered on A is served from the cluster on B', async () => {
    const [slug] = await articleSlugs(app!.database.prisma, 1);
    const path = `/articles/${slug}`;
    const r = await renderOnAThenServeOnB(a!, b!, path, () => pageStored(path));
    expect(r.stored).toBe(true);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('HIT');
    expect(r.redisHits).toBeGreaterThanOrEqual(1);
    expect(r.misses).toBe(0);
    expect(r.sets).toBe(0);
  });

  it('10 balance updates through the form on A: B shows each at once', async () => {
    browser = await launchBrowser();
    expect(await dashboardTotal(b!, user.token)).toBe(50_000);
    const updater = await balanceUpdater(browser, a!, user);
    const stale = await staleReadsAfterUpdates(updater, b!, user, 10);
    await updater.close();
    expect(stale).toEqual([]);
  }, 120_000);
});
