// Sections 2 (throughput), 3 (faults, run on the ours/peer servers) and 5 (memory): the real
// app under `next start`, loaded by autocannon from a second process.
import { adminClient, keysWithPrefix, memoryUsage, type RedisServer } from '../lib/redis';
import { runLoad, runSized, type LoadResult, type Target } from '../lib/load';
import { clearDiskCache, startServer, MODES, type Mode, type Server } from '../lib/server';
import { createBenchSessions, publishedSlugs } from '../lib/sessions';
import { freePort } from '../../tests/helpers/redis-server';
import { runFault, type FaultRun } from './faults';
import { fmtMs, runConcurrent, sleep } from '../lib/stats';
import type { Profile } from '../lib/profile';

export type Page = 'dashboard' | 'article' | 'index';
export const PAGES: Page[] = ['dashboard', 'article', 'index'];
export const PAGE_LABEL: Record<Page, string> = {
  dashboard: 'Dashboard (signed in)',
  article: 'Article page',
  index: 'Article index',
};

/** What one page must contain, so an error page or a redirect is never counted as served. */
const MARKER: Record<Page, string> = {
  dashboard: 'Total bankroll',
  article: 'article-title',
  index: 'Strategy articles',
};

export interface EntryMemory {
  entries: number;
  bytes: number;
  largest: number;
}

export interface ModeResult {
  mode: Mode;
  pages: Record<Page, LoadResult>;
  /** first (cold) render of each page, ms */
  coldMs: Record<Page, number>;
  requestsServed: number;
  rssStart: number;
  rssAfter: number;
  /** bytes in Redis for one user's dashboard and for one article page (ours / peer) */
  redisDashboard?: EntryMemory;
  redisArticle?: EntryMemory;
  redisKeysAfter?: number;
  faults: FaultRun[];
  /** how the run confirmed which cache served */
  verification: string;
}

export interface AppLevelResult {
  modes: ModeResult[];
  /** modes that could not be measured, with the error */
  failures: string[];
  users: number;
  slugs: number;
  indexPages: number;
  connections: number;
  seconds: number;
}

const PREFIX: Record<'ours' | 'peer', string> = { ours: 'bench-app-ours:', peer: 'bench-app-peer:' };
/** The peer's bookkeeping keys: they grow with every entry, so their growth is part of its cost. */
const PEER_SHARED = ['__sharedTags__', '__sharedTagsTtl__', '__revalidated_tags__'];
/** Our bookkeeping keys (clock; tag records only appear on invalidation). */
const isOurStructural = (key: string) => key.endsWith(':clock') || key.includes(':t:');

async function fetchPage(url: string, t: Target, page: Page): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url + t.path, { headers: t.headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  if (res.status !== 200 || !body.includes(MARKER[page])) {
    throw new Error(`GET ${t.path} answered ${res.status}${res.status === 200 ? ' without the expected content' : ''}`);
  }
  return performance.now() - t0;
}

async function redisMemorySnapshot(port: number): Promise<Map<string, number>> {
  const admin = adminClient(port);
  try {
    return await memoryUsage(admin, await keysWithPrefix(admin, ''));
  } finally {
    admin.disconnect();
  }
}

function memoryDiff(before: Map<string, number>, after: Map<string, number>, mode: 'ours' | 'peer'): EntryMemory {
  let entries = 0;
  let bytes = 0;
  let largest = 0;
  for (const [key, size] of after) {
    const was = before.get(key);
    const structural = mode === 'peer' ? PEER_SHARED.some((s) => key.endsWith(s)) : isOurStructural(key);
    if (was === undefined && !structural) {
      entries++;
      largest = Math.max(largest, size);
      bytes += size;
    } else {
      bytes += Math.max(0, size - (was ?? 0));
    }
  }
  return { entries, bytes, largest };
}

