// Markdown tables and a hand-written SVG chart from one run's results.
import type { BenchResults } from './results';
import { checkTargets, findings, type TargetCheck } from './targets';
import { MODES, MODE_LABEL, type Mode } from './server';
import { PAGES, PAGE_LABEL, measuredPages, type ModeResult } from '../sections/app-level';
import { DEPLOY_VARIANT_LABEL } from '../sections/deploy';
import { USE_CACHE_LABEL, type UseCacheMode } from '../sections/use-cache';
import { fmtBytes, fmtMs, fmtNum, fmtRatio } from './stats';

const STATUS_MARK: Record<TargetCheck['status'], string> = { met: '✅ met', missed: '❌ missed', 'not run': '— not run' };

/** Markdown table; `left` = how many leading columns are text (left-aligned), the rest numbers. */
const table = (head: string[], rows: string[][], left = 1) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i < left ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const esc = (s: string) => s.replace(/\|/g, '\\|');

function machineBlock(r: BenchResults): string {
  const m = r.machine;
  return [
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}`,
    `- Node ${m.node}, Next.js ${m.next}, Redis ${m.redis}, PostgreSQL ${m.postgres}, peer @fortedigital/nextjs-cache-handler ${m.peer}`,
    `- Load average (1/5/15 min): ${m.loadStart.join(' / ')} at the start, ${(m.loadEnd ?? []).join(' / ')} at the end`,
    `- Profile: ${r.profile}; total run time ${Math.round(r.durationSeconds)} s${r.buildSeconds ? ` (of which build ${Math.round(r.buildSeconds)} s)` : ''}; per-command Redis budget: ours ${r.profileTimeoutMs} ms (CACHE_REDIS_TIMEOUT_MS default), peer ${r.peerTimeoutMs} ms (its \`timeoutMs\`${r.peerTimeoutMs === 5000 ? ', library default' : ''})`,
    `- Data set (${r.dataSet.database}): ${fmtNum(r.dataSet.counts.users)} bench users, ${fmtNum(r.dataSet.counts.holdings)} sites, ${fmtNum(r.dataSet.counts.snapshots)} snapshots, ${fmtNum(r.dataSet.counts.transfers)} transfers, ${fmtNum(r.dataSet.counts.publishedArticles)} published articles (${r.dataSet.generated ? `generated in ${r.dataSet.seconds.toFixed(0)} s` : 'already present'})`,
  ].join('\n');
}

function targetsTable(checks: TargetCheck[]): string {
  return table(
    ['#', 'Target', 'Result', 'Status'],
    checks.map((c) => [c.section, esc(c.target), esc(c.result), STATUS_MARK[c.status]]),
    4,
  );
}

function missedBlock(r: BenchResults, checks: TargetCheck[]): string {
  const missed = checks.filter((c) => c.status === 'missed');
  if (missed.length === 0) return 'Every target that was run was met.';
  const found = findings(r);
  return [
    '**Missed targets and why:**',
    '',
    ...missed.map((c) => `- **${c.target}** (${c.result}): ${c.reason ?? 'no cause identified'}.`),
    ...(found.length ? ['', '**Findings behind them:**', '', ...found.map((f) => `- ${f}`)] : []),
  ].join('\n');
}

function appTable(r: BenchResults): string {
  const app = r.app!;
  const modes = MODES.filter((m) => app.modes.some((x) => x.mode === m));
  const get = (m: Mode) => app.modes.find((x) => x.mode === m)!;
  const cell = (x: ModeResult, page: (typeof PAGES)[number]) => {
    const l = x.pages[page];
    const bad = l.errors + l.timeouts + l.non2xx;
    return `${fmtNum(l.rps, l.rps < 100 ? 1 : 0)} req/s<br>${l.p50.toFixed(1)} / ${l.p99.toFixed(0)} ms${bad ? `<br>${bad} failed` : ''}`;
  };
  const ratio = (page: (typeof PAGES)[number], other: Mode) =>
    modes.includes('ours') && modes.includes(other) ? fmtRatio(get('ours').pages[page].rps, get(other).pages[page].rps) : 'n/a';
  return table(
    ['Page', ...modes.map((m) => MODE_LABEL[m]), 'ours / no cache', 'ours / peer', 'ours / Next default'],
    measuredPages(app.modes).map((page) => [PAGE_LABEL[page], ...modes.map((m) => cell(get(m), page)), ratio(page, 'nocache'), ratio(page, 'peer'), ratio(page, 'default')]),
  );
}

