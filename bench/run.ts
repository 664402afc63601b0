/**
 * StakeEasy cache benchmark (issue 6). See bench/README.md.
 *
 *   npx tsx bench/run.ts [--quick] [--only=handler,fresh,app,faults,deploy,usecache] [--no-build] [--force-data]
 *   npx tsx bench/run.ts --report=bench/results/<date>.json   (re-render from saved numbers)
 *
 * Writes bench/results/<YYYY-MM-DD>.md / .svg / .json and latest.md / latest.svg.
 * Starts its own redis-server (never touches the shared one), builds the app into
 * NEXT_DIST_DIR=.next-bench (BENCH_DIST_DIR) and, for the deploy section, a second build of the same
 * source with another build id into <BENCH_DIST_DIR>-deploy; uses the database BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/stakeeasy_bench; --quick: ..._quick, smaller).
 */
import os from 'node:os';
import { mkdirSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBenchData } from './generate-data';
import { startRedis } from './lib/redis';
import { build, buildExists, handlerSwitchAvailable } from './lib/server';
import { describeMachine } from './lib/machine';
import { FULL, QUICK, profileDatabaseUrl } from './lib/profile';
import { RESULTS_DIR } from './lib/paths';
import { renderLatest, renderMarkdown, renderSvg } from './lib/report';
import { checkTargets } from './lib/targets';
import { fmtBytes } from './lib/stats';
import type { BenchResults } from './lib/results';
import { runHandlerLevel } from './sections/handler-level';
import { runFreshness } from './sections/freshness';
import { runAppLevel } from './sections/app-level';
import { deployConsoleTable, runDeploy } from './sections/deploy';
import { findPeer } from './lib/peer-module.mjs';
import { buildUseCacheFixture, fixtureDistDir, runUseCache } from './sections/use-cache';

type Section = 'handler' | 'fresh' | 'app' | 'faults' | 'deploy' | 'usecache';
const ALL: Section[] = ['handler', 'fresh', 'app', 'faults', 'deploy', 'usecache'];
/** The deploy section's second build: same source, this build id (and deployment id). */
const DEPLOY_BUILD_ID = 'bench-deploy-2';

function parseArgs(argv: string[]) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const sections = new Set<Section>(only ? (only.split(',') as Section[]) : ALL);
  for (const s of sections) if (!ALL.includes(s)) throw new Error(`unknown section "${s}" (use ${ALL.join(', ')})`);
  return {
    quick: argv.includes('--quick'),
    sections,
    build: !argv.includes('--no-build'),
    forceData: argv.includes('--force-data'),
  };
}

/** Writes the result files (markdown, chart, JSON; latest.* for full runs). */
function writeResults(results: BenchResults, complete = true): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = results.profile === 'quick' ? `${results.date}-quick` : results.date;
  const svgName = `${base}.svg`;
  writeFileSync(path.join(RESULTS_DIR, `${base}.json`), JSON.stringify(results, null, 1));
  writeFileSync(path.join(RESULTS_DIR, svgName), renderSvg(results));
  writeFileSync(path.join(RESULTS_DIR, `${base}.md`), renderMarkdown(results, svgName));
  // latest.* is the README's block: only a full run of every section may replace it.
  if (results.profile === 'full' && complete) {
    copyFileSync(path.join(RESULTS_DIR, svgName), path.join(RESULTS_DIR, 'latest.svg'));
    writeFileSync(path.join(RESULTS_DIR, 'latest.md'), renderLatest(results, `${base}.md`, 'latest.svg'));
  }
  return `bench/results/${base}.md`;
}

function printTargets(results: BenchResults): void {
  for (const c of checkTargets(results)) console.log(`  [${c.status}] ${c.target}: ${c.result}`);
}

