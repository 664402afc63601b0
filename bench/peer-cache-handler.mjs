// @ts-check
/**
 * The benchmark peer as a Next.js `cacheHandler`: @fortedigital/nextjs-cache-handler's Redis
 * strings handler on an ioredis client through its `ioredisAdapter`, wired the way its README
 * shows (CacheHandler.onCreation returning the handler list, one client per process kept on
 * globalThis). Next loads it when the server runs with CACHE_HANDLER_PATH=<this file>.
 *
 *   PEER_REDIS_URL     Redis to use (required; REDIS_URL is left to our own handler)
 *   PEER_KEY_PREFIX    key prefix, default "peer:"
 *   PEER_TIMEOUT_MS    the handler's per-command `timeoutMs`; unset = the library default
 *                      (5000 ms), which is what the bench uses unless BENCH_PEER_TIMEOUT_MS is set.
 *
 * The ioredis client keeps the library README's defaults (offline queue, 20 retries per
 * request): tuning them is not something the peer documents.
 */
import { Redis } from 'ioredis';
import { loadPeer } from './lib/peer-module.mjs';

const { CacheHandler, createRedisHandler, ioredisAdapter, version } = await loadPeer();
const STATE = Symbol.for('stakeeasy.bench.peer');

/** @returns {{ client: Redis, config: { handlers: any[] } }} */
function state() {
  const g = /** @type {any} */ (globalThis);
  if (!g[STATE]) {
    const url = process.env.PEER_REDIS_URL;
    if (!url) throw new Error('PEER_REDIS_URL is not set');
    const client = new Redis(url, { connectionName: 'bench-peer' });
    // The README logs and drops the config on errors; we only must not crash on them.
    client.on('error', () => {});
    const timeoutMs = process.env.PEER_TIMEOUT_MS ? Number(process.env.PEER_TIMEOUT_MS) : undefined;
    g[STATE] = {
      client,
      config: {
        handlers: [createRedisHandler({ client: ioredisAdapter(client), keyPrefix: process.env.PEER_KEY_PREFIX ?? 'peer:', timeoutMs })],
      },
    };
  }
  return g[STATE];
}

/**
 * Like the README's onCreation, which awaits `client.connect()` before building the handler
 * (bounded here, so a server started while Redis is down still starts).
 * @param {Redis} client
 */
function connected(client, ms = 5000) {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve(undefined);
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
  });
}

CacheHandler.onCreation(async () => {
  const s = state();
  await connected(s.client);
  return s.config;
});

export const peerVersion = version;
/** The ioredis client (bench instrumentation: command counting, shutdown). */
export const peerClient = () => state().client;
export default CacheHandler;
