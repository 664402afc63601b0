// Section 6: database work in the first seconds after a deploy. Two instances of build 1 warm one
// Redis under load; two instances of build 2 (same source, another build id) start, the old ones
// stop, and the same load moves to the new ones. What the new instances cost PostgreSQL in their
// first `deploySeconds` is read from pg_stat_database (transactions committed: every Prisma query
// outside an explicit transaction is one; rows fetched), next to the same window on the warm
// old build. pg_stat_statements would count statements, but it needs shared_preload_libraries,
// which a stock server (this machine's included) does not load: the section says which it used.
//
// Variants: "ours" is the handler in the tree as it is. If the handler has CACHE_DATA_VERSION (data
// entries not keyed by build), "ours, data keys per build" sets it to each build's id, which is
// what every data key carried before: the cold start a deploy costs without surviving data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runLoad, type LoadResult, type Target } from '../lib/load';
import { OUR_HANDLER, startServer, type Server } from '../lib/server';
import { createBenchSessions, publishedSlugs } from '../lib/sessions';
import { ROOT } from '../lib/paths';
import { freePort } from '../../tests/helpers/redis-server';
import { runConcurrent, sleep } from '../lib/stats';
import type { RedisServer } from '../lib/redis';
import type { Profile } from '../lib/profile';

export type DeployVariant = 'steady' | 'ours' | 'perBuild';
export const DEPLOY_VARIANT_LABEL: Record<DeployVariant, string> = {
  steady: 'no deploy (build 1, warm)',
  ours: 'deploy: ours',
  perBuild: 'deploy: ours, data keys per build',
};

export interface DeployRow {
  variant: DeployVariant;
  /** what the variant set (CACHE_DATA_VERSION=...) */
  setting: string;
  seconds: number;
  requests: number;
  /** pg_stat_database deltas over the window (bench database only) */
  transactions: number;
  rowsFetched: number;
  /** statements, when pg_stat_statements is loaded */
  statements?: number;
  p50: number;
  p99: number;
  failed: number;
  /** cache counters of the two serving instances over the window (their /api/health) */
  cacheMisses?: number;
  redisHits?: number;
}

export interface DeployResult {
  buildIds: [string, string];
  seconds: number;
  users: number;
  slugs: number;
  connectionsPerInstance: number;
  /** how queries were counted */
  counter: 'pg_stat_statements' | 'pg_stat_database';
  /** the handler in the tree has CACHE_DATA_VERSION */
  dataVersionSwitch: boolean;
  rows: DeployRow[];
}

/** Does the cache handler under test read CACHE_DATA_VERSION (data entries outlive a deploy)? */
export function handlerHasDataVersion(): boolean {
  // the handler's modules: in the package since issue 13, in lib/cache before
  const dir = path.dirname(OUR_HANDLER);
  for (const file of ['packages/next-redis-cache/src/config.mjs', 'lib/cache/config.mjs']) {
    try {
      return readFileSync(path.join(dir, file), 'utf8').includes('CACHE_DATA_VERSION');
    } catch {
      // not this layout
    }
  }
  return false;
}

export function buildIdOf(distDir: string): string {
  return readFileSync(path.join(ROOT, distDir, 'BUILD_ID'), 'utf8').trim();
}

interface DbCounters {
  transactions: number;
  rowsFetched: number;
  statements?: number;
}

/**
 * Reads the bench database's counters over a connection to the `postgres` database, so the
 * reading itself never counts. Backends publish their counts when idle, at most once a second:
 * a reading is taken once two in a row, 1.2 s apart, agree (or after 6 s).
 */
async function settledCounters(admin: pg.Client, dbName: string, statements: boolean): Promise<DbCounters> {
  const read = async (): Promise<DbCounters> => {
    const r = await admin.query<{ x: string; f: string }>('SELECT xact_commit + xact_rollback AS x, tup_fetched AS f FROM pg_stat_database WHERE datname = $1', [dbName]);
    const out: DbCounters = { transactions: Number(r.rows[0]?.x ?? 0), rowsFetched: Number(r.rows[0]?.f ?? 0) };
    if (statements) {
      const s = await admin.query<{ n: string }>('SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1', [dbName]);
      out.statements = Number(s.rows[0].n);
    }
    return out;
  };
  const until = Date.now() + 6000;
  let last = await read();
  for (;;) {
    await sleep(1200);
    const now = await read();
    if ((now.transactions === last.transactions && now.rowsFetched === last.rowsFetched) || Date.now() > until) return now;
    last = now;
  }
}

