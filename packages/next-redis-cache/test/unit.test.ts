/** Pure units (no Redis): codec, tag records, L1, breaker, config, and the L1-only handler. */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { encode, decode } from '../src/serialize.mjs';
import { applyOp, evaluate, mergeRecords, emptyRecord, strongerOp, foldRecord, TagBook, HybridClock } from '../src/tags.mjs';
import { L1Cache } from '../src/l1.mjs';
import { CircuitBreaker } from '../src/breaker.mjs';
import { loadConfig, parseClusterNodes, describeConfig } from '../src/config.mjs';
import { allKinds, getCtx, makeCore, fetchValue, appPageValue, fetchIsStale, PAGE_CC, sleep } from './fixtures';

describe('binary codec', () => {
  it('round-trips every Next value kind exactly (Buffers, Maps, undefined)', () => {
    for (const [kind, { data, ctx }] of Object.entries(allKinds())) {
      const bytes = encode(data, { ttl: 10 });
      const { v, m } = decode(bytes);
      expect(v, kind).toStrictEqual(data);
      expect(m).toEqual({ ttl: 10 });
      void ctx;
    }
    const page = decode(encode(appPageValue())).v as ReturnType<typeof appPageValue>;
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    expect(page.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(page.segmentData.get('/_index'))).toBe(true);
    expect('postponed' in page).toBe(true);
  });

  it('stores binary as raw bytes (no base64): size ~ payload + small header', () => {
    const big = randomBytes(1_000_000);
    const bytes = encode({ kind: 'APP_ROUTE', body: big, status: 200, headers: {} });
    expect(bytes.length).toBeLessThan(big.length + 200);
    expect(bytes.includes(big)).toBe(true); // the raw bytes are in there verbatim
    // and long HTML is not JSON-escaped
    const html = '"quoted"\n'.repeat(10_000);
    expect(encode({ html }).length).toBeLessThan(Buffer.byteLength(html) + 200);
  });

  it('handles edge values and rejects garbage', () => {
    const odd = { a: NaN, b: Infinity, c: -0, d: new Date(5), e: new Set([1, 'x']), f: new Uint8Array([1, 2]), g: { '\u0000': 'trap', h: 1 }, s: 'x'.repeat(300) + '\ud800' };
    expect(decode(encode(odd)).v).toStrictEqual(odd);
    expect(() => encode({ f: () => 1 })).toThrow();
    expect(() => decode(Buffer.from('nope'))).toThrow();
    const b = encode({ x: Buffer.from('abc') });
    expect(() => decode(b.subarray(0, b.length - 1))).toThrow();
  });
});

