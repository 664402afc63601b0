/**
 * Watches both instances' /api/health during the run (every 500 ms) and turns changes of the
 * cache's view of Redis into timeline events ("B: breaker open, redis down"), so a stale read or a
 * latency spike can be matched with what the cache was doing. Also the cache counters' growth
 * over the run (Redis timeouts, breaker openings).
 */
import { health, type NextServer } from '@/tests/helpers/chaos-app';

export interface CacheCounters {
  timeouts: number;
  errors: number;
  breakerOpens: number;
}

const counters = (cache: Record<string, unknown>): CacheCounters => ({
  timeouts: Number(cache.timeouts ?? 0),
  errors: Number(cache.errors ?? 0),
  breakerOpens: Number(cache.breakerOpens ?? 0),
});

export function watchHealth(servers: Record<'A' | 'B', NextServer>, event: (text: string) => void) {
  let running = true;
  const last: Record<string, string> = {};
  const first: Partial<Record<'A' | 'B', CacheCounters>> = {};
  const latest: Partial<Record<'A' | 'B', CacheCounters>> = {};
  const poll = async (name: 'A' | 'B', server: NextServer) => {
    while (running) {
      try {
        const { body } = await health(server);
        const state = `redis ${body.redis.status}, breaker ${body.cache.breaker}${Number(body.cache.pendingInvalidations) > 0 ? `, ${body.cache.pendingInvalidations} invalidations pending` : ''}`;
        if (last[name] !== undefined && last[name] !== state) event(`${name}: ${state}`);
        last[name] = state;
        latest[name] = counters(body.cache);
        first[name] ??= latest[name];
      } catch {
        if (last[name] !== 'no answer') event(`${name}: /api/health did not answer`);
        last[name] = 'no answer';
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const loops = [poll('A', servers.A), poll('B', servers.B)];
  return {
    async stop(): Promise<Record<'A' | 'B', CacheCounters>> {
      running = false;
      await Promise.all(loops);
      const delta = (n: 'A' | 'B'): CacheCounters => {
        const a = first[n] ?? { timeouts: 0, errors: 0, breakerOpens: 0 };
        const b = latest[n] ?? a;
        return { timeouts: b.timeouts - a.timeouts, errors: b.errors - a.errors, breakerOpens: b.breakerOpens - a.breakerOpens };
      };
      return { A: delta('A'), B: delta('B') };
    },
  };
}
