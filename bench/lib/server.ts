// Builds the app once and starts `next start` servers in the four cache modes under test.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, BENCH_DIR } from './paths';
import { sleep } from './stats';

const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * ours    cache-handler.mjs (Redis + L1)             REDIS_URL
 * peer    bench/peer-cache-handler.mjs (fortedigital) PEER_REDIS_URL
 * default no cacheHandler: Next's own file-system + memory cache
 * nocache no cacheHandler and unstable_cache bypassed (STAKEEASY_DATA_CACHE=off)
 */
export type Mode = 'ours' | 'peer' | 'default' | 'nocache';
export const MODES: Mode[] = ['ours', 'peer', 'default', 'nocache'];
export const MODE_LABEL: Record<Mode, string> = {
  ours: 'ours + Redis',
  peer: 'peer + Redis',
  default: 'Next default',
  nocache: 'no data cache',
};

/**
 * BENCH_OUR_HANDLER: another copy of our handler (a cache-handler.mjs with its packages/next-redis-cache (or older lib/cache) beside it,
 * e.g. another branch's, unpacked under bench/tmp/) to measure a handler change on the same build:
 * Next loads the handler file when `next start` runs, not at build time.
 */
export const OUR_HANDLER = process.env.BENCH_OUR_HANDLER ? path.resolve(ROOT, process.env.BENCH_OUR_HANDLER) : path.join(ROOT, 'cache-handler.mjs');
export const PEER_HANDLER = path.join(BENCH_DIR, 'peer-cache-handler.mjs');

/**
 * next.config.ts must let the bench choose the handler per server (the lead adds the switch):
 * CACHE_HANDLER_PATH=<absolute path> or `none` (Next's default cache, default memory size).
 * Without it every mode would silently run our handler, so the bench refuses to compare.
 */
export function handlerSwitchAvailable(): boolean {
  const text = readFileSync(path.join(ROOT, 'next.config.ts'), 'utf8');
  return text.includes('CACHE_HANDLER_PATH');
}

export interface ServerOptions {
  mode: Mode;
  port: number;
  distDir: string;
  databaseUrl: string;
  redisUrl?: string;
  keyPrefix?: string;
  /** ours: CACHE_REDIS_TIMEOUT_MS */
  timeoutMs: number;
  /** the peer's timeoutMs; null = its library default */
  peerTimeoutMs: number | null;
  /** flags for the server's node (e.g. --cpu-prof, which NODE_OPTIONS does not accept) */
  nodeArgs?: string[];
  /** added last (the deploy section: NEXT_DEPLOYMENT_ID, CACHE_DATA_VERSION) */
  extraEnv?: Record<string, string>;
}

export interface Server {
  mode: Mode;
  distDir: string;
  port: number;
  url: string;
  pid: number;
  /** RSS of the server process and its children, bytes */
  rss(): number;
  output(): string;
  stop(): Promise<void>;
}

export function modeEnv(o: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: o.distDir,
    DATABASE_URL: o.databaseUrl,
    // One client at a time per connection: the pool must not be the bottleneck of any mode.
    DATABASE_POOL_SIZE: '10',
    AUTH_RATE_PER_IP: '1000000',
    PUBLIC_URL: `http://127.0.0.1:${o.port}`,
    // debugging a handler: its own logging
    ...(process.env.NEXT_PRIVATE_DEBUG_CACHE ? { NEXT_PRIVATE_DEBUG_CACHE: '1' } : {}),
    ...(process.env.CACHE_DEBUG ? { CACHE_DEBUG: process.env.CACHE_DEBUG } : {}),
    // e.g. BENCH_NODE_OPTIONS=--max-old-space-size=256 to see how much of the RSS is heap headroom
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
  };
  switch (o.mode) {
    case 'ours':
      env.CACHE_HANDLER_PATH = OUR_HANDLER;
      env.REDIS_URL = o.redisUrl;
      env.CACHE_KEY_PREFIX = o.keyPrefix;
      env.CACHE_REDIS_TIMEOUT_MS = String(o.timeoutMs);
      // Logs each failed Redis operation (only failures and breaker changes): the bench counts them.
      env.CACHE_DEBUG = '1';
      break;
    case 'peer':
      // REDIS_URL stays unset: nothing of ours may talk to Redis in this mode.
      env.CACHE_HANDLER_PATH = PEER_HANDLER;
      env.PEER_REDIS_URL = o.redisUrl;
      env.PEER_KEY_PREFIX = o.keyPrefix;
      if (o.peerTimeoutMs !== null) env.PEER_TIMEOUT_MS = String(o.peerTimeoutMs);
      break;
    case 'default':
      env.CACHE_HANDLER_PATH = 'none';
      break;
    case 'nocache':
      env.CACHE_HANDLER_PATH = 'none';
      env.STAKEEASY_DATA_CACHE = 'off';
      break;
  }
  return { ...env, ...o.extraEnv };
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry), ...childPids(Number(entry)));
    } catch {
      // process ended meanwhile
    }
  }
  return out;
}

export function rssOfTree(pid: number): number {
  let total = 0;
  for (const p of [pid, ...childPids(pid)]) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * A fresh copy of the build for a server that uses Next's default (file-system) cache: it
 * writes ISR pages and fetch-cache entries into its dist dir, so two such servers must not
 * share one, and neither may start with what an earlier run left there.
 */
export function freshBuildCopy(distDir: string, suffix: string): string {
  const src = path.join(ROOT, distDir);
  const name = `${distDir}-${suffix}`;
  const dst = path.join(ROOT, name);
  rmSync(dst, { recursive: true, force: true });
  const skip = path.join(src, 'cache');
  cpSync(src, dst, { recursive: true, verbatimSymlinks: true, filter: (from) => from !== skip && !from.startsWith(skip + path.sep) });
  return name;
}

/**
 * `env`: added to the build's environment (the deploy section's second build: NEXT_BUILD_ID, ...).
 * `appDir`: another app's folder (the use-cache fixture) instead of the repository's app.
 */
export async function build(distDir: string, log: (s: string) => void, env: Record<string, string> = {}, appDir?: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, [NEXT_BIN, 'build', ...(appDir ? [appDir] : [])], {
      cwd: ROOT,
      env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout?.on('data', (d) => (out += d));
    p.stderr?.on('data', (d) => (out += d));
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code}):\n${out.slice(-4000)}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  log(`  built ${distDir} in ${seconds.toFixed(0)} s`);
  return seconds;
}

export function buildExists(distDir: string, appDir = '.'): boolean {
  return existsSync(path.join(ROOT, appDir, distDir, 'BUILD_ID'));
}

export async function startServer(o: ServerOptions): Promise<Server> {
  const proc: ChildProcess = spawn(process.execPath, [...(o.nodeArgs ?? []), NEXT_BIN, 'start', '-p', String(o.port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: modeEnv(o),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${o.port}`;
  const until = Date.now() + 60_000;
  let ready = false;
  while (Date.now() < until && proc.exitCode === null) {
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) {
        ready = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  if (!ready) {
    await stop();
    throw new Error(`server (${o.mode}) did not start:\n${out.slice(-3000)}`);
  }
  return {
    mode: o.mode,
    distDir: o.distDir,
    port: o.port,
    url,
    pid: proc.pid ?? -1,
    rss: () => rssOfTree(proc.pid ?? -1),
    output: () => out,
    stop,
  };
}
