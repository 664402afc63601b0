/**
 * One chaos run: start the cluster, drive the workload for `durationMs` while Redis is killed
 * (SIGKILL, restarted empty on the same port) and later frozen (SIGSTOP ~5 s, SIGCONT), verify,
 * report, stop everything. Timeline, as fractions of the duration:
 *   0    - 25%  steady          no fault
 *   25%         Redis SIGKILL, back after 1.5 s (no persistence: it comes back empty)
 *   25%  - 50%  redis-restart
 *   50%         Redis SIGSTOP for min(5 s, 25%), then SIGCONT
 *   50%  - 75%  redis-pause
 *   75%  - 100% after           no fault
 */
import { startCluster, type Cluster } from './cluster';
import { LeakScanner, type LeakFinding } from './leaks';
import { watchHealth, type CacheCounters } from './monitor';
import { summarize, table, type PhaseSummary } from './stats';
import { verify, type Verification } from './verify';
import { Workload, type WriteRecord } from './workload';

export interface ChaosOptions {
  durationMs: number;
  users: number;
  log?: (line: string) => void;
}

export interface Target {
  name: string;
  value: number;
  ok: boolean;
}

export interface ChaosReport {
  durationMs: number;
  users: number;
  phases: PhaseSummary[];
  total: PhaseSummary;
  events: string[];
  /** Growth of each instance's cache counters over the run (Redis timeouts, errors, breaker openings). */
  cache: Record<'A' | 'B', CacheCounters>;
  writes: {
    attempted: number;
    acked: number;
    rejected: number;
    failed: number;
    unackedCommitted: number;
    visibleHereMisses: number;
    visibleThereMisses: number;
    visibleThereMissesByPhase: Record<string, number>;
    /** Per phase: the longest time the other instance still showed the list without an acked write (ms; null = never caught up within 15 s). */
    maxConvergenceMsByPhase: Record<string, number | null>;
  };
  /** Acked writes the other instance did not show on the next request: when, where, how long. */
  crossInstanceMisses: string[];
  leaks: LeakFinding[];
  bodiesScanned: number;
  wrongContent: string[];
  verification: Verification;
  targets: Target[];
  passed: boolean;
}

