// Section 1: the two handlers called directly (as Next calls them), on one Redis.
import { createOurs, createPeer, createTrieb, entryKey, fetchEntry, getCtx, setCtx, markerOf, userEntryKey, userGetCtx, userSetCtx, type BenchHandler } from '../lib/handlers.mjs';
import { adminClient, commandStats, keysWithPrefix, memoryUsage, statsDelta, type RedisServer } from '../lib/redis';
import { SLOT_TAG_PREFIX } from '@stakeeasy/next-redis-cache/reserved-tags';
import type { Redis } from 'ioredis';
import { runConcurrent, sleep, summarize, timeSequential, type Summary } from '../lib/stats';
import type { Profile } from '../lib/profile';

export interface CommandReading {
  gets: number;
  /** commands the client sent per get (= round trips: the peer's are sequential); -1: not counted (trieb) */
  clientCommandsPerGet: number;
  /** INFO commandstats delta per get, by command (includes commands run inside scripts) */
  serverPerGet: Record<string, number>;
}

export interface HandlerSizeRow {
  handler: 'ours' | 'peer' | 'trieb';
  entries: number;
  /** ours only: L1 copy, validated against Redis in the same single round trip */
  getL1?: Summary;
  /** ours: an instance without L1 (payload from Redis); peer: its only path */
  getRedis: Summary;
  set: Summary;
  revalidateTag: Summary;
  hitRatio: number;
  l1HitRatio?: number;
  commandsRedisGet: CommandReading;
  commandsL1Get?: CommandReading;
  populateSeconds: number;
  /** ours: Redis errors/timeouts (breaker) during the measured phases; 0 = clean reading */
  errorsDuringMeasurement: number;
}

export interface HandlerLevelResult {
  rows: HandlerSizeRow[];
  /** ours with Redis unreachable / L1-only: the in-process path */
  pureL1: Summary;
  /** ours with Redis up: L1 hits on per-user (versioned, immutable) entries, and their commands */
  userL1?: { latency: Summary; commands: CommandReading };
  /** bytes one user's read holds after VERSIONED_WRITES writes, with and without slot tags */
  versionedBytes?: Array<{ slots: boolean; writes: number; redisKeys: number; redisBytes: number; l1Bytes: number; entryBytes: number }>;
  entryBytes: number;
  timeoutMs: number;
}

function pickDistinct(count: number, below: number, seed: number): number[] {
  const out = new Set<number>();
  let x = seed >>> 0 || 1;
  while (out.size < Math.min(count, below)) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.add(x % below);
  }
  return [...out];
}

async function commandsDuring(port: number, h: BenchHandler, gets: number, run: () => Promise<void>): Promise<CommandReading> {
  const before = await commandStats(port);
  const sentBefore = h.commandsSent();
  await run();
  const after = await commandStats(port);
  const delta = statsDelta(before, after);
  const serverPerGet: Record<string, number> = {};
  for (const [cmd, n] of Object.entries(delta)) serverPerGet[cmd] = Math.round((n / gets) * 100) / 100;
  const sent = h.commandsSent() - sentBefore;
  return { gets, clientCommandsPerGet: h.commandsSent() < 0 ? -1 : Math.round((sent / gets) * 100) / 100, serverPerGet };
}

/** Waits until our breaker is closed (a timeout under CPU contention opens it for a second). */
async function healthy(h: BenchHandler): Promise<void> {
  if (h.kind !== 'ours') return;
  const until = Date.now() + 15_000;
  while (Date.now() < until && !(h.core.breaker.state === 'closed' && h.core.store?.isReady())) await sleep(50);
}

const errorCount = (h: BenchHandler) => (h.kind === 'ours' ? h.core.metrics.snapshot().errors : 0);

/**
 * Writes entries [from, to) and checks they all reached Redis (a write that timed out under CPU
 * contention is simply written again). Not part of any measurement.
 */
async function populate(h: BenchHandler, admin: Redis, pattern: string, from: number, to: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await healthy(h);
    await runConcurrent(from, to, 32, (i) => h.set(entryKey(i), fetchEntry(i), setCtx(i)));
    const stored = (await keysWithPattern(admin, pattern)).length;
    if (stored >= to) return;
    if (attempt === 3) throw new Error(`only ${stored}/${to} entries reached Redis`);
  }
}

async function keysWithPattern(c: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await c.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
    out.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return out;
}

