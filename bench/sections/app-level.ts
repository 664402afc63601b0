// Sections 2 (throughput), 3 (faults, run on the ours/peer servers) and 5 (memory): the real
// app under `next start`, loaded by autocannon from a second process.
import { adminClient, keysWithPrefix, memoryUsage, type RedisServer } from '../lib/redis';
import { mergeRuns, runLoad, runSized, type LoadResult, type Target } from '../lib/load';
import { freshBuildCopy, startServer, MODES, type Mode, type Server } from '../lib/server';
import { createBenchSessions, publishedSlugs } from '../lib/sessions';
import { freePort } from '../../tests/helpers/redis-server';
import { runFault, type FaultRun } from './faults';
import { fmtMs, runConcurrent, sleep } from '../lib/stats';
import type { Profile } from '../lib/profile';
import { indexPath } from '../../lib/articles/urls';

export type Page = 'dashboard' | 'article' | 'index' | 'stats';
export const PAGES: Page[] = ['dashboard', 'article', 'index', 'stats'];
export const PAGE_LABEL: Record<Page, string> = {
  dashboard: 'Dashboard (signed in)',
  article: 'Article page',
  index: 'Article index',
  stats: 'Session stats (5,000 sessions)',
};

/** The pages every measured mode has results for (a results file from before a page was added lacks it). */
export function measuredPages(modes: readonly { pages: Partial<Record<Page, unknown>> }[]): Page[] {
  return PAGES.filter((page) => modes.every((m) => m.pages[page] !== undefined));
}

