import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { createRedisClient, loadRedisConnection } from '@stakeeasy/next-redis-cache/redis-config';

// The app's own Redis connection (rate limits, the rates-refresh lock). The cache handler keeps a
// separate client, because Next loads it outside the app bundle; both take their connection
// settings from the cache package's redis-config, so credentials and TLS cannot differ between them.
type Client = Redis | Cluster;
const holder = globalThis as unknown as { __stakeeasyRedis?: Client | null };

export function redisConfigured(): boolean {
  return loadRedisConnection().mode !== 'disabled';
}

export function redis(): Client | null {
  if (holder.__stakeeasyRedis !== undefined) return holder.__stakeeasyRedis;
  const conn = loadRedisConnection();
  if (conn.mode === 'disabled') return (holder.__stakeeasyRedis = null);
  // Fail fast rather than queue: a slow Redis must not stall sign-in. The command timeout follows
  // the cache's budget (one setting for Redis latency), doubled for a reply delayed by a busy loop.
  const redisOptions: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: conn.timeoutMs * 2,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  const client = createRedisClient(conn, { redisOptions, clusterOptions: { enableOfflineQueue: false } });
  // Errors surface on each command; the 'error' event would otherwise crash.
  client.on('error', () => {});
  return (holder.__stakeeasyRedis = client);
}

/**
 * The client once connected, or null if Redis is not configured or does not
 * answer within `waitMs` (a fresh process connects in a few ms; with the
 * offline queue off, commands sent before that would fail).
 */
export async function readyRedis(waitMs = 300): Promise<Client | null> {
  const client = redis();
  if (!client || client.status === 'ready') return client;
  return new Promise((resolve) => {
    const done = (value: Client | null) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(value);
    };
    const onReady = () => done(client);
    const timer = setTimeout(() => done(null), waitMs);
    client.once('ready', onReady);
  });
}
