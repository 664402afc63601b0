/**
 * Every Redis client takes its connection settings from the cache package's redis-config: the app's own client
 * (lib/redis.ts: rate limits, the rates-refresh lock) and the cache handler's must connect with
 * the same nodes, credentials and TLS from the same environment.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, Redis } from 'ioredis';
import { loadRedisConnection } from '@stakeeasy/next-redis-cache/redis-config';
import { CacheCore } from '@stakeeasy/next-redis-cache/core';
import { startRedis, type RedisServer } from '../helpers/redis-server';

const KEYS = [
  'REDIS_URL',
  'REDIS_CLUSTER_NODES',
  'REDIS_USERNAME',
  'REDIS_PASSWORD',
  'REDIS_CLUSTER_TLS',
  'CACHE_SHARED',
  'CACHE_REDIS_TIMEOUT_MS',
  'CACHE_KEY_PREFIX',
] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
const silent = { info() {}, warn() {}, error() {} };
const holder = globalThis as unknown as { __stakeeasyRedis?: Redis | Cluster | null };

function setEnv(env: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
}

/** A fresh lib/redis.ts client for the current process.env. */
async function appClient() {
  holder.__stakeeasyRedis = undefined;
  const { redis } = await import('../../lib/redis');
  return redis();
}

interface Seen {
  nodes: Array<{ host: string; port: number }>;
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

/** What a client will connect with (ioredis keeps its resolved options on the instance). */
function seen(client: Redis | Cluster): Seen {
  if (client.isCluster) {
    const c = client as unknown as { startupNodes: Array<{ host: string; port: number }>; options: { redisOptions?: Record<string, unknown> } };
    const o = c.options.redisOptions ?? {};
    return { nodes: c.startupNodes, username: o.username as string | undefined, password: o.password as string | undefined, tls: o.tls !== undefined };
  }
  const o = (client as Redis).options;
  return { nodes: [{ host: o.host ?? '', port: Number(o.port) }], username: o.username, password: o.password, tls: o.tls !== undefined };
}

const opened: Array<{ close(): Promise<void> | void }> = [];

async function bothClients() {
  const app = await appClient();
  if (!app) throw new Error('lib/redis.ts did not create a client');
  opened.push({ close: () => app.disconnect() });
  const core = new CacheCore({ env: process.env, logger: silent });
  opened.push(core);
  if (!core.store) throw new Error('the cache did not create a Redis store');
  return { app: seen(app), cache: seen(core.store.client), subscriber: core.store.sub ? seen(core.store.sub) : undefined };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  holder.__stakeeasyRedis = undefined;
  setEnv(saved);
});