/**
 * The article page is served the same way under "Next default" and "no data cache" (a whole
 * ISR page from Next's cache; the data cache is not consulted on a page hit): how far apart
 * they land is a direct reading of this run's noise.
 */
function noiseNote(r: BenchResults): string {
  const def = r.app?.modes.find((m) => m.mode === 'default');
  const none = r.app?.modes.find((m) => m.mode === 'nocache');
  if (!def || !none) return '';
  const a = def.pages.article.rps;
  const b = none.pages.article.rps;
  return `Noise reference: the article page is served identically under "Next default" and "no data cache" (a whole ISR page from Next's cache), yet measured ${a.toFixed(0)} vs ${b.toFixed(0)} req/s (${fmtRatio(Math.max(a, b), Math.min(a, b))} apart) in this run. Differences of that size between other cells are not significant.`;
}

function handlerTables(r: BenchResults): string {
  const h = r.handler!;
  const sizes = [...new Set(h.rows.map((x) => x.entries))];
  const pair = (s?: { p50: number; p99: number }) => (s ? `${fmtMs(s.p50)} / ${fmtMs(s.p99)}` : '—');
  const main = table(
    ['Handler', 'Entries', 'get from L1 p50 / p99', 'get from Redis p50 / p99', 'set p50 / p99', 'revalidateTag p50 / p99 (n)', 'hits', 'errors while measuring'],
    h.rows.map((x) => [
      x.handler,
      fmtNum(x.entries),
      pair(x.getL1),
      pair(x.getRedis),
      pair(x.set),
      `${pair(x.revalidateTag)} (${x.revalidateTag.n})`,
      `${Math.round(x.hitRatio * 100)}%${x.l1HitRatio !== undefined ? ` (L1 ${Math.round(x.l1HitRatio * 100)}%)` : ''}`,
      String(x.errorsDuringMeasurement),
    ]),
  );
  const ratios = table(
    ['Entries', 'revalidateTag p50 ours', 'revalidateTag p50 peer', 'revalidateTag p50 trieb', 'peer / ours', 'trieb / ours', 'get from Redis p50 peer / ours', 'get from Redis p50 trieb / ours'],
    sizes.map((n) => {
      const o = h.rows.find((x) => x.handler === 'ours' && x.entries === n)!;
      const p = h.rows.find((x) => x.handler === 'peer' && x.entries === n);
      const t = h.rows.find((x) => x.handler === 'trieb' && x.entries === n);
      return [
        fmtNum(n),
        fmtMs(o.revalidateTag.p50),
        p ? fmtMs(p.revalidateTag.p50) : '—',
        t ? fmtMs(t.revalidateTag.p50) : '—',
        p ? fmtRatio(p.revalidateTag.p50, o.revalidateTag.p50) : '—',
        t ? fmtRatio(t.revalidateTag.p50, o.revalidateTag.p50) : '—',
        p ? fmtRatio(p.getRedis.p50, o.getRedis.p50) : '—',
        t ? fmtRatio(t.getRedis.p50, o.getRedis.p50) : '—',
      ];
    }),
  );
  const fmtCmds = (c: Record<string, number>) =>
    Object.entries(c)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const biggest = Math.max(...sizes);
  const cmdRows: string[][] = [];
  for (const x of h.rows.filter((y) => y.entries === biggest)) {
    const sent = (c: number) => (c < 0 ? 'not counted' : String(c));
    cmdRows.push([`${x.handler}, from Redis`, sent(x.commandsRedisGet.clientCommandsPerGet), esc(fmtCmds(x.commandsRedisGet.serverPerGet))]);
    if (x.commandsL1Get) cmdRows.push([`${x.handler}, L1 hit`, String(x.commandsL1Get.clientCommandsPerGet), esc(fmtCmds(x.commandsL1Get.serverPerGet))]);
  }
  const cmds = table(['Get path (at ' + fmtNum(biggest) + ' entries)', 'commands sent per get', 'INFO commandstats delta per get'], cmdRows);
  return [
    `Entries are unstable_cache results (FETCH kind, ${fmtBytes(h.entryBytes)} JSON body) with two tags each; gets carry 5 soft tags like a dashboard render. Sequential calls, one client, one Redis; revalidateTag is called like updateTag (no durations) on one entry's tag. "get from L1" is ours only (the peer has no L1): the L1 copy still costs the validating round trip, only its payload is skipped. "get from Redis": ours from an instance without L1, the peer's only path. Ours served purely in process (Redis unreachable): **${fmtMs(h.pureL1.p50)} p50 / ${fmtMs(h.pureL1.p99)} p99**.${h.userL1 ? ` Per-user entries (versioned key, tagged immutable) from ours's L1 with Redis up: **${fmtMs(h.userL1.latency.p50)} p50 / ${fmtMs(h.userL1.latency.p99)} p99, ${h.userL1.commands.clientCommandsPerGet} Redis command(s) per get**.` : ''}${(h.versionedBytes ?? []).map((v) => ` One user's read after ${v.writes.toLocaleString('en-US')} writes (a new version each), ${v.slots ? 'with slot tags' : 'without slot tags'}: **${fmtBytes(v.redisBytes)} in ${v.redisKeys} Redis keys, ${fmtBytes(v.l1Bytes)} in L1**.`).join('')}`,
    '',
    main,
    '',
    ratios,
    '',
    `Round trips per get. "commands sent" is counted on the client; INFO commandstats also counts the commands a Lua script runs inside Redis (ours: TIME, HMGET of the tag records, HGET of the payload), so for ours the EVALSHA count is the round-trip count. The peer's three commands are sequential (GET, then HEXISTS, then HMGET). trieb (@trieb.work/nextjs-turbo-redis-cache, second peer) is read with its in-memory get cache off for "from Redis"; its client is not instrumented, so only the server-side count is shown.`,
    '',
    cmds,
  ].join('\n');
}