async function hasStatements(admin: pg.Client): Promise<boolean> {
  try {
    await admin.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
    return true;
  } catch {
    return false; // not installed, or not in shared_preload_libraries
  }
}

async function cacheCounters(servers: Server[]): Promise<{ misses: number; redisHits: number } | undefined> {
  let misses = 0;
  let redisHits = 0;
  for (const s of servers) {
    try {
      const body = (await (await fetch(`${s.url}/api/health`, { signal: AbortSignal.timeout(5000) })).json()) as { cache?: { misses?: number; redisHits?: number } };
      if (typeof body.cache?.misses !== 'number' || typeof body.cache?.redisHits !== 'number') return undefined;
      misses += body.cache.misses;
      redisHits += body.cache.redisHits;
    } catch {
      return undefined;
    }
  }
  return { misses, redisHits };
}

/** Both instances loaded at once for `seconds`; their results merged. */
async function loadBoth(servers: Server[], targets: Target[], connections: number, seconds: number): Promise<LoadResult & { failed: number }> {
  const runs = await Promise.all(servers.map((s) => runLoad({ url: s.url, targets, connections, seconds, raw: true })));
  const lat = runs.flatMap((r) => r.latencies ?? []).sort((x, y) => x - y);
  const pct = (q: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.max(0, Math.ceil(q * lat.length) - 1))] : NaN);
  const sum = (f: (r: LoadResult) => number) => runs.reduce((acc, r) => acc + f(r), 0);
  return {
    ...runs[0],
    requests: sum((r) => r.requests),
    p50: pct(0.5),
    p99: pct(0.99),
    failed: sum((r) => r.errors + r.timeouts + r.non2xx),
  };
}

