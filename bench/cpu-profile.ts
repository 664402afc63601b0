/**
 * A CPU profile of one page under load, and the functions that took the most CPU.
 *
 *   npm run bench:profile -- [--page=dashboard|article|index|stats] [--mode=ours|default|nocache]
 *                            [--seconds=10] [--connections=4] [--quick] [--no-build]
 *
 * Starts `next start` of the bench build (BENCH_DIST_DIR, default .next-bench) with
 * `node --cpu-prof` on the bench data set (`--quick`: the small one), warms it, loads the page
 * with autocannon for `--seconds`, stops the server (the profile is written on exit) and
 * prints the top functions by self time. The .cpuprofile stays in bench/tmp/profiles/ for
 * Chrome DevTools (Performance > Load profile) or speedscope.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBenchData } from './generate-data';
import { BENCH_DIR, ROOT } from './lib/paths';
import { FULL, QUICK, profileDatabaseUrl } from './lib/profile';
import { startRedis } from './lib/redis';
import { build, buildExists, startServer, type Mode } from './lib/server';
import { createBenchSessions, publishedSlugs } from './lib/sessions';
import { runLoad, type Target } from './lib/load';
import { freePort } from '../tests/helpers/redis-server';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** Self time per function (name + file:line), from the profile's samples. */
export function selfTimes(profile: CpuProfile): { total: number; rows: Array<{ fn: string; where: string; ms: number }> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, { fn: string; where: string; ms: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    total += delta;
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${f.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName}|${where}`;
    const row = ms.get(key) ?? { fn: f.functionName || '(anonymous)', where, ms: 0 };
    row.ms += delta;
    ms.set(key, row);
  });
  return { total, rows: [...ms.values()].sort((a, b) => b.ms - a.ms) };
}

async function main() {
  const page = arg('page', 'dashboard');
  const mode = arg('mode', 'ours') as Mode;
  const seconds = Number(arg('seconds', '10'));
  const connections = Number(arg('connections', '4'));
  const p = process.argv.includes('--quick') ? QUICK : FULL;
  const distDir = process.env.BENCH_DIST_DIR ?? '.next-bench';
  const databaseUrl = profileDatabaseUrl(p);
  const outDir = path.join(BENCH_DIR, 'tmp', 'profiles');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  await ensureBenchData({ url: databaseUrl, spec: p.dataSet, log: console.log });
  if (!process.argv.includes('--no-build') || !buildExists(distDir)) await build(distDir, console.log);
  const redis = await startRedis();
  const server = await startServer({
    mode,
    port: await freePort(),
    distDir,
    databaseUrl,
    redisUrl: redis.url,
    keyPrefix: `profile-${Date.now()}:`,
    timeoutMs: p.timeoutMs,
    peerTimeoutMs: null,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${outDir}`],
  });
  try {
    const sessions = await createBenchSessions(databaseUrl, 10);
    const slugs = await publishedSlugs(databaseUrl, 50);
    const targets: Record<string, Target[]> = {
      dashboard: sessions.map((s) => ({ path: '/dashboard', headers: { cookie: s.cookie } })),
      article: slugs.map((slug) => ({ path: `/articles/${slug}` })),
      index: [{ path: '/articles' }],
      stats: sessions.map((s) => ({ path: '/sessions/stats', headers: { cookie: s.cookie } })),
    };
    if (!targets[page]) throw new Error(`unknown page "${page}" (dashboard, article, index, stats)`);
    await runLoad({ url: server.url, targets: targets[page], connections, seconds: 3 });
    const load = await runLoad({ url: server.url, targets: targets[page], connections, seconds });
    console.log(`\n${page} (${mode}): ${load.rps.toFixed(1)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${connections} connections, ${seconds} s`);
  } finally {
    await server.stop();
    await redis.stop();
  }
  const files = readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no profile written to ${outDir} (the server must exit normally)`);
  // `next start` may run the server in a child process: the busiest profile is the server's.
  const profiles = files.map((f) => ({ file: f, ...selfTimes(JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) as CpuProfile) }));
  const server0 = profiles.sort((a, b) => b.total - a.total)[0];
  const idle = server0.rows.find((r) => r.fn === '(idle)')?.ms ?? 0;
  console.log(`profile bench/tmp/profiles/${server0.file}: ${(server0.total / 1000).toFixed(1)} s sampled, ${((server0.total - idle) / 1000).toFixed(1)} s busy\n`);
  console.log('| self ms | % of busy | function | where |\n|---:|---:|---|---|');
  for (const r of server0.rows.filter((r) => r.fn !== '(idle)').slice(0, 25)) {
    console.log(`| ${r.ms.toFixed(0)} | ${((100 * r.ms) / (server0.total - idle)).toFixed(1)} | ${r.fn} | ${r.where} |`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