function faultTable(r: BenchResults): string {
  const rows: string[][] = [];
  for (const m of r.app!.modes) {
    for (const f of m.faults) {
      rows.push([
        MODE_LABEL[m.mode],
        f.fault === 'pause' ? 'paused (SIGSTOP)' : 'killed, restarted empty',
        fmtNum(f.requests),
        f.failed ? `**${f.failed}** (${f.errors} err, ${f.timeouts} timeouts, ${f.non2xx} non-2xx)` : '0',
        fmtMs(f.healthy.p99),
        fmtMs(f.all.p99),
        fmtMs(f.window.p99),
        fmtMs(f.after.p99),
        fmtMs(f.all.max),
        fmtMs(f.healthy.p99 + (m.mode === 'ours' ? r.profileTimeoutMs : r.peerTimeoutMs)),
      ]);
    }
  }
  if (rows.length === 0) return 'Not run.';
  const f0 = r.app!.modes.flatMap((m) => m.faults)[0];
  return [
    `Dashboard load (${r.app!.connections} connections) for ${f0.seconds} s; Redis faulted from ${f0.faultAt} s to ${f0.faultAt + f0.faultSeconds} s. "healthy": requests completed before the fault; "during": requests in flight at any time during it; "after": started after it. A request that timed out (10 s client timeout) counts with 10 s. Per-command budgets: ours ${r.profileTimeoutMs} ms, peer ${r.peerTimeoutMs} ms${r.peerTimeoutMs === 5000 ? ' (its library default; the peer\'s stall during a pause scales with it)' : ''}.`,
    '',
    table(['Handler', 'Fault', 'Requests', 'Failed', 'healthy p99', 'p99 (run)', 'p99 during fault', 'p99 after', 'max', 'limit (healthy p99 + timeout)'], rows, 2),
  ].join('\n');
}

