/**
 * Failure behaviour against our OWN redis-server processes (paused with SIGSTOP, killed,
 * restarted): bounded latency, breaker transitions, L1 serving, invalidations queued during an
 * outage and replayed before anything is read from Redis again, one round trip per get.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Redis } from 'ioredis';
import { startRedis, commandStats, monitorCommands, type RedisServer } from '../../../tests/helpers/redis-server';
import { CacheCore } from '../src/handler.mjs';
import { getCtx, makeCore, fetchValue, appPageValue, recordingLogger, sleep, uniquePrefix, waitUntil, PAGE_CC } from './fixtures';

const TIMEOUT = 100;
// Generous for loaded CI machines; ioredis defaults would stall for seconds here.
const MARGIN = 100;
const servers: RedisServer[] = [];
const cores: CacheCore[] = [];

function core(srv: RedisServer, extra: Record<string, unknown> = {}, logger?: ReturnType<typeof recordingLogger>) {
  const c = makeCore(
    { mode: 'standalone', redisUrl: srv.url, keyPrefix: uniquePrefix('fail'), timeoutMs: TIMEOUT, breakerThreshold: 3, breakerCooldownMs: 250, ...extra },
    { logger },
  );
  cores.push(c);
  return c;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  await Promise.allSettled(servers.map((s) => s.stop()));
});

describe('Redis paused (SIGSTOP)', () => {
  let srv: RedisServer;
  beforeAll(async () => {
    srv = await startRedis();
    servers.push(srv);
  });

  it('every get returns within one timeout, L1 keeps serving, breaker open -> half-open -> closed, logged once per change', async () => {
    const logger = recordingLogger();
    const A = core(srv, {}, logger);
    expect(await A.ready()).toBe(true);
    const ctx = getCtx('FETCH', { tags: ['pz'], softTags: ['_N_T_/pz'] });
    await A.set('p1', fetchValue('p1', ['pz']), { fetchCache: true, tags: ['pz'] });
    expect((await A.get('p1', ctx))?.value).toStrictEqual(fetchValue('p1', ['pz']));

    srv.pause();
    try {
      const lat: number[] = [];
      for (let i = 0; i < 15; i++) {
        const [res, ms] = await timed(() => A.get('p1', ctx));
        lat.push(ms);
        expect(res?.value).toStrictEqual(fetchValue('p1', ['pz']));
      }
      expect(Math.max(...lat)).toBeLessThan(TIMEOUT + MARGIN);
      expect(A.breaker.state).not.toBe('closed');
      expect(A.getStats().counters.timeouts).toBe(3); // only the threshold's worth of requests waited
      const errorsWhileOpen = A.getStats().counters.errors;
      const [miss, missMs] = await timed(() => A.get('never-set', ctx));
      expect(miss).toBeNull();
      expect(missMs).toBeLessThan(TIMEOUT + MARGIN);
      const [, setMs] = await timed(() => A.set('p2', appPageValue('pz2'), { cacheControl: PAGE_CC }));
      expect(setMs).toBeLessThan(TIMEOUT + MARGIN);
      expect((await A.get('p2', getCtx('APP_PAGE')))?.value.html).toBe(appPageValue().html); // L1 (local write)
      const [, revMs] = await timed(() => A.revalidateTag('pz2', { expire: 60 }));
      expect(revMs).toBeLessThan(TIMEOUT + MARGIN);
      // the local change applies to the L1 at once: stale for Next (past revalidate, inside expire)
      const staleP2 = await A.get('p2', getCtx('APP_PAGE'));
      expect(staleP2).not.toBeNull();
      expect(Date.now() - staleP2!.lastModified).toBeGreaterThan(PAGE_CC.revalidate * 1000);
      expect(Date.now() - staleP2!.lastModified).toBeLessThan(PAGE_CC.expire * 1000);
      expect(A.getStats().counters.errors).toBe(errorsWhileOpen); // open breaker: Redis not called
      // the cooldown elapses: a background probe (not a request) runs half-open and fails
      expect(await waitUntil(() => A.breaker.state === 'half-open', 1500, 5)).toBe(true);
      const [, probeMs] = await timed(() => A.get('p1', ctx));
      expect(probeMs).toBeLessThan(MARGIN); // requests never wait on the probe
      const h = await timed(() => A.getHealth());
      expect(h[0].redis).toBe('down');
      expect(h[1]).toBeLessThan(TIMEOUT + MARGIN);
    } finally {
      srv.resume();
    }
    expect(await waitUntil(() => A.breaker.state === 'closed', 3000)).toBe(true);
    expect(A.pending.size).toBe(0); // the stale mark queued above was replayed
    expect((await A.getHealth()).redis).toBe('up');
    const opens = logger.lines.filter(([lvl, l]) => lvl === 'warn' && l.includes('breaker open'));
    const closes = logger.lines.filter(([, l]) => l.includes('breaker closed'));
    expect(opens.length).toBe(1);
    expect(closes.length).toBe(1);
    expect(A.getStats().counters.breakerOpens).toBe(1);
    expect(A.getStats().counters.breakerCloses).toBe(1);
    expect(logger.lines.filter(([lvl]) => lvl === 'error')).toEqual([]);
  });

  it('invalidation made during an outage is replayed before anything is served from Redis again', async () => {
    const A = core(srv);
    const B = core(srv, { keyPrefix: A.cfg.keyPrefix });
    await Promise.all([A.ready(), B.ready()]);
    const ctx = getCtx('FETCH', { tags: ['rx'], softTags: [] });
    await A.set('X', fetchValue('old', ['rx']), { fetchCache: true, tags: ['rx'] });
    expect(await B.get('X', ctx)).not.toBeNull();
    expect(await A.get('X', ctx)).not.toBeNull();

    srv.pause(); // the old X stays in Redis
    try {
      const [, ms] = await timed(() => A.revalidateTag('rx'));
      expect(ms).toBeLessThan(TIMEOUT + MARGIN);
      expect(A.pending.size).toBe(1);
      expect(await A.get('X', ctx)).toBeNull(); // applied locally at once
    } finally {
      srv.resume();
    }
    // straight after the resume, old X must never come back on A
    for (let i = 0; i < 20; i++) {
      expect(await A.get('X', ctx)).toBeNull();
      await sleep(20);
    }
    expect(await waitUntil(() => A.breaker.state === 'closed' && A.pending.size === 0, 3000)).toBe(true);
    expect(await A.get('X', ctx)).toBeNull();
    expect(await B.get('X', ctx)).toBeNull(); // the replay reached Redis, so other instances see it
    expect(A.getStats().counters.invalidationsReplayed).toBe(1);
  });

  it('a get with queued invalidations replays them first even when the breaker never opened', async () => {
    const A = core(srv, { breakerThreshold: 100 });
    A.queue.intervalMs = 0; // no background replay here: this is about the get path
    const B = core(srv, { keyPrefix: A.cfg.keyPrefix });
    await Promise.all([A.ready(), B.ready()]);
    const ctx = getCtx('FETCH', { tags: ['ry'], softTags: [] });
    await A.set('Y', fetchValue('old', ['ry']), { fetchCache: true, tags: ['ry'] });
    expect(await B.get('Y', ctx)).not.toBeNull();
    srv.pause();
    try {
      await A.revalidateTag('ry', { expire: 3600 }); // times out -> queued
    } finally {
      srv.resume();
    }
    expect(A.breaker.state).toBe('closed');
    expect(A.pending.size).toBe(1);
    await sleep(30);
    const res = await A.get('Y', ctx); // reads Redis, but replays the queue first
    expect(A.pending.size).toBe(0);
    expect(res && (Date.now() - res.lastModified) / 1000 > 60).toBe(true); // stale for Next
    const other = await B.get('Y', ctx);
    expect(other && (Date.now() - other.lastModified) / 1000 > 60).toBe(true);
  });
});

/** Keeps the event loop busy like a synchronous render does (no await: nothing else runs). */
function blockLoop(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* busy */
  }
}

