// The issue's targets, checked against one run's results. A missed target carries the reason
// found, stated with the numbers of the same run.
import type { BenchResults } from './results';
import type { HandlerSizeRow } from '../sections/handler-level';
import { PAGE_LABEL, measuredPages, type ModeResult, type Page } from '../sections/app-level';
import { fmtBytes, fmtMs, fmtRatio } from './stats';
import { loadConfig } from '@stakeeasy/next-redis-cache/config';

/** The handler's default trust window for page copies (CACHE_PAGE_TRUST_MS), which the bench runs with. */
const PAGE_TRUST_MS = loadConfig({}).pageTrustMs;

export type Status = 'met' | 'missed' | 'not run';

export interface TargetCheck {
  section: string;
  target: string;
  result: string;
  status: Status;
  reason?: string;
}

// The issues' targets: the dashboard reads cached computed views (issue 14); per-user hits
// need no round trip and the article page keeps up with Next's in-process cache (issue 15).
const DASHBOARD_VS_NO_CACHE = 20;
// Issue 11: the stats page of a user with 5,000 sessions renders from the cached statistics.
const STATS_VS_NO_CACHE = 10;
const VS_DEFAULT: Record<Page, number> = { dashboard: 1, article: 0.95, index: 0.9, stats: 1 };

const row = (r: BenchResults, handler: 'ours' | 'peer', entries: number): HandlerSizeRow | undefined =>
  r.handler?.rows.find((x) => x.handler === handler && x.entries === entries);

const mode = (r: BenchResults, m: string): ModeResult | undefined => r.app?.modes.find((x) => x.mode === m);

/** Blames other processes only when the 1-minute load at the start exceeded the cores. */
const loadNote = (r: BenchResults) =>
  r.machine.loadStart[0] > r.machine.cores
    ? `load average ${r.machine.loadStart.join(' / ')} at the start on ${r.machine.cores} cores: other processes were competing for the CPU`
    : '';

function handlerTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const h = r.handler;
  if (!h) {
    return [{ section: '1', target: 'handler-level targets', result: '—', status: 'not run' }];
  }
  const biggest = Math.max(...h.rows.map((x) => x.entries));
  const ours = row(r, 'ours', biggest);
  const peer = row(r, 'peer', biggest);
  if (ours) {
    const p50 = ours.revalidateTag.p50;
    out.push({
      section: '1',
      target: `ours revalidateTag p50 < 2 ms at ${biggest.toLocaleString('en-US')} entries`,
      result: fmtMs(p50),
      status: p50 < 2 ? 'met' : 'missed',
      reason: p50 < 2 ? undefined : [loadNote(r), "our revalidateTag is one script touching only the tag's record, independent of the entry count"].filter(Boolean).join('; '),
    });
  }
  if (ours && peer) {
    const ratio = peer.revalidateTag.p50 / ours.revalidateTag.p50;
    out.push({
      section: '1',
      target: `ours revalidateTag >= 100x faster than the peer at ${biggest.toLocaleString('en-US')} entries (p50)`,
      result: `${fmtRatio(peer.revalidateTag.p50, ours.revalidateTag.p50)} (peer ${fmtMs(peer.revalidateTag.p50)})`,
      status: ratio >= 100 ? 'met' : 'missed',
      reason: ratio >= 100 ? undefined : 'the peer scans its shared tags hash on every call; its cost grows with the entry count, so the ratio grows with it',
    });
  }
  const oursRows = h.rows.filter((x) => x.handler === 'ours');
  const perGet = oursRows.flatMap((x) => [x.commandsRedisGet.clientCommandsPerGet, ...(x.commandsL1Get ? [x.commandsL1Get.clientCommandsPerGet] : [])]);
  const evalsha = oursRows.map((x) => x.commandsRedisGet.serverPerGet.evalsha ?? 0);
  const oneTrip = perGet.every((n) => n === 1) && evalsha.every((n) => n === 1);
  const peerTrips = h.rows.find((x) => x.handler === 'peer')?.commandsRedisGet.clientCommandsPerGet;
  out.push({
    section: '1',
    target: 'one Redis round trip per get (INFO commandstats delta)',
    result: `ours ${[...new Set(perGet)].join('/')} command(s) per get, EVALSHA ${[...new Set(evalsha)].join('/')} per get; peer ${peerTrips ?? 'n/a'} sequential`,
    status: oneTrip ? 'met' : 'missed',
    reason: oneTrip ? undefined : 'a get did not make exactly one call: Redis timeouts under CPU contention opened the breaker during the reading (see "errors while measuring")',
  });
  const l1 = ours?.getL1 ?? oursRows.find((x) => x.getL1)?.getL1;
  const user = h.userL1;
  if (user) {
    const p50 = user.latency.p50;
    const trips = user.commands.clientCommandsPerGet;
    const met = p50 < 0.02 && trips === 0;
    out.push({
      section: '1',
      target: 'per-user L1 hit < 20 µs with Redis up, no Redis command',
      result: `${fmtMs(p50)} p50, ${trips} command(s) per get${l1 ? `; shared entries (validated in one round trip) ${fmtMs(l1.p50)} p50` : ''}`,
      status: met ? 'met' : 'missed',
      reason: met
        ? undefined
        : trips > 0
          ? 'the handler still validated versioned per-user entries against Redis: it does not treat entries tagged _immutable as immutable'
          : ['an in-process hit took longer than 20 µs', loadNote(r)].filter(Boolean).join('; '),
    });
  }
  const withSlots = h.versionedBytes?.find((v) => v.slots);
  const without = h.versionedBytes?.find((v) => !v.slots);
  if (withSlots && without) {
    // Bounded: the live version plus, at most, the one it replaced (and the slot/tag records).
    const bound = 3 * withSlots.entryBytes + 4096;
    const held = withSlots.redisBytes + withSlots.l1Bytes;
    out.push({
      section: '1',
      target: `one user's read holds <= 3 entries' bytes after ${withSlots.writes.toLocaleString('en-US')} writes (Redis + L1)`,
      result: `${fmtBytes(held)} in ${withSlots.redisKeys} Redis keys (without slots: ${fmtBytes(without.redisBytes + without.l1Bytes)} in ${without.redisKeys} keys)`,
      status: held <= bound ? 'met' : 'missed',
      reason: held <= bound ? undefined : 'superseded versions were not dropped: the handler does not act on _slot: tags',
    });
  }
  return out;
}

