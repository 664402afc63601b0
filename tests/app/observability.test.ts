/**
 * /api/health and /api/metrics on real `next start` servers:
 * - they report the counters of the very cache instance the handler (cache-handler.mjs, loaded
 *   by Node outside the app bundle) increments, not a second bundled instance at zero;
 * - health: ok / degraded (Redis down, still 200) / down (database down, 503), no-store, and no
 *   secret, host or connection string in the body;
 * - metrics: Prometheus text from a dedicated registry, process metrics + cache counters,
 *   scraping twice works (no duplicate registration).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database';
import { freePort, startRedis, type RedisServer } from '../helpers/redis-server';
import { articleSlugs, getPage, health, openAppStack, waitUntil, type AppStack, type NextServer } from '../helpers/next-server';

const REDIS_PASSWORD = 'redis-Secret-4711';
const DB_PASSWORD = 'db-Secret-0815';
const prefix = `apptest-obs-${process.pid}-${Date.now()}:`;
let stack: AppStack<RedisServer> | undefined;
let database: TestDatabase | undefined;
let redis: RedisServer | undefined;
let app: NextServer | undefined;
let noDb: NextServer | undefined;

beforeAll(async () => {
  stack = await openAppStack('obs', { redis: () => startRedis({ args: ['--requirepass', REDIS_PASSWORD] }) });
  ({ database, redis } = stack);
  // The database URL of the second server points at a port where nothing listens.
  const deadPort = await freePort();
  [app, noDb] = await Promise.all([
    stack.startServer({ env: { DATABASE_URL: database.url, REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`, CACHE_KEY_PREFIX: prefix } }),
    stack.startServer({ env: { DATABASE_URL: `postgres://stakeeasy:${DB_PASSWORD}@127.0.0.1:${deadPort}/stakeeasy_nowhere` }, ready: 'any' }),
  ]);
}, 15 * 60_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** Nothing that identifies or unlocks the infrastructure. */
function expectNoSecrets(text: string) {
  for (const secret of [REDIS_PASSWORD, DB_PASSWORD, 'redis://', 'postgres://', 'postgresql://', '127.0.0.1', 'localhost', `:${redis!.port}`, database!.name, prefix]) {
    expect(text).not.toContain(secret);
  }
}

function metricValue(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!m) throw new Error(`metric ${name} missing`);
  return Number(m[1]);
}

describe('/api/health', () => {
  it('reports ok with the database and Redis up, never cached, without secrets', async () => {
    const { status, body, headers } = await health(app!);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('up');
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.redis.status).toBe('up');
    expect(body.redis.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.cache).toMatchObject({ mode: 'standalone', breaker: 'closed' });
    for (const key of ['hitRatio', 'l1HitRatio', 'gets', 'sets', 'redisHits', 'l1Hits', 'misses', 'errors', 'timeouts']) expect(body.cache).toHaveProperty(key);
    expectNoSecrets(JSON.stringify(body));
  });

  it('shows the counters of the handler instance that serves pages (one cache per process)', async () => {
    const [slug] = await articleSlugs(database!.prisma, 1);
    const before = (await health(app!)).body.cache;
    const first = await getPage(app!, `/articles/${slug}`);
    const second = await getPage(app!, `/articles/${slug}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT');
    const after = (await health(app!)).body.cache;
    // The render stored the page and its data reads; the second request was a hit. A bundled
    // copy of lib/cache with its own instance would show none of this.
    expect(after.sets - before.sets).toBeGreaterThanOrEqual(2);
    expect(after.redisWrites as number).toBeGreaterThan(before.redisWrites as number);
    expect(after.l1Hits + after.redisHits).toBeGreaterThan(before.l1Hits + before.redisHits);
    expect(after.gets - before.gets).toBeGreaterThanOrEqual(3);
  });

  it('is degraded but 200 while Redis is down, ok again when it is back', async () => {
    await redis!.kill();
    try {
      await waitUntil(async () => (await health(app!)).body.redis.status === 'down', 10_000, 'health to see Redis down');
      const { status, body } = await health(app!);
      expect(status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.database.status).toBe('up');
      expect(body.redis.latencyMs).toBeNull();
      // the app still serves pages
      expect((await getPage(app!, '/articles')).status).toBe(200);
    } finally {
      await redis!.start();
    }
    await waitUntil(async () => (await health(app!)).body.status === 'ok', 15_000, 'health ok after Redis returned');
  }, 60_000);

  it('answers 503 "down" within its time budget when the database is unreachable, without secrets', async () => {
    const started = performance.now();
    const res = await fetch(`${noDb!.url}/api/health`);
    const elapsed = performance.now() - started;
    const text = await res.text();
    const body = JSON.parse(text);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.status).toBe('down');
    expect(body.database).toEqual({ status: 'down', latencyMs: null });
    expect(body.redis.status).toBe('disabled');
    expect(body.cache.mode).toBe('disabled');
    expect(elapsed).toBeLessThan(3000); // 1 s database budget + a loaded machine
    expectNoSecrets(text);
    expect(text).not.toContain('stakeeasy_nowhere');
  });
});

describe('/api/metrics', () => {
  it('serves Prometheus text from its own registry: process metrics and the cache counters', async () => {
    const scrape = async () => {
      const res = await fetch(`${app!.url}/api/metrics`);
      return { status: res.status, type: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), text: await res.text() };
    };
    const first = await scrape();
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(first.cacheControl).toBe('no-store');
    expect(first.text).toMatch(/^# HELP process_cpu_user_seconds_total /m);
    expect(first.text).toMatch(/^nodejs_heap_size_total_bytes \d/m);
    expect(first.text).toMatch(/^# TYPE stakeeasy_cache_gets_total counter$/m);
    expect(first.text).toMatch(/^stakeeasy_cache_breaker_state 0$/m);
    const names = Array.from(first.text.matchAll(/^# HELP (\S+) /gm), (m) => m[1]);
    expect(names.length).toBeGreaterThan(30);
    expect(new Set(names).size).toBe(names.length); // each metric once
    expectNoSecrets(first.text);

    // Registered once per process: a second scrape works and counters only grow.
    await getPage(app!, '/articles');
    const second = await scrape();
    expect(second.status).toBe(200);
    expect(metricValue(second.text, 'stakeeasy_cache_gets_total')).toBeGreaterThan(metricValue(first.text, 'stakeeasy_cache_gets_total'));

    // Same numbers as /api/health (nothing touches the cache between the two reads).
    const h = (await health(app!)).body.cache;
    expect(metricValue(second.text, 'stakeeasy_cache_sets_total')).toBe(h.sets);
    expect(metricValue(second.text, 'stakeeasy_cache_misses_total')).toBe(h.misses);
  });
});