describe('busy event loop, Redis healthy', () => {
  let srv: RedisServer;
  beforeAll(async () => {
    srv = await startRedis();
    servers.push(srv);
  });

  it('a get whose caller blocks the loop for 2x the timeout right after starting it returns the entry and counts no timeout', async () => {
    const A = core(srv);
    expect(await A.ready()).toBe(true);
    const ctx = getCtx('FETCH', { tags: ['bz'], softTags: ['_N_T_/bz'] });
    await A.set('busy1', fetchValue('busy1', ['bz']), { fetchCache: true, tags: ['bz'] });
    await A.get('busy1', ctx); // scripts loaded
    for (let i = 0; i < 5; i++) {
      const pending = A.get('busy1', ctx);
      blockLoop(2 * TIMEOUT);
      expect((await pending)?.value).toStrictEqual(fetchValue('busy1', ['bz']));
    }
    const c = A.getStats().counters;
    expect(c.timeouts).toBe(0);
    expect(c.errors).toBe(0);
    expect(c.degradedGets).toBe(0); // every answer came from Redis, not from the outage path
    expect(A.breaker.state).toBe('closed');
  });

  it('a reply that arrived while the loop was blocked past the timeout (command already written) is used, not timed out', async () => {
    const A = core(srv);
    expect(await A.ready()).toBe(true);
    const ctx = getCtx('FETCH', { tags: ['bw'], softTags: ['_N_T_/bw'] });
    await A.set('busy2', fetchValue('busy2', ['bw']), { fetchCache: true, tags: ['bw'] });
    await A.get('busy2', ctx); // scripts loaded
    // Block the loop as soon as the command has been written to the socket: Redis answers in
    // well under a millisecond, so the reply waits in the socket while the deadline passes.
    const client = A.store!.client as Redis;
    const send = client.sendCommand.bind(client);
    let armed = false;
    client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
      const res = send(...args);
      if (armed) {
        armed = false;
        queueMicrotask(() => blockLoop(2 * TIMEOUT));
      }
      return res;
    }) as Redis['sendCommand'];
    for (let i = 0; i < 5; i++) {
      armed = true;
      expect((await A.get('busy2', ctx))?.value).toStrictEqual(fetchValue('busy2', ['bw']));
      expect(armed).toBe(false); // the block did happen
    }
    const c = A.getStats().counters;
    expect(c.timeouts).toBe(0);
    expect(c.errors).toBe(0);
    expect(c.degradedGets).toBe(0);
    expect(A.breaker.state).toBe('closed');
  });

  it('a genuinely paused Redis still times out within about one timeout', async () => {
    const A = core(srv, { breakerThreshold: 100 });
    expect(await A.ready()).toBe(true);
    const ctx = getCtx('FETCH', { tags: ['bp'], softTags: [] });
    await A.set('busy3', fetchValue('busy3', ['bp']), { fetchCache: true, tags: ['bp'] });
    await A.get('busy3', ctx);
    srv.pause();
    try {
      for (let i = 0; i < 3; i++) {
        const [res, ms] = await timed(() => A.get('busy3', ctx));
        expect(res?.value).toStrictEqual(fetchValue('busy3', ['bp'])); // from the L1
        expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 2);
        expect(ms).toBeLessThan(TIMEOUT + MARGIN);
      }
    } finally {
      srv.resume();
    }
    expect(A.getStats().counters.timeouts).toBe(3);
  });
});