function appTargets(r: BenchResults): TargetCheck[] {
  const app = r.app;
  if (!app) return [{ section: '2', target: 'app-level targets', result: '—', status: 'not run' }];
  const out: TargetCheck[] = [];
  const ours = mode(r, 'ours');
  const peer = mode(r, 'peer');
  const def = mode(r, 'default');
  const none = mode(r, 'nocache');
  if (ours && none) {
    const ratio = ours.pages.dashboard.rps / none.pages.dashboard.rps;
    out.push({
      section: '2',
      target: `dashboard: ours >= ${DASHBOARD_VS_NO_CACHE}x the no-data-cache req/s`,
      result: `${fmtRatio(ours.pages.dashboard.rps, none.pages.dashboard.rps)} (${ours.pages.dashboard.rps.toFixed(1)} vs ${none.pages.dashboard.rps.toFixed(1)} req/s)`,
      status: ratio >= DASHBOARD_VS_NO_CACHE ? 'met' : 'missed',
      reason: ratio >= DASHBOARD_VS_NO_CACHE ? undefined : dashboardCpuReason(r),
    });
  }
  if (ours?.pages.stats && none?.pages.stats) {
    const a = ours.pages.stats;
    const b = none.pages.stats;
    const ratio = a.rps / b.rps;
    out.push({
      section: '2',
      target: `session statistics (5,000 sessions): ours >= ${STATS_VS_NO_CACHE}x the no-data-cache req/s`,
      result: `${fmtRatio(a.rps, b.rps)} (${a.rps.toFixed(1)} vs ${b.rps.toFixed(1)} req/s)`,
      status: ratio >= STATS_VS_NO_CACHE ? 'met' : 'missed',
      reason:
        ratio >= STATS_VS_NO_CACHE
          ? undefined
          : [`the cache removes reading and aggregating the sessions (no-cache p50 ${fmtMs(b.p50)}, ours ${fmtMs(a.p50)}), not rendering the page and its breakdown tables`, timeoutNote(r), loadNote(r)].filter(Boolean).join('; '),
    });
  }
  for (const page of measuredPages(app.modes)) {
    if (ours && peer) {
      const a = ours.pages[page].rps;
      const b = peer.pages[page].rps;
      out.push({
        section: '2',
        target: `${PAGE_LABEL[page]}: ours >= peer req/s`,
        result: `${fmtRatio(a, b)} (${a.toFixed(1)} vs ${b.toFixed(1)})`,
        status: a >= b ? 'met' : 'missed',
        reason: a >= b ? undefined : compareReason(r, page, 'peer'),
      });
    }
    if (ours && def) {
      const a = ours.pages[page].rps;
      const b = def.pages[page].rps;
      out.push({
        section: '2',
        target: `${PAGE_LABEL[page]}: ours >= ${VS_DEFAULT[page]}x Next's default cache`,
        result: `${fmtRatio(a, b)} (${a.toFixed(1)} vs ${b.toFixed(1)})`,
        status: a >= VS_DEFAULT[page] * b ? 'met' : 'missed',
        reason: a >= VS_DEFAULT[page] * b ? undefined : compareReason(r, page, 'default'),
      });
    }
  }
  return out;
}