describe('tag records', () => {
  const W = 1_000_000;
  it('expire op: entries written before are expired, after are fresh', () => {
    const r = applyOp(emptyRecord(), { kind: 'expire' }, W + 10);
    expect(evaluate(W, [r], W + 20)).toBe('expired');
    expect(evaluate(W + 11, [r], W + 20)).toBe('fresh');
  });
  it('stale op with expire: stale now, expired after the duration', () => {
    const r = applyOp(emptyRecord(), { kind: 'stale', expire: 5 }, W + 10);
    expect(evaluate(W, [r], W + 20)).toBe('stale');
    expect(evaluate(W, [r], W + 10 + 5e6)).toBe('expired');
    expect(evaluate(W + 11, [r], W + 10 + 5e6)).toBe('fresh'); // written after the change
  });
  it('stale without expire stays stale; a later stale op never weakens an earlier expire', () => {
    const s = applyOp(emptyRecord(), { kind: 'stale' }, W + 10);
    expect(evaluate(W, [s], W + 1e12)).toBe('stale');
    const x = applyOp(emptyRecord(), { kind: 'expire' }, W + 10);
    const both = applyOp(x, { kind: 'stale', expire: 3600 }, W + 20);
    expect(evaluate(W, [both], W + 30)).toBe('expired');
    expect(evaluate(W + 15, [both], W + 30)).toBe('stale');
  });
  it('merge is commutative and keeps the strongest information', () => {
    const a = applyOp(emptyRecord(), { kind: 'stale', expire: 100 }, 10);
    const b = applyOp(emptyRecord(), { kind: 'stale', expire: 10 }, 20);
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    const m = mergeRecords(a, b);
    expect(m.p).toBe(20);
    expect(m.pa).toBe(20 + 10e6);
    expect(foldRecord(m, 20 + 10e6).x).toBe(20);
  });
  it('strongerOp: expire beats stale, sooner expiry beats later', () => {
    expect(strongerOp({ kind: 'stale', expire: 5 }, { kind: 'expire' })).toEqual({ kind: 'expire' });
    expect(strongerOp({ kind: 'expire' }, { kind: 'stale' })).toEqual({ kind: 'expire' });
    expect(strongerOp({ kind: 'stale', expire: 50 }, { kind: 'stale', expire: 5 })).toEqual({ kind: 'stale', expire: 5 });
    expect(strongerOp(undefined, { kind: 'stale' })).toEqual({ kind: 'stale' });
  });
  it('TagBook: confirmations are per subscriber generation; authoritative floor after eviction', () => {
    const book = new TagBook({ authoritative: false, maxTtlUs: 1e9 });
    book.merge('t', { s: 5, x: 0, p: 0, pa: 0 }, book.gen);
    expect(book.lookup('t', true)).toEqual({ s: 5, x: 0, p: 0, pa: 0 });
    book.bumpGeneration();
    expect(book.lookup('t', true)).toBeNull();
    expect(book.lookup('u', true)).toBeUndefined();
    const auth = new TagBook({ authoritative: true, maxTtlUs: 1e9, maxTags: 2 });
    auth.apply('a', { kind: 'expire' }, 100);
    auth.apply('b', { kind: 'expire' }, 200);
    auth.apply('c', { kind: 'expire' }, 300);
    expect(auth.size).toBe(2);
    expect(auth.lookup('a', false)).toEqual({ s: 100, x: 100, p: 0, pa: 0 });
    auth.prune(100 + 1e9 + 1);
    expect(auth.size).toBe(2);
    auth.prune(300 + 1e9 + 1);
    expect(auth.size).toBe(0);
  });
  it('HybridClock is strictly increasing and stays ahead of observed times', () => {
    const c = new HybridClock();
    const a = c.now();
    const b = c.now();
    expect(b).toBeGreaterThan(a);
    c.observe(b + 5e9);
    expect(c.now()).toBeGreaterThan(b + 5e9);
  });
});

describe('L1 cache', () => {
  const entry = (n: number, tags: string[] = []) => ({ bytes: Buffer.alloc(n), written: 1, tags, local: true, expiresAt: Date.now() + 60_000 });
  it('is bounded in bytes and evicts least recently used', () => {
    const l1 = new L1Cache(10_000);
    for (let i = 0; i < 10; i++) l1.set(`k${i}`, entry(2000));
    expect(l1.bytes).toBeLessThanOrEqual(10_000);
    expect(l1.get('k0')).toBeUndefined();
    expect(l1.get('k9')).toBeDefined();
    expect(l1.evictions).toBeGreaterThan(0);
    expect(l1.set('huge', entry(20_000))).toBe(false);
  });
  it('indexes tags and drops by tag; honours expiry', () => {
    const l1 = new L1Cache(1e6);
    l1.set('a', entry(10, ['t1']));
    l1.set('b', { ...entry(10, ['t1', 't2']), written: 50 });
    expect(l1.deleteByTag('t1', 20)).toBe(1);
    expect(l1.get('a')).toBeUndefined();
    expect(l1.get('b')).toBeDefined();
    l1.set('c', { ...entry(10), expiresAt: Date.now() - 1 });
    expect(l1.get('c')).toBeUndefined();
    l1.delete('b');
    expect(l1.bytes).toBe(0);
    expect(l1.byTag.size).toBe(0);
  });
  it('prune keeps the tag records live L1 entries refer to (own and request tags), also never-changed ones', () => {
    const l1 = new L1Cache(1e6);
    l1.set('a', entry(10, ['own']));
    l1.noteRequestTags('a', ['own', '_N_T_/soft']);
    l1.set('b', entry(10, ['gone']));
    l1.noteRequestTags('b', ['_N_T_/soft', '_N_T_/b']);
    const sized = l1.bytes;
    l1.delete('b');
    expect(l1.refersTo('own') && l1.refersTo('_N_T_/soft')).toBe(true);
    expect(l1.refersTo('gone') || l1.refersTo('_N_T_/b')).toBe(false);
    expect(l1.bytes).toBeLessThan(sized);
    const book = new TagBook({ authoritative: false, maxTtlUs: 1e9 });
    for (const t of ['own', '_N_T_/soft', 'gone', '_N_T_/b']) book.merge(t, emptyRecord(), book.gen); // never changed
    book.merge('recent', { s: 0, x: 5e9, p: 0, pa: 0 }, book.gen);
    book.prune(5e9 + 1, (t) => l1.refersTo(t));
    expect(book.lookup('own', true)).toEqual(emptyRecord()); // still confirmed
    expect(book.lookup('_N_T_/soft', true)).toEqual(emptyRecord());
    expect(book.lookup('gone', true)).toBeUndefined();
    expect(book.lookup('_N_T_/b', true)).toBeUndefined();
    expect(book.lookup('recent', true)?.x).toBe(5e9); // changed within the max TTL: kept
    l1.clear();
    book.prune(5e9 + 1, (t) => l1.refersTo(t));
    expect(book.size).toBe(1);
  });
});