function freshnessTable(r: BenchResults): string {
  const rows = (r.freshness ?? []).map((f) => [
    f.handler,
    f.entry === 'page' ? 'ISR page' : 'data entry',
    fmtNum(f.trials),
    fmtNum(f.readsAfterAck),
    f.staleReads ? `**${f.staleReads}** (${f.trialsWithStaleReads} trials)` : '0',
    `${fmtMs(f.timeToFresh.p50)} / ${fmtMs(f.timeToFresh.p99)} / ${fmtMs(f.timeToFresh.max)}`,
    `${fmtMs(f.revalidateMs.p50)} / ${fmtMs(f.revalidateMs.p99)}`,
    String(f.neverFresh),
  ]);
  return [
    'Two handler instances in two processes on one Redis. A writes an entry; B reads it until it has it (in its L1 for ours); A calls `revalidateTag([tag])` with no durations (what `updateTag` sends) and writes the new value; B reads in a loop throughout. A read on B that started after A\'s revalidateTag resolved and returned the old value is stale. "data entry": an `unstable_cache` entry (every get of ours validated in Redis). "ISR page": a page, which ours serves from L1 with no round trip for `CACHE_PAGE_TRUST_MS` (1 s) after Redis confirmed it, so an invalidation reaches B by pub/sub: its stale reads measure that window. Time to fresh: from A calling revalidateTag to B completing its first read without the old value (a miss or the new value). Clock: CLOCK_MONOTONIC, shared by both processes.',
    '',
    table(['Handler', 'Entry', 'Trials', 'B reads after A acknowledged', 'Stale reads', 'time to fresh on B p50 / p99 / max', 'A revalidateTag p50 / p99', 'never fresh'], rows),
  ].join('\n');
}

function memoryTable(r: BenchResults): string {
  const app = r.app!;
  const rss = table(
    ['Mode', 'RSS at start', 'RSS after', 'requests served'],
    app.modes.map((m) => [MODE_LABEL[m.mode], fmtBytes(m.rssStart), fmtBytes(m.rssAfter), fmtNum(m.requestsServed)]),
  );
  const mem = app.modes
    .filter((m) => m.redisDashboard && m.redisArticle)
    .map((m) => [
      MODE_LABEL[m.mode],
      `${fmtBytes(m.redisDashboard!.bytes)} in ${m.redisDashboard!.entries} entries (${fmtBytes(m.redisDashboard!.bytes / m.redisDashboard!.entries)} each, largest ${fmtBytes(m.redisDashboard!.largest)})`,
      `${fmtBytes(m.redisArticle!.bytes)} in ${m.redisArticle!.entries} entries (${fmtBytes(m.redisArticle!.bytes / m.redisArticle!.entries)} each, largest ${fmtBytes(m.redisArticle!.largest)})`,
    ]);
  return [
    `RSS of the \`next start\` process tree after the load runs (topped up with article/index requests to at least ${fmtNum(Math.min(...app.modes.map((m) => m.requestsServed)))} requests).`,
    '',
    rss,
    '',
    'Redis memory (MEMORY USAGE) added by the first render of one user\'s dashboard and of one article page, including the growth of each handler\'s bookkeeping keys (the peer\'s shared tag hashes; our clock key). The dashboard\'s first render also stores the nested reads (all snapshots, rate history) that later renders do not read.',
    '',
    mem.length ? table(['Handler', 'Dashboard (one user)', 'Article page (page + its data)'], mem) : 'Not measured.',
  ].join('\n');
}