export const PHASES = ['steady', 'redis-restart', 'redis-pause', 'after', 'verify'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos({ durationMs, users, log = console.log }: ChaosOptions): Promise<ChaosReport> {
  const cluster: Cluster = await startCluster(users, log);
  try {
    return await drive(cluster, durationMs, users, log);
  } finally {
    await cluster.stop();
  }
}

async function drive(cluster: Cluster, durationMs: number, userCount: number, log: (line: string) => void): Promise<ChaosReport> {
  const scanner = new LeakScanner(cluster.users);
  let phase = 'warm-up';
  const workload = new Workload(cluster, scanner, () => phase);
  const events: string[] = [];
  let t0 = Date.now();
  const event = (text: string) => {
    const line = `+${((Date.now() - t0) / 1000).toFixed(1)}s ${text}`;
    events.push(line);
    log(`  ${line}`);
  };

  // Warm-up (not reported): first renders on both instances, so the phases compare steady states.
  for (const user of cluster.users.slice(0, 2)) {
    for (const instance of ['A', 'B'] as const) {
      for (const op of ['dashboard', 'sites', 'transfers', 'article', 'articles', 'home'] as const) await workload.step(user, instance, op);
    }
  }
  workload.samples.length = 0;

  log(`running ${durationMs / 1000} s with ${userCount} users on A=${cluster.a.url} B=${cluster.b.url}, Redis ${cluster.redis.port}`);
  t0 = Date.now();
  const deadline = t0 + durationMs;
  phase = 'steady';
  const monitor = watchHealth({ A: cluster.a, B: cluster.b }, event);
  const loops = cluster.users.map((u) => workload.userLoop(u, deadline));

  const faults = (async () => {
    const at = (fraction: number) => sleep(Math.max(0, t0 + fraction * durationMs - Date.now()));
    await at(0.25);
    phase = 'redis-restart';
    process.kill(cluster.redis.pid, 'SIGKILL');
    await cluster.redis.kill(); // reaps it
    event(`Redis SIGKILL (pid gone, port ${cluster.redis.port} closed)`);
    await sleep(1500);
    await cluster.redis.start();
    event(`Redis started again on ${cluster.redis.port} (empty)`);
    await at(0.5);
    phase = 'redis-pause';
    cluster.redis.pause();
    event('Redis SIGSTOP');
    await sleep(Math.min(5000, durationMs * 0.25));
    cluster.redis.resume();
    event('Redis SIGCONT');
    await at(0.75);
    phase = 'after';
    event('no faults from here');
  })();

  await Promise.all([...loops, faults]);
  event('load stopped; verifying');
  const cache = await monitor.stop();
  phase = 'verify';
  const verification = await verify(cluster, workload);
  event(verification.settled);

  const phases = PHASES.map((p) => summarize(p, workload.samples.filter((s) => s.phase === p))).filter((s) => s.requests > 0);
  const loadSamples = workload.samples.filter((s) => s.phase !== 'verify');
  const total = summarize('total (load)', loadSamples);
  const writes = workload.writes;
  const report: Omit<ChaosReport, 'targets' | 'passed'> = {
    durationMs,
    users: userCount,
    phases,
    total,
    events,
    cache,
    writes: {
      attempted: writes.length,
      acked: writes.filter((w) => w.outcome === 'acked').length,
      rejected: writes.filter((w) => w.outcome === 'rejected').length,
      failed: writes.filter((w) => w.outcome === 'failed').length,
      unackedCommitted: verification.unackedCommitted,
      visibleHereMisses: writes.filter((w) => w.outcome === 'acked' && !w.visibleHere).length,
      visibleThereMisses: writes.filter((w) => w.outcome === 'acked' && !w.visibleThere).length,
      ...crossInstanceLag(writes),
    },
    crossInstanceMisses: writes
      .filter((w) => w.outcome === 'acked' && !w.visibleThere)
      .map((w) => `+${((w.startedAt - t0) / 1000).toFixed(1)}s ${w.phase}: written on ${w.instance}, the other showed it after ${w.convergedMs ?? '>15000'} ms`),
    leaks: scanner.findings,
    bodiesScanned: scanner.scanned,
    wrongContent: workload.wrongContent,
    verification,
  };
  const all = workload.samples;
  const targets: Target[] = [
    { name: '5xx responses', value: all.filter((s) => s.status >= 500).length, ok: false },
    { name: 'failed requests (timeout, connection)', value: all.filter((s) => s.status === 0).length, ok: false },
    { name: 'writes not acknowledged', value: report.writes.rejected + report.writes.failed, ok: false },
    { name: 'lost acknowledged writes', value: verification.lostWrites.length, ok: false },
    { name: 'stale reads after the run', value: verification.staleAfterRun.length, ok: false },
    { name: 'own write not shown on the same instance', value: report.writes.visibleHereMisses, ok: false },
    { name: 'cross-user / public-page leaks', value: scanner.findings.length, ok: false },
    { name: 'pages without the viewer\'s own data', value: workload.wrongContent.length, ok: false },
  ].map((t) => ({ ...t, ok: t.value === 0 }));
  if (total.requests === 0 || report.writes.acked === 0) targets.push({ name: 'no traffic / no acknowledged write (broken run)', value: 1, ok: false });
  return { ...report, targets, passed: targets.every((t) => t.ok) };
}

/** Acked writes the other instance did not show at once, and how long it took, per phase. */
function crossInstanceLag(writes: WriteRecord[]) {
  const visibleThereMissesByPhase: Record<string, number> = {};
  const maxConvergenceMsByPhase: Record<string, number | null> = {};
  for (const w of writes) {
    if (w.outcome !== 'acked' || w.visibleThere) continue;
    visibleThereMissesByPhase[w.phase] = (visibleThereMissesByPhase[w.phase] ?? 0) + 1;
    const lag = w.convergedMs ?? null;
    const before = maxConvergenceMsByPhase[w.phase];
    maxConvergenceMsByPhase[w.phase] = before === null || lag === null ? null : Math.max(before ?? 0, lag);
  }
  return { visibleThereMissesByPhase, maxConvergenceMsByPhase };
}

export function formatReport(r: ChaosReport): string {
  const lines: string[] = [];
  lines.push(`Chaos run: ${r.durationMs / 1000} s, ${r.users} users, two instances, one Redis, one PostgreSQL`);
  lines.push('');
  lines.push('Events:');
  for (const e of r.events) lines.push(`  ${e}`);
  lines.push('');
  const row = (s: PhaseSummary) => [s.phase, s.requests, s.errors, s.status5xx, s.p50, s.p99, s.max];
  lines.push(table(['phase', 'requests', 'errors', '5xx', 'p50 ms', 'p99 ms', 'max ms'], [...r.phases.map(row), row(r.total)]));
  lines.push('');
  const w = r.writes;
  lines.push(
    `Writes: ${w.attempted} attempted, ${w.acked} acknowledged (303), ${w.rejected} rejected, ${w.failed} without answer, ` +
      `${w.unackedCommitted} unacknowledged but committed; other instance showed an acked write on the very next request ` +
      `${w.acked - w.visibleThereMisses}/${w.acked} times` +
      (w.visibleThereMisses > 0
        ? ` (misses by phase: ${Object.entries(w.visibleThereMissesByPhase)
            .map(([p, n]) => `${p} ${n}, caught up within ${w.maxConvergenceMsByPhase[p] ?? '>15000'} ms`)
            .join('; ')})`
        : ''),
  );
  lines.push(
    `Cache during the run: ${(['A', 'B'] as const).map((n) => `${n} ${r.cache[n].timeouts} Redis timeouts, ${r.cache[n].errors} errors, breaker opened ${r.cache[n].breakerOpens}x`).join('; ')}`,
  );
  lines.push(`Leak scan: ${r.bodiesScanned} bodies scanned for other users' e-mails, site names, balances, notes and session tokens`);
  lines.push('');
  lines.push(table(['target', 'value', 'result'], r.targets.map((t) => [t.name, t.value, t.ok ? 'ok' : 'FAIL'])));
  if (r.crossInstanceMisses.length > 0) {
    lines.push('');
    lines.push('Acked writes not yet shown by the other instance on the next request (informational):');
    for (const m of r.crossInstanceMisses.slice(0, 15)) lines.push(`  ${m}`);
  }
  const details = [
    ...r.verification.lostWrites.map((d) => `lost: ${d}`),
    ...r.verification.staleAfterRun.map((d) => `stale: ${d}`),
    ...r.leaks.map((l) => `leak: ${l.kind}: ${l.viewer} ${l.path}: ${l.what}`),
    ...r.wrongContent.map((d) => `wrong content: ${d}`),
  ];
  if (details.length > 0) {
    lines.push('');
    lines.push('Details (first 20):');
    for (const d of details.slice(0, 20)) lines.push(`  ${d}`);
  }
  lines.push('');
  lines.push(r.passed ? 'PASS: all targets met' : 'FAIL: some targets missed');
  return lines.join('\n');
}
