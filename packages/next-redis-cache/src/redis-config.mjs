// @ts-check
/**
 * The one place that reads the Redis connection settings from the environment and turns them
 * into ioredis clients. The cache (redis-store.mjs) uses it, and it is exported
 * (`@stakeeasy/next-redis-cache/redis-config`) so an app's own Redis clients connect with exactly
 * the same nodes, credentials and TLS. Plain ESM with JSDoc types because Next loads the cache
 * handler outside the bundle, without compiling it.
 *
 * Settings (documented in full in config.mjs and the package README):
 *   REDIS_URL, REDIS_CLUSTER_NODES, REDIS_USERNAME, REDIS_PASSWORD, REDIS_CLUSTER_TLS,
 *   CACHE_SHARED, CACHE_REDIS_TIMEOUT_MS.
 *
 * Credentials: a URL that carries its own (REDIS_URL, or a redis:// entry of REDIS_CLUSTER_NODES)
 * wins, as ioredis does for REDIS_URL; REDIS_USERNAME / REDIS_PASSWORD apply to every connection
 * whose URL carries none. A rediss:// cluster node turns TLS on like REDIS_CLUSTER_TLS=1: cluster
 * connections share one set of node options, because the nodes ioredis discovers later (CLUSTER
 * SLOTS) come without any URL of their own.
 */
import { Redis, Cluster } from 'ioredis';

/** @typedef {{ host: string, port: number }} RedisNode */

/**
 * @typedef {Object} RedisConnection
 * @property {'disabled'|'standalone'|'cluster'} mode
 * @property {string|undefined} redisUrl
 * @property {RedisNode[]} clusterNodes
 * @property {string|undefined} username
 * @property {string|undefined} password
 * @property {boolean} clusterTls
 * @property {number} timeoutMs budget of one cache operation (CACHE_REDIS_TIMEOUT_MS)
 */

export const DEFAULT_TIMEOUT_MS = 150;

/**
 * @param {string|undefined} raw
 * @param {number} fallback
 * @param {string} name
 * @param {string[]} warnings
 * @param {{min?: number, integer?: boolean}} [opts]
 */
export function num(raw, fallback, name, warnings, opts = {}) {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  const min = opts.min ?? 0;
  if (!Number.isFinite(n) || n < min || (opts.integer !== false && !Number.isInteger(n))) {
    warnings.push(`${name}=${JSON.stringify(raw)} is not a valid number >= ${min}; using ${fallback}`);
    return fallback;
  }
  return n;
}

/** @param {string|undefined} raw */
export function isOff(raw) {
  return raw !== undefined && ['off', 'false', '0', 'no', 'disabled'].includes(raw.trim().toLowerCase());
}

/** @param {string|undefined} raw */
export function isOn(raw) {
  return raw !== undefined && ['on', 'true', '1', 'yes'].includes(raw.trim().toLowerCase());
}

/**
 * @typedef {Object} ParsedNodes
 * @property {RedisNode[]} nodes
 * @property {string|undefined} username first credentials found in a node URL
 * @property {string|undefined} password
 * @property {boolean} tls some node URL is rediss://
 */

/**
 * Parse "host:port,host:port". Also accepts redis:// URLs per node and IPv6 in brackets.
 * @param {string} raw
 * @param {string[]} [warnings]
 * @returns {ParsedNodes}
 */
export function parseClusterSpec(raw, warnings = []) {
  /** @type {ParsedNodes} */
  const out = { nodes: [], username: undefined, password: undefined, tls: false };
  let mixedCredentials = false;
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^rediss?:\/\//i.test(part)) {
      let u;
      try {
        u = new URL(part);
      } catch {
        warnings.push('REDIS_CLUSTER_NODES contains an invalid URL; entry ignored');
        continue;
      }
      out.nodes.push({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) });
      if (u.protocol === 'rediss:') out.tls = true;
      if (u.username || u.password) {
        const username = decodeURIComponent(u.username) || undefined;
        const password = decodeURIComponent(u.password) || undefined;
        if (out.username === undefined && out.password === undefined) {
          out.username = username;
          out.password = password;
        } else if (out.username !== username || out.password !== password) {
          mixedCredentials = true;
        }
      }
      continue;
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(part);
    if (m) out.nodes.push({ host: m[1], port: Number(m[2]) });
    else out.nodes.push({ host: part, port: 6379 });
  }
  if (mixedCredentials) {
    warnings.push('REDIS_CLUSTER_NODES: node URLs carry different credentials; using those of the first');
  }
  return out;
}

