import Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from '@/lib/domain/currency';
import { acquireLock } from '@/lib/rates/lock';
import { refreshRates, type RefreshOptions } from '@/lib/rates/refresh';
import { createRatesRefresher } from '@/lib/rates/scheduler';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { standardRateRoutes, startFixtureServer, type FixtureServer } from '../helpers/http-fixture-server';

const TODAY = new Date('2025-06-15T09:30:00.000Z');
const EFFECTIVE = new Date('2025-06-15T00:00:00.000Z');
const YESTERDAY = new Date('2025-06-14T00:00:00.000Z');

let database: TestDatabase;
let server: FixtureServer;
let redis: Redis;
const logs: string[] = [];
const log: RefreshOptions['log'] = (_level, line) => void logs.push(line);

async function ratesOn(day: Date) {
  const rows = await database.prisma.exchangeRate.findMany({ where: { effectiveOn: day }, orderBy: { currencyCode: 'asc' } });
  return Object.fromEntries(rows.map((r) => [r.currencyCode, { rate: r.rate.toFixed(), source: r.source }]));
}

beforeAll(async () => {
  database = await createTestDatabase('rates');
  server = await startFixtureServer(standardRateRoutes(2_000));
  redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  await database.prisma.currency.createMany({ data: SUPPORTED_CURRENCIES.map(({ code, name, symbol, minorDigits }) => ({ code, name, symbol, minorDigits })) });
});

afterAll(async () => {
  await server?.close();
  redis?.disconnect();
  await database?.drop();
});

beforeEach(async () => {
  logs.length = 0;
  await database.prisma.exchangeRate.deleteMany();
  // Yesterday's "last good" rates, as the seed would have left them.
  await database.prisma.exchangeRate.createMany({
    data: [
      { currencyCode: 'EUR', rate: '0.8545', effectiveOn: YESTERDAY, source: 'seed' },
      { currencyCode: 'GBP', rate: '0.7377', effectiveOn: YESTERDAY, source: 'seed' },
    ],
  });
});

const refresh = (path: string, extra: Partial<RefreshOptions> = {}) =>
  refreshRates({ now: TODAY, url: server.url(path), prisma: database.prisma, log, ...extra });