/** Our handler's own Redis failures while Redis was healthy (short form; the detail is a finding). */
function timeoutNote(r: BenchResults): string | undefined {
  const ours = mode(r, 'ours');
  if (!ours?.redisFailuresHealthy) return undefined;
  return `with Redis healthy, ${ours.redisFailuresHealthy} of our Redis operations timed out and the breaker opened ${ours.breakerOpensHealthy ?? 0} time(s) during the load runs (finding A)`;
}

/** Why a cached dashboard is not DASHBOARD_VS_NO_CACHE times faster than an uncached one on this machine. */
function dashboardCpuReason(r: BenchResults): string {
  const ours = mode(r, 'ours');
  const none = mode(r, 'nocache');
  if (!ours || !none) return '';
  return [
    `the cache removes the database reads (no-cache p50 ${fmtMs(none.pages.dashboard.p50)}, ours ${fmtMs(ours.pages.dashboard.p50)}), not the rendering of a dashboard over ${r.dataSet.counts.transfers / Math.max(1, r.dataSet.counts.users)} transfers and 20 sites (~50 KB of HTML), which stays on the CPU`,
    timeoutNote(r),
    loadNote(r),
  ]
    .filter(Boolean)
    .join('; ');
}

function compareReason(r: BenchResults, page: Page, other: 'peer' | 'default'): string {
  const ours = mode(r, 'ours')!;
  const them = mode(r, other)!;
  const diff = Math.abs(ours.pages[page].rps - them.pages[page].rps) / Math.max(ours.pages[page].rps, them.pages[page].rps);
  const parts: string[] = [`p50 ${fmtMs(ours.pages[page].p50)} vs ${fmtMs(them.pages[page].p50)}`];
  if (page === 'dashboard') {
    const note = timeoutNote(r);
    if (note) parts.push(note);
  }
  if (other === 'default') {
    parts.push(
      page === 'article' || page === 'index'
        ? "Next's default cache answers from process memory; ours serves a page copy without a round trip for CACHE_PAGE_TRUST_MS after Redis confirmed it, and otherwise waits for one round trip to confirm it (the price of sharing pages and invalidations between instances)"
        : "Next's default cache answers every read from process memory; ours serves per-user entries from its L1 with no Redis command (section 1) and makes one round trip for each shared read (rates)",
    );
    parts.push(`to check a gap outside the four-server run, compare one server at a time: \`npm run bench:profile -- --page=${page} --mode=ours\` then \`--mode=default\``);
  }
  if (diff < 0.1) parts.push(`a ${Math.round(diff * 100)}% difference, inside the run-to-run variation on this machine`);
  parts.push(loadNote(r));
  return parts.filter(Boolean).join('; ');
}