describe('tag-record prune', () => {
  it('after a prune the L1 still serves with Redis paused; tags invalidated via pub/sub before the pause still miss', async () => {
    const srv = await startRedis();
    servers.push(srv);
    const A = core(srv);
    const B = core(srv, { keyPrefix: A.cfg.keyPrefix });
    await Promise.all([A.ready(), B.ready()]);
    const N = 100;
    const tagsOf = (i: number) => [`pr${i}`, 'pr-all'];
    const ctxOf = (i: number) => getCtx('FETCH', { tags: tagsOf(i), softTags: ['_N_T_/layout', `_N_T_/pr/${i % 10}`] });
    for (let i = 0; i < N; i++) await B.set(`pr-${i}`, fetchValue(`v${i}`, tagsOf(i)), { fetchCache: true, tags: tagsOf(i) });
    for (let i = 0; i < N; i++) expect(await A.get(`pr-${i}`, ctxOf(i))).not.toBeNull(); // A's L1 filled from Redis
    expect(A.getStats().counters.redisHits).toBe(N);

    const recordsBefore = A.book.size;
    A.pruneTagBook(); // what the 60 s timer does; none of these tags ever changed
    expect(A.book.size).toBe(recordsBefore); // every record is needed by a live L1 entry

    // changes made elsewhere reach A by pub/sub only: an own tag and a soft tag
    await B.revalidateTag('pr0');
    await B.revalidateTag('_N_T_/pr/1'); // revalidatePath: entries 1, 11, ..., 91
    expect(await waitUntil(() => A.getStats().counters.invalidationsRemote >= 2, 3000)).toBe(true);
    A.pruneTagBook();

    const invalidated = (i: number) => i === 0 || i % 10 === 1;
    srv.pause();
    try {
      for (let i = 0; i < N; i++) {
        const res = await A.get(`pr-${i}`, ctxOf(i));
        if (invalidated(i)) expect(res, `pr-${i}`).toBeNull();
        else expect(res?.value, `pr-${i}`).toStrictEqual(fetchValue(`v${i}`, tagsOf(i)));
      }
      expect(A.breaker.state).not.toBe('closed');
    } finally {
      srv.resume();
    }

    // memory stays bounded by the L1: once no entry refers to a tag, an unchanged record goes
    for (let i = 0; i < N; i++) A.l1.delete(`pr-${i}`);
    A.pruneTagBook();
    expect(A.book.size).toBe(2); // only the two records changed within the max TTL remain
  });
});