describe('one Redis configuration for every client', () => {
  it('parses IPv6 and redis:// node URLs, taking credentials and TLS from the URLs', () => {
    const conn = loadRedisConnection({ REDIS_CLUSTER_NODES: '[::1]:7000, redis://user:p%40ss@host:7001,rediss://host2:7002' });
    expect(conn.mode).toBe('cluster');
    expect(conn.clusterNodes).toEqual([
      { host: '::1', port: 7000 },
      { host: 'host', port: 7001 },
      { host: 'host2', port: 7002 },
    ]);
    expect(conn.username).toBe('user');
    expect(conn.password).toBe('p@ss');
    expect(conn.clusterTls).toBe(true);
  });

  it('REDIS_USERNAME / REDIS_PASSWORD apply when the URLs carry no credentials', () => {
    const env = { REDIS_USERNAME: 'acl', REDIS_PASSWORD: 'pw' };
    expect(loadRedisConnection({ ...env, REDIS_CLUSTER_NODES: 'a:1' })).toMatchObject({ username: 'acl', password: 'pw', clusterTls: false });
    expect(loadRedisConnection({ ...env, REDIS_CLUSTER_NODES: 'redis://u:x@a:1' })).toMatchObject({ username: 'u', password: 'x' });
    expect(loadRedisConnection({ ...env, REDIS_URL: 'redis://a:1' })).toMatchObject({ mode: 'standalone', username: 'acl', password: 'pw' });
    expect(loadRedisConnection({ REDIS_URL: 'redis://a:1', CACHE_SHARED: 'false' }).mode).toBe('disabled');
  });

  it.each<[string, Record<string, string>, Seen]>([
    [
      'node URLs',
      { REDIS_CLUSTER_NODES: '[::1]:7000,redis://user:pw@host:7000' },
      { nodes: [{ host: '::1', port: 7000 }, { host: 'host', port: 7000 }], username: 'user', password: 'pw', tls: false },
    ],
    [
      'REDIS_USERNAME, REDIS_PASSWORD and REDIS_CLUSTER_TLS',
      { REDIS_CLUSTER_NODES: '[::1]:7000,127.0.0.1:7001', REDIS_USERNAME: 'acl-user', REDIS_PASSWORD: 'secret', REDIS_CLUSTER_TLS: '1' },
      { nodes: [{ host: '::1', port: 7000 }, { host: '127.0.0.1', port: 7001 }], username: 'acl-user', password: 'secret', tls: true },
    ],
  ])('cluster: the app client and the cache get the same nodes, credentials and TLS (%s)', async (_case, env, expected) => {
    setEnv(env);
    const { app, cache, subscriber } = await bothClients();
    expect(app).toEqual(expected);
    expect(cache).toEqual(expected);
    expect(subscriber).toEqual({ ...expected, nodes: [expected.nodes[0]] });
  });

  it('standalone: REDIS_PASSWORD reaches both clients; a URL with its own password wins for both', async () => {
    setEnv({ REDIS_URL: 'redis://127.0.0.1:6399', REDIS_USERNAME: 'acl-user', REDIS_PASSWORD: 'secret' });
    let both = await bothClients();
    expect(both.app).toMatchObject({ username: 'acl-user', password: 'secret' });
    expect(both.cache).toEqual(both.app);
    expect(both.subscriber).toEqual(both.app);
    await Promise.all(opened.splice(0).map((c) => c.close()));

    setEnv({ REDIS_URL: 'redis://:own@127.0.0.1:6399', REDIS_PASSWORD: 'secret' });
    both = await bothClients();
    expect(both.app.password).toBe('own');
    expect(both.cache).toEqual(both.app);
  });
});

describe('lib/redis.ts against a password-protected redis-server', () => {
  const password = `pw-${process.pid}-${Date.now()}`;
  let server: RedisServer;

  beforeAll(async () => {
    server = await startRedis({ args: ['--requirepass', password] });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('connects with REDIS_PASSWORD (and the cache with it too)', async () => {
    setEnv({ REDIS_URL: server.url, REDIS_PASSWORD: password, CACHE_KEY_PREFIX: `test-auth-${process.pid}:` });
    holder.__stakeeasyRedis = undefined;
    const { readyRedis, redisConfigured } = await import('../../lib/redis');
    expect(redisConfigured()).toBe(true);
    const client = await readyRedis(5000);
    expect(client).not.toBeNull();
    opened.push({ close: () => client!.disconnect() });
    await client!.set('auth-probe', '1');
    expect(await client!.get('auth-probe')).toBe('1');

    const core = new CacheCore({ env: process.env, logger: silent });
    opened.push(core);
    expect(await core.ready(5000)).toBe(true);
  });

  it('does not get a usable connection without the password', async () => {
    setEnv({ REDIS_URL: server.url });
    holder.__stakeeasyRedis = undefined;
    const { readyRedis, redis } = await import('../../lib/redis');
    const unauthenticated = redis();
    expect(unauthenticated).not.toBeNull();
    opened.push({ close: () => unauthenticated!.disconnect() });
    expect(await readyRedis(1000)).toBeNull();
  });
});