/** Every target once on each server (4 at a time), so the old build is warm in Redis and in both L1s. */
async function warmEvery(servers: Server[], targets: Target[]): Promise<void> {
  for (const s of servers) {
    await runConcurrent(0, targets.length, 4, async (i) => {
      const res = await fetch(s.url + targets[i].path, { headers: targets[i].headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`warming ${targets[i].path} on ${s.url}: HTTP ${res.status}`);
    });
  }
}

export interface DeployCtx {
  redis: RedisServer;
  databaseUrl: string;
  /** build 1 and build 2 (same source, different build ids) */
  distDirs: [string, string];
  p: Profile;
}

export async function runDeploy(ctx: DeployCtx, log: (s: string) => void): Promise<DeployResult> {
  const { p } = ctx;
  const seconds = p.deploySeconds;
  const connections = Math.max(1, Math.floor(p.connections / 2));
  const buildIds: [string, string] = [buildIdOf(ctx.distDirs[0]), buildIdOf(ctx.distDirs[1])];
  if (buildIds[0] === buildIds[1]) throw new Error(`both deploy builds have the build id ${buildIds[0]}: the second must be built with another NEXT_BUILD_ID`);
  const dataVersionSwitch = handlerHasDataVersion();
  // A set small enough to be rendered whole during the warm-up on a loaded 2-core machine.
  const sessions = await createBenchSessions(ctx.databaseUrl, Math.min(p.dashboardUsers, 10));
  const slugs = await publishedSlugs(ctx.databaseUrl, Math.min(p.articleSlugs, 20));
  const targets: Target[] = [];
  // Interleaved: every connection's stream mixes signed-in dashboards and public articles.
  for (let i = 0; i < Math.max(sessions.length, slugs.length); i++) {
    if (i < sessions.length) targets.push({ path: '/dashboard', headers: { cookie: sessions[i].cookie } });
    if (i < slugs.length) targets.push({ path: `/articles/${slugs[i]}` });
  }
  const dbName = new URL(ctx.databaseUrl).pathname.slice(1);
  const adminUrl = new URL(ctx.databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const statements = await hasStatements(admin);
  const rows: DeployRow[] = [];
  const variants: DeployVariant[] = dataVersionSwitch ? ['ours', 'perBuild'] : ['ours'];
  try {
    for (const variant of variants) {
      const prefix = `bench-deploy-${variant}-${Date.now()}:`;
      const envFor = (build: 0 | 1): Record<string, string> => (variant === 'perBuild' ? { CACHE_DATA_VERSION: buildIds[build] } : {});
      const setting = variant === 'perBuild' ? 'CACHE_DATA_VERSION=<build id>' : dataVersionSwitch ? 'CACHE_DATA_VERSION default' : 'data keyed by build (no CACHE_DATA_VERSION)';
      const start = async (build: 0 | 1) =>
        startServer({
          mode: 'ours',
          port: await freePort(),
          distDir: ctx.distDirs[build],
          databaseUrl: ctx.databaseUrl,
          redisUrl: ctx.redis.url,
          keyPrefix: prefix,
          timeoutMs: p.timeoutMs,
          peerTimeoutMs: null,
          extraEnv: envFor(build),
        });
      const live: Server[] = [];
      try {
        const old = await Promise.all([start(0), start(0)]);
        live.push(...old);
        log(`  ${DEPLOY_VARIANT_LABEL[variant]}: build 1 (${buildIds[0]}): every page once on each instance, then ${p.deployWarmSeconds} s of load...`);
        await warmEvery(old, targets);
        await loadBoth(old, targets, connections, p.deployWarmSeconds);
        if (variant === 'ours') {
          // The same window on the warm old build: what the load costs with no deploy at all.
          const c0 = await settledCounters(admin, dbName, statements);
          const k0 = await cacheCounters(old);
          const load = await loadBoth(old, targets, connections, seconds);
          const c1 = await settledCounters(admin, dbName, statements);
          const k1 = await cacheCounters(old);
          rows.push(row('steady', 'build 1 after warm-up', seconds, load, c0, c1, k0, k1));
        }
        // Rolling deploy: the new instances come up beside the old ones, then traffic moves.
        const fresh = await Promise.all([start(1), start(1)]);
        live.push(...fresh);
        await Promise.all(old.map((s) => s.stop()));
        const c0 = await settledCounters(admin, dbName, statements);
        const k0 = await cacheCounters(fresh);
        const load = await loadBoth(fresh, targets, connections, seconds);
        const c1 = await settledCounters(admin, dbName, statements);
        const k1 = await cacheCounters(fresh);
        const r = row(variant, setting, seconds, load, c0, c1, k0, k1);
        rows.push(r);
        log(`    build 2 (${buildIds[1]}), first ${seconds} s: ${r.transactions} DB transactions, ${r.rowsFetched} rows fetched, ${r.requests} requests, ${r.failed} failed`);
      } finally {
        await Promise.all(live.map((s) => s.stop()));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    buildIds,
    seconds,
    users: sessions.length,
    slugs: slugs.length,
    connectionsPerInstance: connections,
    counter: statements ? 'pg_stat_statements' : 'pg_stat_database',
    dataVersionSwitch,
    rows,
  };
}

function row(
  variant: DeployVariant,
  setting: string,
  seconds: number,
  load: LoadResult & { failed: number },
  c0: DbCounters,
  c1: DbCounters,
  k0: { misses: number; redisHits: number } | undefined,
  k1: { misses: number; redisHits: number } | undefined,
): DeployRow {
  return {
    variant,
    setting,
    seconds,
    requests: load.requests,
    transactions: c1.transactions - c0.transactions,
    rowsFetched: c1.rowsFetched - c0.rowsFetched,
    statements: c0.statements !== undefined && c1.statements !== undefined ? c1.statements - c0.statements : undefined,
    p50: load.p50,
    p99: load.p99,
    failed: load.failed,
    cacheMisses: k0 && k1 ? k1.misses - k0.misses : undefined,
    redisHits: k0 && k1 ? k1.redisHits - k0.redisHits : undefined,
  };
}

/** The rows as a plain-text table for the console (the markdown one is in lib/report.ts). */
export function deployConsoleTable(r: DeployResult): string {
  const head = ['window', 'setting', 'requests', 'DB transactions', 'per request', 'rows fetched', 'cache misses', 'p99 ms', 'failed'];
  const body = r.rows.map((x) => [
    DEPLOY_VARIANT_LABEL[x.variant],
    x.setting,
    String(x.requests),
    String(x.transactions),
    x.requests ? (x.transactions / x.requests).toFixed(2) : 'n/a',
    String(x.rowsFetched),
    x.cacheMisses === undefined ? 'n/a' : String(x.cacheMisses),
    Number.isFinite(x.p99) ? x.p99.toFixed(0) : 'n/a',
    String(x.failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