describe('lost subscription (catch-up)', () => {
  it('after the invalidation subscriber reconnects, L1 entries validated before the gap are not served during an outage', async () => {
    const srv = await startRedis();
    servers.push(srv);
    const A = core(srv);
    const B = core(srv, { keyPrefix: A.cfg.keyPrefix });
    await Promise.all([A.ready(), B.ready()]);
    const c1 = getCtx('FETCH', { tags: ['g1'], softTags: [] });
    const c2 = getCtx('FETCH', { tags: ['g2'], softTags: [] });
    await A.set('G1', fetchValue('g1', ['g1']), { fetchCache: true, tags: ['g1'] });
    expect(await A.get('G1', c1)).not.toBeNull();
    const gen0 = A.book.gen;
    // drop every pub/sub connection: messages published now would be lost
    const killer = new Redis(srv.url);
    await killer.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await B.revalidateTag('g1'); // made while A's subscriber is down: A never gets this message
    expect(await waitUntil(() => A.book.gen > gen0 && A.subscriberUp, 3000)).toBe(true);
    await A.set('G2', fetchValue('g2', ['g2']), { fetchCache: true, tags: ['g2'] });
    expect(await A.get('G2', c2)).not.toBeNull(); // validated after the gap
    killer.disconnect();
    srv.pause();
    try {
      for (let i = 0; i < 4; i++) {
        expect(await A.get('G1', c1)).toBeNull(); // its tag knowledge predates the gap: not provable
        expect((await A.get('G2', c2))?.value).toStrictEqual(fetchValue('g2', ['g2']));
      }
    } finally {
      srv.resume();
    }
    expect(await waitUntil(() => A.breaker.state === 'closed', 3000)).toBe(true);
    expect(await A.get('G1', c1)).toBeNull(); // and Redis agrees
  });
});

describe('Redis killed and restarted', () => {
  it('answers from L1 quickly while down, reconnects, replays, and treats Redis as the truth again', async () => {
    const srv = await startRedis();
    servers.push(srv);
    const logger = recordingLogger();
    const A = core(srv, {}, logger);
    expect(await A.ready()).toBe(true);
    const ctx = getCtx('APP_PAGE');
    await A.set('K', appPageValue('_N_T_/k,kt'), { cacheControl: PAGE_CC });
    expect(await A.get('K', ctx)).not.toBeNull();
    await srv.kill();
    await waitUntil(() => !A.store!.isReady(), 2000);
    const lat: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [res, ms] = await timed(() => A.get('K', ctx));
      lat.push(ms);
      expect(res?.value.html).toBe(appPageValue().html);
    }
    expect(Math.max(...lat)).toBeLessThan(TIMEOUT + MARGIN);
    expect(A.breaker.state).toBe('open');
    await A.revalidateTag('kt'); // queued
    expect(await A.get('K', ctx)).toBeNull();
    await srv.start();
    expect(await waitUntil(() => A.breaker.state === 'closed' && A.pending.size === 0, 5000)).toBe(true);
    const raw = new Redis(srv.url);
    try {
      expect(Number(await raw.hget(A.store!.tagKey('kt'), 'x'))).toBeGreaterThan(0); // replayed
      await A.set('K2', appPageValue('k2'), { cacheControl: PAGE_CC });
      expect(await raw.exists(A.store!.entryKey('K2'))).toBe(1);
    } finally {
      raw.disconnect();
    }
    expect(logger.lines.filter(([, l]) => l.includes('breaker open')).length).toBe(1);
    expect(logger.lines.filter(([, l]) => l.includes('breaker closed')).length).toBe(1);
  });
});