describe('circuit breaker', () => {
  it('closed -> open after N failures -> half-open probe -> closed', async () => {
    let ok = false;
    const changes: string[] = [];
    const b = new CircuitBreaker({ threshold: 3, cooldownMs: 30, probe: async () => { if (!ok) throw new Error('down'); }, onChange: (s) => changes.push(s) });
    b.failure(new Error('x'));
    b.failure(new Error('x'));
    expect(b.state).toBe('closed');
    b.success();
    b.failure(new Error('x'));
    b.failure(new Error('x'));
    expect(b.state).toBe('closed');
    b.failure(new Error('x'));
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    await sleep(60);
    expect(b.state).toBe('open'); // probe failed, re-armed
    expect(b.probes).toBeGreaterThanOrEqual(1);
    ok = true;
    await sleep(60);
    expect(b.state).toBe('closed');
    expect(changes).toEqual(['open', 'closed']);
    b.stop();
  });
});

describe('config', () => {
  it('parses env with defaults and invalid values', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('disabled');
    expect(c.keyPrefix).toBe('stakeeasy:');
    expect(c.timeoutMs).toBe(150);
    expect(c.l1MaxBytes).toBe(64 * 1024 * 1024);
    expect(c.maxEntryBytes).toBe(5 * 1024 * 1024);
    expect(c.maxTtlSeconds).toBe(14 * 24 * 3600);
    const d = loadConfig({ REDIS_URL: 'rediss://u:secret@h:6380/2', CACHE_REDIS_TIMEOUT_MS: 'abc', CACHE_L1_MAX_BYTES: '1000' });
    expect(d.mode).toBe('standalone');
    expect(d.timeoutMs).toBe(150);
    expect(d.warnings.length).toBe(1);
    expect(d.l1MaxBytes).toBe(1000);
    expect(JSON.stringify(describeConfig(d))).not.toContain('secret');
    expect(loadConfig({ REDIS_URL: 'redis://x', CACHE_SHARED: 'off' }).mode).toBe('disabled');
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:1,b:2', REDIS_URL: 'redis://x' }).mode).toBe('cluster');
    expect(parseClusterNodes('10.0.0.1:7000, [::1]:7001,redis://h:7002,host')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: '::1', port: 7001 },
      { host: 'h', port: 7002 },
      { host: 'host', port: 6379 },
    ]);
  });
});

