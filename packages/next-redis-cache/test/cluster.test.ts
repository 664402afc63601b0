/**
 * The same core behaviours against a real 3-master Redis Cluster (own processes, started with
 * `redis-cli --cluster create`): no CROSSSLOT errors, keys spread over masters, tags across
 * instances, soft tags, one logical round trip per get once the entry's tags are known.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Redis } from 'ioredis';
import { startCluster, type RedisCluster } from '../../../tests/helpers/redis-server';
import { CacheCore } from '../src/handler.mjs';
import { parseClusterNodes } from '../src/config.mjs';
import { allKinds, getCtx, makeCore, fetchValue, appPageValue, fetchIsStale, PAGE_CC, uniquePrefix } from './fixtures';

let cluster: RedisCluster;
const cores: CacheCore[] = [];
const prefix = uniquePrefix('cluster');
let A: CacheCore;
let B: CacheCore;

function core() {
  const c = makeCore({ mode: 'cluster', clusterNodes: parseClusterNodes(cluster.seeds), keyPrefix: prefix, timeoutMs: 1000 });
  cores.push(c);
  return c;
}

beforeAll(async () => {
  cluster = await startCluster(3);
  A = core();
  B = core();
  expect(await A.ready(10_000)).toBe(true);
  expect(await B.ready(10_000)).toBe(true);
});

afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  await cluster?.stop();
});

describe('Redis Cluster (3 masters)', () => {
  it('every kind round-trips exactly', async () => {
    for (const [kind, { data, ctx }] of Object.entries(allKinds())) {
      await A.set(`c-${kind}`, data, ctx);
      expect((await B.get(`c-${kind}`, getCtx(kind)))?.value, kind).toStrictEqual(data);
      expect((await B.get(`c-${kind}`, getCtx(kind)))?.value, kind).toStrictEqual(data);
    }
  });

  it('entries spread over at least 2 masters; no CROSSSLOT or other errors anywhere', async () => {
    for (let i = 0; i < 40; i++) await A.set(`spread-${i}`, fetchValue(`s${i}`, [`tag-${i % 7}`]), { fetchCache: true, tags: [`tag-${i % 7}`] });
    await A.revalidateTag(['tag-1', 'tag-2', 'tag-3', 'tag-4'], { expire: 60 });
    for (let i = 0; i < 40; i++) await B.get(`spread-${i}`, getCtx('FETCH', { tags: [`tag-${i % 7}`], softTags: ['_N_T_/x', '_N_T_/y'] }));
    const perNode: number[] = [];
    for (const n of cluster.nodes) {
      const r = new Redis({ port: n.port, host: '127.0.0.1' });
      let count = 0;
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}[ed]:*`, 'COUNT', 1000);
        cursor = next;
        count += keys.length;
      } while (cursor !== '0');
      perNode.push(count);
      r.disconnect();
    }
    expect(perNode.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(perNode.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
    expect(A.getStats().counters.errors).toBe(0);
    expect(B.getStats().counters.errors).toBe(0);
  });

  it('SWR, expiry and updateTag across instances; soft tags', async () => {
    const ctx = getCtx('FETCH', { tags: ['cswr'], softTags: ['_N_T_/cdash'] });
    await A.set('cswr', fetchValue('old', ['cswr']), { fetchCache: true, tags: ['cswr'] });
    expect(fetchIsStale(await B.get('cswr', ctx))).toBe(false);
    await A.revalidateTag(['cswr'], { expire: 31536000 });
    expect(fetchIsStale(await B.get('cswr', ctx))).toBe(true);
    await B.set('cswr', fetchValue('new', ['cswr']), { fetchCache: true, tags: ['cswr'] });
    expect(fetchIsStale(await A.get('cswr', ctx))).toBe(false);
    await A.revalidateTag('_N_T_/cdash');
    expect(await B.get('cswr', ctx)).toBeNull();

    await A.set('cpage', appPageValue('_N_T_/cp,_N_T_/cp/page,cpt'), { cacheControl: PAGE_CC });
    expect(await B.get('cpage', getCtx('APP_PAGE'))).not.toBeNull();
    await A.revalidateTag('_N_T_/cp');
    expect(await B.get('cpage', getCtx('APP_PAGE'))).toBeNull();
    expect(A.getStats().counters.errors + B.getStats().counters.errors).toBe(0);
  });

  it('tags with braces do not become hash tags', async () => {
    await A.set('cweird', appPageValue('_N_T_/cw,{same},we{ird}%t'), { cacheControl: PAGE_CC });
    expect(await B.get('cweird', getCtx('APP_PAGE'))).not.toBeNull();
    await A.revalidateTag('we{ird}%t');
    expect(await B.get('cweird', getCtx('APP_PAGE'))).toBeNull();
    expect(A.getStats().counters.errors + B.getStats().counters.errors).toBe(0);
  });

  it('zero stale reads across instances over 100 trials', async () => {
    let bad = 0;
    const ctx = getCtx('FETCH', { tags: ['ctrial'], softTags: ['_N_T_/ct'] });
    for (let i = 0; i < 100; i++) {
      await A.set('ctrial', fetchValue(`v${i}`, ['ctrial']), { fetchCache: true, tags: ['ctrial'] });
      const before = await B.get('ctrial', ctx);
      if (!before || fetchIsStale(before) || JSON.parse(before.value.data.body).body !== `v${i}`) bad++;
      await A.revalidateTag(i % 2 ? '_N_T_/ct' : 'ctrial');
      if ((await B.get('ctrial', ctx)) !== null) bad++;
    }
    expect(bad).toBe(0);
  });

  it('slots supersede older versions across hash slots; immutable L1 hits make no round trip; wrong-type keys are misses, not errors', async () => {
    const tags = ['_immutable', '_slot:cu1', 'cuser:1'];
    for (let v = 0; v < 50; v++) await (v % 2 ? A : B).set(`cu1:v${v}`, fetchValue(`v${v}`, tags), { fetchCache: true, tags });
    let entries = 0;
    for (const n of cluster.nodes) {
      const r = new Redis({ port: n.port, host: '127.0.0.1' });
      entries += (await r.keys(`${prefix}d:*cu1:v*`)).length;
      r.disconnect();
    }
    expect(entries).toBe(1);
    const rt = A.getStats().counters.roundTrips;
    for (let i = 0; i < 5; i++) expect((await A.get('cu1:v49', getCtx('FETCH', { tags })))?.value).toStrictEqual(fetchValue('v49', tags));
    expect(A.getStats().counters.roundTrips).toBe(rt); // A wrote it: L1, no Redis
    const raw = new Redis.Cluster([{ host: '127.0.0.1', port: cluster.nodes[0].port }]);
    try {
      await raw.set(A.store!.tagKey('cbad'), 'x');
      await raw.lpush(A.store!.entryKey('cbadentry', 'FETCH'), 'x');
    } finally {
      raw.disconnect();
    }
    await A.set('con-bad', fetchValue('b', ['cbad']), { fetchCache: true, tags: ['cbad'] });
    expect(await B.get('con-bad', getCtx('FETCH', { tags: ['cbad'] }))).toBeNull();
    expect(await B.get('cbadentry', getCtx('FETCH'))).toBeNull();
    await B.revalidateTag('cbad');
    await A.set('con-bad', fetchValue('b2', ['cbad']), { fetchCache: true, tags: ['cbad'] });
    expect((await B.get('con-bad', getCtx('FETCH', { tags: ['cbad'] })))?.value).toStrictEqual(fetchValue('b2', ['cbad']));
    expect(A.breaker.state).toBe('closed');
    expect(B.breaker.state).toBe('closed');
    expect(B.getStats().counters.malformedEntries).toBe(1);
  });

  it('every command a script runs touches only keys it declared (MONITOR on every node)', async () => {
    const mons = await Promise.all(
      cluster.nodes.map(async (n) => {
        const conn = new Redis({ port: n.port, host: '127.0.0.1' });
        const mon = await conn.monitor();
        const lines: Array<{ lua: boolean; args: string[] }> = [];
        mon.on('monitor', (_t: string, args: string[], source: string) => lines.push({ lua: /lua/i.test(source), args }));
        return { conn, mon, lines };
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const tags = ['_immutable', '_slot:ck', 'ckt'];
    await A.set('ck:v1', fetchValue('1', tags), { fetchCache: true, tags });
    await A.set('ck:v2', fetchValue('2', tags), { fetchCache: true, tags });
    await A.set('ckp', appPageValue('_N_T_/ck,ckt2'), { cacheControl: PAGE_CC });
    await B.get('ck:v2', getCtx('FETCH', { tags }));
    await B.get('ckp', getCtx('APP_PAGE'));
    await A.revalidateTag(['ckt', 'ckt2'], { expire: 60 });
    await new Promise((r) => setTimeout(r, 100));
    let inside = 0;
    for (const { conn, mon, lines } of mons) {
      mon.disconnect();
      conn.disconnect();
      let declared = new Set<string>();
      for (const { lua, args } of lines) {
        const cmd = args[0].toLowerCase();
        if (!lua) {
          declared = cmd === 'evalsha' || cmd === 'eval' ? new Set(args.slice(3, 3 + Number(args[2]))) : new Set();
          continue;
        }
        inside++;
        if (cmd === 'time' || cmd === 'publish') continue;
        expect(declared.has(args[1]), args.join(' ')).toBe(true);
      }
    }
    expect(inside).toBeGreaterThan(10);
  });

  it('one logical round trip per get once the entry tags are known', async () => {
    await A.set('crt', appPageValue('_N_T_/crt,crt1,crt2'), { cacheControl: PAGE_CC });
    const c = core(); // fresh instance: knows nothing about the key
    await c.ready(10_000);
    await c.get('crt', getCtx('APP_PAGE')); // first read discovers the tags (2 round trips)
    const before = c.getStats().counters.roundTrips;
    for (let i = 0; i < 5; i++) expect(await c.get('crt', getCtx('APP_PAGE'))).not.toBeNull();
    expect(c.getStats().counters.roundTrips - before).toBe(5);
    expect(c.getStats().counters.l1Hits).toBe(5);
  });
});
