/**
 * The outage queue: invalidations made while Redis was unreachable reach Redis in the background
 * as soon as it answers again (no further cache call), and on SIGTERM before the process exits.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startRedis, type RedisServer } from '../../../tests/helpers/redis-server';
import { CacheCore } from '../src/handler.mjs';
import { getCtx, makeCore, fetchValue, uniquePrefix, waitUntil } from './fixtures';

const servers: RedisServer[] = [];
const cores: CacheCore[] = [];
function core(srv: RedisServer, prefix: string, extra: Record<string, unknown> = {}) {
  const c = makeCore({ mode: 'standalone', redisUrl: srv.url, keyPrefix: prefix, timeoutMs: 100, breakerThreshold: 3, ...extra });
  cores.push(c);
  return c;
}
afterAll(async () => {
  await Promise.allSettled(cores.map((c) => c.close()));
  await Promise.allSettled(servers.map((s) => s.stop()));
});

async function expireMark(url: string, key: string) {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return Number((await r.hget(key, 'x')) ?? 0);
  } finally {
    r.disconnect();
  }
}

describe('background replay', () => {
  let srv: RedisServer;
  beforeAll(async () => {
    srv = await startRedis();
    servers.push(srv);
  });

  it('Redis killed, invalidations queued, Redis back (empty): the records are in Redis within 1 s, with no cache call', async () => {
    const prefix = uniquePrefix('replay-kill');
    // a long breaker cooldown: the replay must not wait for it
    const A = core(srv, prefix, { breakerCooldownMs: 30_000 });
    await A.ready();
    await A.set('k', fetchValue('k', ['rk1']), { fetchCache: true, tags: ['rk1'] });
    await srv.kill();
    await waitUntil(() => !A.store!.isReady(), 2000);
    await A.revalidateTag(['rk1', 'rk2']);
    await A.revalidateTag('rk3', { expire: 0 });
    expect(A.pending.size).toBe(3);
    await new Promise((r) => setTimeout(r, 1500)); // let the reconnect backoff grow, as in a real outage
    await srv.start();
    const back = performance.now();
    const arrived = await waitUntil(async () => (await expireMark(srv.url, A.store!.tagKey('rk3'))) > 0, 3000, 20);
    const ms = performance.now() - back;
    expect(arrived).toBe(true);
    expect(ms).toBeLessThan(1000);
    for (const t of ['rk1', 'rk2']) expect(await expireMark(srv.url, A.store!.tagKey(t))).toBeGreaterThan(0);
    expect(A.pending.size).toBe(0);
    expect(A.getStats().counters.gets).toBe(0); // no cache call drove it
  });

  it('Redis paused (SIGSTOP) with the breaker open: replayed within 1 s of the resume, without waiting for the cooldown', async () => {
    const prefix = uniquePrefix('replay-pause');
    const A = core(srv, prefix, { breakerCooldownMs: 30_000 });
    const B = core(srv, prefix);
    await Promise.all([A.ready(), B.ready()]);
    await A.set('p', fetchValue('p', ['rp']), { fetchCache: true, tags: ['rp'] });
    expect(await B.get('p', getCtx('FETCH', { tags: ['rp'] }))).not.toBeNull();
    srv.pause();
    try {
      for (let i = 0; i < 3; i++) await A.get('p', getCtx('FETCH', { tags: ['rp'] })); // opens the breaker
      expect(A.breaker.state).not.toBe('closed');
      await A.revalidateTag('rp');
      expect(A.pending.size).toBe(1);
    } finally {
      srv.resume();
    }
    const back = performance.now();
    expect(await waitUntil(() => A.pending.size === 0, 3000, 10)).toBe(true);
    expect(performance.now() - back).toBeLessThan(1000);
    expect(await B.get('p', getCtx('FETCH', { tags: ['rp'] }))).toBeNull(); // B sees it in Redis
    expect(A.breaker.state).toBe('closed');
  });
});

describe('drain on SIGTERM', () => {
  const child = fileURLToPath(new URL('./support/drain-child.mjs', import.meta.url));

  async function run(mode: 'bare' | 'next') {
    const srv = await startRedis();
    servers.push(srv);
    const prefix = uniquePrefix(`drain-${mode}`);
    const p = spawn(process.execPath, [child, mode], {
      env: { ...process.env, REDIS_URL: srv.url, CACHE_KEY_PREFIX: prefix, CACHE_REDIS_TIMEOUT_MS: '100', CACHE_DRAIN_TIMEOUT_MS: '5000', REDIS_CLUSTER_NODES: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => p.once('exit', (code, signal) => r({ code, signal })));
    try {
      expect(await waitUntil(() => out.includes('ready\n'), 10_000)).toBe(true);
      srv.pause();
      p.stdin.write('invalidate dt\n');
      expect(await waitUntil(() => out.includes('queued 1'), 5000), out + err).toBe(true);
      p.kill('SIGTERM');
      // Redis stays unreachable a while after the signal: only a process that waits for it
      // can still bring the invalidation there.
      await new Promise((r) => setTimeout(r, 400));
      expect(p.exitCode).toBeNull();
      srv.resume();
      const res = await exited;
      expect(await expireMark(srv.url, `${prefix}t:dt`)).toBeGreaterThan(0);
      expect(out + err).toContain('drained 1 queued tag invalidation');
      return res;
    } finally {
      srv.resume();
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    }
  }

  it('a plain node process: drains, then dies by the signal as it would have', async () => {
    const res = await run('bare');
    expect(res.signal).toBe('SIGTERM');
  });

  it("next start's way (its own SIGTERM listener calls process.exit(143) soon): the exit waits for the drain", async () => {
    const res = await run('next');
    expect(res.code).toBe(143);
  });
});
