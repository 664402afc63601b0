/**
 * Redis unreachable when the server starts (REDIS_URL points at a closed port), then started.
 * Proves: `next start` comes up anyway and serves public and signed-in pages 200 with the user's
 * data, promptly (no per-request wait on Redis); /api/health answers 200 'degraded' with redis
 * 'down'; once a redis-server appears on that port the app reconnects by itself (health 'ok',
 * redis 'up') and the cache writes to it again; pages stay 200 throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSlugs, health, openAppStack, waitUntil, type AppStack, type NextServer } from '../helpers/chaos-app';
import { freePort, redisCli, startRedis, type RedisServer } from '../helpers/redis-server';
import { createMarkedUser, getPage, type MarkedUser } from './support';

let stack: AppStack<undefined> | undefined;
let redis: RedisServer | undefined;
let server: NextServer | undefined;
let user: MarkedUser;
let slugs: string[];
let redisPort: number;

beforeAll(async () => {
  stack = await openAppStack('redisboot');
  user = await createMarkedUser(stack.database.prisma, 'redisboot', 98_765);
  slugs = await articleSlugs(stack.database.prisma, 3);
  redisPort = await freePort(); // nothing listens there yet
  server = await stack.startServer({
    env: { DATABASE_URL: stack.database.url, REDIS_URL: `redis://127.0.0.1:${redisPort}`, CACHE_KEY_PREFIX: `faults-boot-${process.pid}:` },
    ready: 'any',
  });
}, 15 * 60_000); // may wait for another fault test's lock and build the app first

afterAll(async () => {
  try {
    await redis?.stop(); // started by the test, not by the stack
  } finally {
    await stack?.stop(); // releases the lock even when a stop fails: the next fault test waits for it
  }
});

async function expectPagesServed(maxMs: number) {
  const timings: string[] = [];
  const pages: Array<{ path: string; token?: string }> = [
    { path: '/' },
    { path: '/articles' },
    ...slugs.map((s) => ({ path: `/articles/${s}` })),
    { path: '/dashboard', token: user.token },
    { path: '/sites', token: user.token },
  ];
  for (const { path, token } of pages) {
    const page = await getPage(server!, path, token);
    timings.push(`${path}:${page.status}/${Math.round(page.ms)}ms`);
    expect(page.status, `${path}: ${page.html.slice(0, 300)}`).toBe(200);
    if (path === '/dashboard') expect(page.html).toContain(user.amountText);
    if (path === '/sites') expect(page.html).toContain(user.holdingName);
    expect(page.ms, path).toBeLessThan(maxMs);
  }
  return timings;
}

describe('Redis unreachable at boot', () => {
  it('starts and serves pages (signed-in included); health says degraded, redis down', async () => {
    const h = await health(server!);
    expect(h.status).toBe(200);
    expect(h.body.status).toBe('degraded');
    expect(h.body.redis.status).toBe('down');
    expect(h.body.database.status).toBe('up');
    await expectPagesServed(10_000); // first renders (cold)
    const warm = await expectPagesServed(3_000);
    console.log(`[redis-boot] without Redis: ${warm.join(' ')}`);
  });

  it('reconnects by itself once Redis appears on that port, and the cache uses it again', async () => {
    redis = await startRedis({ port: redisPort });
    const started = Date.now();
    await waitUntil(async () => {
      const { body } = await health(server!);
      return body.redis.status === 'up' && body.status === 'ok';
    }, 20_000, 'health to report redis up and status ok', 250);
    const reconnectMs = Date.now() - started;
    const timings = await expectPagesServed(3_000);
    // entries written since: the shared cache is in use again
    await waitUntil(async () => Number((await redisCli(redisPort, 'DBSIZE')).trim()) > 0, 10_000, 'cache entries in Redis', 250);
    console.log(`[redis-boot] reconnected ${reconnectMs} ms after redis-server started; ${timings.join(' ')}`);
  });
});