/** Causes found behind several missed targets, explained once. */
export function findings(r: BenchResults): string[] {
  const out: string[] = [];
  const ours = mode(r, 'ours');
  if (ours?.redisFailuresHealthy) {
    out.push(
      `**A. Our Redis budget expires on a busy event loop.** With Redis healthy, ${ours.redisFailuresHealthy} of our Redis operations failed and the breaker opened ${ours.breakerOpensHealthy ?? 0} time(s) during the app-level runs (the peer's ${r.peerTimeoutMs} ms budget leaves it far more room; its failures are not observable, it swallows them). The ${r.profileTimeoutMs} ms budget (ioredis \`commandTimeout\` and the handler's own deadline in lib/cache/handler.mjs) is measured by timers on the same event loop that renders the pages: when a render blocks the loop past the deadline, the timer callback runs before the reply that already arrived is read. Reproduced at handler level: with a 200 ms synchronous block right after sending each get, 5 of 5 gets returned nothing (3 timeouts, then the open breaker) although Redis answered each in under 1 ms. A failed get falls back to the in-process copy, or becomes a miss and a full render from PostgreSQL when the entry's tag records cannot be confirmed (finding B); this is consistent with the dashboard's lower throughput and long p99 for ours. Fix belongs in lib/cache (e.g. let pending I/O run before declaring a timeout, and give ioredis's commandTimeout more room than the handler deadline).`,
    );
  }
  const pause = ours?.faults.find((f) => f.fault === 'pause');
  if (pause && pause.all.p99 > pause.healthy.p99 + r.profileTimeoutMs) {
    out.push(
      '**B. The L1 cannot serve after a tag-record prune.** While the breaker is open, our L1 serves an entry only if every one of its tag records (own and soft tags) is "confirmed". `TagBook.prune()` (lib/cache/tags.mjs, every 60 s) deletes records whose last change + max TTL is in the past, and a tag that never changed has last change 0, so every such record is deleted each minute. Until a successful Redis read re-confirms them, an outage turns every L1 entry into a miss. Reproduced at handler level: after one prune, 0 of 100 gets hit the L1 with Redis paused (100 of 100 without the prune).',
    );
  }
  return out;
}

function faultTargets(r: BenchResults): TargetCheck[] {
  const ours = mode(r, 'ours');
  if (!ours || ours.faults.length === 0) return [{ section: '3', target: 'fault targets', result: '—', status: 'not run' }];
  const timeout = r.profileTimeoutMs;
  const out: TargetCheck[] = [];
  for (const f of ours.faults) {
    out.push({
      section: '3',
      target: `Redis ${f.fault === 'pause' ? 'paused' : 'killed'} ${f.faultSeconds} s: zero errors`,
      result: `${f.failed} failed of ${f.requests}`,
      status: f.failed === 0 ? 'met' : 'missed',
      reason: f.failed === 0 ? undefined : `${f.errors} connection errors, ${f.timeouts} timeouts, ${f.non2xx} non-2xx answers`,
    });
    const limit = f.healthy.p99 + timeout;
    const met = f.all.p99 <= limit;
    out.push({
      section: '3',
      target: `Redis ${f.fault === 'pause' ? 'paused' : 'killed'}: p99 <= healthy p99 + one command timeout (${timeout} ms)`,
      result: `${fmtMs(f.all.p99)} vs limit ${fmtMs(limit)} (during the fault ${fmtMs(f.window.p99)}, max ${fmtMs(f.all.max)})`,
      status: met ? 'met' : 'missed',
      reason: met ? undefined : faultReason(f.fault, f.window.p99, f.after.p99, f.healthy.p99),
    });
  }
  return out;
}

function faultReason(fault: 'pause' | 'kill', during: number, after: number, healthy: number): string {
  if (fault === 'kill' && after > during)
    return `the restarted Redis is empty (no persistence), so after the fault every dashboard is rendered from the database again (p99 after the fault ${fmtMs(after)}, healthy ${fmtMs(healthy)}): a cold cache, not the outage itself`;
  return `requests in flight during the fault: p99 ${fmtMs(during)} (healthy ${fmtMs(healthy)}): L1 entries whose tag records were not confirmed became misses and full renders (finding B)`;
}