function deployTable(r: BenchResults): string {
  const d = r.deploy!;
  const intro = `Two instances of build 1 (\`${d.buildIds[0]}\`) warm one Redis under load; two instances of build 2 (same source, build id \`${d.buildIds[1]}\`) start beside them, the old ones stop, and the same load (${d.connectionsPerInstance} connections per instance, ${d.users} signed-in dashboards and ${d.slugs} articles interleaved) moves to the new ones. Counted over the first ${d.seconds} s on the new build, from ${d.counter === 'pg_stat_statements' ? 'pg_stat_statements (statements)' : 'pg_stat_database of the bench database (transactions committed: each Prisma query outside an explicit transaction is one; pg_stat_statements is not loaded on this server)'}. "no deploy" is the same window on the warm build 1: what the load costs anyway (every request reads its session). ${d.dataVersionSwitch ? '"data keys per build" sets CACHE_DATA_VERSION to each build\'s id: every data entry starts cold, as it did when data keys carried the build id.' : 'This handler keys data entries by build id (it has no CACHE_DATA_VERSION), so "ours" is the cold start of every data entry.'}`;
  const rows = d.rows.map((x) => [
    DEPLOY_VARIANT_LABEL[x.variant],
    esc(x.setting),
    fmtNum(x.requests),
    fmtNum(x.statements ?? x.transactions),
    x.requests ? ((x.statements ?? x.transactions) / x.requests).toFixed(2) : 'n/a',
    fmtNum(x.rowsFetched),
    x.cacheMisses === undefined ? 'n/a' : fmtNum(x.cacheMisses),
    `${x.p50.toFixed(1)} / ${x.p99.toFixed(0)} ms`,
    fmtNum(x.failed),
  ]);
  return [intro, '', table(['Window', 'Setting', 'Requests', d.counter === 'pg_stat_statements' ? 'DB statements' : 'DB transactions', 'per request', 'Rows fetched', 'Cache misses', 'p50 / p99', 'Failed'], rows, 2)].join('\n');
}

function remoteCacheTable(r: BenchResults): string {
  const u = r.useCache!;
  const get = (m: UseCacheMode) => u.modes.find((x) => x.mode === m);
  const ours = get('ours');
  const rows = u.modes.map((m) => [
    USE_CACHE_LABEL[m.mode],
    m.load.rps.toFixed(0),
    m.mode === 'ours' || !ours ? '' : fmtRatio(ours.load.rps, m.load.rps),
    `${fmtMs(m.load.p50)} / ${fmtMs(m.load.p99)}`,
    fmtNum(m.load.non2xx + m.load.errors + m.load.timeouts),
    fmtBytes(m.rssAfter),
    esc(m.verification),
  ]);
  return [
    `The fixture app of tests/use-cache-fixture (\`cacheComponents\`; \`/remote\` is a dynamic page whose value comes from a \`'use cache: remote'\` function with \`cacheTag\` and \`cacheLife\`), built twice: with our \`cacheHandlers\` on Redis, and with none (Next's default in-memory handler per process). autocannon, ${u.connections} connections, ${u.seconds} s per mode in interleaved rounds. Every request of ours reads the entry's tag records in Redis (one round trip), which is what keeps it fresh across instances; Next's default is per process and never sees another instance's invalidation.`,
    '',
    table(['Mode', 'req/s', 'ours / this', 'p50 / p99', 'Failed', 'RSS after', 'Verified'], rows),
  ].join('\n');
}