describe('refreshRates against a real HTTP server and PostgreSQL', () => {
  it('stores today\'s rates exactly, for supported currencies only', async () => {
    const result = await refresh('/usd.json');
    expect(result).toMatchObject({ status: 'updated', day: '2025-06-15', reason: '12 rates for 2025-06-15' });
    const today = await ratesOn(EFFECTIVE);
    expect(Object.keys(today).sort()).toEqual(SUPPORTED_CURRENCIES.map((c) => c.code).sort());
    expect(today.EUR).toEqual({ rate: '0.91234567', source: 'http' });
    expect(today.JPY).toEqual({ rate: '151.0005', source: 'http' });
    expect(today.USD).toEqual({ rate: '1', source: 'http' });
    expect(await database.prisma.exchangeRate.count({ where: { currencyCode: { in: ['XAU', 'BTC'] } } })).toBe(0);
    expect(logs).toEqual(['[rates] updated 12 rates for 2025-06-15']);
    expect((await ratesOn(YESTERDAY)).EUR).toEqual({ rate: '0.8545', source: 'seed' });
  });

  it('converts a non-USD base to units per USD', async () => {
    expect(await refresh('/eur.json')).toMatchObject({ status: 'updated' });
    // base EUR: USD 1.25, GBP 0.85, JPY 160  =>  per USD: EUR 0.8, GBP 0.68, JPY 128
    expect(await ratesOn(EFFECTIVE)).toEqual({
      EUR: { rate: '0.8', source: 'http' },
      GBP: { rate: '0.68', source: 'http' },
      JPY: { rate: '128', source: 'http' },
      USD: { rate: '1', source: 'http' },
    });
  });

  it.each([
    ['/error', 'the rate source answered HTTP 500'],
    ['/invalid.json', 'the response is not valid JSON'],
    ['/missing', 'the rate source answered HTTP 404'],
  ])('keeps the previous rates when %s fails, and says why', async (path, reason) => {
    expect(await refresh(path)).toEqual({ status: 'failed', reason });
    expect(await ratesOn(EFFECTIVE)).toEqual({});
    expect(await database.prisma.exchangeRate.count()).toBe(2);
    expect(logs).toEqual([`[rates] refresh failed: ${reason}; keeping the last good rates`]);
    expect(logs[0]).not.toContain('127.0.0.1');
  });

  it('gives up on a slow source after the timeout', async () => {
    const started = Date.now();
    expect(await refresh('/slow.json', { timeoutMs: 300 })).toEqual({ status: 'failed', reason: 'no complete answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await database.prisma.exchangeRate.count()).toBe(2);
  });

  it('reports an unreachable source without its address', async () => {
    const closed = await startFixtureServer({});
    const url = closed.url('/rates.json');
    await closed.close(); // nothing listens on that port any more
    const result = await refreshRates({ now: TODAY, url, prisma: database.prisma, log });
    expect(result).toEqual({ status: 'failed', reason: 'request failed (ECONNREFUSED)' });
  });

  it('is idempotent on the same day (upsert, latest values win)', async () => {
    await refresh('/eur.json');
    await refresh('/usd.json');
    await refresh('/usd.json');
    const today = await ratesOn(EFFECTIVE);
    expect(Object.keys(today)).toHaveLength(12);
    expect(today.EUR.rate).toBe('0.91234567');
    expect(await database.prisma.exchangeRate.count({ where: { effectiveOn: EFFECTIVE } })).toBe(12);
  });

  it('does nothing without RATES_URL', async () => {
    expect(await refreshRates({ now: TODAY, url: '', prisma: database.prisma, log })).toEqual({ status: 'skipped', reason: 'RATES_URL is not set' });
    expect(await database.prisma.exchangeRate.count()).toBe(2);
  });
});

describe('the scheduler tick', () => {
  const prefix = `test-rates-${process.pid}-${Date.now()}:`;
  let run = 0;
  const refresher = (invalidations: string[], lockClient: Redis | null, keyPrefix: string, path = '/usd.json') =>
    createRatesRefresher({
      now: () => TODAY,
      prisma: database.prisma,
      url: server.url(path),
      lockClient: lockClient as never,
      keyPrefix,
      invalidate: async () => void invalidations.push('rates'),
      refreshOptions: { log },
    });

  it('lets only one of two concurrent instances refresh (Redis lock); only that one fetches and invalidates', async () => {
    const keyPrefix = `${prefix}${run++}:`;
    const before = server.hits('/slow.json');
    const a: string[] = [];
    const b: string[] = [];
    // The slow route keeps the winner busy while the other one tries the lock.
    const [ra, rb] = await Promise.all([refresher(a, redis, keyPrefix, '/slow.json').tick(), refresher(b, redis, keyPrefix, '/slow.json').tick()]);
    const results = [ra, rb].map((r) => r.status).sort();
    expect(results).toEqual(['skipped', 'updated']);
    expect([ra, rb].find((r) => r.status === 'skipped')!.reason).toBe('another instance is refreshing the rates');
    expect(server.hits('/slow.json') - before).toBe(1);
    expect(a.length + b.length).toBe(1);
    expect(await redis.exists(`${keyPrefix}rates-refresh:2025-06-15`)).toBe(1);
    expect(await redis.pttl(`${keyPrefix}rates-refresh:2025-06-15`)).toBeGreaterThan(0);
  });

  it('skips when today\'s rates exist, invalidating once for rates it has not seen yet (CLI or another instance)', async () => {
    await refresh('/usd.json'); // e.g. `npm run rates:refresh`
    const invalidations: string[] = [];
    const instance = refresher(invalidations, redis, `${prefix}${run++}:`);
    const first = await instance.tick();
    const second = await instance.tick();
    expect(first).toMatchObject({ status: 'skipped', reason: "today's rates (2025-06-15) are already stored", invalidated: true });
    expect(second).toMatchObject({ status: 'skipped', invalidated: false });
    expect(invalidations).toEqual(['rates']);
  });

  it('retries after a failure (keeping yesterday\'s rates meanwhile) and does not invalidate', async () => {
    const invalidations: string[] = [];
    const failing = await refresher(invalidations, null, `${prefix}${run++}:`, '/error').tick();
    expect(failing).toMatchObject({ status: 'failed', invalidated: false });
    expect(invalidations).toEqual([]);
    expect(await database.prisma.exchangeRate.count()).toBe(2);
  });

  it('never fetches without RATES_URL', async () => {
    const before = server.hits('/usd.json');
    const instance = createRatesRefresher({ now: () => TODAY, prisma: database.prisma, url: undefined, invalidate: async () => {} });
    expect(await instance.tick()).toMatchObject({ status: 'skipped', reason: 'RATES_URL is not set' });
    expect(server.hits('/usd.json')).toBe(before);
  });
});

describe('acquireLock', () => {
  it('grants a Redis lock once until it expires', async () => {
    const key = `test-lock-${process.pid}-${Date.now()}`;
    expect(await acquireLock(key, 200, redis)).toBe(true);
    expect(await acquireLock(key, 200, redis)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await acquireLock(key, 200, redis)).toBe(true);
  });

  it('falls back to an in-process lock without Redis, or when Redis fails', async () => {
    const key = `test-local-${process.pid}-${Date.now()}`;
    expect(await acquireLock(key, 10_000, null)).toBe(true);
    expect(await acquireLock(key, 10_000, null)).toBe(false);
    const broken = { set: async () => Promise.reject(new Error('down')) };
    expect(await acquireLock(`${key}-b`, 10_000, broken)).toBe(true);
    expect(await acquireLock(`${key}-b`, 10_000, broken)).toBe(false);
  });
});