async function measureHandler(
  kind: 'ours' | 'peer' | 'trieb',
  redis: RedisServer,
  p: Profile,
  log: (s: string) => void,
): Promise<HandlerSizeRow[]> {
  const admin = adminClient(redis.port);
  await admin.flushall();
  const keyPrefix = `bench-${kind}:`;
  const opts = { redisUrl: redis.url, keyPrefix, timeoutMs: p.timeoutMs };
  const h = kind === 'ours' ? await createOurs(opts) : kind === 'trieb' ? await createTrieb(opts) : await createPeer({ ...opts, timeoutMs: p.peerTimeoutMs });
  // Our "from Redis" reading: a second instance without L1 (like another app instance whose
  // L1 does not hold the entry); the peer has no L1, every get reads Redis; trieb's reading is
  // an instance with its in-memory get cache off.
  const fromRedis = kind === 'ours' ? await createOurs({ ...opts, l1MaxBytes: 0 }) : kind === 'trieb' ? await createTrieb({ ...opts, inMemoryCachingTime: 0 }) : h;
  // Bulk loading goes through a separate instance with a generous budget, so contention while
  // loading 100k entries cannot open the measured instance's breaker.
  const loader = kind === 'ours' ? await createOurs({ ...opts, timeoutMs: 5000, l1MaxBytes: 0 }) : h;
  const rows: HandlerSizeRow[] = [];
  let filled = 0;
  try {
    for (const size of p.handlerSizes) {
      const t0 = performance.now();
      await populate(loader, admin, kind === 'ours' ? `${keyPrefix}d:1:bench-entry-*` /* FETCH entries: data-version keys */ : `${keyPrefix}bench-entry-*`, filled, size);
      filled = size;
      const populateSeconds = (performance.now() - t0) / 1000;
      await healthy(h);
      await healthy(fromRedis);
      const errorsBefore = errorCount(h) + errorCount(fromRedis);

      const setKeys = pickDistinct(p.setSamples, size, size + 1);
      const set = summarize(await timeSequential(setKeys.length, (j) => h.set(entryKey(setKeys[j]), fetchEntry(setKeys[j]), setCtx(setKeys[j]))));

      const getKeys = pickDistinct(p.getSamples, size, size + 2);
      let hits = 0;
      let redisSamples: number[] = [];
      const commandsRedisGet = await commandsDuring(redis.port, fromRedis, getKeys.length, async () => {
        redisSamples = await timeSequential(getKeys.length, async (j) => {
          if (markerOf(await fromRedis.get(entryKey(getKeys[j]), getCtx(getKeys[j])))) hits++;
        });
      });
      const getRedis = summarize(redisSamples);

      let getL1: Summary | undefined;
      let commandsL1Get: CommandReading | undefined;
      let l1HitRatio: number | undefined;
      if (kind === 'ours') {
        // The keys just written by the set phase are in this instance's L1.
        const core = h.core;
        const l1Before = core.metrics.snapshot().l1Hits;
        let l1Samples: number[] = [];
        commandsL1Get = await commandsDuring(redis.port, h, setKeys.length, async () => {
          l1Samples = await timeSequential(setKeys.length, (j) => h.get(entryKey(setKeys[j]), getCtx(setKeys[j])));
        });
        getL1 = summarize(l1Samples);
        l1HitRatio = (core.metrics.snapshot().l1Hits - l1Before) / setKeys.length;
      }

      const revalidations = kind === 'ours' ? p.revalidateSamplesOurs : p.revalidateSamplesPeer(size);
      const tagIds = pickDistinct(revalidations, size, size + 3);
      // updateTag semantics (no durations): the hardest case for both (expire now).
      const revalidateTag = summarize(await timeSequential(tagIds.length, (j) => h.revalidateTag([`bench:e:${tagIds[j]}`])));
      const errorsDuringMeasurement = errorCount(h) + errorCount(fromRedis) - errorsBefore;
      // Put the invalidated entries back, so the next size starts from `size` live entries.
      await healthy(h);
      await runConcurrent(0, tagIds.length, 8, (j) => h.set(entryKey(tagIds[j]), fetchEntry(tagIds[j]), setCtx(tagIds[j])));

      rows.push({
        handler: kind,
        entries: size,
        getL1,
        getRedis,
        set,
        revalidateTag,
        hitRatio: hits / getKeys.length,
        l1HitRatio,
        commandsRedisGet,
        commandsL1Get,
        populateSeconds,
        errorsDuringMeasurement,
      });
      log(
        `  ${kind} @ ${size}: get ${getRedis.p50.toFixed(3)} ms${getL1 ? ` (L1 ${getL1.p50.toFixed(3)} ms)` : ''}, set ${set.p50.toFixed(3)} ms, revalidateTag ${revalidateTag.p50.toFixed(3)} ms (n=${revalidateTag.n}), filled in ${populateSeconds.toFixed(1)} s${errorsDuringMeasurement ? `, ${errorsDuringMeasurement} Redis errors/timeouts while measuring` : ''}`,
      );
    }
  } finally {
    if (fromRedis !== h) await fromRedis.close();
    if (loader !== h) await loader.close();
    await h.close();
    await admin.flushall().catch(() => {});
    admin.disconnect();
  }
  return rows;
}

