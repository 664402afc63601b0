import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const rule = { name: `t${process.pid}`, max: 3, windowSeconds: 60 };

async function freshModule(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  (globalThis as { __stakeeasyRedis?: unknown }).__stakeeasyRedis = undefined;
  return import('@/lib/auth/rate-limit');
}

describe.each([
  ['in process', { REDIS_URL: undefined }],
  ['in Redis', { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' }],
])('rate limit %s', (_label, env) => {
  beforeEach(() => {
    process.env.CACHE_KEY_PREFIX = `test-rl-${process.pid}-${Date.now()}-${Math.random()}:`;
  });

  it('allows max attempts per window, then tells how long to wait', async () => {
    const { hit } = await freshModule(env);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(rule, 'a@example.com'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[4].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[4].retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await hit(rule, 'b@example.com')).allowed).toBe(true);
  });

  it('counts subjects case-insensitively and forgets after reset', async () => {
    const { hit, reset } = await freshModule(env);
    for (let i = 0; i < 3; i++) await hit(rule, 'Case@Example.com');
    expect((await hit(rule, 'case@example.com')).allowed).toBe(false);
    await reset(rule, 'CASE@example.com');
    expect((await hit(rule, 'case@example.com')).allowed).toBe(true);
  });
});

// In process only: the clock is passed in. Redis windows expire in real time (PEXPIRE).
describe('rate limit in process', () => {
  it('opens a new window when the old one ends', async () => {
    process.env.CACHE_KEY_PREFIX = `test-rl-window-${process.pid}-${Date.now()}:`;
    const { hit } = await freshModule({ REDIS_URL: undefined });
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) await hit(rule, 'w@example.com', t0);
    expect((await hit(rule, 'w@example.com', t0)).allowed).toBe(false);
    expect((await hit(rule, 'w@example.com', t0 + 61_000)).allowed).toBe(true);
  });
});

describe('rate limit shared through Redis', () => {
  it('two app instances (separate clients) share one counter', async () => {
    process.env.CACHE_KEY_PREFIX = `test-rl-shared-${process.pid}-${Date.now()}:`;
    const a = await freshModule({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    await a.hit(rule, 'shared@example.com');
    await a.hit(rule, 'shared@example.com');
    const b = await freshModule({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    expect((await b.hit(rule, 'shared@example.com')).allowed).toBe(true);
    expect((await b.hit(rule, 'shared@example.com')).allowed).toBe(false);
    const { redis } = await import('@/lib/redis');
    const stored = await redis()!.get(`${process.env.CACHE_KEY_PREFIX}rl:${rule.name}:shared@example.com`);
    expect(stored).toBe('4');
  });

  afterAll(() => {
    delete process.env.REDIS_URL;
  });
});

describe('per-instance backstop', () => {
  it('caps attempts in this process whatever the subject, then resets with the window', async () => {
    const { hitInstance } = await freshModule({});
    const backstop = { name: `backstop-${process.pid}-${Math.random()}`, max: 2, windowSeconds: 60 };
    const t0 = 1_000_000;
    expect([hitInstance(backstop, t0), hitInstance(backstop, t0 + 1), hitInstance(backstop, t0 + 2)].map((r) => r.allowed)).toEqual([true, true, false]);
    expect(hitInstance(backstop, t0 + 2).retryAfterSeconds).toBe(60);
    expect(hitInstance(backstop, t0 + 60_000).allowed).toBe(true);
  });
});