describe('L1-only handler (no REDIS_URL): tag semantics in process', () => {
  const cores: Array<ReturnType<typeof makeCore>> = [];
  afterEach(async () => {
    while (cores.length) await cores.pop()!.close();
  });
  const core = (cfg: Record<string, unknown> = {}) => {
    const c = makeCore(cfg);
    cores.push(c);
    return c;
  };

  it('round-trips every kind', async () => {
    const c = core();
    expect(c.cfg.mode).toBe('disabled');
    for (const [kind, { data, ctx }] of Object.entries(allKinds())) {
      await c.set(`k-${kind}`, data, ctx);
      const res = await c.get(`k-${kind}`, getCtx(kind));
      expect(res?.value, kind).toStrictEqual(data);
    }
    expect(c.getStats().counters.l1Hits).toBe(6);
  });

  it('SWR vs expire, soft tags, set-after-change fresh', async () => {
    const c = core();
    await c.set('f', fetchValue(), { fetchCache: true, tags: ['products'] });
    expect(fetchIsStale(await c.get('f', getCtx('FETCH')))).toBe(false);
    await c.revalidateTag(['products'], { expire: 1 });
    const stale = await c.get('f', getCtx('FETCH'));
    expect(stale?.value).toStrictEqual(fetchValue());
    expect(fetchIsStale(stale)).toBe(true);
    await sleep(1100);
    expect(await c.get('f', getCtx('FETCH'))).toBeNull();
    await c.set('f', fetchValue('v2'), { fetchCache: true, tags: ['products'] });
    expect(fetchIsStale(await c.get('f', getCtx('FETCH')))).toBe(false);
    await c.revalidateTag('products');
    expect(await c.get('f', getCtx('FETCH'))).toBeNull();
    await c.set('p', appPageValue(), { cacheControl: PAGE_CC });
    await c.revalidateTag(['_N_T_/dashboard']);
    expect(await c.get('p', getCtx('APP_PAGE'))).toBeNull();
    await c.set('f2', fetchValue(), { fetchCache: true, tags: ['other'] });
    await c.revalidateTag(['_N_T_/dashboard']); // soft tag arrives only with the get ctx
    expect(await c.get('f2', getCtx('FETCH'))).toBeNull();
    expect(await c.get('f2', getCtx('FETCH', { softTags: ['_N_T_/elsewhere'] }))).not.toBeNull();
  });

  it('size cap and byte-bounded L1', async () => {
    const c = core({ maxEntryBytes: 50_000, l1MaxBytes: 200_000 });
    await c.set('big', { kind: 'APP_ROUTE', body: randomBytes(60_000), status: 200, headers: {} }, { cacheControl: PAGE_CC });
    expect(await c.get('big', getCtx('APP_ROUTE'))).toBeNull();
    expect(c.getStats().counters.oversizeSkips).toBe(1);
    for (let i = 0; i < 20; i++) await c.set(`r${i}`, { kind: 'APP_ROUTE', body: randomBytes(30_000), status: 200, headers: {} }, { cacheControl: PAGE_CC });
    expect(c.getStats().l1.bytes).toBeLessThanOrEqual(200_000);
    expect(await c.get('r19', getCtx('APP_ROUTE'))).not.toBeNull();
    expect(await c.get('r0', getCtx('APP_ROUTE'))).toBeNull();
  });

  it('revalidate:false pages are reported stale through a 1 s revalidate', async () => {
    const c = core();
    await c.set('static', appPageValue('_N_T_/about,cms'), { cacheControl: { revalidate: false, expire: undefined } });
    await c.revalidateTag(['cms'], { expire: 31536000 });
    const res = await c.get('static', getCtx('APP_PAGE'));
    expect(res?.cacheControl).toEqual({ revalidate: 1, expire: undefined });
    expect(Date.now() - res!.lastModified).toBeGreaterThan(1000);
  });

  it('health and stats without Redis', async () => {
    const c = core();
    const h = await c.getHealth();
    expect(h.redis).toBe('disabled');
    expect(h.latencyMs).toBeNull();
    const registry = new (await import('prom-client')).Registry();
    await c.registerMetrics(registry);
    await c.registerMetrics(registry); // idempotent
    await c.get('nothing', getCtx('FETCH'));
    const text = await registry.metrics();
    expect(text).toContain('stakeeasy_cache_gets_total 1');
    expect(text).toContain('stakeeasy_cache_breaker_state 0');
    vi.restoreAllMocks();
  });
});

describe('build id', () => {
  it('resolves the build id from ctx, serverDistDir, or falls back to dev', async () => {
    const { resolveBuildId } = await import('../src/index.mjs');
    const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    expect(resolveBuildId({ buildId: 'from-ctx' })).toBe('from-ctx');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sec-bid-'));
    mkdirSync(path.join(dir, 'server'));
    writeFileSync(path.join(dir, 'BUILD_ID'), 'abc123\n');
    expect(resolveBuildId({ serverDistDir: path.join(dir, 'server') })).toBe('abc123');
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      expect(resolveBuildId({ serverDistDir: path.join(dir, 'nope', 'server') })).toBe('dev');
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
