import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { Redis } from 'ioredis';
import { CacheCore } from '../src/handler.mjs';
import { startRedis, type RedisServer } from '../../../tests/helpers/redis-server';

export const HTML = '<!DOCTYPE html><html><head><title>StakeEasy "dashboard"</title></head><body>' + 'é€😀<b>row</b>'.repeat(400) + '</body></html>';

export function fetchValue(body = 'hello', tags = ['products']) {
  return {
    kind: 'FETCH' as const,
    data: { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body, n: 1 }), url: 'unstable_cache /x', status: 200 },
    tags,
    revalidate: 60,
  };
}

export function appPageValue(tagsHeader = '_N_T_/layout,_N_T_/dashboard/layout,_N_T_/dashboard/page,_N_T_/dashboard,positions') {
  return {
    kind: 'APP_PAGE' as const,
    html: HTML,
    rscData: randomBytes(20_000),
    status: 200,
    postponed: undefined,
    headers: { 'x-next-cache-tags': tagsHeader, 'content-type': 'text/html; charset=utf-8', vary: 'rsc' },
    segmentData: new Map<string, Buffer>([
      ['/_tree', randomBytes(300)],
      ['/_index', randomBytes(5000)],
      ['/dashboard/__PAGE__', Buffer.alloc(0)],
    ]),
  };
}

export function appRouteValue(tagsHeader = '_N_T_/layout,_N_T_/api/feed/route,_N_T_/api/feed,feed') {
  return {
    kind: 'APP_ROUTE' as const,
    body: randomBytes(30_000),
    status: 200,
    headers: { 'content-type': 'application/octet-stream', 'x-next-cache-tags': tagsHeader },
  };
}

export function pagesValue() {
  return {
    kind: 'PAGES' as const,
    html: HTML,
    pageData: { pageProps: { user: { id: 7, name: 'Ana', tags: ['a', 'b'], nothing: null, flag: true }, n: 1.5 } },
    status: 200,
    headers: undefined,
  };
}

export function imageValue() {
  return { kind: 'IMAGE' as const, etag: 'etag-1', upstreamEtag: 'up-1', buffer: randomBytes(12_345), extension: 'webp', revalidate: 3600, isMiss: undefined, isStale: false };
}

export function redirectValue() {
  return { kind: 'REDIRECT' as const, props: { __N_REDIRECT: '/login', __N_REDIRECT_STATUS: 307 } };
}

export const PAGE_CC = { revalidate: 3600, expire: 31536000 };

export function allKinds() {
  return {
    FETCH: { data: fetchValue(), ctx: { fetchCache: true, tags: ['products'], fetchUrl: 'unstable_cache /x', fetchIdx: 0 } },
    APP_PAGE: { data: appPageValue(), ctx: { cacheControl: PAGE_CC, isRoutePPREnabled: false, isFallback: false } },
    APP_ROUTE: { data: appRouteValue(), ctx: { cacheControl: PAGE_CC } },
    PAGES: { data: pagesValue(), ctx: { cacheControl: PAGE_CC } },
    IMAGE: { data: imageValue(), ctx: { kind: 'IMAGE', cacheControl: { revalidate: 3600, expire: undefined } } },
    REDIRECT: { data: redirectValue(), ctx: { cacheControl: PAGE_CC } },
  } as const;
}

export function getCtx(kind: string, extra: Record<string, unknown> = {}) {
  if (kind === 'FETCH') return { kind: 'FETCH', revalidate: 60, tags: ['products'], softTags: ['_N_T_/layout', '_N_T_/dashboard'], ...extra };
  return { kind, isFallback: false, isRoutePPREnabled: false, ...extra };
}

export function uniquePrefix(name: string) {
  return `sectest:${name}:${process.pid}:${Date.now().toString(36)}:`;
}

export type CoreOptions = ConstructorParameters<typeof CacheCore>[0];

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function recordingLogger() {
  const lines: Array<[string, string]> = [];
  return {
    lines,
    info: (...a: unknown[]) => lines.push(['info', a.map(String).join(' ')]),
    warn: (...a: unknown[]) => lines.push(['warn', a.map(String).join(' ')]),
    error: (...a: unknown[]) => lines.push(['error', a.map(String).join(' ')]),
  };
}

type Logger = typeof silentLogger;
/**
 * A core for tests. Page copies are never trusted here unless a test asks (`pageTrustMs`): these
 * suites pin down the path every get takes when Redis decides; test/page-trust.test.ts
 * covers the trusted path.
 */
export function makeCore(config: Record<string, unknown>, opts: { buildId?: string; logger?: Logger } = {}) {
  const cfg = { pageTrustMs: 0, ...config } as NonNullable<CoreOptions>['config'];
  return new CacheCore({ env: {}, config: cfg, buildId: opts.buildId ?? 'b1', logger: opts.logger ?? silentLogger });
}

/** Would Next's IncrementalCache treat this FETCH result as stale? (age > revalidate) */
export function fetchIsStale(res: { lastModified: number } | null, revalidate = 60) {
  if (!res) return false;
  return (Date.now() - res.lastModified) / 1000 > revalidate;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs = 5000, step = 10) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return true;
    await sleep(step);
  }
  return false;
}

/**
 * A redis-server of the test file's own (it may pause or kill it), a raw client on it, and the
 * cores the file makes on it, all stopped after the file. `defaults`: the config of every core.
 */
export function ownRedis(defaults: Record<string, unknown> = {}) {
  let srv: RedisServer | undefined;
  let raw: Redis | undefined;
  const cores: CacheCore[] = [];
  beforeAll(async () => {
    srv = await startRedis();
    raw = new Redis(srv.url);
  });
  afterAll(async () => {
    await Promise.allSettled(cores.map((c) => c.close()));
    raw?.disconnect();
    await srv?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('ownRedis: used before its beforeAll ran');
    return x;
  };
  return {
    get srv() {
      return started(srv);
    },
    get raw() {
      return started(raw);
    },
    core(prefix: string, extra: Record<string, unknown> = {}) {
      const c = makeCore({ mode: 'standalone', redisUrl: started(srv).url, keyPrefix: prefix, ...defaults, ...extra });
      cores.push(c);
      return c;
    },
  };
}
