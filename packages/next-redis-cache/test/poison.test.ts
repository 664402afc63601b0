/**
 * Poisoned keys and error replies, on our own redis-server: a key of the wrong type where an
 * entry or a tag record should be, garbage payloads, OOM, READONLY. Only failures to reach Redis
 * feed the breaker; one bad key never takes an instance off Redis, and never makes it serve
 * something it cannot prove fresh.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Redis, ReplyError } from 'ioredis';
import { startRedis, type RedisServer } from '../../../tests/helpers/redis-server';
import { CacheCore } from '../src/handler.mjs';
import { classify, TimeoutError } from '../src/budget.mjs';
import { getCtx, makeCore, fetchValue, uniquePrefix, waitUntil } from './fixtures';

let srv: RedisServer;
let raw: Redis;
const servers: RedisServer[] = [];
const cores: CacheCore[] = [];
function core(url: string, prefix: string, extra: Record<string, unknown> = {}) {
  const c = makeCore({ mode: 'standalone', redisUrl: url, keyPrefix: prefix, timeoutMs: 150, breakerThreshold: 3, breakerCooldownMs: 250, ...extra });
  cores.push(c);
  return c;
}
const fctx = (tags: string[]) => getCtx('FETCH', { tags, softTags: [] });
const setCtx = (tags: string[]) => ({ fetchCache: true, tags });

beforeAll(async () => {
  srv = await startRedis();
  servers.push(srv);
  raw = new Redis(srv.url);
});
afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  raw.disconnect();
  await Promise.allSettled(servers.map((s) => s.stop()));
});

describe('error classification', () => {
  it('timeouts, connection errors and "cannot serve now" replies are connection failures; other replies are command errors', () => {
    expect(classify(new TimeoutError())).toBe('connection');
    expect(classify(new Error('Connection is closed.'))).toBe('connection');
    expect(classify(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('connection');
    expect(classify(new ReplyError('LOADING Redis is loading the dataset in memory'))).toBe('connection');
    expect(classify(new ReplyError('CLUSTERDOWN The cluster is down'))).toBe('connection');
    for (const m of ['WRONGTYPE Operation against a key holding the wrong kind of value', "OOM command not allowed when used memory > 'maxmemory'.", 'BUSY Redis is busy running a script', 'NOSCRIPT No matching script', "READONLY You can't write against a read only replica.", "CROSSSLOT Keys in request don't hash to the same slot", 'ERR Error running script']) {
      expect(classify(new ReplyError(m)), m).toBe('command');
    }
  });
});

describe('poisoned keys', () => {
  it('a wrong-type entry and a wrong-type tag record: healthy keys keep being served from Redis, the bad entry is a miss and deleted, entries on the bad tag miss until an invalidation overwrites it', async () => {
    const prefix = uniquePrefix('poison');
    const A = core(srv.url, prefix);
    const B = core(srv.url, prefix);
    await Promise.all([A.ready(), B.ready()]);
    await A.set('good', fetchValue('good', ['gt']), setCtx(['gt']));
    await A.set('on-bad-tag', fetchValue('obt', ['gt', 'badtag']), setCtx(['gt', 'badtag']));
    await raw.lpush(A.store!.entryKey('bad', 'FETCH'), 'not', 'a', 'hash');
    await raw.set(A.store!.tagKey('badtag'), 'a string where a hash should be');

    const rt0 = B.getStats().counters.roundTrips;
    for (let i = 0; i < 20; i++) {
      B.l1.clear(); // every read goes to Redis for its payload too
      expect((await B.get('good', fctx(['gt'])))?.value, `good ${i}`).toStrictEqual(fetchValue('good', ['gt']));
      expect(await B.get('on-bad-tag', fctx(['gt']))).toBeNull(); // cannot prove it fresh
      expect(await B.get('bad', fctx([]))).toBeNull();
    }
    const c = B.getStats().counters;
    expect(B.breaker.state).toBe('closed');
    expect(c.breakerOpens).toBe(0);
    expect(c.degradedGets).toBe(0);
    expect(c.redisHits).toBe(20);
    expect(c.roundTrips - rt0).toBeGreaterThanOrEqual(60);
    expect(c.malformedEntries).toBe(1); // deleted at the first read, absent afterwards
    expect(c.malformedRecords).toBe(20);
    expect(await raw.exists(A.store!.entryKey('bad', 'FETCH'))).toBe(0);
    expect(await raw.type(A.store!.tagKey('badtag'))).toBe('string'); // not silently dropped

    // the next invalidation of the tag overwrites the record; then the tag works again
    await A.revalidateTag('badtag');
    expect(await raw.type(A.store!.tagKey('badtag'))).toBe('hash');
    expect(await B.get('on-bad-tag', fctx(['gt']))).toBeNull(); // written before the repair
    await A.set('on-bad-tag', fetchValue('obt2', ['gt', 'badtag']), setCtx(['gt', 'badtag']));
    expect((await B.get('on-bad-tag', fctx(['gt'])))?.value).toStrictEqual(fetchValue('obt2', ['gt', 'badtag']));
    expect(B.breaker.state).toBe('closed');
    expect(A.breaker.state).toBe('closed');
  });

  it('a queued invalidation of a wrong-type tag record replays fine', async () => {
    const prefix = uniquePrefix('poison-q');
    const A = core(srv.url, prefix);
    await A.ready();
    await A.set('q', fetchValue('q', ['qt']), setCtx(['qt']));
    await raw.set(A.store!.tagKey('qt'), 'garbage');
    srv.pause();
    try {
      await A.revalidateTag('qt'); // times out: queued
      expect(A.pending.size).toBe(1);
    } finally {
      srv.resume();
    }
    expect(await waitUntil(() => A.pending.size === 0, 2000)).toBe(true);
    expect(await raw.type(A.store!.tagKey('qt'))).toBe('hash');
    expect(Number(await raw.hget(A.store!.tagKey('qt'), 'x'))).toBeGreaterThan(0);
    expect(await A.get('q', fctx(['qt']))).toBeNull();
    expect(A.getStats().counters.invalidationsReplayed).toBe(1);
  });

  it('a garbage payload, a hash with a non-numeric written-at, wrong-type clock and slot keys', async () => {
    const prefix = uniquePrefix('poison-misc');
    const A = core(srv.url, prefix);
    await A.ready();
    await raw.hset(A.store!.entryKey('garbled', 'FETCH'), 't', '123', 'g', '[]', 'v', 'not an envelope');
    expect(await A.get('garbled', fctx([]))).toBeNull();
    expect(await waitUntil(async () => (await raw.exists(A.store!.entryKey('garbled', 'FETCH'))) === 0, 2000)).toBe(true);
    await raw.hset(A.store!.entryKey('badtime', 'FETCH'), 't', 'yesterday', 'g', '[]', 'v', 'x');
    expect(await A.get('badtime', fctx([]))).toBeNull();
    expect(await raw.exists(A.store!.entryKey('badtime', 'FETCH'))).toBe(0);
    await raw.hset(A.store!.tagKey('numtag'), 's', 'NaN', 'x', '0');
    await A.set('n', fetchValue('n', ['numtag']), setCtx(['numtag']));
    expect(await A.get('n', fctx(['numtag']))).toBeNull(); // a non-numeric mark is not "no change"
    await raw.del(A.store!.clockKey);
    await raw.lpush(A.store!.clockKey, 'x');
    await raw.lpush(A.store!.slotKey('_slot:s1'), 'x');
    await A.set('w', fetchValue('w', ['_immutable', '_slot:s1']), setCtx(['_immutable', '_slot:s1']));
    A.l1.clear();
    expect((await A.get('w', fctx([])))?.value).toStrictEqual(fetchValue('w', ['_immutable', '_slot:s1']));
    expect(await raw.get(A.store!.slotKey('_slot:s1'))).toBe(A.store!.entryKey('w', 'FETCH'));
    await A.revalidateTag('numtag');
    expect(await raw.type(A.store!.clockKey)).toBe('string');
    expect(A.breaker.state).toBe('closed');
    expect(A.getStats().counters.breakerOpens).toBe(0);
  });
});

describe('error replies', () => {
  it('OOM: writes fail as command errors (breaker stays closed, reads still served from Redis), invalidations queue and replay when memory is back', async () => {
    const prefix = uniquePrefix('oom');
    const A = core(srv.url, prefix);
    await A.ready();
    await A.set('o', fetchValue('o', ['ot']), setCtx(['ot']));
    await raw.config('SET', 'maxmemory', '1');
    try {
      await A.set('o2', fetchValue('o2', ['ot']), setCtx(['ot']));
      expect(A.getStats().counters.commandErrors).toBeGreaterThanOrEqual(1);
      A.l1.clear();
      expect((await A.get('o', fctx(['ot'])))?.value).toStrictEqual(fetchValue('o', ['ot']));
      await A.revalidateTag('ot');
      expect(A.pending.size).toBe(1);
      expect(await A.get('o', fctx(['ot']))).toBeNull(); // never read Redis over a queued invalidation
      expect(A.breaker.state).toBe('closed');
    } finally {
      await raw.config('SET', 'maxmemory', '0');
    }
    expect(await waitUntil(() => A.pending.size === 0, 2000)).toBe(true);
    expect(Number(await raw.hget(A.store!.tagKey('ot'), 'x'))).toBeGreaterThan(0);
    expect(A.getStats().counters.breakerOpens).toBe(0);
  });

  it('READONLY (connected to a replica, as after a failover): a command error, and the client reconnects', async () => {
    const replica = await startRedis({ args: ['--replicaof', '127.0.0.1', String(srv.port)] });
    servers.push(replica);
    const A = core(replica.url, uniquePrefix('ro'));
    await A.ready();
    let reconnects = 0;
    A.store!.client.on('reconnecting', () => reconnects++);
    await A.set('r', fetchValue('r', ['rt']), setCtx(['rt']));
    expect(A.getStats().counters.commandErrors).toBe(1);
    expect(await waitUntil(() => reconnects > 0, 2000)).toBe(true);
    expect(A.breaker.state).toBe('closed');
    expect(await waitUntil(() => A.store!.isReady(), 3000)).toBe(true); // connected again
  });
});
