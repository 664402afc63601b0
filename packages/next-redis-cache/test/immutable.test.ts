/**
 * Versioned per-user entries (`_immutable` + one `_slot:<id>` tag), on our own redis-server:
 * L1 hits make no Redis call at all (also with Redis paused), and successive versions in one
 * slot supersede each other in Redis and in every instance's L1.
 */
import { describe, it, expect } from 'vitest';
import { monitorCommands, rawCommand } from '../../../tests/helpers/redis-server';
import { IMMUTABLE_TAG, SLOT_TAG_PREFIX } from '../src/index.mjs';
import { getCtx, fetchValue, ownRedis, uniquePrefix, waitUntil } from './fixtures';

const redis = ownRedis({ timeoutMs: 100 });
const core = redis.core;

const userTags = (user: number) => [IMMUTABLE_TAG, `${SLOT_TAG_PREFIX}positions:${user}`, `user:${user}`];
const setCtxOf = (user: number) => ({ fetchCache: true, tags: userTags(user) });
const getCtxOf = (user: number) => getCtx('FETCH', { tags: userTags(user), softTags: ['_N_T_/layout', '_N_T_/dashboard'] });

async function keysOf(prefix: string, pattern: string) {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.raw.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 1000);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

describe('immutable entries', () => {
  it('the constants are the documented interface', () => {
    expect(IMMUTABLE_TAG).toBe('_immutable');
    expect(SLOT_TAG_PREFIX).toBe('_slot:');
  });

  it('an L1 hit makes zero Redis commands; a Redis read of it is validated as usual', async () => {
    const prefix = uniquePrefix('imm');
    const A = core(prefix);
    const B = core(prefix);
    await Promise.all([A.ready(), B.ready()]);
    await A.set('u1:v1', fetchValue('v1', userTags(1)), setCtxOf(1));
    await B.get('warm', getCtxOf(1)); // scripts loaded on B
    const mon = await monitorCommands(redis.srv.port);
    for (let i = 0; i < 50; i++) expect((await A.get('u1:v1', getCtxOf(1)))?.value).toStrictEqual(fetchValue('v1', userTags(1)));
    await new Promise((r) => setTimeout(r, 50)); // let MONITOR deliver anything A may have sent
    const onA = [...mon.seen];
    expect((await B.get('u1:v1', getCtxOf(1)))?.value).toStrictEqual(fetchValue('v1', userTags(1))); // from Redis
    expect(await waitUntil(() => mon.seen.length > onA.length, 2000)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const afterB = mon.seen.length;
    for (let i = 0; i < 50; i++) await B.get('u1:v1', getCtxOf(1)); // now B's L1
    const seen = await mon.stop();
    expect(onA).toEqual([]);
    expect(seen.slice(afterB)).toEqual([]); // B's L1 hits: nothing either
    expect(seen.map((a) => a[0].toLowerCase())).toContain('evalsha'); // the one read from Redis
    expect(A.getStats().counters.immutableHits).toBe(50);
    expect(A.getStats().counters.roundTrips).toBe(0);
    expect(B.getStats().counters.immutableHits).toBe(50);
  });

  it('with Redis paused (CLIENT PAUSE ALL) an L1 copy is served within microseconds; a normal entry waits for the budget', async () => {
    const prefix = uniquePrefix('imm-pause');
    const A = core(prefix, { breakerThreshold: 1000 });
    await A.ready();
    await A.set('u2:v1', fetchValue('v1', userTags(2)), setCtxOf(2));
    await A.set('plain', fetchValue('p', ['shared']), { fetchCache: true, tags: ['shared'] });
    await A.get('plain', getCtx('FETCH', { tags: ['shared'] }));
    expect(await rawCommand(redis.srv.port, ['CLIENT', 'PAUSE', '1500', 'ALL'])).toMatch(/^\+OK/);
    try {
      const lat: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const t0 = performance.now();
        const res = await A.get('u2:v1', getCtxOf(2));
        lat.push((performance.now() - t0) * 1000);
        expect(res).not.toBeNull();
      }
      lat.sort((a, b) => a - b);
      expect(lat[Math.floor(lat.length / 2)]).toBeLessThan(100); // µs (p50; ~2-20 µs idle)
      expect(lat[Math.floor(lat.length * 0.99)]).toBeLessThan(2000);
      const t0 = performance.now();
      await A.get('plain', getCtx('FETCH', { tags: ['shared'] }));
      expect(performance.now() - t0).toBeGreaterThanOrEqual(95); // validated entries wait on Redis
      expect(A.getStats().counters.immutableHits).toBe(2000);
    } finally {
      await rawCommand(redis.srv.port, ['PING'], 3000); // answered once the pause ends
    }
  });

  it('revalidateTag without durations still drops L1 and Redis copies by tag', async () => {
    const prefix = uniquePrefix('imm-tag');
    const A = core(prefix);
    const B = core(prefix);
    await Promise.all([A.ready(), B.ready()]);
    await A.set('u3:v1', fetchValue('v1', userTags(3)), setCtxOf(3));
    expect(await B.get('u3:v1', getCtxOf(3))).not.toBeNull(); // in B's L1 now
    await A.revalidateTag('user:3');
    expect(await A.get('u3:v1', getCtxOf(3))).toBeNull(); // local L1 copy dropped, Redis says expired
    expect(await waitUntil(() => !B.l1.map.has('u3:v1'), 2000)).toBe(true); // pub/sub dropped B's copy
    expect(await B.get('u3:v1', getCtxOf(3))).toBeNull();
  });
});