function freshnessTargets(r: BenchResults): TargetCheck[] {
  const f = r.freshness?.find((x) => x.handler === 'ours' && x.entry !== 'page');
  if (!f) return [{ section: '4', target: 'zero stale reads', result: '—', status: 'not run' }];
  const page = r.freshness?.find((x) => x.handler === 'ours' && x.entry === 'page');
  const pageWithin = page ? page.neverFresh === 0 && page.timeToFresh.max < PAGE_TRUST_MS : false;
  return [
    {
      section: '4',
      target: `cross-instance: zero stale reads after updateTag (${f.trials} trials)`,
      result: `${f.staleReads} stale of ${f.readsAfterAck.toLocaleString('en-US')} reads after the acknowledgement; fresh on B after ${fmtMs(f.timeToFresh.p50)} p50 / ${fmtMs(f.timeToFresh.p99)} p99`,
      status: f.staleReads === 0 && f.neverFresh === 0 ? 'met' : 'missed',
      reason: f.staleReads === 0 && f.neverFresh === 0 ? undefined : `${f.trialsWithStaleReads} trial(s) with stale reads, ${f.neverFresh} never fresh within the window`,
    },
    ...(page
      ? [
          {
            section: '4',
            target: `ISR pages: fresh on B within CACHE_PAGE_TRUST_MS (${PAGE_TRUST_MS} ms) of another instance's updateTag, in every trial (${page.trials})`,
            result: `${page.staleReads} stale of ${page.readsAfterAck.toLocaleString('en-US')} reads after the acknowledgement; fresh on B after ${fmtMs(page.timeToFresh.p50)} p50 / ${fmtMs(page.timeToFresh.p99)} p99 / ${fmtMs(page.timeToFresh.max)} max`,
            status: pageWithin ? ('met' as const) : ('missed' as const),
            reason: pageWithin ? undefined : `${page.neverFresh} trial(s) never fresh in the observation window, slowest ${fmtMs(page.timeToFresh.max)}`,
          },
        ]
      : []),
  ];
}

function memoryTargets(r: BenchResults): TargetCheck[] {
  const ours = mode(r, 'ours');
  if (!ours) return [{ section: '5', target: 'RSS < 300 MB', result: '—', status: 'not run' }];
  const def = mode(r, 'default');
  const met = ours.rssAfter < 300 * 1024 * 1024;
  const out: TargetCheck[] = [
    {
      section: '5',
      target: `app RSS < 300 MB after ${ours.requestsServed.toLocaleString('en-US')} requests`,
      result: `${fmtBytes(ours.rssAfter)} (at start ${fmtBytes(ours.rssStart)}${def ? `; Next default ${fmtBytes(def.rssAfter)}` : ''})`,
      status: met ? 'met' : 'missed',
      reason: met ? undefined : r.rssReason,
    },
  ];
  const peer = mode(r, 'peer');
  if (ours.redisDashboard && peer?.redisDashboard) {
    out.push({
      section: '5',
      target: 'Redis bytes per cached entry (information, no target)',
      result: `dashboard: ours ${fmtBytes(ours.redisDashboard.bytes / ours.redisDashboard.entries)} vs peer ${fmtBytes(peer.redisDashboard.bytes / peer.redisDashboard.entries)} per entry; article page: ours ${fmtBytes(ours.redisArticle!.bytes / ours.redisArticle!.entries)} vs peer ${fmtBytes(peer.redisArticle!.bytes / peer.redisArticle!.entries)}`,
      status: 'met',
    });
  }
  return out;
}

/** Sharing 'use cache' entries across instances may cost a request at most this share of Next's per-process speed. */
const USE_CACHE_VS_DEFAULT = 0.8;

function remoteCacheTargets(r: BenchResults): TargetCheck[] {
  const target = `'use cache: remote' page req/s, ours >= ${USE_CACHE_VS_DEFAULT}x Next's in-memory cacheHandlers`;
  const ours = r.useCache?.modes.find((m) => m.mode === 'ours');
  const next = r.useCache?.modes.find((m) => m.mode === 'default');
  if (!ours || !next) return [{ section: '7', target, result: '—', status: 'not run' }];
  const ratio = ours.load.rps / next.load.rps;
  return [
    {
      section: '7',
      target,
      result: `${fmtRatio(ours.load.rps, next.load.rps)} (${ours.load.rps.toFixed(0)} vs ${next.load.rps.toFixed(0)} req/s)`,
      status: ratio >= USE_CACHE_VS_DEFAULT ? 'met' : 'missed',
      reason:
        ratio >= USE_CACHE_VS_DEFAULT
          ? undefined
          : [loadNote(r), `each get of ours waits for one Redis round trip (p50 ${fmtMs(ours.load.p50)} vs ${fmtMs(next.load.p50)} per request) to read the entry and its tag records, which is what keeps it fresh on every instance`].filter(Boolean).join('; '),
    },
  ];
}

export function checkTargets(r: BenchResults): TargetCheck[] {
  return [...handlerTargets(r), ...appTargets(r), ...faultTargets(r), ...freshnessTargets(r), ...memoryTargets(r), ...remoteCacheTargets(r)];
}