export function renderMarkdown(r: BenchResults, svgName: string): string {
  const checks = checkTargets(r);
  const parts = [
    `# StakeEasy cache benchmark, ${r.date}`,
    '',
    machineBlock(r),
    '',
    `![Benchmark chart](${svgName})`,
    '',
    '## Targets',
    '',
    targetsTable(checks),
    '',
    missedBlock(r, checks),
  ];
  if (r.handler) parts.push('', '## 1. Handler level (ours vs peer, one Redis)', '', handlerTables(r));
  if (r.app) {
    parts.push(
      '',
      '## 2. App level: requests/s and p50 / p99 latency',
      '',
      `autocannon in a separate process, ${r.app.connections} connections, ${r.app.seconds} s per page after a warm-up; the dashboard rotates over ${r.app.users} signed-in bench users (each 20 sites x 365 snapshots, 1,000 transfers), the article page over ${r.app.slugs} articles, the index over ${r.app.indexPages} pages${r.app.modes.every((m) => m.pages.stats) ? `, the session statistics over the same users (${(r.dataSet.counts.sessions ?? 0) / Math.max(1, r.dataSet.counts.users)} ended sessions each)` : ''}. One \`next start\` process per mode, same build. "no data cache" = \`unstable_cache\` bypassed (STAKEEASY_DATA_CACHE=off) with Next's default handler, so its article pages are still ISR-cached whole.`,
      '',
      appTable(r),
      '',
      noiseNote(r),
    );
  }
  if (r.app) parts.push('', '## 3. Redis paused and killed under load', '', faultTable(r));
  if (r.freshness) parts.push('', '## 4. Cross-instance freshness', '', freshnessTable(r));
  if (r.app) parts.push('', '## 5. Memory', '', memoryTable(r));
  if (r.deploy) parts.push('', `## 6. Deploy: database work in the first ${r.deploy.seconds} s on a new build`, '', deployTable(r));
  if (r.useCache) parts.push('', "## 7. A 'use cache: remote' page: ours vs Next's in-memory cacheHandlers", '', remoteCacheTable(r));
  if (r.notes.length) parts.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  parts.push('', `Regenerate: \`npm run bench\` (see bench/README.md). Raw numbers: ${r.date}.json.`, '');
  return parts.join('\n');
}

/** The README block: the app-level table, the targets, and where the rest is. */
export function renderLatest(r: BenchResults, datedName: string, svgName: string): string {
  const checks = checkTargets(r);
  return [
    `### Benchmark (${r.date}, ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node})`,
    '',
    `![Benchmark chart](${svgName})`,
    '',
    r.app ? appTable(r) : '',
    '',
    ...(r.deploy ? [deployTable(r), ''] : []),
    ...(r.useCache ? [remoteCacheTable(r), ''] : []),
    targetsTable(checks),
    '',
    missedBlock(r, checks),
    '',
    `Full results: [${datedName}](${datedName}); method: bench/README.md.`,
    '',
  ].join('\n');
}

/* ------------------------------------------------------------------------------------ SVG */

const COLORS: Record<Mode, string> = { ours: '#0f5132', peer: '#b08900', default: '#0d6efd', nocache: '#adb5bd' };

