import { randomUUID } from 'node:crypto';
import { readyRedis } from '@/lib/redis';

/** The one Redis command the lock needs (ioredis' signature). */
export interface LockClient {
  set(key: string, value: string, px: 'PX', ttlMs: number, nx: 'NX'): Promise<string | null>;
}

const local = new Map<string, number>();

function acquireLocal(key: string, ttlMs: number, now: number): boolean {
  const until = local.get(key);
  if (until !== undefined && until > now) return false;
  local.set(key, now + ttlMs);
  for (const [k, v] of local) if (v <= now) local.delete(k);
  return true;
}

/**
 * A best-effort mutual exclusion that expires by itself (no release: the holder may crash).
 * Across instances with Redis (`SET key token NX PX ttl`), within this process otherwise.
 * If Redis is configured but fails, the in-process lock is used: at worst two instances do
 * the same idempotent work, which beats none doing it.
 */
export async function acquireLock(key: string, ttlMs: number, client?: LockClient | null): Promise<boolean> {
  const redis = client === undefined ? ((await readyRedis()) as unknown as LockClient | null) : client;
  if (redis) {
    try {
      return (await redis.set(key, randomUUID(), 'PX', ttlMs, 'NX')) === 'OK';
    } catch {
      // fall through to the local lock
    }
  }
  return acquireLocal(key, ttlMs, Date.now());
}
