// The bench's own redis-server (never the shared one on 6379: runs pause, kill and flush it)
// and the INFO / MEMORY USAGE readings the results are built from.
import { Redis } from 'ioredis';
import { startRedis, commandStats, type RedisServer } from '../../tests/helpers/redis-server';

export { startRedis, commandStats, type RedisServer };

/** An admin connection that fails fast instead of queueing while Redis is paused or down. */
export function adminClient(port: number): Redis {
  const c = new Redis({ port, host: '127.0.0.1', enableOfflineQueue: true, maxRetriesPerRequest: 1, connectionName: 'bench-admin' });
  c.on('error', () => {});
  return c;
}

export async function keysWithPrefix(c: Redis, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await c.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]]/g, '\\$&')}*`, 'COUNT', 1000);
    out.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return out;
}

/** MEMORY USAGE (all samples) of each key; missing keys count 0. */
export async function memoryUsage(c: Redis, keys: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const k of keys) {
    const n = (await c.call('MEMORY', 'USAGE', k, 'SAMPLES', '0')) as number | null;
    out.set(k, n ?? 0);
  }
  return out;
}

/** Per-command call-count difference between two commandStats() readings. */
export function statsDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cmd, n] of Object.entries(after)) {
    const d = n - (before[cmd] ?? 0);
    if (d > 0 && !cmd.startsWith('info') && !cmd.startsWith('config')) out[cmd] = d;
  }
  return out;
}

export async function redisVersion(port: number): Promise<string> {
  const c = adminClient(port);
  try {
    const info = (await c.info('server')) as string;
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    c.disconnect();
  }
}
