/**
 * Two users, two instances sharing one Redis: no answer to one user carries the other's data, and
 * shared (cached) public pages carry nobody's. Each user's e-mail, site name, balance and notes
 * are unique (see scripts/chaos/leaks.ts); every body below is scanned for them.
 * The order is chosen so each cache entry is filled by one user and then read by the other, on
 * the same instance (L1) and on the other one (Redis): user 0 always goes first, with a write in
 * between so the per-user entries are invalidated and rebuilt.
 * Proves also: per-user pages and the read-mark API are not publicly cacheable (Cache-Control),
 * public pages set no cookie, and the read-mark API answers each user about their own reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type ChaosUser, type Cluster } from '@/scripts/chaos/cluster';
import { LeakScanner } from '@/scripts/chaos/leaks';
import { Workload } from '@/scripts/chaos/workload';

let cluster: Cluster | undefined;
let scanner: LeakScanner;
let workload: Workload;
let first: ChaosUser;
let second: ChaosUser;

beforeAll(async () => {
  cluster = await startCluster(2, () => {});
  scanner = new LeakScanner(cluster.users);
  workload = new Workload(cluster, scanner, () => 'isolation');
  [first, second] = cluster.users;
}, 15 * 60_000); // may wait for another fault test's lock and build the app first

afterAll(async () => {
  await cluster?.stop();
});

const PER_USER = ['/dashboard', '/sites', '/transfers', '/transfers/new?type=DEPOSIT'];
const publicPaths = () => ['/', '/articles', ...cluster!.slugs.slice(0, 3).map((s) => `/articles/${s}`)];

describe('user isolation across two instances and a shared Redis', () => {
  it("no response to one user contains the other's data; shared pages contain nobody's", async () => {
    for (let round = 0; round < 2; round++) {
      for (const [instance, other] of [['A', 'B'], ['B', 'A']] as const) {
        // user 0 fills the caches, user 1 reads right after, here and on the other instance
        for (const path of PER_USER) await workload.request(instance, 'per-user', path, { user: first });
        for (const path of publicPaths()) await workload.request(instance, 'public', path, { user: first, shared: true });
        for (const path of PER_USER) {
          await workload.request(instance, 'per-user', path, { user: second });
          await workload.request(other, 'per-user', path, { user: second });
        }
        for (const path of publicPaths()) {
          await workload.request(instance, 'public', path, { user: second, shared: true });
          await workload.request(other, 'public', path, { shared: true });
        }
        await workload.write(first, instance);
        await workload.write(second, other);
      }
    }
    for (const user of [first, second]) {
      for (const op of ['dashboard', 'sites'] as const) for (const instance of ['A', 'B'] as const) await workload.step(user, instance, op);
    }
    expect(workload.writes.every((w) => w.outcome === 'acked'), JSON.stringify(workload.writes)).toBe(true);
    expect(workload.samples.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
    expect(scanner.scanned).toBeGreaterThan(100);
    expect(scanner.findings).toEqual([]);
    expect(workload.wrongContent).toEqual([]);
  });

  it('the read-mark API answers each user about their own reads only, on both instances', async () => {
    for (const instance of ['A', 'B'] as const) {
      for (const [user, slug, read] of [
        [first, first.readSlug, true],
        [second, first.readSlug, false],
        [second, second.readSlug, true],
        [first, second.readSlug, false],
      ] as const) {
        const answer = await workload.request(instance, 'read-api', `/api/articles/${slug}/read`, { user });
        expect(answer?.status).toBe(200);
        expect(JSON.parse(answer!.body)).toEqual({ signedIn: true, read });
      }
      const anonymous = await workload.request(instance, 'read-api', `/api/articles/${first.readSlug}/read`);
      expect(JSON.parse(anonymous!.body)).toEqual({ signedIn: false, read: false });
    }
    expect(scanner.findings).toEqual([]);
  });

  it('per-user answers are private; shared pages set no cookie', async () => {
    const server = cluster!.a;
    for (const path of [...PER_USER, `/api/articles/${first.readSlug}/read`]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: `se_session=${first.token}` }, redirect: 'manual' });
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toMatch(/private|no-store/);
      expect(res.headers.get('cache-control'), path).not.toMatch(/public|s-maxage/);
    }
    for (const path of publicPaths()) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: `se_session=${first.token}` }, redirect: 'manual' });
      const body = await res.text();
      expect(res.status, path).toBe(200);
      expect(res.headers.get('set-cookie'), path).toBeNull();
      scanner.scan(null, `A GET ${path} (with a cookie)`, body, true);
    }
    expect(scanner.findings).toEqual([]);
  });
});
