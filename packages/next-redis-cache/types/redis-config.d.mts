/**
 * @param {string|undefined} raw
 * @param {number} fallback
 * @param {string} name
 * @param {string[]} warnings
 * @param {{min?: number, integer?: boolean}} [opts]
 */
export function num(raw: string | undefined, fallback: number, name: string, warnings: string[], opts?: {
    min?: number;
    integer?: boolean;
}): number;
/** @param {string|undefined} raw */
export function isOff(raw: string | undefined): boolean;
/** @param {string|undefined} raw */
export function isOn(raw: string | undefined): boolean;
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
export function parseClusterSpec(raw: string, warnings?: string[]): ParsedNodes;
/**
 * @param {string} raw
 * @param {string[]} [warnings]
 * @returns {RedisNode[]}
 */
export function parseClusterNodes(raw: string, warnings?: string[]): RedisNode[];
/**
 * Read the connection settings from an environment object (process.env by default).
 * @param {Record<string, string|undefined>} [env]
 * @param {string[]} [warnings] receives one line per setting that was ignored or defaulted
 * @returns {RedisConnection}
 */
export function loadRedisConnection(env?: Record<string, string | undefined>, warnings?: string[]): RedisConnection;
/**
 * Credentials and TLS every connection to a Redis node gets. For REDIS_URL, ioredis lets the
 * URL's own credentials (and rediss://) win over these.
 * @param {Pick<RedisConnection, 'mode'|'username'|'password'|'clusterTls'>} conn
 * @returns {import('ioredis').RedisOptions}
 */
export function nodeOptions(conn: Pick<RedisConnection, "mode" | "username" | "password" | "clusterTls">): import("ioredis").RedisOptions;
/**
 * The client for `conn`: a Redis for standalone, a Cluster for cluster mode. The caller's own
 * options (timeouts, retry strategy, scripts...) are passed in; connection settings are not.
 * @param {Pick<RedisConnection, 'mode'|'redisUrl'|'clusterNodes'|'username'|'password'|'clusterTls'>} conn
 * @param {{ redisOptions?: import('ioredis').RedisOptions, clusterOptions?: import('ioredis').ClusterOptions }} [opts]
 *        redisOptions: the standalone client's options, and each cluster node's;
 *        clusterOptions: the Cluster's own (its redisOptions are merged with redisOptions)
 * @returns {Redis | Cluster}
 */
export function createRedisClient(conn: Pick<RedisConnection, "mode" | "redisUrl" | "clusterNodes" | "username" | "password" | "clusterTls">, opts?: {
    redisOptions?: import("ioredis").RedisOptions;
    clusterOptions?: import("ioredis").ClusterOptions;
}): Redis | Cluster;
/**
 * A plain connection to one cluster node (the cache's pub/sub subscriber), with the cluster's
 * credentials and TLS.
 * @param {Pick<RedisConnection, 'mode'|'username'|'password'|'clusterTls'>} conn
 * @param {RedisNode} node
 * @param {import('ioredis').RedisOptions} [redisOptions]
 * @returns {Redis}
 */
export function createNodeClient(conn: Pick<RedisConnection, "mode" | "username" | "password" | "clusterTls">, node: RedisNode, redisOptions?: import("ioredis").RedisOptions): Redis;
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
export const DEFAULT_TIMEOUT_MS: 150;
export type ParsedNodes = {
    nodes: RedisNode[];
    /**
     * first credentials found in a node URL
     */
    username: string | undefined;
    password: string | undefined;
    /**
     * some node URL is rediss://
     */
    tls: boolean;
};
export type RedisNode = {
    host: string;
    port: number;
};
export type RedisConnection = {
    mode: "disabled" | "standalone" | "cluster";
    redisUrl: string | undefined;
    clusterNodes: RedisNode[];
    username: string | undefined;
    password: string | undefined;
    clusterTls: boolean;
    /**
     * budget of one cache operation (CACHE_REDIS_TIMEOUT_MS)
     */
    timeoutMs: number;
};
import { Redis } from 'ioredis';
import { Cluster } from 'ioredis';