describe('round trips and secrets', () => {
  it('one Redis command per get once the entry tags are known (INFO commandstats), L1 hit, Redis hit, miss, soft tags', async () => {
    const srv = await startRedis();
    servers.push(srv);
    const A = core(srv, { timeoutMs: 1000 });
    const B = core(srv, { keyPrefix: A.cfg.keyPrefix, timeoutMs: 1000 });
    await Promise.all([A.ready(), B.ready()]);
    const fctx = getCtx('FETCH', { tags: ['c1'], softTags: ['_N_T_/a', '_N_T_/b', '_N_T_/c'] });
    await A.set('c-fetch', fetchValue('c', ['c1', 'c2']), { fetchCache: true, tags: ['c1', 'c2'] });
    await A.set('c-page', appPageValue('_N_T_/a,_N_T_/a/page,c3'), { cacheControl: PAGE_CC });
    await A.get('warm', fctx); // scripts loaded
    await B.get('warm', fctx);
    // Scripts declare every key they touch (KEYS), so the first read of an entry whose tags
    // neither the request nor this instance knows reads those tags' records with a second
    // command (HMGET, one per unknown tag, sent together); from then on the tags are known.
    let mon = await monitorCommands(srv.port);
    await B.get('c-fetch', fctx); // Redis payload; c2 unknown to B: + HMGET
    await B.get('c-page', getCtx('APP_PAGE')); // Redis payload; header tags unknown to B: + HMGETs
    const first = (await mon.stop()).map((a) => a[0].toLowerCase());
    expect(first).toEqual(['evalsha', 'hmget', 'evalsha', 'hmget', 'hmget', 'hmget']);
    expect(B.getStats().counters.roundTrips).toBe(5); // with the warm-up get
    mon = await monitorCommands(srv.port);
    await B.get('c-fetch', fctx); // L1 hit (validated)
    await B.get('c-page', getCtx('APP_PAGE')); // L1 hit
    await B.get('c-missing', fctx); // miss
    await A.get('c-page', getCtx('APP_PAGE')); // A wrote it: tags known
    B.l1.delete('c-fetch');
    await B.get('c-fetch', fctx); // Redis payload, tags known from the key->tags memo
    const cmds = (await mon.stop()).map((a) => a[0].toLowerCase());
    expect(cmds).toEqual(Array(5).fill('evalsha'));
    // INFO commandstats agrees on the top-level count
    const stats = await commandStats(srv.port);
    expect(stats.evalsha).toBeGreaterThanOrEqual(7);
    expect(B.getStats().counters.roundTrips).toBe(9);
    expect(B.getStats().counters.l1Hits).toBe(2);
    expect(B.getStats().counters.redisHits).toBe(3);
  });

  it('revalidateTag costs the same Redis work with 10 or 1000 entries under the tag (O(1) per tag)', async () => {
    const srv = await startRedis();
    servers.push(srv);
    const A = core(srv, { timeoutMs: 1000 });
    await A.ready();
    const total = async () => {
      const s = await commandStats(srv.port);
      delete s.info;
      return s;
    };
    const delta = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(Object.keys(b).filter((k) => (b[k] ?? 0) !== (a[k] ?? 0)).map((k) => [k, b[k] - (a[k] ?? 0)]));
    const cost = async (tag: string, entries: number) => {
      for (let i = 0; i < entries; i++) await A.set(`${tag}-${i}`, fetchValue('x', [tag]), { fetchCache: true, tags: [tag] });
      await A.revalidateTag('warm-up-scripts');
      const s0 = await total();
      await A.revalidateTag(tag);
      return delta(s0, await total());
    };
    const small = await cost('few', 10);
    const large = await cost('lots', 1000);
    expect(large).toEqual(small); // identical command counts, including the commands inside the script
    expect(Object.keys(large)).not.toContain('scan');
    expect(Object.values(large).reduce((a, b) => a + b, 0)).toBeLessThan(12);
  });

  it('works with a password in REDIS_URL and never exposes it', async () => {
    const srv = await startRedis({ args: ['--requirepass', 'S3cr3tPw'] });
    servers.push(srv);
    const url = `redis://:S3cr3tPw@127.0.0.1:${srv.port}`;
    const c = makeCore({ mode: 'standalone', redisUrl: url, keyPrefix: uniquePrefix('pw'), timeoutMs: 500 });
    cores.push(c);
    expect(await c.ready()).toBe(true);
    await c.set('pw', fetchValue(), { fetchCache: true, tags: ['x'] });
    expect(await c.get('pw', getCtx('FETCH'))).not.toBeNull();
    const health = await c.getHealth();
    expect(health.redis).toBe('up');
    expect(typeof health.latencyMs).toBe('number');
    const text = JSON.stringify(health) + JSON.stringify(c.getStats());
    expect(text).not.toContain('S3cr3tPw');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(String(srv.port));
  });
});
