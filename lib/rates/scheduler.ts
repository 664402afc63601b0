/**
 * Keeps the exchange rates current inside the running app (started by instrumentation.ts).
 *
 * Every hour (and shortly after boot) each instance:
 * 1. looks for today's rates from the HTTP source ("http" rows for today's UTC day);
 * 2. if they exist but are newer than what this instance last invalidated (the refresh ran
 *    on another instance or from `npm run rates:refresh`), invalidates the rates cache tag;
 * 3. if they do not exist and RATES_URL is set, takes a lock (Redis SET NX PX when Redis is
 *    configured, in-process otherwise) so that one instance refreshes, checks again, fetches,
 *    stores and invalidates. A failed refresh releases nothing and is retried next hour
 *    (the lock expires after LOCK_TTL_MS); the last good rates stay in use meanwhile.
 *
 * Environment: RATES_URL (unset: never fetch; the stored/seeded rates, then the built-in
 * fallback table, are used), RATES_SCHEDULER=off (no timer at all, e.g. when a cron job runs
 * the CLI and the cache is invalidated some other way).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { dayKeyToDate, toDayKey } from '@/lib/domain/days';
import { acquireLock, type LockClient } from './lock';
import { RATE_SOURCE_HTTP, refreshRates, type RefreshOptions, type RefreshResult } from './refresh';

export const CHECK_INTERVAL_MS = 60 * 60 * 1000;
export const FIRST_CHECK_DELAY_MS = 15 * 1000;
/** Longer than a refresh can take (10 s timeout + a few writes); short enough to retry within the hour. */
export const LOCK_TTL_MS = 10 * 60 * 1000;

type Db = Pick<PrismaClient, '$transaction' | 'exchangeRate'>;

export interface RefresherDeps {
  now?: () => Date;
  prisma?: Db;
  url?: string;
  /** Redis client for the lock; default lib/redis (null: in-process lock). */
  lockClient?: LockClient | null;
  keyPrefix?: string;
  /** Tells every cache that the rates changed; default lib/rates/invalidate (Next's cache). */
  invalidate?: () => Promise<unknown>;
  refresh?: (options: RefreshOptions) => Promise<RefreshResult>;
  refreshOptions?: Omit<RefreshOptions, 'now' | 'url' | 'prisma'>;
}

export type TickResult = RefreshResult & { invalidated: boolean };

const defaultInvalidate = async () => (await import('./invalidate')).invalidateRates();

/** One instance's refresher: `tick()` does one check (see the file comment). */
export function createRatesRefresher(deps: RefresherDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const invalidate = deps.invalidate ?? defaultInvalidate;
  const refresh = deps.refresh ?? refreshRates;
  let invalidatedUpTo = 0; // fetchedAt (ms) of the newest rates this instance has invalidated

  async function todaysFetch(prisma: Db, effectiveOn: Date): Promise<number | null> {
    const row = await prisma.exchangeRate.aggregate({ where: { effectiveOn, source: RATE_SOURCE_HTTP }, _max: { fetchedAt: true } });
    return row._max.fetchedAt?.getTime() ?? null;
  }

  async function invalidateUpTo(fetchedAt: number): Promise<boolean> {
    const via = await invalidate();
    if (typeof via === 'string') console.log(`[rates] cached rates invalidated (${via})`);
    invalidatedUpTo = Math.max(invalidatedUpTo, fetchedAt);
    return true;
  }

  async function tick(): Promise<TickResult> {
    const at = now();
    const day = toDayKey(at);
    const effectiveOn = dayKeyToDate(day);
    const prisma = deps.prisma ?? (await db());
    const url = 'url' in deps ? deps.url : process.env.RATES_URL;

    const existing = await todaysFetch(prisma, effectiveOn);
    if (existing !== null) {
      const invalidated = existing > invalidatedUpTo ? await invalidateUpTo(existing) : false;
      return { status: 'skipped', reason: `today's rates (${day}) are already stored`, invalidated };
    }
    if (!url) return { status: 'skipped', reason: 'RATES_URL is not set', invalidated: false };

    const prefix = deps.keyPrefix ?? process.env.CACHE_KEY_PREFIX ?? 'stakeeasy:';
    if (!(await acquireLock(`${prefix}rates-refresh:${day}`, LOCK_TTL_MS, deps.lockClient))) {
      return { status: 'skipped', reason: 'another instance is refreshing the rates', invalidated: false };
    }
    // Checked again under the lock: another instance may have finished just before.
    if ((await todaysFetch(prisma, effectiveOn)) !== null) {
      return { status: 'skipped', reason: `today's rates (${day}) are already stored`, invalidated: false };
    }
    const result = await refresh({ ...deps.refreshOptions, now: at, url, prisma });
    const invalidated = result.status === 'updated' ? await invalidateUpTo(at.getTime()) : false;
    return { ...result, invalidated };
  }

  return { tick };
}

const holder = globalThis as unknown as { __stakeeasyRatesScheduler?: { stop(): void } };

/** Starts the hourly check once per process. Returns null when disabled. */
export function startRatesScheduler(deps: RefresherDeps = {}): { stop(): void } | null {
  if (process.env.RATES_SCHEDULER === 'off') return null;
  if (holder.__stakeeasyRatesScheduler) return holder.__stakeeasyRatesScheduler;
  const refresher = createRatesRefresher(deps);
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await refresher.tick();
    } catch (error) {
      console.warn(`[rates] check failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, FIRST_CHECK_DELAY_MS);
  const every = setInterval(run, CHECK_INTERVAL_MS);
  // Never keep the process alive just for this.
  first.unref();
  every.unref();
  holder.__stakeeasyRatesScheduler = {
    stop() {
      clearTimeout(first);
      clearInterval(every);
      holder.__stakeeasyRatesScheduler = undefined;
    },
  };
  return holder.__stakeeasyRatesScheduler;
}