describe('slots bound memory', () => {
  it('1,000 successive versions in one slot leave one entry in Redis and in the L1 (bytes measured)', async () => {
    const prefix = uniquePrefix('slot');
    const A = core(prefix, { timeoutMs: 2000 });
    await A.ready();
    const oneEntryBytes = async () => {
      await A.set('probe', fetchValue('x'.repeat(2000), ['_probe']), { fetchCache: true, tags: ['_probe'] });
      return Number(await redis.raw.memory('USAGE', A.store!.entryKey('probe', 'FETCH')));
    };
    const single = await oneEntryBytes();
    const l1Before = A.l1.bytes;
    for (let v = 0; v < 1000; v++) await A.set(`u4:v${v}`, fetchValue('x'.repeat(2000) + v, userTags(4)), setCtxOf(4));
    const entries = await keysOf(prefix, 'd:*u4:v*');
    expect(entries).toEqual([A.store!.entryKey('u4:v999', 'FETCH')]);
    expect(await redis.raw.get(A.store!.slotKey(`${SLOT_TAG_PREFIX}positions:4`))).toBe(A.store!.entryKey('u4:v999', 'FETCH'));
    let bytes = 0;
    for (const k of await keysOf(prefix, '*u4*')) bytes += Number(await redis.raw.memory('USAGE', k));
    expect(bytes).toBeLessThan(single * 1.5); // ~one entry, not 1,000
    expect([...A.l1.map.keys()].filter((k) => k.startsWith('u4:'))).toEqual(['u4:v999']);
    expect(A.l1.bytes - l1Before).toBeLessThan(3 * 2000); // one entry's payload plus overhead
    expect(A.getStats().counters.slotSupersedes).toBe(999);
    expect((await A.get('u4:v999', getCtxOf(4)))?.value).toStrictEqual(fetchValue('x'.repeat(2000) + 999, userTags(4)));
    expect(await A.get('u4:v998', getCtxOf(4))).toBeNull();
  });

  it('across two instances writing and reading alternately: one entry in Redis, at most one per slot in each L1', async () => {
    const prefix = uniquePrefix('slot2');
    // a generous budget: a write whose reply comes after the deadline is not counted as a supersede
    const A = core(prefix, { timeoutMs: 2000 });
    const B = core(prefix, { timeoutMs: 2000 });
    await Promise.all([A.ready(), B.ready()]);
    for (let v = 0; v < 1000; v++) {
      const [writer, reader] = v % 2 === 0 ? [A, B] : [B, A];
      await writer.set(`u5:v${v}`, fetchValue(`v${v}`, userTags(5)), setCtxOf(5));
      expect((await reader.get(`u5:v${v}`, getCtxOf(5)))?.value).toStrictEqual(fetchValue(`v${v}`, userTags(5)));
    }
    expect(await keysOf(prefix, 'd:*u5:v*')).toEqual([A.store!.entryKey('u5:v999', 'FETCH')]);
    for (const c of [A, B]) expect([...c.l1.map.keys()].filter((k) => k.startsWith('u5:'))).toEqual(['u5:v999']);
    expect(A.getStats().counters.slotSupersedes + B.getStats().counters.slotSupersedes).toBe(999);
  });
});