/**
 * @param {string} raw
 * @param {string[]} [warnings]
 * @returns {RedisNode[]}
 */
export function parseClusterNodes(raw, warnings = []) {
  return parseClusterSpec(raw, warnings).nodes;
}

/**
 * Read the connection settings from an environment object (process.env by default).
 * @param {Record<string, string|undefined>} [env]
 * @param {string[]} [warnings] receives one line per setting that was ignored or defaulted
 * @returns {RedisConnection}
 */
export function loadRedisConnection(env = process.env, warnings = []) {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const spec = env.REDIS_CLUSTER_NODES ? parseClusterSpec(env.REDIS_CLUSTER_NODES, warnings) : undefined;
  const clusterNodes = spec?.nodes ?? [];
  /** @type {RedisConnection['mode']} */
  let mode = 'disabled';
  if (!isOff(env.CACHE_SHARED)) {
    if (clusterNodes.length > 0) mode = 'cluster';
    else if (redisUrl) mode = 'standalone';
  }
  const nodeCredentials = mode === 'cluster' && (spec?.username !== undefined || spec?.password !== undefined);
  return {
    mode,
    redisUrl,
    clusterNodes,
    username: nodeCredentials ? spec?.username : env.REDIS_USERNAME || undefined,
    password: nodeCredentials ? spec?.password : env.REDIS_PASSWORD || undefined,
    clusterTls: isOn(env.REDIS_CLUSTER_TLS) || (mode === 'cluster' && Boolean(spec?.tls)),
    timeoutMs: num(env.CACHE_REDIS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 'CACHE_REDIS_TIMEOUT_MS', warnings, { min: 1 }),
  };
}

/**
 * Credentials and TLS every connection to a Redis node gets. For REDIS_URL, ioredis lets the
 * URL's own credentials (and rediss://) win over these.
 * @param {Pick<RedisConnection, 'mode'|'username'|'password'|'clusterTls'>} conn
 * @returns {import('ioredis').RedisOptions}
 */
export function nodeOptions(conn) {
  /** @type {import('ioredis').RedisOptions} */
  const out = {};
  if (conn.username !== undefined) out.username = conn.username;
  if (conn.password !== undefined) out.password = conn.password;
  if (conn.mode === 'cluster' && conn.clusterTls) out.tls = {};
  return out;
}

/**
 * The client for `conn`: a Redis for standalone, a Cluster for cluster mode. The caller's own
 * options (timeouts, retry strategy, scripts...) are passed in; connection settings are not.
 * @param {Pick<RedisConnection, 'mode'|'redisUrl'|'clusterNodes'|'username'|'password'|'clusterTls'>} conn
 * @param {{ redisOptions?: import('ioredis').RedisOptions, clusterOptions?: import('ioredis').ClusterOptions }} [opts]
 *        redisOptions: the standalone client's options, and each cluster node's;
 *        clusterOptions: the Cluster's own (its redisOptions are merged with redisOptions)
 * @returns {Redis | Cluster}
 */
export function createRedisClient(conn, opts = {}) {
  const redisOptions = { ...opts.redisOptions, ...nodeOptions(conn) };
  if (conn.mode === 'cluster') {
    const clusterOptions = opts.clusterOptions ?? {};
    return new Cluster(conn.clusterNodes, {
      ...clusterOptions,
      redisOptions: { ...clusterOptions.redisOptions, ...redisOptions },
    });
  }
  if (conn.mode !== 'standalone' || !conn.redisUrl) throw new Error('Redis is not configured');
  return new Redis(conn.redisUrl, redisOptions);
}

/**
 * A plain connection to one cluster node (the cache's pub/sub subscriber), with the cluster's
 * credentials and TLS.
 * @param {Pick<RedisConnection, 'mode'|'username'|'password'|'clusterTls'>} conn
 * @param {RedisNode} node
 * @param {import('ioredis').RedisOptions} [redisOptions]
 * @returns {Redis}
 */
export function createNodeClient(conn, node, redisOptions = {}) {
  return new Redis({ ...redisOptions, host: node.host, port: node.port, ...nodeOptions(conn) });
}