/** Why the RSS is what it is, from this run's own comparison between modes. */
function rssReason(r: BenchResults): string | undefined {
  const modes = r.app?.modes ?? [];
  const ours = modes.find((m) => m.mode === 'ours');
  if (!ours) return undefined;
  const others = modes.filter((m) => m.mode !== 'ours').map((m) => `${m.mode} ${fmtBytes(m.rssAfter)}`);
  return `the other modes reach ${others.join(', ')} under the same load, so most of it is the Next.js server and V8's heap grown by rendering (V8 sizes its heap from the machine's ${r.machine.memoryGb} GB and collects lazily), not cache contents: our L1 is bounded at 64 MB (CACHE_L1_MAX_BYTES); cap the heap with NODE_OPTIONS=--max-old-space-size where RSS matters`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const profile = args.quick ? QUICK : FULL;
  const p = { ...profile, peerTimeoutMs: process.env.BENCH_PEER_TIMEOUT_MS ? Number(process.env.BENCH_PEER_TIMEOUT_MS) : profile.peerTimeoutMs };
  const started = performance.now();
  const startedAt = new Date();
  const date = startedAt.toISOString().slice(0, 10);
  const log = (s: string) => console.log(s);
  const notes: string[] = [];
  const distDir = process.env.BENCH_DIST_DIR ?? '.next-bench';
  const databaseUrl = profileDatabaseUrl(p);
  const peer = findPeer();

  log(`StakeEasy cache benchmark (${p.name}): ${[...args.sections].join(', ')}`);
  log('Data set...');
  const data = await ensureBenchData({ url: databaseUrl, spec: p.dataSet, force: args.forceData, log });
  log(`  ${data.generated ? 'generated' : 'present'}: ${JSON.stringify(data.counts)}`);

  const redis = await startRedis();
  const results: BenchResults = {
    date,
    startedAt: startedAt.toISOString(),
    durationSeconds: 0,
    profile: p.name,
    profileTimeoutMs: p.timeoutMs,
    peerTimeoutMs: p.peerTimeoutMs ?? 5000,
    machine: await describeMachine(redis.port, databaseUrl, peer.version),
    dataSet: { database: new URL(databaseUrl).pathname.slice(1), counts: data.counts, generated: data.generated, seconds: data.seconds },
    notes,
  };
  log(`Machine: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, load ${results.machine.loadStart.join(' ')}`);
  try {
    const needApp = args.sections.has('app') || args.sections.has('faults');
    const deployDistDir = `${distDir}-deploy`;
    if (needApp || args.sections.has('deploy')) {
      if (!handlerSwitchAvailable()) throw new Error('next.config.ts has no CACHE_HANDLER_PATH switch: the app-level modes cannot be told apart');
      if (args.build || !buildExists(distDir)) {
        log(`Building into ${distDir}...`);
        results.buildSeconds = await build(distDir, log);
      } else {
        notes.push(`The app build in ${distDir} was reused (--no-build).`);
      }
    }
    if (args.sections.has('deploy')) {
      if (args.build || !buildExists(deployDistDir)) {
        log(`Building the second build (build id ${DEPLOY_BUILD_ID}) into ${deployDistDir}...`);
        results.deployBuildSeconds = await build(deployDistDir, log, { NEXT_BUILD_ID: DEPLOY_BUILD_ID });
      } else {
        notes.push(`The deploy section's second build in ${deployDistDir} was reused (--no-build).`);
      }
    }
    if (args.sections.has('usecache')) {
      if (args.build || !buildExists(fixtureDistDir(distDir, 'ours'), 'tests/use-cache-fixture') || !buildExists(fixtureDistDir(distDir, 'default'), 'tests/use-cache-fixture')) {
        log('Building the use-cache fixture (ours, Next default)...');
        results.useCacheBuildSeconds = await buildUseCacheFixture(distDir, log);
      } else {
        notes.push('The use-cache fixture builds were reused (--no-build).');
      }
    }
    if (args.sections.has('handler')) {
      log('1. Handler level...');
      results.handler = await runHandlerLevel(redis, p, log);
    }
    if (args.sections.has('fresh')) {
      log('4. Cross-instance freshness...');
      results.freshness = [];
      const runs = [['ours', 'data'], ['peer', 'data'], ['trieb', 'data'], ['ours', 'page']] as const;
      for (const [kind, entry] of runs) {
        const f = await runFreshness(kind, redis, p.freshnessTrials, p.timeoutMs, p.peerTimeoutMs, entry);
        results.freshness.push(f);
        log(`  ${kind} (${entry}): ${f.staleReads} stale reads of ${f.readsAfterAck} after the acknowledgement, fresh after ${f.timeToFresh.p50.toFixed(2)} ms p50`);
      }
    }
    if (needApp) {
      log(`2./3./5. App level${args.sections.has('faults') ? ' with faults' : ''}...`);
      results.app = await runAppLevel({ redis, databaseUrl, distDir, p, runFaults: args.sections.has('faults') }, log);
      for (const f of results.app.failures) notes.push(`Mode not measured: ${f}`);
      if (!args.sections.has('app')) notes.push('Only the fault runs were requested; the app-level table still comes from the same servers.');
    }
    if (args.sections.has('deploy')) {
      log('6. Deploy: DB work in the first seconds on a new build...');
      results.deploy = await runDeploy({ redis, databaseUrl, distDirs: [distDir, deployDistDir], p }, log);
      log(deployConsoleTable(results.deploy));
    }
    if (args.sections.has('usecache')) {
      log("7. A 'use cache: remote' page: ours vs Next's in-memory cacheHandlers...");
      results.useCache = await runUseCache({ redis, distDir, p }, log);
      for (const f of results.useCache.failures) notes.push(`use-cache mode not measured: ${f}`);
    }
  } finally {
    await redis.stop();
  }
  results.machine.loadEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.durationSeconds = (performance.now() - started) / 1000;
  results.rssReason = rssReason(results);
  if (p.name === 'quick') notes.push('Quick (smoke) profile: smaller data set, shorter runs, fewer samples. Not for comparison with full runs.');

  const file = writeResults(results, ALL.every((s) => args.sections.has(s)));
  log(`\nDone in ${Math.round(results.durationSeconds)} s: ${file}`);
  printTargets(results);
}

/** --report=<results json>: render the markdown and chart again from saved numbers. */
function rerender(file: string): void {
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  results.rssReason = rssReason(results);
  console.log(`Rendered ${writeResults(results)} from ${file}`);
  printTargets(results);
}

const reportArg = process.argv.find((a) => a.startsWith('--report='));
(reportArg ? Promise.resolve().then(() => rerender(reportArg.slice('--report='.length))) : main()).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('Benchmark failed:', err instanceof Error ? err.stack ?? err.message : err);
    process.exit(1);
  },
);
