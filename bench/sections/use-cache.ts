// Section 7: a 'use cache: remote' page (the fixture app of tests/use-cache-fixture) served by
// our cacheHandlers on Redis, side by side with the same app on Next's default in-memory
// cacheHandlers: what sharing the cache between instances costs a request.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, rssOfTree } from '../lib/server';
import { mergeRuns, runLoad, runSized, type LoadResult } from '../lib/load';
import { adminClient, keysWithPrefix, type RedisServer } from '../lib/redis';
import { fmtMs } from '../lib/stats';
import type { Profile } from '../lib/profile';
import { startNextServer, type NextServer } from '../../tests/helpers/next-server';

export const FIXTURE_DIR = 'tests/use-cache-fixture';
const PAGE = '/remote';
const KEY_PREFIX = 'bench-use-cache:';

export type UseCacheMode = 'ours' | 'default';
export const USE_CACHE_MODES: UseCacheMode[] = ['ours', 'default'];
export const USE_CACHE_LABEL: Record<UseCacheMode, string> = {
  ours: 'ours + Redis (cacheHandlers default + remote)',
  default: 'Next default (in-memory cacheHandlers)',
};

export interface UseCacheModeResult {
  mode: UseCacheMode;
  load: LoadResult;
  rssAfter: number;
  verification: string;
}

export interface UseCacheResult {
  modes: UseCacheModeResult[];
  failures: string[];
  connections: number;
  seconds: number;
}

/** Each mode's build of the fixture (its next.config reads both variables at build and start). */
const envOf = (mode: UseCacheMode, distDir: string): Record<string, string> => ({
  FIXTURE_DIST_DIR: distDir,
  ...(mode === 'default' ? { FIXTURE_CACHE: 'next-default' } : {}),
});

export const fixtureDistDir = (base: string, mode: UseCacheMode) => `${base}-use-cache-${mode}`;

export async function buildUseCacheFixture(base: string, log: (s: string) => void): Promise<number> {
  let seconds = 0;
  for (const mode of USE_CACHE_MODES) {
    const distDir = fixtureDistDir(base, mode);
    seconds += await build(distDir, log, envOf(mode, distDir), FIXTURE_DIR);
  }
  return seconds;
}

interface Page {
  value: string;
  rendered: string;
}

async function readPage(server: NextServer): Promise<Page> {
  const res = await fetch(server.url + PAGE, { signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  const value = /id="value">([^<]*)</.exec(html)?.[1];
  const rendered = /id="rendered">([^<]*)</.exec(html)?.[1];
  if (res.status !== 200 || value === undefined || rendered === undefined) throw new Error(`GET ${PAGE} answered ${res.status} without the cached value`);
  return { value, rendered };
}

export async function runUseCache(opts: { redis: RedisServer; distDir: string; p: Profile }, log: (s: string) => void): Promise<UseCacheResult> {
  const { redis, p } = opts;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-use-cache-'));
  const dataFile = path.join(dataDir, 'value.txt');
  writeFileSync(dataFile, 'bench');
  const failures: string[] = [];
  const running: Array<{ mode: UseCacheMode; server: NextServer; verification: string; rate: number; runs: LoadResult[] }> = [];
  const admin = adminClient(redis.port);
  try {
    for (const mode of USE_CACHE_MODES) {
      const distDir = fixtureDistDir(opts.distDir, mode);
      try {
        const server = await startNextServer({
          cwd: path.resolve(FIXTURE_DIR),
          distDir,
          readyPath: PAGE,
          env: {
            ...envOf(mode, distDir),
            FIXTURE_DATA_FILE: dataFile,
            ...(mode === 'ours' ? { REDIS_URL: redis.url, CACHE_KEY_PREFIX: KEY_PREFIX, CACHE_REDIS_TIMEOUT_MS: String(p.timeoutMs) } : {}),
          },
        });
        // The value must come from the cache: the same render twice.
        const first = await readPage(server);
        const second = await readPage(server);
        if (first.rendered !== second.rendered) throw new Error(`${mode}: ${PAGE} was rendered again on the second request (not cached)`);
        let verification = `second request served the first render (${first.rendered})`;
        if (mode === 'ours') {
          const keys = await keysWithPrefix(admin, KEY_PREFIX);
          if (keys.length === 0) throw new Error('ours: nothing was cached in Redis: the fixture did not load our cacheHandlers');
          verification += `; ${keys.length} keys under ${KEY_PREFIX}*`;
        } else {
          verification += '; no REDIS_URL';
        }
        const warm = await runLoad({ url: server.url, targets: [{ path: PAGE }], connections: p.connections, seconds: p.warmSeconds });
        running.push({ mode, server, verification, rate: warm.rps, runs: [] });
        log(`  ${mode}: started and warmed (${verification})`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        failures.push(`${mode}: ${message.split('\n')[0]}`);
        log(`  FAILED ${mode}: ${message}`);
      }
    }
    // Interleaved rounds, rotating the order, as in the app-level section.
    const seconds = p.loadSeconds / p.rounds;
    for (let round = 0; round < p.rounds; round++) {
      for (let i = 0; i < running.length; i++) {
        const run = running[(i + round) % running.length];
        const r = await runSized({ url: run.server.url, targets: [{ path: PAGE }], connections: p.connections, seconds, raw: true }, run.rate);
        run.runs.push(r);
        run.rate = r.rps;
      }
    }
    const modes = running.map((run) => {
      const load = mergeRuns(run.runs);
      log(`  ${run.mode}: ${load.rps.toFixed(1)} req/s, p50 ${fmtMs(load.p50)}, p99 ${fmtMs(load.p99)}${load.non2xx + load.errors + load.timeouts ? `, ${load.non2xx + load.errors + load.timeouts} failed` : ''}`);
      return { mode: run.mode, load, rssAfter: rssOfTree(run.server.pid), verification: run.verification };
    });
    return { modes, failures, connections: p.connections, seconds: p.loadSeconds };
  } finally {
    admin.disconnect();
    await Promise.allSettled(running.map((r) => r.server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