/** Our in-process path (L1-only mode = what is served while Redis is unreachable). */
async function measurePureL1(p: Profile): Promise<Summary> {
  const h = await createOurs({ keyPrefix: 'bench-l1:', timeoutMs: p.timeoutMs });
  try {
    const n = 10_000;
    await runConcurrent(0, n, 8, (i) => h.set(entryKey(i), fetchEntry(i), setCtx(i)));
    const keys = pickDistinct(p.getSamples, n, 7);
    let hits = 0;
    const s = summarize(
      await timeSequential(keys.length, async (j) => {
        if (markerOf(await h.get(entryKey(keys[j]), getCtx(keys[j])))) hits++;
      }),
    );
    if (hits !== keys.length) throw new Error(`in-process L1: ${hits}/${keys.length} hits`);
    return s;
  } finally {
    await h.close();
  }
}

/**
 * Per-user entries (tagged immutable: their key carries the user's data version) written
 * through Redis, then read back from the L1 with Redis up: latency and commands per get.
 */
async function measureUserL1(redis: RedisServer, p: Profile): Promise<{ latency: Summary; commands: CommandReading }> {
  const h = await createOurs({ redisUrl: redis.url, keyPrefix: 'bench-user:', timeoutMs: p.timeoutMs });
  try {
    await healthy(h);
    const n = p.getSamples;
    await runConcurrent(0, n, 8, (i) => h.set(userEntryKey(i), fetchEntry(i), userSetCtx(i)));
    let hits = 0;
    let samples: number[] = [];
    const commands = await commandsDuring(redis.port, h, n, async () => {
      samples = await timeSequential(n, async (i) => {
        if (markerOf(await h.get(userEntryKey(i), userGetCtx(i)))) hits++;
      });
    });
    if (hits !== n) throw new Error(`per-user L1: ${hits}/${n} hits`);
    return { latency: summarize(samples), commands };
  } finally {
    await h.close();
  }
}

const VERSIONED_WRITES = 1_000;

/**
 * One user's read re-cached after each of VERSIONED_WRITES writes, as the app does it: each
 * write bumps the data version (a new key) and expires the user's tag; the next render sets
 * the new version. With slot tags the handler drops each superseded version; without them
 * (what a versioned key alone would do) every version stays until its TTL.
 */
async function measureVersionedBytes(redis: RedisServer, p: Profile) {
  const out: NonNullable<HandlerLevelResult['versionedBytes']> = [];
  const admin = adminClient(redis.port);
  try {
    for (const slots of [true, false]) {
      const keyPrefix = `bench-versions-${slots ? 'slots' : 'none'}:`;
      const h = await createOurs({ redisUrl: redis.url, keyPrefix, timeoutMs: p.timeoutMs });
      try {
        await healthy(h);
        const tags = userSetCtx(0).tags.filter((t) => slots || !t.startsWith(SLOT_TAG_PREFIX));
        const ctx = { ...userSetCtx(0), tags };
        for (let v = 1; v <= VERSIONED_WRITES; v++) {
          await h.revalidateTag([tags[0]]);
          await h.set(`bench-user-entry-0-v${v}`, fetchEntry(0, 2048, `v${v}`), ctx);
        }
        const keys = await keysWithPrefix(admin, keyPrefix);
        const bytes = [...(await memoryUsage(admin, keys)).values()].reduce((a, b) => a + b, 0);
        out.push({ slots, writes: VERSIONED_WRITES, redisKeys: keys.length, redisBytes: bytes, l1Bytes: h.core.l1.bytes, entryBytes: fetchEntry(0).data.body.length });
      } finally {
        await h.close();
      }
    }
  } finally {
    admin.disconnect();
  }
  return out;
}

export async function runHandlerLevel(redis: RedisServer, p: Profile, log: (s: string) => void): Promise<HandlerLevelResult> {
  const rows = [...(await measureHandler('ours', redis, p, log)), ...(await measureHandler('peer', redis, p, log)), ...(await measureHandler('trieb', redis, p, log))];
  const pureL1 = await measurePureL1(p);
  log(`  ours, in-process L1 (Redis unreachable): p50 ${(pureL1.p50 * 1000).toFixed(1)} µs`);
  const userL1 = await measureUserL1(redis, p);
  log(`  ours, per-user (immutable) L1 hit with Redis up: p50 ${(userL1.latency.p50 * 1000).toFixed(1)} µs, ${userL1.commands.clientCommandsPerGet} commands per get`);
  const versionedBytes = await measureVersionedBytes(redis, p);
  for (const v of versionedBytes) log(`  one user's read after ${v.writes} writes, ${v.slots ? 'with' : 'without'} slots: ${v.redisKeys} Redis keys, ${v.redisBytes} B in Redis, ${v.l1Bytes} B in L1`);
  return { rows, pureL1, userL1, versionedBytes, entryBytes: fetchEntry(0).data.body.length, timeoutMs: p.timeoutMs };
}