const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderSvg(r: BenchResults): string {
  const W = 960;
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="20" y="${y}" font-size="18" font-weight="bold">StakeEasy cache benchmark, ${x(r.date)} (${x(r.machine.cpu)}, ${r.machine.cores} cores)</text>`);
  y += 20;
  if (r.app) {
    const modes = MODES.filter((m) => r.app!.modes.some((v) => v.mode === m));
    y += 20;
    parts.push(`<text x="20" y="${y}" font-size="14" font-weight="bold">App level: requests/s (higher is better), ${r.app.connections} connections</text>`);
    const top = y + 20;
    const h = 170;
    const pages = measuredPages(r.app.modes);
    const panelW = (W - 60) / pages.length;
    pages.forEach((page, pi) => {
      const px = 30 + pi * panelW;
      const vals = modes.map((m) => r.app!.modes.find((v) => v.mode === m)!.pages[page].rps);
      const max = Math.max(...vals, 1);
      const bw = (panelW - 60) / modes.length;
      parts.push(`<text x="${px + 10}" y="${top + 12}" font-size="12">${x(PAGE_LABEL[page])}</text>`);
      parts.push(`<line x1="${px + 10}" y1="${top + h + 20}" x2="${px + panelW - 30}" y2="${top + h + 20}" stroke="#333"/>`);
      modes.forEach((m, i) => {
        const bh = (vals[i] / max) * (h - 20);
        const bx = px + 15 + i * bw;
        const by = top + h + 20 - bh;
        parts.push(`<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${(bw - 8).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[m]}"/>`);
        parts.push(`<text x="${(bx + (bw - 8) / 2).toFixed(1)}" y="${(by - 4).toFixed(1)}" font-size="11" text-anchor="middle">${vals[i] < 100 ? vals[i].toFixed(1) : Math.round(vals[i])}</text>`);
      });
    });
    y = top + h + 40;
    modes.forEach((m, i) => {
      parts.push(`<rect x="${30 + i * 170}" y="${y}" width="12" height="12" fill="${COLORS[m]}"/>`);
      parts.push(`<text x="${48 + i * 170}" y="${y + 11}" font-size="12">${x(MODE_LABEL[m])}</text>`);
    });
    y += 30;
  }
  if (r.handler) {
    const sizes = [...new Set(r.handler.rows.map((v) => v.entries))];
    y += 20;
    parts.push(`<text x="20" y="${y}" font-size="14" font-weight="bold">Handler level: revalidateTag p50 in ms, log scale (lower is better)</text>`);
    const top = y + 15;
    const h = 170;
    const vals = r.handler.rows.map((v) => v.revalidateTag.p50);
    // one decade below the smallest bar, so it stays visible
    const lo = Math.floor(Math.log10(Math.max(1e-4, Math.min(...vals)))) - 1;
    const hi = Math.ceil(Math.log10(Math.max(...vals)));
    const scale = (v: number) => ((Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(1, hi - lo)) * h;
    for (let e = lo; e <= hi; e++) {
      const gy = top + h - ((e - lo) / Math.max(1, hi - lo)) * h;
      parts.push(`<line x1="90" y1="${gy.toFixed(1)}" x2="${W - 30}" y2="${gy.toFixed(1)}" stroke="#ddd"/>`);
      parts.push(`<text x="85" y="${(gy + 4).toFixed(1)}" font-size="11" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)} ms</text>`);
    }
    const gw = (W - 140) / sizes.length;
    sizes.forEach((n, si) => {
      const gx = 100 + si * gw;
      (['ours', 'peer'] as const).forEach((k, i) => {
        const row = r.handler!.rows.find((v) => v.handler === k && v.entries === n);
        if (!row) return;
        const bh = scale(row.revalidateTag.p50);
        const bx = gx + 20 + i * (gw / 2 - 20);
        parts.push(`<rect x="${bx.toFixed(1)}" y="${(top + h - bh).toFixed(1)}" width="${(gw / 2 - 30).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[k]}"/>`);
        parts.push(`<text x="${(bx + (gw / 2 - 30) / 2).toFixed(1)}" y="${(top + h - bh - 4).toFixed(1)}" font-size="11" text-anchor="middle">${x(fmtMs(row.revalidateTag.p50))}</text>`);
      });
      parts.push(`<text x="${(gx + gw / 2).toFixed(1)}" y="${top + h + 16}" font-size="12" text-anchor="middle">${fmtNum(n)} entries</text>`);
    });
    y = top + h + 40;
    (['ours', 'peer'] as const).forEach((k, i) => {
      parts.push(`<rect x="${100 + i * 170}" y="${y - 12}" width="12" height="12" fill="${COLORS[k]}"/>`);
      parts.push(`<text x="${118 + i * 170}" y="${y - 1}" font-size="12">${k === 'ours' ? 'ours' : 'peer (fortedigital)'}</text>`);
    });
    y += 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y + 20}" viewBox="0 0 ${W} ${y + 20}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" role="img" aria-label="StakeEasy cache benchmark chart">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}