async function runMode(
  mode: Mode,
  ctx: { redis: RedisServer; databaseUrl: string; distDir: string; targets: Record<Page, Target[]>; p: Profile; runFaults: boolean },
  log: (s: string) => void,
): Promise<ModeResult> {
  const { redis, p, targets } = ctx;
  const admin = adminClient(redis.port);
  await admin.flushall();
  if (mode === 'default' || mode === 'nocache') clearDiskCache(ctx.distDir);
  const usesRedis = mode === 'ours' || mode === 'peer';
  const server: Server = await startServer({
    mode,
    port: await freePort(),
    distDir: ctx.distDir,
    databaseUrl: ctx.databaseUrl,
    redisUrl: usesRedis ? redis.url : undefined,
    keyPrefix: usesRedis ? PREFIX[mode] : undefined,
    timeoutMs: p.timeoutMs,
  });
  let served = 1;
  const result: Partial<ModeResult> = { mode, faults: [], coldMs: {} as Record<Page, number>, pages: {} as Record<Page, LoadResult> };
  try {
    await sleep(500);
    result.rssStart = server.rss();
    // Cold first renders (and, for the Redis handlers, the bytes each page leaves in Redis).
    for (const page of PAGES) {
      const before = usesRedis ? await redisMemorySnapshot(redis.port) : undefined;
      result.coldMs![page] = await fetchPage(server.url, targets[page][0], page);
      served++;
      if (before) {
        await sleep(1000); // page entries are written after the response
        const mem = memoryDiff(before, await redisMemorySnapshot(redis.port), mode as 'ours' | 'peer');
        if (page === 'dashboard') result.redisDashboard = mem;
        if (page === 'article') result.redisArticle = mem;
      }
    }
    // Warm every target (each one rendered once), then measure.
    for (const page of PAGES) {
      const rest = targets[page].slice(1);
      await runConcurrent(0, rest.length, 4, (i) => fetchPage(server.url, rest[i], page));
      served += rest.length;
    }
    for (const page of PAGES) {
      const { warm, run } = await runSized({ url: server.url, targets: targets[page], connections: p.connections, seconds: p.loadSeconds }, p.warmSeconds);
      served += warm.requests + run.requests;
      result.pages![page] = run;
      const bad = run.non2xx + run.errors + run.timeouts;
      log(`  ${mode} ${page}: ${run.rps.toFixed(1)} req/s (${run.requests} in ${run.seconds.toFixed(1)} s), p50 ${fmtMs(run.p50)}, p99 ${fmtMs(run.p99)}${bad ? `, ${bad} failed` : ''}`);
    }
    if (served < p.rssAfterRequests) {
      // Up to the request count of the memory target with the cheap public pages (the slow
      // dashboard would take minutes in the no-cache mode).
      const mixed = [...targets.article, ...targets.index];
      const top = await runLoad({ url: server.url, targets: mixed, connections: p.connections, seconds: 60, amount: p.rssAfterRequests - served });
      served += top.requests;
    }
    await sleep(500);
    result.requestsServed = served;
    result.rssAfter = server.rss();
    const keys = await keysWithPrefix(admin, '');
    result.redisKeysAfter = keys.length;
    if (mode === 'ours') result.verification = `${keys.filter((k) => k.startsWith(`${PREFIX.ours}e:`)).length} entries under ${PREFIX.ours}e:*`;
    else if (mode === 'peer') result.verification = `${keys.filter((k) => k.startsWith(PREFIX.peer)).length} keys under ${PREFIX.peer}*, ${keys.filter((k) => !k.startsWith(PREFIX.peer)).length} others`;
    else result.verification = `${keys.length} keys in Redis (expected 0)`;
    if ((mode === 'ours' || mode === 'peer') && !keys.some((k) => k.startsWith(PREFIX[mode]))) throw new Error(`${mode}: nothing was cached in Redis: the handler switch did not take effect`);
    if ((mode === 'default' || mode === 'nocache') && keys.length > 0) throw new Error(`${mode}: found ${keys.length} keys in Redis: a Redis handler was in use`);
    log(`  ${mode}: RSS ${(result.rssAfter / 1048576).toFixed(0)} MB after ${served} requests (${result.verification})`);

    if (ctx.runFaults && (mode === 'ours' || mode === 'peer')) {
      for (const fault of ['pause', 'kill'] as const) {
        const f = await runFault({ server, redis, mode, fault, targets: targets.dashboard, p });
        result.faults!.push(f);
        log(`  ${mode} Redis ${fault}: ${f.failed} failed, p99 ${fmtMs(f.all.p99)} (healthy ${fmtMs(f.healthy.p99)}, during fault ${fmtMs(f.window.p99)}, after ${fmtMs(f.after.p99)}), max ${fmtMs(f.all.max)}`);
      }
    }
  } catch (err) {
    throw new Error(`${mode}: ${err instanceof Error ? err.message : err}\n--- server output (tail) ---\n${server.output().slice(-2000)}`);
  } finally {
    await server.stop();
    admin.disconnect();
  }
  return result as ModeResult;
}

export async function runAppLevel(
  opts: { redis: RedisServer; databaseUrl: string; distDir: string; p: Profile; modes?: Mode[]; runFaults: boolean },
  log: (s: string) => void,
): Promise<AppLevelResult> {
  const { p } = opts;
  const sessions = await createBenchSessions(opts.databaseUrl, p.dashboardUsers);
  const slugs = await publishedSlugs(opts.databaseUrl, p.articleSlugs);
  const targets: Record<Page, Target[]> = {
    dashboard: sessions.map((s) => ({ path: '/dashboard', headers: { cookie: s.cookie } })),
    article: slugs.map((slug) => ({ path: `/articles/${slug}` })),
    index: Array.from({ length: p.indexPages }, (_, i) => ({ path: i === 0 ? '/articles' : `/articles?page=${i + 1}` })),
  };
  const modes: ModeResult[] = [];
  const failures: string[] = [];
  for (const mode of opts.modes ?? MODES) {
    try {
      modes.push(await runMode(mode, { ...opts, targets }, log));
    } catch (err) {
      // One broken mode must not cost the others' results; the report says what failed.
      const message = err instanceof Error ? err.message : String(err);
      failures.push(`${mode}: ${message.split('\n')[0]}`);
      log(`  FAILED ${message}`);
    }
  }
  return { modes, failures, users: sessions.length, slugs: slugs.length, indexPages: p.indexPages, connections: p.connections, seconds: p.loadSeconds };
}
