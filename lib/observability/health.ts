import 'server-only';
import { db } from '@/lib/db/client';
import { processCache } from './cache';

export const DB_TIMEOUT_MS = 1000;

export type ComponentStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  database: { status: ComponentStatus; latencyMs: number | null };
  redis: { status: 'disabled' | 'up' | 'down'; latencyMs: number | null };
  cache: Record<string, unknown>;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Resolves to false when `work` fails or takes longer than `ms` (its late outcome is ignored). */
async function withinTime(work: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const attempt = work().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkDatabase(): Promise<HealthReport['database']> {
  const started = performance.now();
  const ok = await withinTime(async () => (await db()).$queryRaw`SELECT 1`, DB_TIMEOUT_MS);
  return ok ? { status: 'up', latencyMs: round(performance.now() - started) } : { status: 'down', latencyMs: null };
}

/**
 * Overall status: the database decides whether the app can serve ('down' otherwise). Redis is
 * an accelerator: while it is unreachable the app serves from the database and the in-process
 * cache, so that is 'degraded', not 'down'.
 * Contains no URL, host name, key prefix or credential: it may be polled by anyone.
 */
export function overallStatus(database: HealthReport['database'], redis: HealthReport['redis'], breaker: string): HealthReport['status'] {
  if (database.status === 'down') return 'down';
  if (redis.status === 'down' || (redis.status === 'up' && breaker !== 'closed')) return 'degraded';
  return 'ok';
}

export async function checkHealth(): Promise<HealthReport> {
  const cache = processCache();
  const [database, health] = await Promise.all([checkDatabase(), cache.getCacheHealth()]);
  const stats = cache.getCacheStats();
  const redis: HealthReport['redis'] = { status: health.redis, latencyMs: health.latencyMs };
  return {
    status: overallStatus(database, redis, health.breaker),
    database,
    redis,
    cache: {
      mode: health.mode,
      breaker: health.breaker,
      subscriber: health.subscriber,
      pendingInvalidations: health.pendingInvalidations,
      hitRatio: health.hitRatio,
      l1HitRatio: health.l1HitRatio,
      l1: health.l1,
      tagRecordsCached: stats.tagRecordsCached,
      ...stats.counters,
    },
  };
}