/** What one page must contain, so an error page or a redirect is never counted as served. */
const MARKER: Record<Page, string> = {
  dashboard: 'Total bankroll',
  article: 'article-title',
  index: 'Strategy articles',
  // The totals only render when the user's sessions were found and aggregated.
  stats: 'data-testid="stats-profit"',
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
  /** ours, from its log (CACHE_DEBUG=1): breaker openings and failed Redis operations while Redis was healthy, and in total */
  breakerOpensHealthy?: number;
  breakerOpensTotal?: number;
  redisFailuresHealthy?: number;
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

/** Our handler logs a line each time its circuit breaker opens, and with CACHE_DEBUG=1 each failed operation. */
const breakerOpens = (output: string) => output.split('(breaker open)').length - 1;
const redisFailures = (output: string) => (output.match(/\[cache\] \w+ failed:/g) ?? []).length;

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

interface Ctx {
  redis: RedisServer;
  databaseUrl: string;
  distDir: string;
  targets: Record<Page, Target[]>;
  p: Profile;
  runFaults: boolean;
}

interface Running {
  mode: Mode;
  server: Server;
  served: number;
  result: Partial<ModeResult>;
  runs: Record<Page, LoadResult[]>;
  /** req/s of the last run per page: sizes the next run */
  rate: Record<Page, number>;
}

/** Starts one server, measures its cold renders (and Redis bytes per page) and warms every target. */
async function prepare(mode: Mode, ctx: Ctx, log: (s: string) => void): Promise<Running> {
  const { redis, p, targets } = ctx;
  const usesRedis = mode === 'ours' || mode === 'peer';
  const server: Server = await startServer({
    mode,
    port: await freePort(),
    // Servers on Next's default cache write into their dist dir: each gets a fresh copy.
    distDir: usesRedis ? ctx.distDir : freshBuildCopy(ctx.distDir, mode),
    databaseUrl: ctx.databaseUrl,
    redisUrl: usesRedis ? redis.url : undefined,
    keyPrefix: usesRedis ? PREFIX[mode] : undefined,
    timeoutMs: p.timeoutMs,
    peerTimeoutMs: p.peerTimeoutMs,
  });
  const run: Running = {
    mode,
    server,
    served: 1,
    result: { mode, faults: [], coldMs: {} as Record<Page, number>, pages: {} as Record<Page, LoadResult> },
    runs: { dashboard: [], article: [], index: [], stats: [] },
    rate: { dashboard: 0, article: 0, index: 0, stats: 0 },
  };
  try {
    await sleep(500);
    run.result.rssStart = server.rss();
    for (const page of PAGES) {
      const before = usesRedis ? await redisMemorySnapshot(redis.port) : undefined;
      run.result.coldMs![page] = await fetchPage(server.url, targets[page][0], page);
      run.served++;
      if (before) {
        await sleep(1000); // page entries are written after the response
        const mem = memoryDiff(before, await redisMemorySnapshot(redis.port), mode as 'ours' | 'peer');
        if (page === 'dashboard') run.result.redisDashboard = mem;
        if (page === 'article') run.result.redisArticle = mem;
      }
    }
    for (const page of PAGES) {
      const rest = targets[page].slice(1);
      await runConcurrent(0, rest.length, 4, (i) => fetchPage(server.url, rest[i], page));
      run.served += rest.length;
      const warm = await runLoad({ url: server.url, targets: targets[page], connections: p.connections, seconds: p.warmSeconds });
      run.served += warm.requests;
      run.rate[page] = warm.rps;
    }
    log(`  ${mode}: started and warmed (cold dashboard ${fmtMs(run.result.coldMs!.dashboard)})`);
  } catch (err) {
    await server.stop();
    throw new Error(`${err instanceof Error ? err.message : err}\n--- server output (tail) ---\n${server.output().slice(-2000)}`);
  }
  return run;
}

/** RSS after the request target, which cache served (checked in Redis), then the fault runs. */
async function finish(run: Running, ctx: Ctx, log: (s: string) => void): Promise<ModeResult> {
  const { redis, p, targets } = ctx;
  const { mode, server, result } = run;
  const admin = adminClient(redis.port);
  try {
    if (run.served < p.rssAfterRequests) {
      // Up to the request count of the memory target with the cheap public pages (the slow
      // dashboard would take minutes in the no-cache mode).
      const mixed = [...targets.article, ...targets.index];
      const top = await runLoad({ url: server.url, targets: mixed, connections: p.connections, seconds: 120, amount: p.rssAfterRequests - run.served });
      run.served += top.requests;
    }
    await sleep(500);
    result.requestsServed = run.served;
    result.rssAfter = server.rss();
    const keys = await keysWithPrefix(admin, '');
    const mine = (m: 'ours' | 'peer') => keys.filter((k) => k.startsWith(PREFIX[m])).length;
    result.redisKeysAfter = mode === 'ours' || mode === 'peer' ? mine(mode) : 0;
    if (mode === 'ours' || mode === 'peer') {
      result.verification = `${mine(mode)} keys under ${PREFIX[mode]}*`;
      if (mine(mode) === 0) throw new Error(`nothing was cached in Redis: the handler switch did not take effect`);
    } else {
      result.verification = `Next's own cache (its dist dir ${server.distDir}); ${mine('ours') + mine('peer')} Redis keys all belong to the ours/peer servers`;
    }
    if (mode === 'ours') {
      result.breakerOpensHealthy = breakerOpens(server.output());
      result.redisFailuresHealthy = redisFailures(server.output());
    }
    log(
      `  ${mode}: RSS ${(result.rssAfter / 1048576).toFixed(0)} MB after ${run.served} requests (${result.verification}${mode === 'ours' ? `; with Redis healthy: ${result.redisFailuresHealthy} failed Redis operations, breaker opened ${result.breakerOpensHealthy} time(s)` : ''})`,
    );
    if (ctx.runFaults && (mode === 'ours' || mode === 'peer')) {
      for (const fault of ['pause', 'kill'] as const) {
        const f = await runFault({ server, redis, mode, fault, targets: targets.dashboard, p });
        result.faults!.push(f);
        if (mode === 'ours') result.breakerOpensTotal = breakerOpens(server.output());
        log(`  ${mode} Redis ${fault}: ${f.failed} failed, p99 ${fmtMs(f.all.p99)} (healthy ${fmtMs(f.healthy.p99)}, during fault ${fmtMs(f.window.p99)}, after ${fmtMs(f.after.p99)}), max ${fmtMs(f.all.max)}`);
      }
    }
  } finally {
    admin.disconnect();
    await server.stop();
  }
  return result as ModeResult;
}

/**
 * All servers run side by side (only one is loaded at a time) and each page is measured in
 * `rounds` interleaved runs per mode, rotating the order: load from other processes on the
 * machine then falls on every mode alike instead of on whichever ran at the wrong moment.
 */
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
    index: Array.from({ length: p.indexPages }, (_, i) => ({ path: indexPath({ page: i + 1 }) })),
    // The same signed-in users' session statistics (every ended session, no filter).
    stats: sessions.map((s) => ({ path: '/sessions/stats', headers: { cookie: s.cookie } })),
  };
  const ctx: Ctx = { ...opts, targets };
  const admin = adminClient(opts.redis.port);
  await admin.flushall();
  admin.disconnect();
  const failures: string[] = [];
  const running: Running[] = [];
  const fail = (mode: Mode, err: unknown) => {
    // One broken mode must not cost the others' results; the report says what failed.
    const message = err instanceof Error ? err.message : String(err);
    failures.push(`${mode}: ${message.split('\n')[0]}`);
    log(`  FAILED ${mode}: ${message}`);
  };
  for (const mode of opts.modes ?? MODES) {
    try {
      running.push(await prepare(mode, ctx, log));
    } catch (err) {
      fail(mode, err);
    }
  }
  const modes: ModeResult[] = [];
  try {
    const seconds = p.loadSeconds / p.rounds;
    for (const page of PAGES) {
      for (let round = 0; round < p.rounds; round++) {
        const order = running.map((_, i) => running[(i + round) % running.length]);
        for (const run of order) {
          const r = await runSized({ url: run.server.url, targets: targets[page], connections: p.connections, seconds, raw: true }, run.rate[page]);
          run.runs[page].push(r);
          run.rate[page] = r.rps;
          run.served += r.requests;
        }
      }
      for (const run of running) {
        const merged = mergeRuns(run.runs[page]);
        run.result.pages![page] = merged;
        const bad = merged.non2xx + merged.errors + merged.timeouts;
        log(`  ${run.mode} ${page}: ${merged.rps.toFixed(1)} req/s (${merged.requests} in ${merged.seconds.toFixed(1)} s), p50 ${fmtMs(merged.p50)}, p99 ${fmtMs(merged.p99)}${bad ? `, ${bad} failed` : ''}`);
      }
    }
  } catch (err) {
    await Promise.allSettled(running.map((r) => r.server.stop()));
    throw err;
  }
  // Measure memory and run the faults one server at a time; stop the others first so the
  // fault runs have the machine to themselves.
  for (const run of [...running].sort((a, b) => Number(a.mode === 'ours' || a.mode === 'peer') - Number(b.mode === 'ours' || b.mode === 'peer'))) {
    try {
      modes.push(await finish(run, ctx, log));
    } catch (err) {
      fail(run.mode, err);
    }
  }
  modes.sort((a, b) => MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
  return { modes, failures, users: sessions.length, slugs: slugs.length, indexPages: p.indexPages, connections: p.connections, seconds: p.loadSeconds };
}
