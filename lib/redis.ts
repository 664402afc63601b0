import Redis, { Cluster } from 'ioredis';

// The app's own Redis connection (rate limits, the rates-refresh lock). The
// cache handler keeps its own, because Next loads it outside the app bundle.
// Fail fast rather than queue: a slow Redis must not stall sign-in.
type Client = Redis | Cluster;
const holder = globalThis as unknown as { __stakeeasyRedis?: Client | null };

export function redisConfigured(): boolean {
  return Boolean(process.env.REDIS_URL || process.env.REDIS_CLUSTER_NODES) && process.env.CACHE_SHARED !== 'off';
}

export function redis(): Client | null {
  if (holder.__stakeeasyRedis !== undefined) return holder.__stakeeasyRedis;
  if (!redisConfigured()) return (holder.__stakeeasyRedis = null);
  const options = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: Number(process.env.CACHE_REDIS_TIMEOUT_MS ?? 150) * 2,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  const nodes = process.env.REDIS_CLUSTER_NODES;
  const client: Client = nodes
    ? new Cluster(
        nodes.split(',').map((n) => {
          const [host, port] = n.trim().split(':');
          return { host, port: Number(port) };
        }),
        { enableOfflineQueue: false, redisOptions: options },
      )
    : new Redis(process.env.REDIS_URL as string, options);
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
